"""Use cases on one evaluation file: open/create, read a snapshot, edit records.

Every edit validates against the domain rules, writes in one transaction (with audit entries) and returns a
:class:`Changes` record naming what changed, so the UI refreshes only what it shows.
"""

from __future__ import annotations

import sqlite3

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.model import (
    Evaluation,
    EvaluationSnapshot,
    FinanceLine,
    Finding,
    Indicator,
    Narrative,
    Record,
    TargetIndicator,
    TeamMember,
)
from ..domain.money import D
from ..domain.scoring import bands_from_rows, validate_score
from ..store.db import EvaluationFile


@dataclass
class Changes:
    """What an operation changed: table name → set of record ids (empty set = whole table)."""

    tables: dict[str, set[str]] = field(default_factory=dict)

    def add(self, table: str, record_id: str | None = None) -> "Changes":
        ids = self.tables.setdefault(table, set())
        if record_id:
            ids.add(record_id)
        return self

    def touches(self, table: str) -> bool:
        return table in self.tables

    def __bool__(self) -> bool:
        return bool(self.tables)


def open_file(path) -> EvaluationFile:
    """Open an evaluation file (see :meth:`EvaluationFile.open` for errors)."""
    return EvaluationFile.open(Path(path))


def create_empty(path, *, title: str = "新建绩效评价", fiscal_year: int = 0, who: str | None = None) -> EvaluationFile:
    """Create a new evaluation file holding only the evaluation facts row."""
    ef = EvaluationFile.create(Path(path), who=who)
    ef.insert(Evaluation(title=title, fiscal_year=fiscal_year))
    return ef


def evaluation(ef: EvaluationFile) -> Evaluation:
    recs = ef.records(Evaluation)
    if not recs:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件缺少评价基本信息：{path}"), path=ef.path)
    return recs[0]


def load_snapshot(ef: EvaluationFile) -> EvaluationSnapshot:
    """Read everything a report or a view needs."""
    return EvaluationSnapshot(
        evaluation=evaluation(ef),
        team=sorted(ef.records(TeamMember), key=lambda m: m.sort_order),
        finance=sorted(ef.records(FinanceLine), key=lambda f: (f.fiscal_year, f.sort_order)),
        targets=sorted(ef.records(TargetIndicator), key=lambda t: (t.version, t.sort_order)),
        indicators=ef.records(Indicator),
        findings=sorted(ef.records(Finding), key=lambda f: (f.kind, f.sort_order)),
        narratives={n.section: n.text for n in ef.records(Narrative)},
        grade_bands=bands_from_rows(ef.rows("scoring_settings")),
        open_conflicts=open_conflicts(ef),
        history=ef.history_state(),
    )


TABLE_NAMES = {"indicator": "指标", "finding": "问题与建议", "narrative": "报告段落", "team_member": "评价小组成员",
               "finance_line": "财务数据", "target_indicator": "绩效目标", "evaluation": "评价基本信息"}


def open_conflicts(ef: EvaluationFile) -> tuple[str, ...]:
    """Labels ("table record-name") of the merge conflicts still open, oldest first; () without merge tables."""
    import json

    try:
        rows = ef.conn.execute("SELECT table_name, record_id, mine FROM merge_conflict WHERE status = 'open' "
                               "ORDER BY at, table_name, record_id").fetchall()
    except sqlite3.OperationalError:
        return ()
    out = []
    for table, rid, mine in rows:
        try:
            row = json.loads(mine or "{}")
        except ValueError:
            row = {}
        code = str(row.get("code") or "")
        name = next((str(row[c]) for c in ("name", "title", "section", "key", "label") if row.get(c)), "")
        label = " ".join(x for x in (code, name) if x) or rid
        out.append(f"{TABLE_NAMES.get(table, table)} {label}")
    return tuple(out)


def _ensure_unlocked(ef: EvaluationFile) -> None:
    if evaluation(ef).locked:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价已锁定（报告已最终签署），如需修改请先解除锁定并说明原因"))


def add_record(ef: EvaluationFile, rec: Record) -> Changes:
    """Insert any record (team member, finance line, target, indicator, finding …)."""
    if not isinstance(rec, Evaluation):
        _ensure_unlocked(ef)
    ef.insert(rec)
    return Changes().add(rec.table, rec.id)


def update_record(ef: EvaluationFile, cls: type[Record], record_id: str, **fields) -> Changes:
    """Change fields of a record. Unknown field names raise :class:`ValidationError`."""
    if cls is not Evaluation or set(fields) - {"locked"}:
        _ensure_unlocked(ef)
    allowed = {f for f in cls.__dataclass_fields__ if f != "id"}
    bad = set(fields) - allowed
    if bad:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知字段：{fields}"), fields=", ".join(sorted(bad)))
    changed = ef.update(cls.table, record_id, fields)
    return Changes().add(cls.table, record_id) if changed else Changes()


def delete_record(ef: EvaluationFile, cls: type[Record], record_id: str) -> Changes:
    _ensure_unlocked(ef)
    ef.delete(cls.table, record_id)
    return Changes().add(cls.table, record_id)


def restore_record(ef: EvaluationFile, cls: type[Record], record_id: str) -> Changes:
    """Bring back a deleted record (undo of a deletion or redo of an insertion)."""
    _ensure_unlocked(ef)
    ef.restore(cls.table, record_id)
    return Changes().add(cls.table, record_id)


def set_indicator_score(ef: EvaluationFile, indicator_id: str, score, deduction_reason: str | None = None) -> Changes:
    """Set a level-3 indicator's score (points) and deduction reason (扣分原因).

    ``score`` may be a Decimal, an int or a numeric string; ``None`` clears it.

    Raises:
        ValidationError: score outside [0, weight], on a non-leaf indicator, or below the weight with no reason.
    """
    ind: Indicator = ef.get(Indicator, indicator_id)
    has_children = bool(ef.rows("indicator", "parent_id = ?", [indicator_id]))
    if has_children:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”是上级指标，其得分由下级指标汇总，不能直接填写"),
                              name=ind.name)
    value = None if score in (None, "") else D(score)
    reason = ind.deduction_reason if deduction_reason is None else deduction_reason
    if value is not None and value == ind.weight:
        reason = reason or ""
    validate_score(ind, value, reason)
    return update_record(ef, Indicator, indicator_id, score=value, deduction_reason=reason)


def set_narrative(ef: EvaluationFile, section: str, text: str) -> Changes:
    """Set the evaluator's narrative of one report section (creates it on first use)."""
    _ensure_unlocked(ef)
    rows = ef.rows("narrative", "section = ?", [section])
    if rows:
        return update_record(ef, Narrative, rows[0]["id"], text=text)
    return add_record(ef, Narrative(section=section, text=text))


def leaf_indicators(snap: EvaluationSnapshot) -> list[Indicator]:
    parents = {i.parent_id for i in snap.indicators}
    return [i for i in snap.indicators if i.id not in parents]


def total_weight(indicators) -> Decimal:
    return sum((i.weight for i in indicators if i.level == 1), Decimal(0))
