"""Documents (issue 10): research-outline answers per visited unit, the site schedule, problem details
(category, indicators touched, basis, evidence), the register of generated documents and the archive record.
Records: ``wcif_desktop/domain/docrecords.py``.
"""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})


def migrate(db):
    _table(db, "site_visit", {
        "place": str, "unit": str, "visit_date": str, "itinerary": str, "member_ids": str, "reason": str,
        "sort_order": int,
    })
    _table(db, "research_answer", {
        "topic": str, "question": str, "site_visit_id": str, "unit": str, "answer": str, "answered_on": str,
        "sort_order": int,
    })
    db["research_answer"].create_index(["site_visit_id"])
    _table(db, "problem_detail", {
        "finding_id": str, "category": str, "indicator_ids": str, "basis": str, "evidence": str,
        "library_id": str,
    })
    db["problem_detail"].create_index(["finding_id"])
    _table(db, "generated_document", {
        "kind": str, "file_name": str, "format": str, "sha256": str, "size": int, "generated_at": str,
        "template": str,
    })
    _table(db, "archive_record", {
        "archived_at": str, "folder": str, "index_sha256": str, "documents": int, "evidence_files": int,
    })
