"""Core schema: evaluation facts, team, finance lines, targets, indicators, findings, narratives, audit log."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def _table(db, name, columns):
    cols = dict(COMMON)
    cols.update(columns)
    db[name].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})


def migrate(db):
    _table(db, "evaluation", {
        "title": str, "fund_name": str, "project_name": str, "region": str, "fiscal_year": int,
        "commissioner": str, "evaluated_unit": str, "agency": str, "report_date": str,
        "illustrative_note": str, "locked": int,
    })
    _table(db, "team_member", {
        "name": str, "role": str, "qualification": str, "organisation": str, "contact": str, "sort_order": int,
    })
    _table(db, "finance_line", {
        "fiscal_year": int, "code": str, "name": str, "kind": str, "budget": str, "adjusted_budget": str,
        "actual": str, "parent_code": str, "sort_order": int,
    })
    _table(db, "target_indicator", {
        "version": str, "dimension": str, "subdimension": str, "name": str, "comparator": str, "value": str,
        "unit": str, "standard": str, "actual": str, "completion": str, "deviation_reason": str,
        "change_reason": str, "sort_order": int,
    })
    _table(db, "indicator", {
        "parent_id": str, "level": int, "code": str, "name": str, "weight": str, "definition": str,
        "scoring_rule": str, "rule_type": str, "rule_params": str, "score": str, "deduction_reason": str,
        "sort_order": int,
    })
    _table(db, "finding", {
        "kind": str, "title": str, "body": str, "cause": str, "answers": str, "sort_order": int,
    })
    _table(db, "narrative", {"section": str, "text": str})
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["audit_log"].create({
        "seq": int, "at": str, "who": str, "table_name": str, "record_id": str, "field": str,
        "old": str, "new": str, "prev_hash": str, "hash": str,
    }, pk="seq")
    db["audit_log"].create_index(["table_name", "record_id"])
