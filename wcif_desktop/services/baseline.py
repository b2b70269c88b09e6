"""Last year's evaluation as the baseline (历史标准, issue 22).

An evaluation can name last year's ``.wcif`` of the same fund and region (:func:`link_baseline`). The reference
(path as chosen and relative to this file, SHA-256, fund, region, fiscal year, title) is kept in the table
``baseline_ref`` (migration ``m0080_baseline``). Last year's file is only ever read read-only
(:func:`wcif_desktop.services.rollup.open_readonly`: no backup, no migration in place, no write).

With a baseline:

- the finance statement gets year-on-year figures: :func:`baseline_finance_lines` supplies last year's
  statement lines for the years this file lacks, and :func:`wcif_desktop.services.finance.analysis` uses them (the
  previous-year summary, growth rates, 工伤预防费 base, the roll-forward from last year's closing balance);
  :func:`continuity_check` checks that last year's closing balance (年末滚存结余) equals this year's opening
  balance (期初余额; from its line, else implied by the roll-forward); :func:`year_on_year` lists the lines;
- last year's targets and problems are offered for carry-forward (:func:`carry_forward_candidates`,
  :func:`carry_forward`); for each carried problem the team records whether it was fixed
  (:func:`set_rectification`: 整改情况), and :func:`rectification_section` gives the full report's section;
- :func:`historical_standard` pairs this year's targets with last year's actual values (the 历史标准).

Amounts in 元, rates in %.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.finance import Check, growth_rate, summarize
from ..domain.model import FinanceLine, Finding, Record, TargetIndicator
from ..domain.money import D, fmt_amount
from ..store.db import EvaluationFile, now_iso
from . import evaluation as svc
from .evaluation import Changes

RECTIFICATION = {"fixed": "已整改", "partial": "部分整改", "open": "未整改", "": "待核实"}
SECTION_TITLE = "上年评价发现问题整改情况"


@dataclass
class BaselineRef(Record):
    """The reference to last year's evaluation file (one live row of ``baseline_ref``)."""

    table = "baseline_ref"
    path: str = ""  # absolute path as chosen
    relative_path: str = ""  # relative to this evaluation file's folder ('' when on another drive)
    sha256: str = ""  # of last year's file when linked
    fund_name: str = ""
    region: str = ""
    fiscal_year: int = 0
    title: str = ""
    linked_at: str = ""


@dataclass
class CarriedItem(Record):
    """A target or problem carried forward from last year's file (``kind`` ``target`` | ``problem``)."""

    table = "carried_item"
    kind: str = "problem"
    source_id: str = ""
    title: str = ""
    body: str = ""
    target_id: str = ""
    status: str = ""  # key of RECTIFICATION (problems)
    note: str = ""
    sort_order: int = 0


# ============================================================================================ the reference
def _has_tables(ef: EvaluationFile) -> bool:
    return ef.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'baseline_ref'"
                           ).fetchone() is not None


def baseline_ref(ef: EvaluationFile) -> BaselineRef | None:
    """The linked baseline, or ``None``."""
    if not _has_tables(ef):
        return None
    refs = ef.records(BaselineRef)
    return refs[0] if refs else None


def _same(a: str, b: str) -> bool:
    return "".join((a or "").split()) == "".join((b or "").split())


def link_baseline(ef: EvaluationFile, path) -> Changes:
    """Name last year's evaluation file of the same fund and region as this evaluation's baseline.

    The file is read read-only; its SHA-256, fund, region, year and title are stored. Linking again replaces the
    reference (e.g. after last year's file was reopened and changed).

    Raises:
        NotAnEvaluationFile / NewerSchemaError: last year's file cannot be read (the sentence says why).
        ValidationError: this evaluation has no fiscal year; the file is this evaluation itself; its fund or region
            differs; its fiscal year is not this year − 1; this evaluation is locked.
    """
    from .rollup import open_readonly

    p = Path(path).absolute()
    ev = svc.evaluation(ef)
    if not ev.fiscal_year:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请先填写本评价的年度，再关联上年评价文件"))
    if os.path.exists(ef.path) and os.path.exists(p) and os.path.samefile(ef.path, p):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不能把本评价文件自身关联为上年评价：{path}"), path=p)
    with open_readonly(p) as of:
        rows = of.ef.rows("evaluation")
        if not rows:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "评价文件缺少评价基本信息：{path}"), path=p)
        other = rows[0]
        digest = of.sha256
    year = int(other.get("fiscal_year") or 0)
    if not _same(other.get("fund_name") or "", ev.fund_name):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "上年评价文件的基金为“{other}”，与本评价的“{this}”不同：{path}"),
                              other=other.get("fund_name") or "", this=ev.fund_name, path=p)
    if not _same(other.get("region") or "", ev.region):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "上年评价文件的地区为“{other}”，与本评价的“{this}”不同：{path}"),
                              other=other.get("region") or "", this=ev.region, path=p)
    if year != ev.fiscal_year - 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "上年评价文件的年度为{other}年，应为{expected}年（本评价{this}年）：{path}"),
                              other=year, expected=ev.fiscal_year - 1, this=ev.fiscal_year, path=p)
    try:
        rel = os.path.relpath(p, Path(ef.path).absolute().parent)
    except ValueError:  # another drive on Windows
        rel = ""
    fields = {"path": str(p), "relative_path": rel, "sha256": digest, "fund_name": other.get("fund_name") or "",
              "region": other.get("region") or "", "fiscal_year": year, "title": other.get("title") or "",
              "linked_at": now_iso()}
    current = baseline_ref(ef)
    if current is not None:
        return svc.update_record(ef, BaselineRef, current.id, **fields)
    return svc.add_record(ef, BaselineRef(**fields))


def unlink_baseline(ef: EvaluationFile) -> Changes:
    """Forget the baseline (carried targets and problems stay)."""
    current = baseline_ref(ef)
    return svc.delete_record(ef, BaselineRef, current.id) if current else Changes()


def baseline_path(ef: EvaluationFile, ref: BaselineRef | None = None) -> Path | None:
    """Where last year's file is now: the path as chosen, else the same relative place next to this file
    (both moved together), else ``None``."""
    ref = ref or baseline_ref(ef)
    if ref is None:
        return None
    p = Path(ref.path)
    if p.is_file():
        return p
    if ref.relative_path:
        q = Path(ef.path).absolute().parent / ref.relative_path
        if q.is_file():
            return q
    return None


@dataclass
class BaselineStatus:
    """``ref`` the stored reference; ``path`` where the file is (``None`` missing); ``ok`` readable and
    unchanged since linking; ``message`` one sentence."""

    ref: BaselineRef | None
    path: Path | None
    ok: bool
    message: str


def baseline_status(ef: EvaluationFile) -> BaselineStatus:
    """Is the baseline linked, present, readable and unchanged (SHA-256) since it was linked?"""
    from .rollup import open_readonly

    ref = baseline_ref(ef)
    if ref is None:
        return BaselineStatus(None, None, False, Message(QT_TRANSLATE_NOOP("core", "未关联上年评价文件")))
    p = baseline_path(ef, ref)
    if p is None:
        return BaselineStatus(ref, None, False, Message(QT_TRANSLATE_NOOP(
            "core", "找不到关联的上年评价文件：{path}（请重新关联）"), path=ref.path))
    try:
        with open_readonly(p) as of:
            digest = of.sha256
    except WcifError as e:
        return BaselineStatus(ref, p, False, _message(e))
    if digest != ref.sha256:
        return BaselineStatus(ref, p, True, Message(QT_TRANSLATE_NOOP(
            "core", "上年评价文件在关联后已改变（SHA-256 不同），请核对后重新关联：{path}"), path=p))
    return BaselineStatus(ref, p, True, Message(QT_TRANSLATE_NOOP(
        "core", "已关联上年评价：{title}（{year}年），文件未改变：{path}"), title=ref.title, year=ref.fiscal_year, path=p))


# ============================================================================================ reading last year
_CACHE: dict[tuple, dict] = {}


def _read_baseline(ef: EvaluationFile) -> dict | None:
    """Last year's records needed here (read-only, cached by path, size and modification time):
    ``{"finance": [FinanceLine], "targets": [TargetIndicator], "problems": [Finding], "year": int}``;
    ``None`` without a readable baseline."""
    from .rollup import open_readonly

    ref = baseline_ref(ef)
    p = baseline_path(ef, ref) if ref else None
    if p is None:
        return None
    try:
        st = p.stat()
    except OSError:
        return None
    key = (str(p.absolute()), st.st_size, st.st_mtime_ns)
    if key in _CACHE:
        return _CACHE[key]
    try:
        with open_readonly(p) as of:
            other = of.ef
            data = {
                "finance": other.records(FinanceLine),
                "targets": sorted(other.records(TargetIndicator), key=lambda t: (t.version, t.sort_order)),
                "problems": sorted((f for f in other.records(Finding) if f.kind == "problem"),
                                   key=lambda f: f.sort_order),
                "year": int((other.rows("evaluation") or [{}])[0].get("fiscal_year") or 0),
            }
    except (WcifError, sqlite3.Error, OSError):
        return None
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = data
    return data


def baseline_finance_lines(ef: EvaluationFile, have_years=None) -> list[FinanceLine]:
    """Last year's statement lines (all years on last year's file) for the years this file has no lines of.

    ``have_years``: the years this file's statement already covers (read from the file when ``None``). Returns
    ``[]`` without a readable baseline. Never raises for a missing or damaged baseline (see
    :func:`baseline_status` for why). Last year's file is read as it is now; :func:`baseline_status` says whether
    it changed since it was linked."""
    try:
        if baseline_ref(ef) is None:
            return []
    except sqlite3.Error:
        return []
    data = _read_baseline(ef)
    if not data:
        return []
    if have_years is None:
        have_years = {ln.fiscal_year for ln in ef.records(FinanceLine)}
    return [ln for ln in data["finance"] if ln.fiscal_year not in set(have_years)]


def continuity_check(ef: EvaluationFile) -> Check | None:
    """Last year's closing balance (年末滚存结余 in last year's file) against this year's opening balance
    (期初余额: this file's ``opening_balance`` line, else implied: year-end balance − income + expenditure), in 元.
    ``None`` without a readable baseline or when a figure is missing."""
    data = _read_baseline(ef)
    if not data:
        return None
    ev = svc.evaluation(ef)
    prev = summarize(data["finance"], ev.fiscal_year - 1)
    closing = prev.year_end_balance
    lines = ef.records(FinanceLine)
    opening_line = next((ln for ln in lines if ln.code == "opening_balance" and ln.fiscal_year == ev.fiscal_year),
                        None)
    if opening_line is not None and opening_line.actual is not None:
        opening, how = opening_line.actual, Message(QT_TRANSLATE_NOOP("core", "期初余额"))
    else:
        opening = summarize(lines, ev.fiscal_year).implied_opening_balance
        how = Message(QT_TRANSLATE_NOOP("core", "由本年收支倒推的期初余额"))
    if closing is None or opening is None:
        return None
    diff = D(opening) - D(closing)
    ok = diff == 0
    p = {"year": ev.fiscal_year, "how": how, "opening": f"{fmt_amount(opening)}元", "previous_year": ev.fiscal_year - 1,
         "closing": f"{fmt_amount(closing)}元"}
    if ok:
        msg = Message(QT_TRANSLATE_NOOP("core", "{year}年{how}{opening}等于上年评价文件中{previous_year}年年末滚存结余{closing}"),
                      **p)
    else:
        msg = Message(QT_TRANSLATE_NOOP("core", "{year}年{how}{opening}不等于上年评价文件中{previous_year}年年末滚存结余{closing}，"
                                                "相差{difference}"), difference=f"{fmt_amount(diff)}元", **p)
    return Check("baseline_continuity", ok, msg, D(closing), D(opening), diff)


def year_on_year(ef: EvaluationFile) -> list[dict]:
    """This year's statement lines with last year's actual from the baseline: rows ``code``, ``name``,
    ``actual`` (元), ``previous_actual`` (元, last year's file), ``change`` (元), ``growth_rate`` (%); ``[]``
    without a readable baseline. Lines only last year has are listed with ``actual`` ``None``."""
    data = _read_baseline(ef)
    if not data:
        return []
    year = svc.evaluation(ef).fiscal_year
    this = {ln.code: ln for ln in ef.records(FinanceLine) if ln.fiscal_year == year}
    prev = {ln.code: ln for ln in data["finance"] if ln.fiscal_year == year - 1}
    from ..domain.finance import SORT_ORDER

    rows = []
    for code in sorted(set(this) | set(prev), key=lambda c: (SORT_ORDER.get(c, 900), c)):
        a = this[code].actual if code in this else None
        b = prev[code].actual if code in prev else None
        rows.append({"code": code, "name": (this.get(code) or prev.get(code)).name, "actual": a,
                     "previous_actual": b, "change": None if a is None or b is None else a - b,
                     "growth_rate": growth_rate(a, b)})
    return rows


# ============================================================================================ carry-forward
@dataclass
class Candidates:
    """Last year's targets and problems, each with ``carried`` (already brought into this file)."""

    targets: list[tuple[TargetIndicator, bool]] = field(default_factory=list)
    problems: list[tuple[Finding, bool]] = field(default_factory=list)


def carried(ef: EvaluationFile, kind: str | None = None) -> list[CarriedItem]:
    """Carried items in order (``kind`` ``target`` / ``problem`` / all)."""
    if not _has_tables(ef):
        return []
    items = ef.records(CarriedItem, "kind = ?", [kind]) if kind else ef.records(CarriedItem)
    return sorted(items, key=lambda c: (c.kind, c.sort_order))


def carry_forward_candidates(ef: EvaluationFile) -> Candidates:
    """What last year's file offers for carry-forward (its refined targets — its declared ones when it has no
    refined table — and its problems).

    Raises:
        WcifError: no baseline linked, or it cannot be read (the sentence says why).
    """
    data = _require(ef)
    done = {(c.kind, c.source_id) for c in carried(ef)}
    targets = [t for t in data["targets"] if t.version == "refined"] or data["targets"]
    return Candidates([(t, ("target", t.id) in done) for t in targets],
                      [(f, ("problem", f.id) in done) for f in data["problems"]])


def _message(e: WcifError) -> Message:
    """The error's sentence as a translatable Message."""
    return Message(e.template, **e.params) if e.params else Message(e.template)


def _require(ef: EvaluationFile) -> dict:
    st = baseline_status(ef)
    if st.ref is None or st.path is None or not st.ok:
        raise WcifError.from_error(st.message)
    data = _read_baseline(ef)
    if data is None:
        raise WcifError.from_error(st.message)
    return data


def carry_forward(ef: EvaluationFile, *, target_ids=None, problem_ids=None) -> Changes:
    """Bring last year's targets and problems into this evaluation, in one transaction.

    ``target_ids`` / ``problem_ids``: ids in last year's file (``None`` = all offered; ``[]`` = none). A target
    becomes a new target here (same version, wording and value; actual value, completion and reasons left empty
    for this year); a problem becomes a carried problem whose 整改情况 is still to be checked. Items already
    carried are skipped.

    Raises:
        WcifError: no readable baseline; ValidationError: this evaluation is locked.
    """
    cand = carry_forward_candidates(ef)
    changes = Changes()
    existing = ef.records(TargetIndicator)
    order = max((t.sort_order for t in existing), default=0)
    corder = max((c.sort_order for c in carried(ef)), default=0)
    with ef.transaction():
        for t, done in cand.targets:
            if done or (target_ids is not None and t.id not in set(target_ids)):
                continue
            order += 1
            corder += 1
            new = TargetIndicator(
                version=t.version, dimension=t.dimension, subdimension=t.subdimension, name=t.name,
                comparator=t.comparator, value=t.value, unit=t.unit, standard=t.standard, sort_order=order,
                goal=t.goal, kind=t.kind, level1_label=t.level1_label, level2_label=t.level2_label,
                target_text=t.target_text)
            changes.tables.update(svc.add_record(ef, new).tables)
            changes.tables.update(svc.add_record(ef, CarriedItem(kind="target", source_id=t.id, title=t.name,
                                                                 target_id=new.id, sort_order=corder)).tables)
        for f, done in cand.problems:
            if done or (problem_ids is not None and f.id not in set(problem_ids)):
                continue
            corder += 1
            body = f.body + (f"\n原因分析：{f.cause}" if f.cause else "")
            changes.tables.update(svc.add_record(ef, CarriedItem(kind="problem", source_id=f.id, title=f.title,
                                                                 body=body, sort_order=corder)).tables)
    return changes


def set_rectification(ef: EvaluationFile, carried_id: str, status: str, note: str = "") -> Changes:
    """Record whether a carried problem was fixed (整改情况): ``status`` ``fixed`` / ``partial`` / ``open`` / ``''``
    (or their Chinese labels), ``note`` how it was found (evidence, what remains).

    Raises:
        ValidationError: unknown status, not a carried problem, or the evaluation is locked.
    """
    by_label = {v: k for k, v in RECTIFICATION.items()}
    key = status if status in RECTIFICATION else by_label.get(status)
    if key is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "整改情况应为 已整改、部分整改、未整改 或 待核实，而不是“{status}”"),
                              status=status)
    item = ef.get(CarriedItem, carried_id)
    if item.kind != "problem":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{title}”不是结转的上年问题"), title=item.title)
    return svc.update_record(ef, CarriedItem, carried_id, status=key, note=note)


@dataclass
class RectificationSection:
    """The full report's 整改情况 section: ``title``, ``paragraphs`` (report text, Chinese) and ``rows`` (one per
    carried problem: 序号, 上年问题, 整改情况, 说明)."""

    title: str
    paragraphs: list[str]
    rows: list[dict]


def rectification_section(ef: EvaluationFile) -> RectificationSection | None:
    """The 上年评价发现问题整改情况 section of the full report, or ``None`` when no problem was carried forward."""
    items = carried(ef, "problem")
    if not items:
        return None
    ref = baseline_ref(ef)
    counts = {k: sum(1 for c in items if c.status == k) for k in RECTIFICATION}
    year = f"{ref.fiscal_year}年度" if ref and ref.fiscal_year else "上年度"
    parts = [f"{RECTIFICATION[k]}{counts[k]}项" for k in ("fixed", "partial", "open", "") if counts[k]]
    paragraphs = [f"{year}绩效评价共发现问题{len(items)}项。经本次评价核实，" + "，".join(parts) + "。"]
    rows = []
    for k, c in enumerate(items, start=1):
        text = f"{k}. {c.title}：{RECTIFICATION[c.status]}"
        paragraphs.append(text + (f"。{c.note.strip().rstrip('。')}。" if c.note.strip() else "。"))
        rows.append({"序号": k, "上年问题": c.title, "整改情况": RECTIFICATION[c.status], "说明": c.note})
    return RectificationSection(SECTION_TITLE, paragraphs, rows)


# ============================================================================================ 历史标准
@dataclass
class HistoricalValue:
    """One of this year's targets with last year's values as the 历史标准: ``last_actual`` (text as written in
    last year's file), ``last_value`` (last year's target value), ``actual`` (this year's), ``change`` (this year's
    actual − last year's, Decimal, when both are numbers of the same unit)."""

    target_id: str
    name: str
    unit: str
    actual: str
    last_actual: str
    last_value: str
    change: Decimal | None


def historical_standard(ef: EvaluationFile) -> list[HistoricalValue]:
    """This year's targets (refined, else declared) paired by indicator name with last year's (refined, else
    declared), giving last year's actual value as the 历史标准. Targets without a counterpart are left out;
    ``[]`` without a readable baseline."""
    from ..domain.targets import _norm, parse_target_value

    data = _read_baseline(ef)
    if not data:
        return []
    mine = ef.records(TargetIndicator)
    mine = sorted([t for t in mine if t.version == "refined"] or mine, key=lambda t: t.sort_order)
    theirs = [t for t in data["targets"] if t.version == "refined"] or data["targets"]
    by_name = {}
    for t in theirs:
        by_name.setdefault(_norm(t.name), t)
    out = []
    for t in mine:
        last = by_name.get(_norm(t.name))
        if last is None:
            continue
        change = None
        a, b = parse_target_value(t.actual), parse_target_value(last.actual)
        if a.numeric and b.numeric and a.unit == b.unit and a.comparator == b.comparator == "=":
            try:
                change = D(a.value) - D(b.value)
            except (ArithmeticError, ValueError, WcifError):
                change = None
        out.append(HistoricalValue(t.id, t.name, t.unit, t.actual, last.actual, last.value, change))
    return out
