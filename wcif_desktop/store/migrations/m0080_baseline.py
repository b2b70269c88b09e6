"""Last year's evaluation as the baseline (历史标准, issue 22): the reference to last year's ``.wcif`` and what was
carried forward from it.

- ``baseline_ref``: at most one live row — the path of last year's file (as chosen, and relative to this file's
  folder, so the two can move together), its SHA-256 when linked, and its fund, region, fiscal year and title.
- ``carried_item``: a target or a problem of last year's file carried into this evaluation (``kind`` ``target`` |
  ``problem``; ``source_id`` its id in last year's file; ``target_id`` the target created here). For a problem,
  ``status`` records whether it was fixed (整改情况: ``fixed`` 已整改, ``partial`` 部分整改, ``open`` 未整改,
  ``''`` not yet checked) and ``note`` how this was found.
"""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})


def migrate(db):
    _table(db, "baseline_ref", {
        "path": str, "relative_path": str, "sha256": str, "fund_name": str, "region": str, "fiscal_year": int,
        "title": str, "linked_at": str,
    })
    _table(db, "carried_item", {
        "kind": str, "source_id": str, "title": str, "body": str, "target_id": str, "status": str, "note": str,
        "sort_order": int,
    })
    db["carried_item"].create_index(["kind", "source_id"])
