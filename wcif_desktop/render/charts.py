"""Finance charts for the report, as reportlab :class:`~reportlab.graphics.shapes.Drawing` objects.

A Drawing is a flowable: the report places it in the story like a paragraph or a table. Labels are Chinese in
the report fonts (:func:`wcif_desktop.render.fonts.register_fonts`, imported when a chart is built). Values
are shown in 万元; amounts stay :class:`~decimal.Decimal` until the drawing boundary, where they become floats
(the chart only draws them; every printed figure of the report comes from the Decimal data).

- :func:`budget_actual_chart` — grouped bars, budget (调整后预算数 when given) vs actual (执行数) per statement
  line of one year.
- :func:`trend_chart` — lines of income, expenditure and year-end balance over the years on file (the
  历史标准 the evaluation compares with).
- :func:`budget_actual_data`, :func:`trend_data` — the numbers behind each chart (万元, Decimal), for tables
  next to the chart and for tests.
- :func:`finance_charts` — the charts that have data for a snapshot (what the report places).

Errors: :class:`~wcif_desktop.domain.errors.ReportError` when there is nothing to draw.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.shapes import Drawing
from reportlab.lib.attrmap import AttrMap, AttrMapValue

from ..domain.errors import QT_TRANSLATE_NOOP, ReportError
from ..domain.finance import SORT_ORDER, effective_budget, summarize
from ..domain.model import FinanceLine
from ..domain.money import yuan_to_wan

# Colours: muted, distinguishable in grey-scale print.
BUDGET_COLOR = "#9DB4C8"
ACTUAL_COLOR = "#1F4E79"
SERIES_COLORS = ("#1F4E79", "#C55A11", "#548235")
DEFAULT_CODES = ("income_total", "premium_income", "fiscal_subsidy_income", "interest_income", "other_income",
                 "expenditure_total", "benefit_expenditure", "appraisal_expenditure", "prevention_expenditure",
                 "other_expenditure")
SHORT_NAMES = {
    "income_total": "收入合计", "expenditure_total": "支出合计", "premium_income": "保险费收入",
    "fiscal_subsidy_income": "财政补贴", "interest_income": "利息收入", "other_income": "其他收入",
    "superior_subsidy_income": "上级补助", "subordinate_remittance_income": "下级上解",
    "benefit_expenditure": "待遇支出", "appraisal_expenditure": "鉴定支出", "prevention_expenditure": "工伤预防费",
    "other_expenditure": "其他支出", "superior_remittance_expenditure": "上解上级", "subordinate_subsidy_expenditure": "补助下级",
}


class ChartDrawing(Drawing):
    """A :class:`Drawing` that also carries its chart (``chart``) and the Decimal data it shows (``values``)."""

    _attrMap = AttrMap(BASE=Drawing, values=AttrMapValue(None, desc="the data drawn (万元, Decimal)"))


def _f(v: Decimal | None) -> float | None:
    return None if v is None else float(v)  # the drawing boundary: Decimal → float only here


def budget_actual_data(lines, year: int, codes=None) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """[(short label, budget 万元, actual 万元)] for the lines of ``year`` that have a budget or an actual.

    ``codes`` picks and orders the lines (default :data:`DEFAULT_CODES`, then any other income/expenditure
    line of that year in statement order). Budget is the adjusted budget when given.
    """
    by_code = {ln.code: ln for ln in lines if ln.fiscal_year == year and ln.kind in ("income", "expenditure")}
    if codes is None:
        order = [c for c in DEFAULT_CODES if c in by_code]
        order += sorted((c for c in by_code if c not in order), key=lambda c: SORT_ORDER.get(c, 900))
    else:
        order = [c for c in codes if c in by_code]
    out = []
    for code in order:
        ln: FinanceLine = by_code[code]
        b, a = effective_budget(ln), ln.actual
        if b is None and a is None:
            continue
        out.append((SHORT_NAMES.get(code, ln.name), None if b is None else yuan_to_wan(b),
                    None if a is None else yuan_to_wan(a)))
    return out


def trend_data(lines, years=None) -> list[tuple[int, Decimal | None, Decimal | None, Decimal | None]]:
    """[(year, income 万元, expenditure 万元, year-end balance 万元)] for ``years`` (default: every year on file
    with at least one of the three)."""
    lines = list(lines)
    years = sorted(years or {ln.fiscal_year for ln in lines})
    out = []
    for y in years:
        s = summarize(lines, y)
        vals = [None if v is None else yuan_to_wan(v) for v in (s.income_actual, s.expenditure_actual,
                                                                  s.year_end_balance)]
        if any(v is not None for v in vals):
            out.append((y, *vals))
    return out


def _fonts():
    from .fonts import register_fonts  # written by the report module; imported only when a chart is built

    return register_fonts()


def nice_step(max_value: float) -> float:
    """A round axis step (1, 2, 2.5 or 5 × 10ⁿ) giving about five ticks up to ``max_value``."""
    if max_value <= 0:
        return 1.0
    raw = max_value / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _title(drawing, text, font, width, height, size=11):
    # the body font: the bundled 黑体 substitute (Droid Sans Fallback) has no Latin digits for “2021年”
    from reportlab.graphics.shapes import String

    drawing.add(String(width / 2, height - size - 2, text, fontName=font, fontSize=size, textAnchor="middle"))


def _legend(drawing, items, font, x, y):
    from reportlab.graphics.charts.legends import Legend
    from reportlab.lib import colors

    lg = Legend()
    lg.x, lg.y = x, y
    lg.fontName, lg.fontSize = font, 8
    lg.alignment = "right"
    lg.columnMaximum = 1
    lg.deltax = 85
    lg.dx, lg.dy = 8, 8
    lg.colorNamePairs = [(colors.HexColor(c), name) for c, name in items]
    drawing.add(lg)


def budget_actual_chart(lines, year: int, codes=None, *, width: float = 440, height: float = 240,
                        title: str | None = None):
    """Grouped bar chart of budget vs actual (万元) per statement line of ``year``.

    Returns a :class:`reportlab.graphics.shapes.Drawing` (``width`` × ``height`` points); its ``chart``
    attribute is the bar chart and ``values`` the Decimal data (see :func:`budget_actual_data`).

    Raises:
        ReportError: no line of ``year`` has a budget or an actual.
    """
    return budget_actual_drawing(budget_actual_data(lines, year, codes), year, width=width, height=height,
                                 title=title)


def budget_actual_drawing(data, year: int, *, width: float = 440, height: float = 240, title: str | None = None):
    """The budget-vs-actual bar chart of ``data`` ([(label, budget 万元, actual 万元)], :func:`budget_actual_data`).

    Raises:
        ReportError: ``data`` is empty.
    """
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.lib import colors

    data = list(data)
    if not data:
        raise ReportError(QT_TRANSLATE_NOOP("core", "{year}年没有预算数或执行数，无法绘制预算与执行对比图"), year=year)
    fonts = _fonts()
    d = ChartDrawing(width, height, initialFontName=fonts.body)  # else drawn opening in Helvetica
    _title(d, title or f"{year}年基金预算与执行对比（万元）", fonts.body, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 50, 55
    chart.width, chart.height = width - 70, height - 100
    chart.data = [[_f(b) or 0.0 for _, b, _ in data], [_f(a) or 0.0 for _, _, a in data]]
    chart.categoryAxis.categoryNames = [label for label, _, _ in data]
    chart.categoryAxis.labels.fontName = fonts.body
    chart.categoryAxis.labels.fontSize = 7
    if len(data) > 5:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = fonts.body
    chart.valueAxis.labels.fontSize = 7
    top = max(max(row) for row in chart.data)
    bottom = min(0.0, min(min(row) for row in chart.data))
    chart.valueAxis.valueMin = bottom
    chart.valueAxis.valueMax = top * 1.1 if top > 0 else 1.0
    chart.valueAxis.valueStep = nice_step(chart.valueAxis.valueMax - bottom)
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.bars[0].fillColor = colors.HexColor(BUDGET_COLOR)
    chart.bars[1].fillColor = colors.HexColor(ACTUAL_COLOR)
    chart.barSpacing = 1
    chart.groupSpacing = 8
    d.add(chart, name="chart")
    _legend(d, [(BUDGET_COLOR, "预算数"), (ACTUAL_COLOR, "执行数")], fonts.body, chart.x, height - 28)
    d.values = data
    return d


def trend_chart(lines, years=None, *, width: float = 440, height: float = 240, title: str | None = None):
    """Line chart of income, expenditure and year-end balance (万元) over ``years`` (default: all on file).

    Returns a :class:`~reportlab.graphics.shapes.Drawing` with ``chart`` and ``values`` (:func:`trend_data`).
    A missing value gets no marker (the line joins the neighbouring years).

    Raises:
        ReportError: no year has income, expenditure or balance.
    """
    return trend_drawing(trend_data(lines, years), width=width, height=height, title=title)


def trend_drawing(data, *, width: float = 440, height: float = 240, title: str | None = None):
    """The trend line chart of ``data`` ([(year, income, expenditure, balance 万元)], :func:`trend_data`).

    Raises:
        ReportError: ``data`` is empty.
    """
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors

    data = list(data)
    if not data:
        raise ReportError(QT_TRANSLATE_NOOP("core", "没有各年度基金收支数据，无法绘制收支趋势图"))
    fonts = _fonts()
    d = ChartDrawing(width, height, initialFontName=fonts.body)  # else drawn opening in Helvetica
    first, last = data[0][0], data[-1][0]
    span = f"{first}—{last}年" if first != last else f"{first}年"
    _title(d, title or f"{span}基金收入、支出与滚存结余（万元）", fonts.body, width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 60, 40
    chart.width, chart.height = width - 80, height - 90
    chart.data = [tuple(_f(row[i]) for row in data) for i in (1, 2, 3)]
    chart.categoryAxis.categoryNames = [f"{row[0]}年" for row in data]
    chart.categoryAxis.labels.fontName = fonts.body
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = fonts.body
    chart.valueAxis.labels.fontSize = 7
    present = [v for series in chart.data for v in series if v is not None]
    top, bottom = max(present), min(0.0, min(present))
    chart.valueAxis.valueMin = bottom
    chart.valueAxis.valueMax = top * 1.1 if top > 0 else 1.0
    chart.valueAxis.valueStep = nice_step(chart.valueAxis.valueMax - bottom)
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    for i, colour in enumerate(SERIES_COLORS):
        chart.lines[i].strokeColor = colors.HexColor(colour)
        chart.lines[i].strokeWidth = 1.5
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3, fillColor=colors.HexColor(colour))
    d.add(chart, name="chart")
    _legend(d, list(zip(SERIES_COLORS, ("基金收入", "基金支出", "年末滚存结余"))), fonts.body, chart.x,
            height - 28)
    d.values = data
    return d


def finance_charts(snapshot, *, width: float = 440, height: float = 240) -> list:
    """The finance charts a report shows for an :class:`~wcif_desktop.domain.model.EvaluationSnapshot`:
    budget vs actual of the evaluated year, and the trend when more than one year is on file. Charts without
    data are left out (empty list when there is no finance data at all)."""
    out = []
    year = snapshot.evaluation.fiscal_year
    if budget_actual_data(snapshot.finance, year):
        out.append(budget_actual_chart(snapshot.finance, year, width=width, height=height))
    if len(trend_data(snapshot.finance)) > 1:
        out.append(trend_chart(snapshot.finance, width=width, height=height))
    return out


def survey_chart(groups, *, width: float = 440, height: float = 220, title: str = "满意度与政策知晓率（%）"):
    """Grouped bar chart of satisfaction and awareness rates (%) per respondent group.

    ``groups``: [(group name, satisfaction rate % or None, awareness rate % or None)], rates as Decimal.

    Raises:
        ReportError: no group has a rate.
    """
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.lib import colors

    data = [(g, s, a) for g, s, a in groups if s is not None or a is not None]
    if not data:
        raise ReportError(QT_TRANSLATE_NOOP("core", "没有满意度或知晓率数据，无法绘制问卷结果图"))
    fonts = _fonts()
    d = ChartDrawing(width, height, initialFontName=fonts.body)  # else drawn opening in Helvetica
    _title(d, title, fonts.body, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 50, 40
    chart.width, chart.height = width - 70, height - 85
    chart.data = [[_f(s) or 0.0 for _, s, _ in data], [_f(a) or 0.0 for _, _, a in data]]
    chart.categoryAxis.categoryNames = [g for g, _, _ in data]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = fonts.body
        axis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.bars[0].fillColor = colors.HexColor(BUDGET_COLOR)
    chart.bars[1].fillColor = colors.HexColor(ACTUAL_COLOR)
    chart.barSpacing = 1
    chart.groupSpacing = 10
    d.add(chart, name="chart")
    _legend(d, [(BUDGET_COLOR, "满意度"), (ACTUAL_COLOR, "政策知晓率")], fonts.body, chart.x, height - 28)
    d.values = data
    return d


__all__ = ["budget_actual_chart", "budget_actual_drawing", "trend_drawing", "trend_chart", "budget_actual_data", "trend_data", "finance_charts", "nice_step",
           "survey_chart"]
