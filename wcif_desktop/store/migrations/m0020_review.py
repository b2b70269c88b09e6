"""Team independence, evaluation plan, document request list, review notes, evidence (content-addressed
chunks), working papers and interviews (issue 4). Records: ``wcif_desktop/domain/review.py``.

Evidence content lives in ``evidence_chunk`` (one row per ≤1 MiB chunk, keyed by the content's SHA-256 and the
chunk's sequence number) so files of hundreds of MB are written and read in pieces, never whole. The chunk
table has no tombstone: content is immutable and shared by every attachment of the same file.
"""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})


def migrate(db):
    _table(db, "independence_declaration", {
        "member_id": str, "independent": int, "declared_on": str, "note": str,
    })
    db["independence_declaration"].create_index(["member_id"])
    _table(db, "evaluation_plan", {
        "objectives": str, "evaluation_object": str, "scope": str, "principles": str, "methods": str,
        "standards": str, "standards_note": str,
    })
    _table(db, "plan_basis", {"title": str, "issuer": str, "number": str, "sort_order": int})
    _table(db, "plan_phase", {
        "name": str, "start_date": str, "end_date": str, "owner_ids": str, "description": str, "sort_order": int,
    })
    _table(db, "document_request", {
        "code": str, "category": str, "title": str, "description": str, "requested_on": str, "due_on": str,
        "status": str, "status_changed_at": str, "provider_note": str, "sort_order": int,
    })
    db["document_request"].create_index(["code"])
    _table(db, "review_note", {
        "request_id": str, "reviewer_id": str, "reviewer_name": str, "written_at": str, "text": str,
    })
    db["review_note"].create_index(["request_id"])
    _table(db, "evidence", {
        "sha256": str, "size": int, "original_name": str, "media_type": str, "added_by": str, "added_at": str,
        "note": str,
    })
    db["evidence"].create_index(["sha256"])
    _table(db, "evidence_link", {"evidence_id": str, "target_kind": str, "target_id": str})
    db["evidence_link"].create_index(["evidence_id"])
    db["evidence_link"].create_index(["target_kind", "target_id"])
    db.execute(
        "CREATE TABLE evidence_chunk (sha256 TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, "
        "UNIQUE (sha256, seq))")
    _table(db, "working_paper", {
        "code": str, "title": str, "body": str, "indicator_ids": str, "request_ids": str, "preparer_id": str,
        "prepared_at": str, "prepared_hash": str, "reviewer_id": str, "reviewed_at": str, "reviewed_hash": str,
        "sort_order": int,
    })
    _table(db, "interview", {
        "interviewee": str, "interviewee_role": str, "interviewee_unit": str, "held_at": str, "place": str,
        "interviewer_ids": str, "summary": str, "indicator_ids": str, "sort_order": int,
    })
