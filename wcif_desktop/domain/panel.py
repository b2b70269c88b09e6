"""Expert panel scoring (专家评分): each team member scores on their own; the lead reveals; scores aggregate.

Rules (firm practice; 财预〔2020〕10号 names 专家评估 under 公众评判法 but sets no aggregation rule):
- Each member's score per level-3 indicator lies in [0, weight]; below the weight it needs a reason.
- Until the lead reveals the panel, a member sees only their own scores.
- Spread per indicator = highest − lowest member score (points).
- Aggregation, chosen per evaluation: ``mean`` (算术平均); ``trimmed_mean`` (去掉一个最高分和一个最低分后取平均,
  applied when 5 or more members scored, otherwise the plain mean); ``consensus`` (the score the panel agreed
  and recorded). Results are rounded half-up to two decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from .errors import QT_TRANSLATE_NOOP, ValidationError
from .model import Record
from .money import CENT, round2

PANEL_METHODS: dict[str, str] = {
    "mean": "算术平均",
    "trimmed_mean": "去掉最高分和最低分后平均",
    "consensus": "专家组合议",
}
TRIM_MINIMUM = 5  # trimmed mean applies when at least this many members scored


@dataclass
class PanelScore(Record):
    """One panel member's score of one level-3 indicator (table ``panel_score``).

    ``kind`` is ``member`` for a member's own score or ``consensus`` for the agreed score (``member_id`` then
    names who recorded it).
    """

    table = "panel_score"
    indicator_id: str = ""
    member_id: str = ""
    kind: str = "member"
    score: Decimal | None = None
    reason: str = ""


def spread(scores: Iterable[Decimal]) -> Decimal | None:
    """max − min of the given scores (points); ``None`` when none."""
    values = [s for s in scores if s is not None]
    if not values:
        return None
    return max(values) - min(values)


def aggregate(scores: Sequence[Decimal], method: str = "mean", consensus: Decimal | None = None) -> Decimal | None:
    """Aggregate member scores of one indicator (points, rounded half-up to two decimals).

    Returns ``None`` when there is nothing to aggregate (no scores; or ``consensus`` not yet recorded).

    Raises:
        ValidationError: unknown method.
    """
    if method == "consensus":
        return None if consensus is None else round2(consensus)
    values = [s for s in scores if s is not None]
    if not values:
        return None
    total, n = sum(values, Decimal(0)), len(values)
    if method == "trimmed_mean":
        if n >= TRIM_MINIMUM:  # drop one highest and one lowest score
            total, n = total - max(values) - min(values), n - 2
    elif method != "mean":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的专家评分汇总方法：{method}（可用：{choices}）"),
                              method=method, choices="、".join(PANEL_METHODS))
    return (total / n).quantize(CENT, ROUND_HALF_UP)


def visible(scores: Iterable[PanelScore], viewer_member_id: str, revealed: bool) -> list[PanelScore]:
    """The panel scores a member may see: all once revealed, otherwise their own (and the consensus)."""
    return [s for s in scores if revealed or s.member_id == viewer_member_id or s.kind == "consensus"]


def method_sentence(method: str, members: int, trimmed_applied: bool | None = None) -> str:
    """One report sentence stating how the panel's scores were combined.

    ``members`` is the number of panel members who scored; ``trimmed_applied`` tells whether the trim was used
    (default: members ≥ 5).
    """
    if method not in PANEL_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的专家评分汇总方法：{method}"), method=method)
    if method == "consensus":
        return f"评价组{members}名成员独立评分后，经集体合议确定各项指标得分。"
    if method == "trimmed_mean":
        applied = members >= TRIM_MINIMUM if trimmed_applied is None else trimmed_applied
        if applied:
            return (f"评价组{members}名成员独立评分，各项指标去掉一个最高分和一个最低分后取算术平均值"
                    f"（保留两位小数）作为指标得分。")
        return (f"评价组{members}名成员独立评分，因评分人数少于{TRIM_MINIMUM}人，各项指标取算术平均值"
                f"（保留两位小数）作为指标得分。")
    return f"评价组{members}名成员独立评分，各项指标取算术平均值（保留两位小数）作为指标得分。"


class PanelRow(NamedTuple):
    """One indicator in the panel view: member scores (visible ones), spread and aggregate (points).

    Immutable (a named tuple: one is made per indicator and recompute)."""

    indicator_id: str
    scores: dict[str, Decimal | None]
    spread: Decimal | None
    aggregate: Decimal | None
    consensus: Decimal | None


def panel_rows(indicator_ids: Sequence[str], scores: Iterable[PanelScore], method: str) -> list[PanelRow]:
    """Per-indicator spread and aggregate over the given (already visibility-filtered) panel scores.

    The same arithmetic as :func:`spread` and :func:`aggregate` (tests/scoring/test_scoring_panel.py compares
    them), with the scores grouped in one pass and min/max/sum taken once per indicator.
    """
    members: dict[str, dict[str, Decimal | None]] = {}
    consensus: dict[str, Decimal | None] = {}
    unscored: set[str] = set()  # indicators where some member's entry holds no score (filtered below)
    last = mine = None  # the indicator of the previous member score and its dict (rows come grouped)
    for s in scores:
        iid = s.indicator_id
        if s.kind == "consensus":
            consensus[iid] = s.score
            continue
        score = s.score
        if iid != last or last is None:
            mine = members.get(iid)
            if mine is None:
                mine = members[iid] = {}
            last = iid
        mine[s.member_id] = score
        if score is None:
            unscored.add(iid)
    if method not in PANEL_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的专家评分汇总方法：{method}（可用：{choices}）"),
                              method=method, choices="、".join(PANEL_METHODS))
    trim = method == "trimmed_mean"
    agreed = method == "consensus"
    rows = []
    append = rows.append
    new_row = tuple.__new__  # PanelRow without the named tuple's Python-level __new__ (one per indicator)
    for iid in indicator_ids:
        mine = members.get(iid)
        cons = consensus.get(iid)
        if not mine:
            append(new_row(PanelRow, (iid, mine if mine is not None else {}, None,
                                      (None if cons is None else round2(cons)) if agreed else None, cons)))
            continue
        vals = [v for v in mine.values() if v is not None] if unscored and iid in unscored else mine.values()
        if vals:
            lo, hi, total, n = min(vals), max(vals), sum(vals, _ZERO), len(vals)
            if trim and n >= TRIM_MINIMUM:  # drop one highest and one lowest score
                total, n = total - hi - lo, n - 2
            agg = (total / n).quantize(CENT, ROUND_HALF_UP)
            spread_ = hi - lo
        else:
            agg = spread_ = None
        if agreed:
            agg = None if cons is None else round2(cons)
        append(new_row(PanelRow, (iid, mine, spread_, agg, cons)))
    return rows


_ZERO = Decimal(0)
