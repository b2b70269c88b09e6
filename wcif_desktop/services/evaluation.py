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


def open_file(path, who: str | None = None, *, backup: bool = True) -> EvaluationFile:
    """Open an evaluation file for editing (see :meth:`EvaluationFile.open` for errors). ``backup``: keep a
    rolling backup first (the default); ``who`` names the editor in the history. What opening did with files found
    beside it (a stale ``-wal`` moved aside, an interrupted save recovered) is in ``ef.notices``, sentences to show
    the user."""
    return EvaluationFile.open(Path(path), who=who, backup=backup)


def open_for_thread(path, who: str | None = None) -> EvaluationFile:
    """A second handle on an already open evaluation file for a worker thread (SQLite connections belong to one
    thread): no migration, no backup. Close it when the work is done."""
    from ..store.db import _connect

    return EvaluationFile(Path(path), _connect(Path(path)), who)


def save_copy(ef: EvaluationFile, dest) -> Path:
    """Write a consistent copy of the open file to ``dest`` with SQLite's backup API (另存为). Returns ``dest``.

    Raises:
        WcifError: ``dest`` is the open file itself or cannot be written.
    """
    import sqlite3

    dest = Path(dest)
    if dest.exists() and dest.resolve() == Path(ef.path).resolve():
        raise WcifError(QT_TRANSLATE_NOOP("core", "另存为的目标就是当前文件：{path}"), path=dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        from ..store.sidecars import present, set_aside_all

        if present(dest):  # a stale -wal/-journal of the file replaced must not be applied to the copy
            set_aside_all(dest)
        target = sqlite3.connect(str(dest))
        try:
            ef.conn.backup(target)
        finally:
            target.close()
    except (OSError, sqlite3.Error) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法另存为 {path}：{reason}"), path=dest, reason=e) from e
    return dest


def warm_up() -> None:
    """Import what the first write needs ahead of it (the GUI calls this once idle after start-up)."""
    from ..store.db import warm_up as _warm_up

    _warm_up()


def backups(path) -> list[tuple[Path, int | None]]:
    """The rolling backups of the evaluation file at ``path``, oldest first, each with the size in bytes the file
    had when it was taken (``None`` for an older or unreadable backup). See ``docs/file-safety.md``."""
    from ..store.backups import backup_state, list_backups

    out = []
    for b in list_backups(path):
        state = backup_state(b)
        out.append((b, state[0] if state else None))
    return out


def backup_folder(path) -> Path:
    """The folder where the rolling backups of the evaluation file at ``path`` are kept."""
    from ..store.backups import backup_dir

    return backup_dir(path)


def restore_backup(backup, dest) -> Path:
    """Write the complete evaluation file kept in ``backup`` to the new file ``dest`` (evidence put back from the
    chunk store, each content checked against its SHA-256). Returns ``dest``.

    Raises:
        WcifError: ``dest`` exists, a chunk is missing or does not match, or writing failed (nothing left behind).
    """
    from ..store.backups import restore_backup as _restore

    return _restore(backup, dest)


def open_read_only(path) -> EvaluationFile:
    """Open an evaluation file for reading only — for viewing, and for reading many files at once (a roll-up).

    Nothing is written to the file or beside it: no backup, no sidecar (``-wal``/``-shm``/``-journal``) applied
    or moved (one beside the file is ignored: only the file's own bytes are read), no migration in place (a file
    of an older schema is migrated in a private temporary copy, deleted on ``close()``). The result reads like any
    :class:`EvaluationFile` (``records``, ``rows``, :func:`load_snapshot` …); ``read_only`` is True and every
    write raises :class:`WcifError`. Close it (``with open_read_only(p) as ef:``).

    Raises:
        NotAnEvaluationFile: missing, not SQLite, corrupt, or not ours. NewerSchemaError: written by a newer
        version.
    """
    return EvaluationFile.open_read_only(Path(path))


def create_empty(path, *, title: str = "新建绩效评价", fiscal_year: int = 0, who: str | None = None) -> EvaluationFile:
    """Create a new evaluation file holding only the evaluation facts row."""
    ef = EvaluationFile.create(Path(path), who=who)
    ef.insert(Evaluation(title=title, fiscal_year=fiscal_year))
    return ef


def create_new(path, *, region: str = "", fiscal_year: int = 0, framework: str | None = None,
               agency: str = "", who: str | None = None) -> Path:
    """Create the empty evaluation ``path`` (``.wcif`` added when missing): its facts (region, fiscal year,
    agency, a title from them) and, with ``framework``, that indicator framework template
    (:func:`wcif_desktop.services.frameworks.apply_template`). Returns the path. Nothing is scored.

    Raises:
        WcifError: the file exists (never overwritten), an unknown framework (the file is not left behind),
            a year outside 2000–2100.
    """
    from . import frameworks

    path = Path(path)
    if path.suffix.lower() != ".wcif":
        path = path.with_name(path.name + ".wcif")
    if path.exists():
        raise WcifError(QT_TRANSLATE_NOOP("core", "文件已存在，不会覆盖：{path}"), path=path)
    if fiscal_year and not 2000 <= int(fiscal_year) <= 2100:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价年度应在 2000—2100 之间：{year}"), year=fiscal_year)
    if framework:
        frameworks.load_template(framework)  # an unknown key fails before any file is written
    region = (region or "").strip()
    title = f"{region}{fiscal_year}年度工伤保险基金项目绩效评价" if fiscal_year else f"{region}工伤保险基金项目绩效评价"
    ef = EvaluationFile.create(path, who=who)
    try:
        ef.insert(Evaluation(title=title, region=region, fiscal_year=int(fiscal_year or 0), agency=agency.strip()))
        if framework:
            frameworks.apply_template(ef, framework)
    except BaseException:
        ef.close()
        path.unlink(missing_ok=True)
        raise
    ef.close()
    return path


def get(ef: EvaluationFile, cls: type[Record], record_id: str) -> Record:
    """One record of type ``cls`` by id.

    Raises:
        WcifError: no such record (deleted or never there).
    """
    return ef.get(cls, record_id)


def records(ef: EvaluationFile, cls: type[Record]) -> list:
    """Every (not deleted) record of type ``cls``, sorted by ``sort_order`` when the type has one."""
    recs = ef.records(cls)
    if recs and hasattr(recs[0], "sort_order"):
        recs.sort(key=lambda r: r.sort_order)
    return recs


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

