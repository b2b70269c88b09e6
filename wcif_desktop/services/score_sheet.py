"""Score sheets (评分表) in Excel: read them as evaluators keep them, cross-foot them, import and export them.

Layout read (:func:`read_score_sheet`, built on :mod:`wcif_desktop.services.tabular`):

- title lines above the header (skipped); a header over one or two rows, found by “三级指标”/“一级指标”/
  “指标名称”; columns recognised by their header text — 一级指标 / 二级指标 / 三级指标 (or 指标名称), 分值 / 权重,
  得分, 扣分原因 / 偏差原因…, 指标值, 完成值, 指标解释, 评分标准;
- level-1 and level-2 cells merged down the rows (or left blank below the first row); a level-1 name may carry
  its points, “产出指标(50分)”;
- weights as points (15) or as percentages (“20%”, or a percent-formatted 0.2), taken as points of a
  100-point sheet;
- a total row (总分 / 合计 / 得分合计 …) whose stated weight and score are cross-footed against the rows;
- the 附件1 self-evaluation block “项目资金” above the indicators: its 年度资金总额 row (分值 10, 得分) counts as
  the 预算执行率 indicator.

Group scores without leaf weights (a 一级指标 | 分值 | 得分 self-evaluation form, or level-2 rows with 小计 rows,
against an evaluation whose framework goes deeper): :func:`group_rows` finds them, :func:`group_notes` compares each
with the evaluation (its group weight, the sum of its leaf scores, or how many leaves are unscored), the import
preview shows that, and the import refuses them naming the rows — a group score is never spread over leaves nor
imported in their place. Into an evaluation without a framework a 一级指标 table becomes a level-1 framework.

Cross-footing (:meth:`ScoreSheetData.crossfoot`) flags a stated total that disagrees with the sum of the rows
(case 08 prints 94 while its rows sum to 93), stated level-1 points that disagree with their rows, weights not
summing to 100 and scores above their weight. Cells that cannot be read raise a
:class:`~wcif_desktop.domain.errors.ValidationError` naming sheet, row and column.

:func:`export_score_sheet` writes the evaluation's sheet in the same shape (merged level cells, two-row header,
title above, total and grade below; a second sheet with the subtotals per dimension).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError
from ..domain.fields import field_values, fill
from ..domain.model import Indicator
from ..domain.money import HUNDRED, round2
from ..domain.progress import NO_PROGRESS, Progress, check
from ..store.db import EvaluationFile
from . import evaluation as svc
from .evaluation import Changes
from .tabular import (
    Cell,
    CellError,
    Rejection,
    Table,
    column_letter,
    normalize,
    parse_decimal,
    parse_percent,
    read_grid,
    table_from_grid,
)

HEADER_KEYWORDS = ("三级指标", "一级指标", "指标名称")
LEVEL_COLUMNS = (("一级指标",), ("二级指标",), ("三级指标", "指标名称"))
FIELD_COLUMNS = {
    "weight": (("分值", "权重", "标准分", "满分"), ("得分",)),
    # the evaluators' score (评价/核定/评价组…); a unit's self-evaluation (自评) only when no other score column exists
    "score": (("评价得分", "核定得分", "核定分", "审定得分", "评定得分", "评价组评分", "评价组得分", "评价组打分",
               "专家评分", "专家打分", "复核得分", "得分", "实际得分", "评分", "打分"),
              ("标准", "规则", "说明", "得分率", "分值", "自评", "要点", "方法")),
    "deduction": (("扣分", "扣减分"), ("原因", "说明", "标准", "情况", "依据", "理由", "事项", "内容")),
    "reason": (("扣分原因", "扣分理由", "扣分情况", "扣分事项", "偏差原因", "未完成原因", "扣分说明", "评分说明",
                "原因分析"), ()),
    "target": (("年度指标值", "指标值", "目标值"), ()),
    "actual": (("实际完成值", "完成值", "实际值"), ()),
    "definition": (("指标解释",), ()),
    "rule": (("评分标准", "评分规则", "指标说明"), ()),
}
# a group's subtotal row: 小计 or 分项合计 (a group's own 合计, “决策合计”, is recognised by the group's name:
# _is_group_total; a row starting 合计 is the sheet's total)
SUBTOTAL_RE = re.compile(r"^(?:.*[^总])?(?:小计|分项合计)$")
# a note under the table (备注：…, 注：…, 填表人 …): not an indicator row
NOTE_RE = re.compile(r"^(?:备注|注[:：]|说明[:：]|填表|审核人|制表|联系人|单位负责人)")
TOTAL_RE = re.compile(r"^(总分|总计|合计|得分合计|综合得分|评分合计|总得分)")
POINTS_IN_NAME = re.compile(r"^(.*?)\s*[(（【\[]\s*(\d+(?:\.\d+)?)\s*分\s*[)）】\]]\s*$")
LIST_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.]?\s+|\d+[、]"
                         r"|\d+[.．](?=[^\d\s]))")
BUDGET_ROW_RE = re.compile(r"(年度资金总额|资金总额|预算执行情况)")
# the numbering of official documents, by level: 一、 （一） 1. （1）; a single 指标名称 column numbered this way
# holds the whole tree
NUMBERING_LEVELS = (
    re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]"),
    re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]"),
    re.compile(r"^\s*\d+\s*[、.．](?!\d)"),
    re.compile(r"^\s*[（(]\s*\d+\s*[)）]"),
)


def _numbering_level(text: str) -> int | None:
    """0 for “一、…”, 1 for “（一）…”, 2 for “1.…”, 3 for “（1）…”; None without such a number."""
    for k, pattern in enumerate(NUMBERING_LEVELS):
        if pattern.match(text):
            return k
    return None


@dataclass(frozen=True)
class SheetRow:
    """One scored row: ``path`` the indicator names from level 1 down to this row's own name; points."""

    row: int
    path: tuple[str, ...]
    weight: Decimal
    score: Decimal | None
    reason: str = ""
    target: str = ""
    actual: str = ""
    definition: str = ""
    rule: str = ""
    group: bool = False  # a level-1 group's own score (a sheet with only 一级指标 names): no leaf below it

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass(frozen=True)
class CrossFoot:
    """A disagreement found by cross-footing, located like Excel shows it."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行{self.column}列" if self.row else ""
        return f"工作表“{self.sheet}”{where}：{self.message}"

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class ScoreSheetData:
    """A score sheet as read from Excel (points; weights converted from % where given)."""

    path: Path
    sheet: str
    title_lines: list[str]
    rows: list[SheetRow]
    stated_total: Decimal | None = None
    stated_weight: Decimal | None = None
    total_row: int | None = None
    weight_column: str = ""
    score_column: str = ""
    weights_as_percent: bool = False
    stated_group_weights: dict[tuple[str, ...], tuple[Decimal, int, str]] = field(default_factory=dict)
    subtotal_rows: list[int] = field(default_factory=list)  # 小计 rows (not indicators)
    # what each 小计 row states: (row, the row of the 小计 before it or 0, stated weight or None, stated score or
    # None); its run of indicators lies between the two rows; checked by crossfoot()
    stated_subtotals: list[tuple[int, int, Decimal | None, Decimal | None]] = field(default_factory=list)
    deduction_problems: list["CrossFoot"] = field(default_factory=list)  # 得分 ≠ 分值 − 扣分
    deduction_sum: Decimal = Decimal(0)  # the rows' 扣分 (points)
    # rows of a group's own 分值/得分 above its indicators: (row, path, weight, score or None)
    stated_groups: list[tuple[int, tuple[str, ...], Decimal, Decimal | None]] = field(default_factory=list)
    stated_deduction: Decimal | None = None  # the 合计 row's 扣分
    deduction_column: str = ""
    stated_grade: str = ""  # 优/良/中/差 as the sheet states it (“评价等级：良”)
    grade_cell: tuple[int, str] = (0, "")  # (row, column) of the stated grade

    def recomputed_total(self) -> Decimal:
        """Sum of the rows' scores, rounded half-up to two decimals."""
        return round2(sum((r.score or Decimal(0) for r in self.rows), Decimal(0)))

    def weight_total(self) -> Decimal:
        return sum((r.weight for r in self.rows), Decimal(0))

    @property
    def mismatch(self) -> bool:
        """True when the stated total disagrees with the rows."""
        return self.stated_total is not None and round2(self.stated_total) != self.recomputed_total()

    def crossfoot(self) -> list[CrossFoot]:
        """Every disagreement: stated total vs rows, stated weights vs rows, level-1 points, scores > weight."""
        out = []
        if self.mismatch:
            out.append(CrossFoot(self.sheet, self.total_row or 0, self.score_column,
                                 f"表中合计得分 {_s(self.stated_total)} 与各行得分之和 {_s(self.recomputed_total())} 不一致"))
        wt = self.weight_total()
        if self.stated_weight is not None and round2(self.stated_weight) != round2(wt):
            out.append(CrossFoot(self.sheet, self.total_row or 0, self.weight_column,
                                 f"表中合计分值 {_s(self.stated_weight)} 与各行分值之和 {_s(wt)} 不一致"))
        elif round2(wt) != 100:
            out.append(CrossFoot(self.sheet, 0, self.weight_column, f"各行分值之和为 {_s(wt)}，不是 100"))
        for prefix, (points, row, col) in self.stated_group_weights.items():
            s = sum((r.weight for r in self.rows if r.path[:len(prefix)] == prefix), Decimal(0))
            if round2(s) != round2(points):
                out.append(CrossFoot(self.sheet, row, col,
                                     f"“{prefix[-1]}”标明 {_s(points)} 分，其下各行分值之和为 {_s(s)}"))
        out.extend(self.deduction_problems)
        if self.stated_deduction is not None and round2(self.stated_deduction) != round2(self.deduction_sum):
            out.append(CrossFoot(self.sheet, self.total_row or 0, self.deduction_column,
                                 f"表中合计扣分 {_s(self.stated_deduction)} 与各行扣分之和 {_s(self.deduction_sum)} 不一致"))
        out.extend(self._subtotal_problems())
        if self.stated_grade:
            from ..domain.scoring import grade_for

            total = self.stated_total if self.stated_total is not None else self.recomputed_total()
            expected = grade_for(total)
            if expected != self.stated_grade:
                out.append(CrossFoot(self.sheet, self.grade_cell[0], self.grade_cell[1],
                                     f"表中评价等级为“{self.stated_grade}”，按总分 {_s(total)} 应为“{expected}”"
                                     f"（优 ≥ 90，良 80–90，中 60–80，差 < 60）"))
        for r in self.rows:
            if r.score is not None and (r.score < 0 or r.score > r.weight):
                out.append(CrossFoot(self.sheet, r.row, self.score_column,
                                     f"“{r.name}”得分 {_s(r.score)} 不在 0 至分值 {_s(r.weight)} 之间"))
        return out

    def _subtotal_problems(self) -> list[CrossFoot]:
        """A 小计 row whose stated score (or weight) is not the sum of its group: the indicators since the previous
        小计 row, or — where 小计 rows are nested or skip a group — the indicators of the dimension (一级指标) of the
        row above it. Either reading agreeing is enough."""
        out = []
        for row, path, weight, score in self.stated_groups:
            below = [r for r in self.rows if r.path[:len(path)] == path]
            for what, stated, col, value in (("分值", weight, self.weight_column, lambda r: r.weight),
                                             ("得分", score, self.score_column, lambda r: r.score or Decimal(0))):
                total = round2(sum((value(r) for r in below), Decimal(0)))
                if stated is not None and round2(stated) != total:
                    out.append(CrossFoot(self.sheet, row, col, f"“{path[-1]}”{what} {_s(stated)} 与其下 {len(below)} "
                                                               f"行指标{what}之和 {total:.2f} 不一致"))
        for row, previous, weight, score in self.stated_subtotals:
            above = [r for r in self.rows if r.row < row]
            if not above:
                continue
            run = [r for r in above if r.row > previous]  # empty right after another 小计 (a dimension's 小计)
            dimension = [r for r in above if r.path[:1] == above[-1].path[:1]]
            readings = [rows for rows in (run, dimension) if rows]
            for what, stated, col, value in (("得分", score, self.score_column, lambda r: r.score or Decimal(0)),
                                             ("分值", weight, self.weight_column, lambda r: r.weight)):
                if stated is None:
                    continue
                sums = [round2(sum((value(r) for r in rows), Decimal(0))) for rows in readings]
                if round2(stated) not in sums:
                    shown = readings[0]
                    out.append(CrossFoot(self.sheet, row, col,
                                         f"小计{what} {_s(stated)} 与其上 {len(shown)} 行指标{what}之和 {_s(sums[0])} 不一致"))
        return out

    def as_dict(self) -> dict:
        """JSON-ready summary (numbers as strings with two decimals)."""
        return {
            "file": str(self.path), "sheet": self.sheet,
            "rows": [{"row": r.row, "path": list(r.path), "weight": _s(r.weight),
                      "score": None if r.score is None else _s(r.score), "reason": r.reason} for r in self.rows],
            "recomputed_total": _s(self.recomputed_total()),
            "stated_total": None if self.stated_total is None else _s(self.stated_total),
            "weight_total": _s(self.weight_total()),
            "stated_weight": None if self.stated_weight is None else _s(self.stated_weight),
            "weights_as_percent": self.weights_as_percent,
            "mismatch": self.mismatch,
            "problems": [p.as_dict() for p in self.crossfoot()],
        }


def _s(value: Decimal) -> str:
    return f"{round2(value):.2f}"


def _find_all(table: Table, keywords, exclude=()):
    """Every column whose header holds one of ``keywords`` (and none of ``exclude``), left to right."""
    return [col for col in table.columns
            if any(kw in col.name.replace(" ", "") for kw in keywords)
            and not any(x in col.name.replace(" ", "") for x in exclude)]


def _find(table: Table, keywords, exclude=()):
    for kw in keywords:
        for col in table.columns:
            name = col.name.replace(" ", "")
            if kw in name and not any(x in name for x in exclude):
                return col
    return None


@functools.lru_cache(maxsize=4096)  # names repeat down the rows (level-1/2 cells merged or repeated)
def _split_points(name: str) -> tuple[str, Decimal | None]:
    """“一、产出指标(50分)” → (“产出指标”, 50): list markers dropped, stated points split off."""
    name = LIST_MARKER.sub("", name).strip() or name
    m = POINTS_IN_NAME.match(name)
    if m:
        return m.group(1).strip(), Decimal(m.group(2))
    return name, None


def _is_percent(cell: Cell) -> bool:
    text = cell.text
    return "%" in text or "％" in text or "%" in (cell.number_format or "")


def _points(cell: Cell, rejections: list[Rejection], what: str) -> tuple[Decimal | None, bool]:
    """(points, was_percent); a rejection is recorded instead of raising."""
    v = cell.value
    if v is None and cell.formula is None:  # blank
        return None, False
    if isinstance(v, str):
        text = normalize(v)
        if text.endswith("分"):  # “4分”
            cell = Cell(cell.sheet, cell.row, cell.col, text[:-1], cell.number_format, None, cell.merged)
    try:
        if _is_percent(cell):
            return parse_percent(cell), True
        return parse_decimal(cell), False
    except CellError as e:
        why = e.rejection.reason
        rejections.append(Rejection(e.rejection.sheet, e.rejection.row, e.rejection.column,
                                    f"{what}：{why}" if "公式" in why else f"{what}不是有效数值", e.rejection.value))
        return None, False


def read_score_sheet(path, sheet: str | None = None) -> ScoreSheetData:
    """Read a filled score sheet or a framework table (weights without scores) from .xlsx (or .csv).

    Raises:
        WcifError: the file cannot be read or has no indicator header.
        ValidationError: cells that cannot be read (each named by sheet, row and column), or no indicator rows.
    """
    grid = read_grid(path, sheet)
    table = table_from_grid(grid, header_keywords=HEADER_KEYWORDS)
    levels = []
    for kws in LEVEL_COLUMNS:
        col = _find(table, kws)
        if col is not None and all(col.index != c.index for c in levels):
            levels.append(col)
    weight_col = _find(table, *FIELD_COLUMNS["weight"])
    # one 分值 column per level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分): the indicators' own weight is
    # the one right of the deepest name column; the others state the groups' points (checked like “决策（30分）”)
    group_weight_at: dict[int, object] = {}
    weight_cols = _find_all(table, *FIELD_COLUMNS["weight"])
    if len(weight_cols) > 1 and levels:
        spans = sorted(c.index for c in levels)
        leaf_weight = next((c for c in weight_cols if c.index > spans[-1]), None)
        if leaf_weight is not None:
            weight_col = leaf_weight
            for k, level in enumerate(sorted(levels, key=lambda c: c.index)[:-1]):
                nxt = spans[k + 1]
                own = next((c for c in weight_cols if level.index < c.index < nxt), None)
                if own is not None:
                    group_weight_at[k] = own
    if not levels:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”第{row}行：找不到指标名称列或分值/权重列"
                                                "（表头：{headers}）"),
                              sheet=table.sheet, row=table.header_rows[0],
                              headers="、".join(c.name for c in table.columns if c.name))
    # A sheet naming only 一级指标 (no 二级/三级/指标名称 column) gives the groups' own scores (决策 18.5 of 20 …):
    # its rows are group scores, not leaves (see group_rows()).
    level1_only = len(levels) == 1 and "一级指标" in levels[0].name.replace(" ", "")
    cols = {k: _find(table, *v) for k, v in FIELD_COLUMNS.items() if k != "weight"}
    if cols["score"] is None:  # a self-evaluation form: its 自评分 is the score
        cols["score"] = _find(table, ("自评得分", "自评分", "自评"), ("标准", "规则", "说明", "得分率"))
    cols["weight"] = weight_col
    deductions_only = _states_deductions_only(table, levels, cols)
    data = ScoreSheetData(Path(path), table.sheet, table.title_lines, [],
                          weight_column=weight_col.letter if weight_col else "",
                          score_column=cols["score"].letter if cols["score"] else "")
    rejections: list[Rejection] = []
    _read_budget_block(grid, table, data, rejections)
    previous: list[str] = [""] * len(levels)
    level_at = [c.index - 1 for c in levels]
    # one name column numbered 一、/（一）/1. (two kinds of numbers or more): the numbers give the levels
    numbered = None
    if len(levels) == 1 and not level1_only:
        kinds = {_numbering_level(normalize(r.cells[level_at[0]].text)) for r in table.rows} - {None}
        if len(kinds) >= 2:
            numbered = sorted(kinds)
    stack: list[str] = []  # numbered: the names of the rows above, one per level
    last_depth = -1  # numbered: the level of the last numbered row
    deductions: dict[int, Decimal] = {}  # row → its 扣分 (summed over the indicator rows at the end)
    text_at = [(cols[k].index - 1 if cols.get(k) else -1) for k in ("reason", "target", "actual", "definition", "rule")]
    last_subtotal = 0  # the row of the last 小计 row (its run of indicators ends there)
    for row in table.rows:
        row_cells = row.cells
        texts = [normalize(row_cells[i].text) for i in level_at]
        first = next((t for t in texts if t), "") or normalize(row.cells[0].text)
        if TOTAL_RE.match(first.replace(" ", "")):
            data.total_row = row.number
            if weight_col:
                data.stated_weight, _ = _points(row.cell(weight_col.index), rejections, "合计分值")
            if cols["score"]:
                data.stated_total, _ = _points(row.cell(cols["score"].index), rejections, "合计得分")
            if cols.get("deduction"):
                stated, _ = _points(row.cell(cols["deduction"].index), rejections, "合计扣分")
                data.stated_deduction = None if stated is None else abs(stated)
                data.deduction_column = cols["deduction"].letter
            break
        if NOTE_RE.match(first.replace(" ", "")):
            continue
        deepest = -1
        for k, t in enumerate(texts):
            if t:
                deepest = k
        if deepest < 0:
            continue
        last = texts[deepest].replace(" ", "")
        if (_is_group_total(last, deepest, [*previous, *texts[:deepest]]) or SUBTOTAL_RE.match(last)
                or SUBTOTAL_RE.match(first.replace(" ", ""))):
            data.subtotal_rows.append(row.number)  # a group's 小计 row: not an indicator, but checked
            sub_w = _points(row.cell(weight_col.index), rejections, "小计分值")[0] if weight_col else None
            sub_s = _points(row.cell(cols["score"].index), rejections, "小计得分")[0] if cols["score"] else None
            data.stated_subtotals.append((row.number, last_subtotal, sub_w, sub_s))
            last_subtotal = row.number
            continue
        for k in range(deepest):  # a blank higher level continues the row above (flattened sheets)
            if not texts[k]:
                texts[k] = previous[k]
        previous = texts[:deepest + 1] + [""] * (len(levels) - deepest - 1)
        names = []
        leaf_points = None
        for k, t in enumerate(texts[:deepest + 1]):
            name, pts = _split_points(t)
            names.append(name)
            if k < deepest and k in group_weight_at and row_cells[level_at[k]].text.strip():
                own = group_weight_at[k]  # the group's points in its own 分值 column, on the row naming it
                stated, _ = _points(row.cell(own.index), rejections, "分值")
                if stated is not None:
                    data.stated_group_weights.setdefault(tuple(names), (stated, row.number, own.letter))
            if pts is not None and k < deepest:
                data.stated_group_weights.setdefault(tuple(names), (pts, row.number, levels[k].letter))
            elif k == deepest:
                leaf_points = pts  # “立项依据充分性（5分）”: the weight given in the name
        if numbered is not None:
            kind = _numbering_level(texts[0])
            if kind is not None:
                depth = last_depth = numbered.index(kind)
            else:  # unnumbered: below the last numbered row (“一、决策 / （一）项目立项 / 立项依据充分性”)
                depth = last_depth + 1
            stack = stack[:depth] + [""] * (depth - len(stack)) + [names[-1]]
            names = list(stack)
        weight, pct = (_points(row.cell(weight_col.index), rejections, "分值") if weight_col else (None, False))
        if weight is None and leaf_points is not None:
            weight, pct = leaf_points, False
        score = None
        if cols["score"]:
            score_cell = row.cell(cols["score"].index)
            if weight is not None and normalize(score_cell.text).replace(" ", "") == "满分":
                score = weight
            else:
                score, _ = _points(score_cell, rejections, "得分")
        if cols.get("deduction") and weight is not None:
            deduction, _ = _points(row.cell(cols["deduction"].index), rejections, "扣分")
            if deduction is None and deductions_only:
                deduction = Decimal(0)
            if deduction is not None:
                deduction = abs(deduction)  # written as 2 or −2
                deductions[row.number] = deduction
                if score is None:
                    score = weight - deduction
                elif round2(weight - deduction) != round2(score):
                    data.deduction_problems.append(CrossFoot(
                        table.sheet, row.number, cols["deduction"].letter,
                        f"“{names[-1]}”分值 {_s(weight)} 减扣分 {_s(deduction)} 为 {_s(weight - deduction)}，"
                        f"与得分 {_s(score)} 不一致"))
        if weight is None:
            if score is not None:
                rejections.append(Rejection(table.sheet, row.number, weight_col.letter if weight_col else
                                            levels[deepest].letter, f"“{names[-1]}”有得分但没有分值"))
            continue
        data.weights_as_percent |= pct

        reason, target, actual, definition, rule = (normalize(row_cells[i].text) if i >= 0 else "" for i in text_at)
        if "预算执行率" in names[-1] and score is not None and actual and not rule and cols.get("actual"):
            # the indicator table's own 预算执行率 row, without a rule of its own (an unreadable 完成值: not checked)
            _check_budget_score(data, row.cell(cols["actual"].index), weight, score, row.number,
                                cols["score"].letter, [])
        data.rows.append(SheetRow(row.number, tuple(n for n in names if n), weight, score, reason, target, actual,
                                  definition, rule, group=level1_only))
    _take_group_rows(data)
    data.deduction_sum = sum((deductions.get(r.row, Decimal(0)) for r in data.rows), Decimal(0))
    if rejections:
        shown = "；".join(str(r) for r in rejections[:5])
        if len(rejections) > 5:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "评分表有无法读取的单元格：{cells}（另有 {more} 处）"),
                                  cells=shown, more=len(rejections) - 5)
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分表有无法读取的单元格：{cells}"), cells=shown)
    _read_stated_grade(grid, data)
    if not data.rows and weight_col is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”第{row}行：找不到指标名称列或分值/权重列"
                                                "（表头：{headers}）"),
                              sheet=table.sheet, row=table.header_rows[0],
                              headers="、".join(c.name for c in table.columns if c.name))
    if not data.rows:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中没有找到带分值的指标行：{path}"),
                              sheet=table.sheet, path=table.path)
    return data


GRADE_LABEL_RE = re.compile(r"^(?:评价等级|绩效等级|综合评价等级|等级|评价结果|绩效评价等级|评价等次|绩效等次|等次|评定等级)"
                            r"\s*[:：]?\s*(.*)$")
# a grade stated in a sentence: “综合评分88.5分，评价等级为“优”。” (not a description of the bands: “90分以上为优”)
GRADE_SENTENCE_RE = re.compile(r"(?:等级|等次|评价结果)(?:为|是|[:：])\s*[“\"「『]?(优秀|良好|中等|一般|不合格|较差|合格|优|良|中|差)"
                               r"级?[”\"」』]?(?:[。；;，,）)\s]|$)")
GRADE_WORDS = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "一般": "中",
               "合格": "中", "差": "差", "较差": "差", "不合格": "差"}


def _is_group_total(text: str, depth: int, groups: list[str]) -> bool:
    """A group's own 合计 row: 合计 in a column below the 一级 one (under the group's cell), or “决策合计” naming one
    of ``groups`` (the names of the rows above); an indicator named “待遇支出合计” is not one."""
    if not text.endswith("合计"):
        return False
    if text == "合计":
        return depth > 0
    named = _split_points(text[:-2])[0]
    return any(named == _split_points(t)[0] for t in groups if t)


def _summary_text(text: str) -> bool:
    """A 合计/小计/note text (not an indicator's name)."""
    t = text.replace(" ", "")
    return bool(t) and bool(TOTAL_RE.match(t) or SUBTOTAL_RE.match(t) or NOTE_RE.match(t) or t.endswith("合计"))


def _states_deductions_only(table: Table, levels, cols) -> bool:
    """Whether the sheet gives its scores as deductions only: a 扣分 column with a deduction on some indicator
    row, and no 得分 on any indicator row (none, or one left empty; 合计/小计 rows may state totals). There a blank
    扣分 is no deduction. A blank template (no 扣分, no 得分) is not: its rows stay unscored."""
    if not cols.get("deduction"):
        return False
    some_deduction = False
    for row in table.rows:
        texts = [normalize(row.cells[c.index - 1].text) for c in levels] + [normalize(row.cells[0].text)]
        if any(_summary_text(t) for t in texts):
            continue
        if cols["score"] is not None and row.cell(cols["score"].index).value not in (None, ""):
            return False
        some_deduction |= row.cell(cols["deduction"].index).value not in (None, "")
    return some_deduction


def _take_group_rows(data: ScoreSheetData) -> None:
    """Rows that name a group with indicators below them in the sheet (决策 30 | 25, then 项目立项 20 | 18, then
    its indicators) are the group's own figures: taken out of the indicators and kept in
    :attr:`ScoreSheetData.stated_groups` to be checked against the rows below them."""
    prefixes = {r.path[:k] for r in data.rows for k in range(1, len(r.path))}
    if not prefixes:
        return
    groups = [r for r in data.rows if r.path in prefixes]
    if groups and len(groups) < len(data.rows):
        data.rows = [r for r in data.rows if r.path not in prefixes]
        data.stated_groups = [(r.row, r.path, r.weight, r.score) for r in groups]


_BAND_WORDS_RE = re.compile(r"\d\s*分?\s*(?:及以上|以上|及以下|以下|（含）|\(含\)|至|～|~|-)|[≥≤＞＜><]|划分|标准")


def _describes_bands(text: str) -> bool:
    """A note on the bands (“90分及以上为优，80（含）至90分为良…”, “评价等级：优，≥90分；良，80～89分”), not a
    statement of this sheet's grade: it gives score bounds, or names more than one grade."""
    named = {GRADE_WORDS[w] for w in re.findall(r"优秀|良好|中等|一般|不合格|较差|合格|优|良|中|差", text)
             if w in GRADE_WORDS}
    return len(named) > 1 or bool(_BAND_WORDS_RE.search(text))


def _read_stated_grade(grid, data: ScoreSheetData) -> None:
    """A stated grade: “评价等级：良” in one cell, an 等级 label cell followed by 优/良/中/差 in the row, or an 等级
    column of the header whose cell in the 合计 row holds the grade; searched in the title lines and from the total
    row down (where sheets state it)."""
    rows = list(range(1, min(grid.n_rows, 10) + 1))
    if data.total_row:
        rows += list(range(data.total_row, min(grid.n_rows, data.total_row + 10) + 1))
    for r in rows:
        cells = grid.cells[r - 1]
        for i, cell in enumerate(cells):
            m = GRADE_LABEL_RE.match(normalize(cell.text).replace(" ", ""))
            if not m:
                continue
            word = m.group(1)
            where = cell
            if not word:  # the grade in the next non-empty cell of the row
                nxt = next((c for c in cells[i + 1:] if c.text.strip() and not c.merged), None)
                word, where = (normalize(nxt.text).replace(" ", ""), nxt) if nxt else ("", cell)
            if word.rstrip("级") not in GRADE_WORDS and data.total_row and r < data.total_row:
                below = grid.cells[data.total_row - 1]  # an 等级 column of the header: the total row's cell
                if i < len(below) and below[i].text.strip():
                    word, where = normalize(below[i].text).replace(" ", ""), below[i]
            word = word.rstrip("级")
            if word in GRADE_WORDS:
                data.stated_grade = GRADE_WORDS[word]
                data.grade_cell = (where.row, where.column)
                return
    for r in rows:  # a sentence stating it, under the table or in the title lines
        for cell in grid.cells[r - 1]:
            text = normalize(cell.text).replace(" ", "")
            m = GRADE_SENTENCE_RE.search(text)
            if m and not _describes_bands(text):
                data.stated_grade = GRADE_WORDS[m.group(1)]
                data.grade_cell = (cell.row, cell.column)
                return


def _read_budget_block(grid, table: Table, data: ScoreSheetData, rejections: list[Rejection]) -> None:
    """附件1 layout: the 项目资金 block's 年度资金总额 row (分值/执行率/得分) above the indicator header."""
    top = table.header_rows[0]
    hdr = None
    for r in range(1, top):
        texts = [normalize(t) for t in grid.row_texts(r)]
        if any("分值" in t or "权重" in t for t in texts) and any("得分" in t for t in texts):
            hdr = (r, texts)
    if hdr is None:
        return
    r0, texts = hdr
    wcol = next(i for i, t in enumerate(texts, 1) if "分值" in t or "权重" in t)
    scol = next(i for i, t in enumerate(texts, 1) if "得分" in t)
    rcol = next((i for i, t in enumerate(texts, 1) if "执行率" in t), None)
    for r in range(r0 + 1, top):
        row_texts = [normalize(t) for t in grid.row_texts(r)]
        if any(BUDGET_ROW_RE.search(t) for t in row_texts[:max(1, wcol - 1)]):
            weight, _ = _points(grid.cell(r, wcol), rejections, "预算执行分值")
            score, _ = _points(grid.cell(r, scol), rejections, "预算执行得分")
            if weight is None:
                return
            rate = normalize(grid.cell(r, rcol).text) if rcol else ""
            data.rows.append(SheetRow(r, ("预算执行率",), weight, score, actual=rate))
            # the 附件1 rule: 得分 = 执行率 × 分值 (capped at 分值). Only a score above it is flagged: real sheets
            # round down or apply bands (case 08: 99 % × 10 stated as 9), which is stricter, not wrong.
            if rcol and score is not None:
                _check_budget_score(data, grid.cell(r, rcol), weight, score, r, column_letter(scol), rejections)
            return


def _check_budget_score(data: ScoreSheetData, rate_cell: Cell, weight: Decimal, score: Decimal, row: int,
                        column: str, rejections: list[Rejection]) -> None:
    """The 附件1 rule for a budget-execution score: 得分 = 执行率 × 分值 (capped at 分值); a score above it is added to
    the sheet's problems (a lower one is not: real sheets round down or apply bands)."""
    pct, was_pct = _points(rate_cell, rejections, "执行率")
    if pct is None:
        return
    if not was_pct and pct <= 1:
        pct = pct * HUNDRED  # 0.95 written without a percent format
    expected = round2(min(weight, weight * pct / HUNDRED))
    if round2(score) > expected:
        data.deduction_problems.append(CrossFoot(
            data.sheet, row, column, f"预算执行得分 {_s(score)} 高于执行率 {_s(pct)}% × 分值 {_s(weight)} = {_s(expected)}"))


# ----------------------------------------------------------------------------------------------- import
def check_importable(data: ScoreSheetData, with_scores: bool = True) -> None:
    """Refuse a sheet that cannot be imported (a score outside [0, weight]), before anything is written.

    Raises:
        ValidationError: naming the rows (sheet, row, column) at fault.
    """
    bad = [p for p in data.crossfoot() if "不在 0 至分值" in p.message]
    if bad and with_scores:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分表中有超出分值的得分：{problems}"),
                              problems="；".join(str(p) for p in bad[:5]))
    if not data.rows:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评分表“{sheet}”中没有可导入的指标行"), sheet=data.sheet)


@dataclass(frozen=True)
class GroupRow:
    """A sheet row that scores a group (a level-1/2 indicator) instead of a leaf, compared with the evaluation.

    ``weight``/``score``: the sheet's points. ``framework_weight``: the evaluation's weight of that group
    (``None`` when the evaluation has no such group); ``leaves``/``scored``: how many leaves the evaluation has
    below it and how many of them are scored; ``leaf_score``: their score sum when all are scored, else ``None``.
    """

    row: int
    path: tuple[str, ...]
    weight: Decimal
    score: Decimal | None
    framework_weight: Decimal | None
    leaves: int
    scored: int
    leaf_score: Decimal | None


def _evaluation_groups(ef: EvaluationFile) -> dict[tuple[str, ...], tuple[Decimal, list[Indicator]]]:
    """``{names from level 1 down: (group weight, its leaf indicators)}`` for every indicator with children."""
    from .scoring import score_sheet

    out: dict[tuple[str, ...], tuple[Decimal, list[Indicator]]] = {}

    def walk(node, prefix) -> list[Indicator]:
        path = prefix + (node.indicator.name,)
        if not node.children:
            return [node.indicator]
        leaves = [leaf for ch in node.children for leaf in walk(ch, path)]
        out[path] = (node.indicator.weight, leaves)
        return leaves

    for root in score_sheet(ef).roots:
        walk(root, ())
    return out


def group_rows(ef: EvaluationFile, data: ScoreSheetData, with_scores: bool = True) -> list[GroupRow]:
    """The sheet's rows that give a group's score rather than a leaf's, when the evaluation's indicator framework
    has sub-indicators: every row of a sheet naming only 一级指标 (national self-evaluation form: 一级指标 | 分值 |
    得分), and, when importing scores, a scored row whose names are those of a level-1/2 indicator of the
    evaluation that has sub-indicators. Each is compared with the evaluation (see :class:`GroupRow`). Such rows
    cannot be imported: a group score does not say how its points fall on the leaves below it. (Into an
    evaluation without a framework, or with a level-1-only one, a 一级指标 table is imported as that framework,
    as reports that publish only level-1 scores have it: ``[]``.)"""
    groups = _evaluation_groups(ef)
    out = []
    if not groups:
        return out
    for r in data.rows:
        found = groups.get(r.path)
        if not (r.group or (with_scores and r.score is not None and found is not None)):
            continue
        if found is None:
            out.append(GroupRow(r.row, r.path, r.weight, r.score, None, 0, 0, None))
            continue
        weight, leaves = found
        scores = [leaf.score for leaf in leaves if leaf.score is not None]
        leaf_score = sum(scores, Decimal(0)) if leaves and len(scores) == len(leaves) else None
        out.append(GroupRow(r.row, r.path, r.weight, r.score, weight, len(leaves), len(scores), leaf_score))
    return out


def group_notes(data: ScoreSheetData, rows: list[GroupRow]) -> list[CrossFoot]:
    """Cross-footing of group rows against the evaluation: the group's weight in the framework, the sum of the
    evaluation's leaf scores below it, or how many leaves are not scored yet (their score cannot be derived)."""
    out = []
    for g in rows:
        name = " / ".join(g.path)
        if g.framework_weight is None:
            out.append(CrossFoot(data.sheet, g.row, data.weight_column,
                                 f"“{name}”是汇总得分，本评价的指标体系中没有这一级指标，无法核对"))
            continue
        if round2(g.framework_weight) != round2(g.weight):
            out.append(CrossFoot(data.sheet, g.row, data.weight_column,
                                 f"“{name}”表中分值 {_s(g.weight)}，本评价指标体系中为 {_s(g.framework_weight)}"))
        if g.score is None:
            continue
        if g.leaf_score is not None:
            if round2(g.leaf_score) == round2(g.score):
                text = f"“{name}”表中得分 {_s(g.score)} 与本评价其下 {g.leaves} 个末级指标得分之和一致"
            else:
                text = (f"“{name}”表中得分 {_s(g.score)}，本评价其下 {g.leaves} 个末级指标得分之和为 "
                        f"{_s(g.leaf_score)}（相差 {_s(g.score - g.leaf_score)}）")
        else:
            text = (f"“{name}”表中得分 {_s(g.score)}；本评价其下 {g.leaves} 个末级指标中有 {g.leaves - g.scored} 个"
                    f"尚未评分，这一汇总得分不能分到末级指标，请逐项评分")
        out.append(CrossFoot(data.sheet, g.row, data.score_column, text))
    return out


def _refuse_group_rows(data: ScoreSheetData, rows: list[GroupRow]) -> None:
    if not rows:
        return
    numbers = "、".join(str(g.row) for g in rows[:8]) + ("…" if len(rows) > 8 else "")
    names = "、".join(g.path[-1] for g in rows[:8]) + ("…" if len(rows) > 8 else "")
    raise ValidationError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”第{rows}行是一级/二级指标的汇总得分（{names}），"
                                                    "没有末级指标的分值和得分：导入不能把汇总得分分到末级指标，也不会用它们替换"
                                                    "本评价的指标体系，因此未导入。请在评分步骤逐项评分，或导入列有末级指标的评分表"
                                                    "（汇总得分与本评价的核对见导入预览）"),
                          sheet=data.sheet, rows=numbers, names=names)


@dataclass(frozen=True)
class ImportPreview:
    """What importing a read sheet would change: ``removed`` indicators now in the evaluation, ``rows`` the
    sheet's rows as (path, weight, sheet score, current score or None when the indicator is new, changed?)."""

    removed: int
    rows: list[tuple[tuple[str, ...], Decimal, Decimal | None, Decimal | None, bool]]
    total_weight: Decimal
    total_score: Decimal
    problems: list[CrossFoot]
    groups: list[GroupRow] = field(default_factory=list)  # rows scoring a group: the import refuses them
    refusal: ValidationError | None = None  # why the import cannot go ahead (the error it would raise)

    @property
    def changed(self) -> int:
        return sum(1 for r in self.rows if r[4])

    @property
    def importable(self) -> bool:
        return self.refusal is None


def preview_import(ef: EvaluationFile, data: ScoreSheetData, with_scores: bool = True) -> ImportPreview:
    """Compare a read sheet with the evaluation's indicators (matched by the names from level 1 down).

    A row is "changed" when its indicator is new, or its weight or (with scores) its score differs. Rows that
    score a group (:func:`group_rows`) are listed in ``groups``, compared with the evaluation in ``problems``
    (:func:`group_notes`, first), and make ``refusal`` the error the import would raise.
    """
    from .scoring import score_sheet

    current: dict[tuple[str, ...], Indicator] = {}

    def walk(node, prefix):
        path = prefix + (node.indicator.name,)
        if not node.children:
            current[path] = node.indicator
        for ch in node.children:
            walk(ch, path)

    sheet = score_sheet(ef)
    for root in sheet.roots:
        walk(root, ())
    rows = []
    for r in data.rows:
        old = current.get(r.path)
        score = r.score if with_scores else None
        if old is None:
            rows.append((r.path, r.weight, score, None, True))
        else:
            changed = round2(old.weight) != round2(r.weight) or (with_scores and old.score != score)
            rows.append((r.path, r.weight, score, old.score, changed))
    groups = group_rows(ef, data, with_scores)
    by_path = {g.path: g for g in groups}  # a group row's "current score": the sum of the evaluation's leaves
    rows = [(p, w, new, by_path[p].leaf_score, False) if p in by_path else (p, w, new, old, changed)
            for p, w, new, old, changed in rows]
    refusal = None
    try:
        _refuse_group_rows(data, groups)
    except ValidationError as e:
        refusal = e
    return ImportPreview(removed=len(ef.records(Indicator)), rows=rows, total_weight=data.weight_total(),
                         total_score=data.recomputed_total() if with_scores else Decimal(0),
                         problems=group_notes(data, groups) + data.crossfoot(), groups=groups, refusal=refusal)


def import_score_sheet(ef: EvaluationFile, path, *, sheet: str | None = None, with_scores: bool = True,
                       replace: bool = False, progress: Progress = NO_PROGRESS,
                       data: ScoreSheetData | None = None) -> Changes:
    """Import a framework (``with_scores=False``) or a filled score sheet into the evaluation's indicator tree.

    Level-1/2 weights are the sums of their rows (a stated “(50分)” that disagrees is reported by
    :func:`read_score_sheet`'s cross-footing, not copied). Scores below the weight are kept as the sheet has
    them; one without a deduction reason shows as a problem in the score sheet's checks.

    Raises:
        ValidationError: unreadable cells, a score outside [0, weight], rows that score a group rather than a
        leaf when the evaluation's framework has sub-indicators (:func:`group_rows`: a 一级指标 | 分值 | 得分
        self-evaluation form, or a level-1/2 indicator of the evaluation given a score — its points cannot be
        spread over the leaves), or existing indicators without
        ``replace`` — nothing is changed (the rows are named).
        WcifError: unreadable file.

    ``data``: the sheet already read by :func:`read_score_sheet` (``path``/``sheet`` are then not read again).
    """
    if data is None:
        data = read_score_sheet(path, sheet)
    check_importable(data, with_scores)
    _refuse_group_rows(data, group_rows(ef, data, with_scores))
    existing = ef.records(Indicator)
    if existing and not replace:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "本评价已有 {count} 个指标；导入评分表会替换现有指标体系，请确认替换"),
                              count=len(existing))
    changes = Changes()
    nodes: dict[tuple[str, ...], Indicator] = {}
    sums: dict[tuple[str, ...], Decimal] = {}
    with ef.transaction():
        for ind in existing:
            svc.delete_record(ef, Indicator, ind.id)
            changes.add("indicator", ind.id)
        for n, r in enumerate(data.rows, start=1):
            check(progress)
            progress.set(n, len(data.rows), r.name)
            for depth in range(1, len(r.path)):
                prefix = r.path[:depth]
                sums[prefix] = sums.get(prefix, Decimal(0)) + r.weight
                if prefix not in nodes:
                    parent = nodes.get(prefix[:-1])
                    siblings = sum(1 for k in nodes if k[:-1] == prefix[:-1] and len(k) == depth)
                    nodes[prefix] = Indicator(parent_id=parent.id if parent else "", level=depth,
                                              code=_code(parent, siblings + 1), name=prefix[-1],
                                              sort_order=siblings + 1)
                    svc.add_record(ef, nodes[prefix])
            parent = nodes.get(r.path[:-1])
            siblings = sum(1 for k in nodes if k[:-1] == r.path[:-1] and len(k) == len(r.path))
            leaf = Indicator(parent_id=parent.id if parent else "", level=len(r.path),
                             code=_code(parent, siblings + 1), name=r.name, weight=r.weight,
                             definition=r.definition, scoring_rule=r.rule, sort_order=siblings + 1,
                             score=r.score if with_scores else None,
                             deduction_reason=r.reason if with_scores and r.score is not None
                             and r.score < r.weight else "")
            nodes[r.path] = leaf
            svc.add_record(ef, leaf)
        for prefix, total in sums.items():
            svc.update_record(ef, Indicator, nodes[prefix].id, weight=total)
        for ind in nodes.values():
            changes.add("indicator", ind.id)
    return changes


def _code(parent: Indicator | None, n: int) -> str:
    return f"{parent.code}.{n}" if parent else str(n)


# ----------------------------------------------------------------------------------------------- export
def export_score_sheet(ef: EvaluationFile, path, progress: Progress = NO_PROGRESS) -> Path:
    """Write the evaluation's score sheet to ``path`` (.xlsx) in the evaluators' shape (see module docstring).

    Raises:
        WcifError: the file cannot be written (e.g. open in Excel).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from .scoring import score_sheet, supports

    path = Path(path)
    ev = svc.evaluation(ef)
    sheet = score_sheet(ef)
    values = field_values(svc.load_snapshot(ef))  # deduction reasons may hold {{field}} placeholders
    cited = {iid: [s.label for s in items] for iid, items in supports(ef).items()}
    wb = Workbook()
    ws = wb.active
    ws.title = "评分表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="center", wrap_text=True)
    ncols = 7
    title = f"{ev.region}{ev.fund_name}{ev.fiscal_year or ''}年度绩效评价指标评分表".strip()
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = center
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(2, 1, f"评价机构：{ev.agency}    单位：分")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    h1, h2 = 3, 4
    ws.cell(h1, 1, "指标名称")
    ws.merge_cells(start_row=h1, start_column=1, end_row=h1, end_column=3)
    for c, name in enumerate(("一级指标", "二级指标", "三级指标"), start=1):
        ws.cell(h2, c, name)
    for c, name in enumerate(("分值", "得分", "扣分原因", "引用底稿/证据"), start=4):
        ws.cell(h1, c, name)
        ws.merge_cells(start_row=h1, start_column=c, end_row=h2, end_column=c)
    r = h2 + 1
    leaves = sheet.leaves()
    for root in sheet.roots:
        start1 = r
        groups = root.children or [root]
        for g in groups:
            start2 = r
            g_leaves = g.children or [g]
            for leaf in g_leaves:
                check(progress)
                progress.set(r - h2, len(leaves), leaf.indicator.name)
                ind = leaf.indicator
                ws.cell(r, 1, root.indicator.name)
                if g is not root:
                    ws.cell(r, 2, g.indicator.name)
                if leaf is not g:
                    ws.cell(r, 3, ind.name)
                ws.cell(r, 4, _num(ind.weight))
                ws.cell(r, 5, None if ind.score is None else _num(ind.score))
                ws.cell(r, 6, fill(ind.deduction_reason, values))
                ws.cell(r, 7, "；".join(cited.get(ind.id, [])))
                r += 1
            if g is not root and r - 1 > start2:
                ws.merge_cells(start_row=start2, start_column=2, end_row=r - 1, end_column=2)
        if r - 1 > start1:
            ws.merge_cells(start_row=start1, start_column=1, end_row=r - 1, end_column=1)
    total_row = r
    ws.cell(r, 1, "总分")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    ws.cell(r, 4, _num(sheet.total_weight()))
    ws.cell(r, 5, _num(sheet.total()))
    ws.cell(r + 1, 1, "评价等级")
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=3)
    ws.cell(r + 1, 5, sheet.grade())
    for row in ws.iter_rows(min_row=h1, max_row=r + 1, max_col=ncols):
        for cell in row:
            cell.border = border
            cell.alignment = wrap if cell.column in (6, 7) and cell.row > h2 else center
    for row in (h1, h2, total_row, total_row + 1):
        for c in range(1, ncols + 1):
            ws.cell(row, c).font = Font(bold=True)
    for c, width in zip(range(1, ncols + 1), (10, 14, 28, 8, 8, 48, 20)):
        ws.column_dimensions[column_letter(c)].width = width
    for row in range(h2 + 1, total_row):
        ws.cell(row, 4).number_format = ws.cell(row, 5).number_format = "0.00"
    ws.cell(total_row, 4).number_format = ws.cell(total_row, 5).number_format = "0.00"

    dim = wb.create_sheet("分维度得分")
    for c, name in enumerate(("一级指标", "分值", "得分", "得分率"), start=1):
        dim.cell(1, c, name).font = Font(bold=True)
    for k, (name, weight, score) in enumerate(sheet.dimension_scores(), start=2):
        dim.cell(k, 1, name)
        dim.cell(k, 2, _num(weight))
        dim.cell(k, 3, _num(score))
        dim.cell(k, 4, f"{round2(score / weight * HUNDRED):.2f}%" if weight else "—")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入评分表（文件是否已在 Excel 中打开？）：{path}（{reason}）"),
                        path=path, reason=e) from e
    return path


def _num(value: Decimal) -> Decimal:
    """A score/weight as written to Excel: the exact Decimal, two decimals (openpyxl writes it as a number)."""
    return round2(value)
