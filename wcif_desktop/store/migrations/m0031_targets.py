"""Performance targets as written in a 绩效目标表: the table's header (project, amounts, period, 实施期目标,
年度总体目标) per version (declared/refined), and the target-indicator columns that keep a row as written
(goal, 定量/定性 kind, level-1/2 labels, 指标值 text) plus the link from a refined row to the declared one."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def migrate(db):
    cols = dict(COMMON)
    cols.update({
        "version": str, "project_name": str, "unit_name": str, "department": str, "budget_text": str,
        "superior_funds": str, "period": str, "period_goal": str, "annual_goal": str, "source": str,
    })
    db["target_sheet"].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})
    existing = {c.name for c in db["target_indicator"].columns}
    for col in ("goal", "kind", "level1_label", "level2_label", "target_text", "declared_id"):
        if col not in existing:
            db["target_indicator"].add_column(col, str)
