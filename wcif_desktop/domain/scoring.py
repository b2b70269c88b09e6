"""Scoring rules: totals per level, overall total and grade.

Rules:
- A level-3 score lies in [0, weight]; a score below the weight needs a deduction reason (GLOSSARY 扣分原因).
- Level-1/2 scores are the sums of their children; the total is the sum of level-3 scores, rounded half-up to
  two decimals.
- Grades (财预〔2020〕10号 第二十三条 as recalled [R], see DOMAIN.md §1.3): 90(含)–100 优, 80(含)–90 良,
  60(含)–80 中, below 60 差. Bands are per evaluation; :data:`DEFAULT_GRADE_BANDS` is the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .errors import ValidationError
from .model import Indicator
from .money import D, round2

DEFAULT_GRADE_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "优"),
    (Decimal(80), "良"),
    (Decimal(60), "中"),
    (Decimal(0), "差"),
)


def grade_for(total: Decimal, bands=DEFAULT_GRADE_BANDS) -> str:
    """Grade of a total score (points). ``bands`` are (lower bound inclusive, grade) sorted high to low.

    The total is first rounded half-up to two decimals, so 89.995 is 90.00 → 优 and 89.994 → 良.
    """
    t = round2(total)
    for lower, name in sorted(bands, key=lambda b: b[0], reverse=True):
        if t >= lower:
            return name
    return sorted(bands, key=lambda b: b[0])[0][1]


def validate_score(indicator: Indicator, score: Decimal | None, reason: str) -> None:
    """Check a level-3 score against its weight.

    Raises:
        ValidationError: score below 0, above the weight, on a non-leaf, or below the weight without a reason.
    """
    if score is None:
        return
    score = D(score)
    if score < 0:
        raise ValidationError(f"“{indicator.name}”得分不能小于0（输入 {score}）")
    if score > indicator.weight:
        raise ValidationError(f"“{indicator.name}”得分 {score} 超过分值 {indicator.weight}")
    if score < indicator.weight and not (reason or "").strip():
        raise ValidationError(f"“{indicator.name}”得分低于分值，须填写扣分原因")


@dataclass
class Node:
    indicator: Indicator
    children: list["Node"] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def score(self) -> Decimal | None:
        """Sum of scores below (points); ``None`` if nothing below is scored."""
        if self.is_leaf:
            return self.indicator.score
        parts = [c.score() for c in self.children]
        if all(p is None for p in parts):
            return None
        return sum((p for p in parts if p is not None), Decimal(0))

    def weight(self) -> Decimal:
        return self.indicator.weight

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class ScoreSheet:
    """The framework tree with computed subtotals; built by :func:`build_sheet`."""

    roots: list[Node]
    bands: tuple = DEFAULT_GRADE_BANDS

    def leaves(self) -> list[Node]:
        return [n for r in self.roots for n in r.walk() if n.is_leaf]

    def total(self) -> Decimal:
        """Sum of all level-3 scores, rounded half-up to two decimals (unscored leaves count 0)."""
        return round2(sum((n.indicator.score or Decimal(0) for n in self.leaves()), Decimal(0)))

    def total_weight(self) -> Decimal:
        return sum((r.weight() for r in self.roots), Decimal(0))

    def grade(self) -> str:
        return grade_for(self.total(), self.bands)

    def dimension_scores(self) -> list[tuple[str, Decimal, Decimal]]:
        """(level-1 name, weight, score) per level-1 indicator; score rounded to two decimals."""
        return [(r.indicator.name, r.weight(), round2(r.score() or Decimal(0))) for r in self.roots]

    def problems(self) -> list[str]:
        """Structural checks: children's weights sum to the parent's, total weight 100, 产出+效益 ≥ 60.

        Returns human-readable messages (empty when sound). The 60 % rule is 财预〔2020〕10号 (原则上产出、效益
        指标权重不低于60%); it is reported as a warning text starting with “提示”.
        """
        msgs: list[str] = []
        if self.total_weight() != 100:
            msgs.append(f"指标分值合计为 {self.total_weight()}，应为 100")
        for r in self.roots:
            for n in r.walk():
                if n.children:
                    s = sum((c.weight() for c in n.children), Decimal(0))
                    if s != n.weight():
                        msgs.append(f"“{n.indicator.name}”的下级分值合计 {s} 与其分值 {n.weight()} 不一致")
                else:
                    ind = n.indicator
                    if ind.score is not None and ind.score < ind.weight and not ind.deduction_reason.strip():
                        msgs.append(f"“{ind.name}”扣分但未填写扣分原因")
        out_eff = sum((r.weight() for r in self.roots if r.indicator.name in ("产出", "效益", "效果")), Decimal(0))
        if self.roots and out_eff < 60:
            msgs.append(f"提示：产出、效益指标权重合计 {out_eff}，低于财预〔2020〕10号要求的60%")
        return msgs


def build_sheet(indicators: list[Indicator], bands=DEFAULT_GRADE_BANDS) -> ScoreSheet:
    """Build the tree from flat indicator rows (ordered by ``sort_order`` within each parent)."""
    nodes = {i.id: Node(i) for i in indicators}
    roots: list[Node] = []
    for ind in sorted(indicators, key=lambda i: (i.level, i.sort_order)):
        node = nodes[ind.id]
        parent = nodes.get(ind.parent_id) if ind.parent_id else None
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)
    for n in nodes.values():
        n.children.sort(key=lambda c: c.indicator.sort_order)
    roots.sort(key=lambda r: r.indicator.sort_order)
    return ScoreSheet(roots, tuple(bands))
