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


@dataclass(frozen=True)
class PanelRow:
    """One indicator in the panel view: member scores (visible ones), spread and aggregate (points)."""

    indicator_id: str
    scores: dict[str, Decimal | None]
    spread: Decimal | None
    aggregate: Decimal | None
    consensus: Decimal | None


def panel_rows(indicator_ids: Sequence[str], scores: Iterable[PanelScore], method: str) -> list[PanelRow]:
    """Per-indicator spread and aggregate over the given (already visibility-filtered) panel scores."""
    members: dict[str, dict[str, Decimal | None]] = {}
    consensus: dict[str, Decimal | None] = {}
    for s in scores:
        if s.kind == "consensus":
            consensus[s.indicator_id] = s.score
        else:
            mine = members.get(s.indicator_id)
            if mine is None:
                mine = members[s.indicator_id] = {}
            mine[s.member_id] = s.score
    if method not in PANEL_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的专家评分汇总方法：{method}（可用：{choices}）"),
                              method=method, choices="、".join(PANEL_METHODS))
    trim = method == "trimmed_mean"
    rows = []
    for iid in indicator_ids:  # the same arithmetic as aggregate(), with min/max/sum taken once
        mine = members.get(iid) or {}
        vals = [v for v in mine.values() if v is not None]
        cons = consensus.get(iid)
        lo = hi = agg = None
        if vals:
            lo, hi, total, n = min(vals), max(vals), sum(vals, Decimal(0)), len(vals)
            if trim and n >= TRIM_MINIMUM:
                total, n = total - hi - lo, n - 2
            agg = (total / n).quantize(CENT, ROUND_HALF_UP)
        if method == "consensus":
            agg = None if cons is None else round2(cons)
        rows.append(PanelRow(iid, mine, None if lo is None else hi - lo, agg, cons))
    return rows
