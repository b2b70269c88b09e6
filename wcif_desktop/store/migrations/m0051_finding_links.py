"""Links from a finding (问题) to what lies behind it: indicators, working papers (工作底稿) and evidence (证据).

One row per link: ``finding_id`` (a ``finding`` row), ``target_kind`` (``indicator`` | ``working_paper`` |
``evidence``) and ``target_id``. Recommendations keep the problems they answer in ``finding.answers``.
"""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def migrate(db):
    if "finding_link" in db.table_names():
        return
    cols = dict(COMMON)
    cols.update({"finding_id": str, "target_kind": str, "target_id": str})
    db["finding_link"].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})
    db["finding_link"].create_index(["finding_id"])
    db["finding_link"].create_index(["target_kind", "target_id"])
