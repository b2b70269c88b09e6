"""Scoring: per-evaluation settings (grade bands, panel method, template origin), expert-panel scores,
score citations of working papers / evidence (ids as text, no foreign keys), and two indicator columns:
``guidance`` (评价要点) and ``source_status`` (FRAMEWORK.md tag of the official wording, e.g. [R], [V-peer])."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})


def migrate(db):
    _table(db, "scoring_settings", {
        "grade_bands": str, "panel_method": str, "panel_revealed": int, "panel_revealed_by": str,
        "panel_revealed_at": str, "framework_key": str, "framework_version": str, "framework_name": str,
    })
    _table(db, "panel_score", {
        "indicator_id": str, "member_id": str, "kind": str, "score": str, "reason": str,
    })
    db["panel_score"].create_index(["indicator_id"])
    _table(db, "score_citation", {"indicator_id": str, "kind": str, "target_id": str, "note": str})
    db["score_citation"].create_index(["indicator_id"])
    existing = {c.name for c in db["indicator"].columns}
    for col in ("guidance", "source_status"):
        if col not in existing:
            db["indicator"].add_column(col, str)
