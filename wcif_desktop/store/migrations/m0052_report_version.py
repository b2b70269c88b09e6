"""Report version and number, the evaluator's own finding per indicator, and the evaluated unit's feedback.

- ``evaluation.report_number`` (报告编号, e.g. ``内鑫评字〔2022〕第 18 号``) and ``evaluation.report_version``
  (``草稿`` | ``征求意见稿`` | ``正式稿``; ``''`` = 正式稿 once ready, see services/report_state.py);
- ``indicator.finding``: 评价情况（实际值） as the evaluator found it (a figure or a fact), for indicators no
  metric, rule or target states;
- ``scoring_settings.confirmed_overlaps``: facts (e.g. ``expenditure_budget``) the evaluator confirmed are not
  deducted twice although they drive deductions in several indicators (JSON list);
- ``report_feedback``: the evaluated unit's comments on the 征求意见稿 (``opinion``), whether and how they were
  taken up (``adoption``: 采纳 | 部分采纳 | 未采纳, ``response``), listed as an appendix of the 正式稿.
"""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def migrate(db):
    cols = {c.name for c in db["evaluation"].columns}
    for col in ("report_number", "report_version"):
        if col not in cols:
            db["evaluation"].add_column(col, str)
    if "scoring_settings" in db.table_names() and "confirmed_overlaps" not in {
            c.name for c in db["scoring_settings"].columns}:
        db["scoring_settings"].add_column("confirmed_overlaps", str)
    if "finding" not in {c.name for c in db["indicator"].columns}:
        db["indicator"].add_column("finding", str)
    if "report_feedback" not in db.table_names():
        t = dict(COMMON)
        t.update({"opinion": str, "adoption": str, "response": str, "sort_order": int})
        db["report_feedback"].create(t, pk="id", not_null={"id"}, defaults={"deleted": 0})
