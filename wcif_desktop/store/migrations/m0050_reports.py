"""Report archive: every generated report (time, outline, SHA-256, signers; bytes kept once per SHA-256) and
the lock/reopen events of the evaluation (with the reason, so they are in the history)."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})


def migrate(db):
    _table(db, "generated_report", {
        "created_at": str, "template": str, "title": str, "file_name": str, "outline": str, "sha256": str,
        "size": int, "pages": int, "signers": str, "final": int,
    })
    db["generated_report"].create_index(["sha256"])
    # Content-addressed PDF bytes (immutable; the audited generated_report row holds the SHA-256).
    db["report_blob"].create({"sha256": str, "pdf": bytes}, pk="sha256")
    _table(db, "lock_event", {"action": str, "reason": str, "at": str})
