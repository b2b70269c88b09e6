"""Report content from the evaluation: narratives with their fields filled, and sentences generated from the
data for sections the evaluator has not written.

Narrative keys (see ``resources/sample/hohhot-2021.toml``): ``basic.intro``, ``basic.content``,
``basic.funding``, ``basic.targets``, ``process``, ``conclusion.score``, ``conclusion.overall``; the full
report adds ``analysis.<一级指标>`` (e.g. ``analysis.决策``) and ``other``. Text may hold ``{{field}}``
placeholders (:mod:`wcif_desktop.domain.fields`).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ..domain.fields import field_values, fill
from ..domain.finance import summarize
from ..domain.model import ROLES, EvaluationSnapshot
from ..domain.money import fmt_pct, fmt_score, round2
from ..domain.scoring import ScoreSheet, sheet_for

CN_NUM = "一二三四五六七八九十"

# Narrative sections the evaluator can write (key → where it appears), in report order. ``full`` only: the
# analysis.* and ``other`` sections. Any section left empty gets a sentence generated from the data.
NARRATIVE_SECTIONS: dict[str, str] = {
    "basic.intro": "一、基本情况（导语）",
    "basic.content": "一、基本情况 — 项目内容",
    "basic.funding": "一、基本情况 — 项目资金投入情况",
    "basic.targets": "一、基本情况 — 项目绩效目标",
    "process.purpose": "二、绩效评价工作开展情况 — 目的、对象和范围（完整报告）",
    "process.method": "二、绩效评价工作开展情况 — 原则、指标体系、方法和标准（完整报告）",
    "process": "二、绩效评价工作开展情况（完整报告：工作过程）",
    "conclusion.score": "三、综合评价情况及评价结论 — 综合评分",
    "conclusion.overall": "三、综合评价情况及评价结论 — 总体结论",
    "analysis.决策": "四、绩效评价指标分析 — 决策（完整报告）",
    "analysis.过程": "四、绩效评价指标分析 — 过程（完整报告）",
    "analysis.产出": "四、绩效评价指标分析 — 产出（完整报告）",
    "analysis.效益": "四、绩效评价指标分析 — 效益（完整报告）",
    "other": "七、其他需要说明的问题（完整报告）",
}


def generated_text(snap: EvaluationSnapshot, key: str, extras=None) -> str:
    """The sentence the report uses for section ``key`` when the evaluator wrote none (for the editor's
    placeholder; the evaluator can replace it). ``extras``: :func:`wcif_desktop.report.extras.load_extras`."""
    c = Content(snap, extras)
    gen = getattr(c, "gen_" + key.replace(".", "_"), None)
    if gen is not None:
        return gen()
    if key.startswith("analysis."):
        return c.gen_analysis(key.split(".", 1)[1])
    return ""


def section_text(snap: EvaluationSnapshot, key: str, extras=None) -> str:
    """What the report prints for section ``key``: the narrative with its fields filled, or the generated one."""
    return Content(snap, extras).text(key)


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers)."""
    if n <= 10:
        return CN_NUM[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUM[tens - 1]) + "十" + ("" if ones == 0 else CN_NUM[ones - 1])


def cn_date(iso: str) -> str:
    """``2022-06-30`` → ``2022 年 6 月 30 日``; an empty or invalid date gives today's date."""
    try:
        d = _dt.date.fromisoformat((iso or "").strip())
    except ValueError:
        d = _dt.date.today()
    return f"{d.year} 年 {d.month} 月 {d.day} 日"


class Content:
    """Everything the outlines need, computed once from a snapshot."""

    def __init__(self, snap: EvaluationSnapshot, extras=None):
        from .extras import ReportExtras

        self.extras = extras or ReportExtras()
        self.snap = snap
        self.ev = snap.evaluation
        self.values = field_values(snap)
        self.sheet: ScoreSheet = sheet_for(snap)
        self.fund = summarize(snap.finance, self.ev.fiscal_year)

    # ------------------------------------------------------------------ basics
    def fill(self, text: str) -> str:
        return fill(text, self.values)

    def narrative(self, key: str) -> str | None:
        text = (self.snap.narratives.get(key) or "").strip()
        return self.fill(text) if text else None

    def text(self, key: str) -> str:
        """The evaluator's narrative for ``key`` (fields filled), or a sentence generated from the data."""
        got = self.narrative(key)
        if got is not None:
            return got
        gen = getattr(self, "gen_" + key.replace(".", "_"), None)
        if gen is not None:
            return gen()
        if key.startswith("analysis."):
            return self.gen_analysis(key.split(".", 1)[1])
        return ""

    def title(self, template: str) -> str:
        ev = self.ev
        year = f"{ev.fiscal_year} 年" if ev.fiscal_year else ""
        kind = "绩效评价简版报告" if template == "brief" else "绩效评价报告"
        return f"{year}{ev.project_name or ev.fund_name or '项目'}{kind}"

    def date(self) -> str:
        return cn_date(self.ev.report_date)

    # ------------------------------------------------------------------ generated sentences
    def gen_basic_intro(self) -> str:
        ev = self.ev
        parts = [f"本次评价对象为{ev.region}{ev.fiscal_year} 年度{ev.project_name}"]
        if ev.evaluated_unit:
            parts.append(f"被评价单位为{ev.evaluated_unit}")
        if ev.commissioner:
            parts.append(f"委托方为{ev.commissioner}")
        if ev.agency:
            parts.append(f"评价机构为{ev.agency}")
        return "，".join(parts) + "。"

    def gen_basic_content(self) -> str:
        outputs = [n.indicator.name for r in self.sheet.roots if r.indicator.name == "产出"
                   for n in r.walk() if n.is_leaf]
        if outputs:
            return f"{self.ev.project_name}的主要产出包括：" + "、".join(outputs) + "。"
        return f"{self.ev.project_name}的主要内容见项目实施方案。"

    def gen_basic_funding(self) -> str:
        v, fs = self.values, self.fund
        year = f"{self.ev.fiscal_year} 年度{self.ev.region}{self.ev.fund_name}"
        parts = []
        if fs.income_actual is not None:
            s = f"总收入 {v['income_actual']} 万元"
            if fs.income_budget is not None:
                s += f"（收入预算 {v['income_budget']} 万元，执行率 {v['income_execution_rate']}）"
            parts.append(s)
        if fs.expenditure_actual is not None:
            s = f"总支出 {v['expenditure_actual']} 万元"
            if fs.expenditure_budget is not None:
                s += f"（支出预算 {v['expenditure_budget']} 万元，执行率 {v['expenditure_execution_rate']}）"
            parts.append(s)
        if fs.year_end_balance is not None:
            parts.append(f"年末滚存结余 {v['year_end_balance']} 万元")
        if not parts:
            return f"{year}的收支数据尚未录入。"
        return year + "，".join(parts) + "。"

    def gen_basic_targets(self) -> str:
        declared = [t for t in self.snap.targets if t.version == "declared"]
        refined = [t for t in self.snap.targets if t.version == "refined"]
        out = []
        if not declared:
            out.append(f"{self.ev.fiscal_year} 年度{self.ev.project_name}未申报年度整体绩效目标。")
        else:
            out.append(f"被评价单位申报绩效指标 {len(declared)} 项。")
        if refined:
            items = [f"{t.name}{t.comparator}{t.value}{t.unit}".strip() for t in refined]
            out.append("评价组细化的绩效指标包括：" + "；".join(items) + "。")
        return "".join(out)

    def gen_process_purpose(self) -> str:
        ev, pl = self.ev, self.extras.plan
        purpose = pl.get("objectives") or (
            "了解和掌握项目预算资金的使用情况和绩效目标的实现程度，总结经验做法，发现存在问题，"
            "提出改进建议，提高财政资金使用效益")
        obj = pl.get("evaluation_object") or f"{ev.region}{ev.fiscal_year} 年度{ev.project_name}"
        scope = pl.get("scope") or (f"{ev.evaluated_unit}管理的{ev.fund_name}{ev.fiscal_year} 年度收支及相关业务"
                                    if ev.evaluated_unit else f"{ev.fund_name}{ev.fiscal_year} 年度收支及相关业务")
        return f"评价目的：{purpose.rstrip('。')}。评价对象：{obj.rstrip('。')}。评价范围：{scope.rstrip('。')}。"

    def gen_process_method(self) -> str:
        x = self.extras
        leaves = len(self.sheet.leaves())
        dims = "、".join(f"{n}（{fmt_score(w)}分）" for n, w, _ in self.sheet.dimension_scores())
        parts = []
        if x.plan.get("principles"):
            parts.append(f"评价原则：{x.plan['principles'].rstrip('。')}。")
        else:
            parts.append("评价遵循科学公正、统筹兼顾、激励约束、公开透明的原则。")
        parts.append(f"评价指标体系参照《项目支出绩效评价管理办法》（财预〔2020〕10号）共性指标框架，结合{self.ev.fund_name}"
                     f"特点设置，一级指标为{dims or '决策、过程、产出、效益'}，共 {leaves} 项三级指标，满分 100 分。")
        if x.methods:
            parts.append("评价方法：" + "、".join(x.methods) + "。")
        if x.standards:
            parts.append("评价标准：" + "、".join(x.standards) + "。" + (x.standards_note.rstrip("。") + "。"
                                                                      if x.standards_note else ""))
        if x.basis:
            parts.append("评价依据：" + "；".join(x.basis) + "。")
        return "".join(parts)

    def gen_process(self) -> str:
        if self.extras.work_process:
            return "".join(s if s.endswith("。") else s + "。" for s in self.extras.work_process)
        team = self.snap.team
        lead = next((m.name for m in team if m.role == "lead"), "")
        s = f"{self.ev.agency or '评价机构'}成立绩效评价小组"
        if team:
            s += f"（共 {len(team)} 人" + (f"，{lead}任{ROLES['lead']}" if lead else "") + "）"
        return (s + "，制定绩效评价方案，现场核查相关业务及财务资料，细化项目绩效目标，"
                "按评价指标体系逐项评分，综合分析形成评价结论，出具绩效评价报告。")

    def gen_conclusion_score(self) -> str:
        return f"该项目绩效评价综合评分“{self.values['total_score']}分”，评级“{self.values['grade']}”。"

    def gen_conclusion_overall(self) -> str:
        bits = []
        for name, weight, score in self.sheet.dimension_scores():
            s = f"{name}方面得分 {fmt_score(score)} 分（分值 {fmt_score(weight)} 分，得分率 {self.rate(score, weight)}）"
            lost = [n.indicator for r in self.sheet.roots if r.indicator.name == name for n in r.walk()
                    if n.is_leaf and n.indicator.score is not None and n.indicator.score < n.indicator.weight]
            if lost:
                s += "，扣分指标为" + "、".join(i.name for i in lost)
            bits.append(s)
        if not bits:
            return "总体结论：评价指标尚未评分。"
        return "总体结论：" + "；".join(bits) + "。"

    def gen_analysis(self, dimension: str) -> str:
        root = next((r for r in self.sheet.roots if r.indicator.name == dimension), None)
        if root is None:
            return ""
        score = root.score()
        return (f"{dimension}类指标分值 {fmt_score(root.weight())} 分，评价得分 {fmt_score(score)} 分，"
                f"得分率 {self.rate(score, root.weight())}。")

    def gen_other(self) -> str:
        # Evaluation.illustrative_note (e.g. the sample's "示例值…仅供演示") describes the file in the app; it is
        # never printed in a report section (issue 18).
        return "无其他需要说明的问题。"

    # ------------------------------------------------------------------ tables
    @staticmethod
    def rate(score: Decimal | None, weight: Decimal) -> str:
        if score is None or not weight:
            return "—"
        return fmt_pct(round2(Decimal(score) * 100 / weight))

    def dimension_rows(self) -> list[list[str]]:
        rows = [[name, fmt_score(w), fmt_score(s), self.rate(s, w)] for name, w, s in self.sheet.dimension_scores()]
        rows.append(["合计", fmt_score(self.sheet.total_weight()), fmt_score(self.sheet.total()),
                     self.rate(self.sheet.total(), self.sheet.total_weight())])
        return rows


__all__ = ["Content", "cn_number", "cn_date", "NARRATIVE_SECTIONS", "generated_text", "section_text"]
