"""Scoring rules: totals per level, overall total and grade.

Rules:
- A level-3 score lies in [0, weight]; a score below the weight needs a deduction reason (GLOSSARY 扣分原因).
- Level-1/2 scores are the sums of their children; the total is the sum of level-3 scores, rounded half-up to
  two decimals.
- Grades (财预〔2020〕10号 第二十三条 as recalled [R], see DOMAIN.md §1.3): 90(含)–100 优, 80(含)–90 良,
  60(含)–80 中, below 60 差. Bands are per evaluation; :data:`DEFAULT_GRADE_BANDS` is the default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

from .errors import QT_TRANSLATE_NOOP, Message, ValidationError
from .model import Indicator, Record
from .money import CENT, D, round2

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
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”得分不能小于0（输入 {score}）"), name=indicator.name,
                              score=score)
    if score > indicator.weight:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”得分 {score} 超过分值 {weight}"), name=indicator.name,
                              score=score, weight=indicator.weight)
    if score < indicator.weight and not (reason or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{name}”得分低于分值，须填写扣分原因"), name=indicator.name)


@dataclass(slots=True)
class Node:
    """One indicator in the sheet's tree (slotted: one is made per indicator and recompute).

    ``children`` in sort order; a leaf built by :func:`build_sheet` has the shared empty tuple (no list per leaf)."""

    indicator: Indicator
    children: list[Node] | tuple = field(default_factory=list)

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
        """The nodes without children, in tree order (level-3 indicators in a complete tree)."""
        out: list[Node] = []
        _collect_leaves(self.roots, out.append)
        return out

    def total(self) -> Decimal:
        """Sum of all level-3 scores, rounded half-up to two decimals (unscored leaves count 0)."""
        return sum([n.indicator.score or _ZERO for n in self.leaves()], _ZERO).quantize(CENT, ROUND_HALF_UP)

    def total_weight(self) -> Decimal:
        return sum((r.weight() for r in self.roots), Decimal(0))

    def grade(self) -> str:
        return grade_for(self.total(), self.bands)

    def dimension_scores(self) -> list[tuple[str, Decimal, Decimal]]:
        """(level-1 name, weight, score) per level-1 indicator; score rounded to two decimals."""
        return [(r.indicator.name, r.weight(), round2(r.score() or Decimal(0))) for r in self.roots]

    def node_scores(self) -> dict[str, Decimal | None]:
        """Indicator id → score of every node (subtotals per level), rounded half-up to two decimals.

        ``None`` for a node with nothing scored below it. One bottom-up pass over the tree.
        """
        out: dict[str, Decimal | None] = {}
        for r in self.roots:
            if r.children:
                _subtotal(r, out)
            else:
                p = r.indicator.score
                out[r.indicator.id] = None if p is None else p.quantize(CENT, ROUND_HALF_UP)
        return out

    def check(self) -> list[Problem]:
        """Structural and scoring checks as :class:`Problem` records (severity, indicator id, message).

        - error: children's weights do not sum to the parent's weight; total weight is not 100; a level-3 score
          outside [0, weight]; a deducted score without a deduction reason (扣分原因).
        - warning: 产出 + 效益 (效果, 满意度 count with 效益) weigh less than 60 (财预〔2020〕10号：“原则上产出、
          效益指标权重不低于60%”).
        """
        out: list[Problem] = []
        tw = self.total_weight()
        if self.roots and tw != 100:
            out.append(Problem("error", "", Message(QT_TRANSLATE_NOOP("core", "指标分值合计为 {total}，应为 100"), total=tw)))
        for r in self.roots:
            for n in r.walk():
                ind = n.indicator
                if n.children:
                    s = sum((c.weight() for c in n.children), Decimal(0))
                    if s != n.weight():
                        out.append(Problem("error", ind.id, Message(
                            QT_TRANSLATE_NOOP("core", "“{name}”的下级分值合计 {sum} 与其分值 {weight} 不一致"),
                            name=ind.name, sum=s, weight=n.weight())))
                    continue
                if ind.score is None:
                    continue
                if ind.score < 0 or ind.score > ind.weight:
                    out.append(Problem("error", ind.id, Message(
                        QT_TRANSLATE_NOOP("core", "“{name}”得分 {score} 不在 0 至 {weight} 之间"),
                        name=ind.name, score=ind.score, weight=ind.weight)))
                elif ind.score < ind.weight and not (ind.deduction_reason or "").strip():
                    out.append(Problem("error", ind.id, Message(
                        QT_TRANSLATE_NOOP("core", "“{name}”扣分但未填写扣分原因"), name=ind.name)))
        out_eff = self.output_effect_weight()
        if self.roots and out_eff < 60:
            out.append(Problem("warning", "", Message(
                QT_TRANSLATE_NOOP("core", "提示：产出、效益指标权重合计 {weight}，低于财预〔2020〕10号要求的60%"),
                weight=out_eff)))
        return out

    def output_effect_weight(self) -> Decimal:
        """Weight of the level-1 indicators 产出 and 效益 (效果, 满意度 count as 效益), points."""
        return sum((r.weight() for r in self.roots if r.indicator.name.startswith(OUTPUT_EFFECT_PREFIXES)),
                   Decimal(0))

    def problems(self) -> list[str]:
        """The messages of :meth:`check` (empty when sound); warnings start with “提示”."""
        return [p.message for p in self.check()]


OUTPUT_EFFECT_PREFIXES = ("产出", "效益", "效果", "满意度")


@dataclass(frozen=True)
class Problem:
    """One failed check: ``severity`` is ``error`` or ``warning``; ``indicator_id`` empty for the whole tree."""

    severity: str
    indicator_id: str
    message: str  # a Message (.errors): Chinese, translatable in the UI


def bands_to_json(bands) -> str:
    """Grade bands → JSON text ``[["90", "优"], …]`` (lower bounds in points, inclusive)."""
    return json.dumps([[str(lo), name] for lo, name in bands], ensure_ascii=False)


def bands_from_json(text: str | None) -> tuple[tuple[Decimal, str], ...]:
    """JSON text → validated grade bands; empty text gives :data:`DEFAULT_GRADE_BANDS`.

    Raises:
        ValidationError: not a list of [lower bound, grade] pairs, duplicate bounds, or no band starting at 0.
    """
    if not text:
        return DEFAULT_GRADE_BANDS
    try:
        raw = json.loads(text)
        bands = tuple((D(lo), str(name).strip()) for lo, name in raw)
    except (ValueError, TypeError) as e:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分格式不正确：{reason}"), reason=e) from None
    return validate_bands(bands)


SETTINGS_ID = "scoring-settings"  # the fixed id of the scoring_settings row (copies of a file merge into it)


def bands_from_rows(rows: list[dict]) -> tuple[tuple[Decimal, str], ...]:
    """Grade bands from the ``scoring_settings`` table rows (the fixed-id row first); default when none."""
    rows = sorted(rows, key=lambda r: r.get("id") != SETTINGS_ID)
    return bands_from_json(rows[0].get("grade_bands")) if rows else DEFAULT_GRADE_BANDS


def sheet_for(snap) -> ScoreSheet:
    """The score sheet of an :class:`~wcif_desktop.domain.model.EvaluationSnapshot` with the evaluation's own
    grade bands (use this rather than ``build_sheet(snap.indicators)``, which grades by the default bands)."""
    return build_sheet(snap.indicators, snap.grade_bands or DEFAULT_GRADE_BANDS)


def validate_bands(bands) -> tuple[tuple[Decimal, str], ...]:
    """Sort bands high to low and check them (lower bounds in [0, 100], unique, one at 0, names given).

    Raises:
        ValidationError
    """
    bands = tuple(sorted(((D(lo), name) for lo, name in bands), key=lambda b: b[0], reverse=True))
    if not bands:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分不能为空"))
    lows = [lo for lo, _ in bands]
    if len(set(lows)) != len(lows):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分的分数下限不能重复"))
    if any(lo < 0 or lo > 100 for lo in lows):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分的分数下限应在 0 至 100 之间"))
    if lows[-1] != 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "最低一档等级的分数下限应为 0"))
    if any(not name for _, name in bands):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "每一档等级都须有名称"))
    return bands


def ordered_bands(pairs, current=DEFAULT_GRADE_BANDS) -> tuple[tuple[Decimal, str], ...]:
    """Grade bands as the user lists them, highest first: ``pairs`` (grade name, lower bound in points) in the
    order given. Each bound must be below the one before it (descending), in [0, 100]. A band of ``current``
    whose lower bound is 0 and that ``pairs`` do not name is kept at 0 (so “优=90,良=80,中=60” keeps 差 below 60).

    Raises:
        ValidationError: a bound not a number, not descending, outside [0, 100], a name twice, or the rules of
        :func:`validate_bands`.
    """
    out: list[tuple[Decimal, str]] = []
    for name, lo in pairs:
        name = str(name).strip()
        try:
            value = D(lo)
        except ValidationError:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "等级“{name}”的分数下限“{value}”不是数值"),
                                  name=name, value=lo) from None
        if any(n == name for _, n in out):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "等级“{name}”出现了两次"), name=name)
        if value < 0 or value > 100:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分的分数下限应在 0 至 100 之间"))
        if out and value >= out[-1][0]:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分应从高到低排列：“{name}”的下限 {value} 不低于"
                                                            "“{previous}”的下限 {bound}"),
                                  name=name, value=value, previous=out[-1][1], bound=out[-1][0])
        out.append((value, name))
    if out and out[-1][0] != 0:
        named = {n for _, n in out}
        floor = [n for lo, n in current if lo == 0 and n not in named]
        if floor:
            out.append((Decimal(0), floor[0]))
    return validate_bands(out)


def parse_bands_text(text: str, current=DEFAULT_GRADE_BANDS) -> tuple[tuple[Decimal, str], ...]:
    """``"优=90,良=80,中=60"`` (commas or 、/，/; between, = or ：) → bands (see :func:`ordered_bands`).

    Raises:
        ValidationError: an item without “=”, or as :func:`ordered_bands`.
    """
    import re

    pairs = []
    for item in (t.strip() for t in re.split(r"[,，、;；]", text or "")):
        if not item:
            continue
        m = re.match(r"^(.+?)\s*[=＝:：]\s*(.+)$", item)
        if not m:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "等级划分“{item}”应写作 等级=分数下限，例如 优=90"),
                                  item=item)
        pairs.append((m.group(1), m.group(2)))
    return ordered_bands(pairs, current)


def bands_sentence(bands=DEFAULT_GRADE_BANDS) -> str:
    """The grade bands as a report sentence, e.g. “90（含）-100分为优、80（含）-90分为良……”."""
    bands = validate_bands(bands)
    parts = []
    upper = None
    for lo, name in bands:
        if lo == 0:
            parts.append(f"{upper}分以下为{name}" if upper is not None else f"0-100分为{name}")
        else:
            parts.append(f"{lo}（含）-{upper if upper is not None else 100}分为{name}")
        upper = lo
    return "、".join(parts)


@dataclass
class ScoringSettings(Record):
    """Per-evaluation scoring settings (single row of table ``scoring_settings``).

    ``grade_bands`` JSON (see :func:`bands_to_json`); ``panel_method`` one of ``mean``, ``trimmed_mean``,
    ``consensus`` (domain/panel.py); ``framework_key``/``framework_version`` name the template the tree was
    copied from.
    """

    table = "scoring_settings"
    grade_bands: str = ""
    panel_method: str = "mean"
    panel_revealed: bool = False
    panel_revealed_by: str = ""
    panel_revealed_at: str = ""
    framework_key: str = ""
    framework_version: str = ""
    framework_name: str = ""
    confirmed_overlaps: str = ""  # JSON list of facts confirmed not deducted twice (migration m0052)


@dataclass
class ScoreCitation(Record):
    """A score's citation of a working paper (工作底稿) or evidence (证据) by id (no foreign key: those tables
    belong to the review module and may be created later)."""

    table = "score_citation"
    indicator_id: str = ""
    kind: str = "working_paper"  # working_paper | evidence
    target_id: str = ""
    note: str = ""


_sibling_order = attrgetter("indicator.sort_order", "indicator.level")  # (sort order, level) of a node
_ZERO = Decimal(0)
_NO_CHILDREN: tuple = ()  # a leaf's children (one shared empty tuple instead of a list per leaf)


# The two tree walks below are module functions, not closures inside the methods: a recursive closure refers to
# itself through its cell, and that cycle would keep each call's result (hundreds of Decimals) alive until the
# cyclic garbage collector runs.
def _collect_leaves(nodes, append) -> None:
    """``append`` every leaf under ``nodes``, in tree order."""
    for n in nodes:
        if n.children:
            _collect_leaves(n.children, append)
        else:
            append(n)


def _subtotal(n: Node, out: dict) -> Decimal | None:
    """Sum of the known scores under ``n`` (a node with children), unrounded; puts every node's score below and at
    ``n`` into ``out``, rounded half-up to two decimals (``None``: nothing scored). Leaves are handled in their
    parent's loop."""
    s = None
    for c in n.children:  # sum(known parts, Decimal(0)): the same additions in the same order
        if c.children:
            p = _subtotal(c, out)
        else:
            p = c.indicator.score
            out[c.indicator.id] = None if p is None else p.quantize(CENT, ROUND_HALF_UP)
        if p is not None:
            s = (_ZERO if s is None else s) + p
    out[n.indicator.id] = None if s is None else s.quantize(CENT, ROUND_HALF_UP)
    return s


def build_sheet(indicators: list[Indicator], bands=DEFAULT_GRADE_BANDS) -> ScoreSheet:
    """Build the tree from flat indicator rows (ordered by ``sort_order`` within each parent, then by level,
    then as given)."""
    nodes = {i.id: Node(i, _NO_CHILDREN) for i in indicators}
    if len(nodes) != len(indicators):  # the same id twice (never in a file): place them as ever
        for node in nodes.values():
            node.children = []
        return _build_sheet_sorted(indicators, nodes, bands)
    roots: list[Node] = []
    parents: list[Node] = []
    for node in nodes.values():
        pid = node.indicator.parent_id
        parent = nodes.get(pid) if pid else None
        if parent is None:
            roots.append(node)
        elif parent.children:
            parent.children.append(node)
        else:  # its first child: the parent's own list (a leaf keeps the shared empty tuple)
            parents.append(parent)
            parent.children = [node]
    for n in parents:
        if len(n.children) > 1:
            n.children.sort(key=_sibling_order)
    roots.sort(key=_sibling_order)
    return ScoreSheet(roots, tuple(bands))


def _build_sheet_sorted(indicators: list[Indicator], nodes: dict[str, Node], bands) -> ScoreSheet:
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
