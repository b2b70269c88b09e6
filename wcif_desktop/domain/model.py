"""Domain records of one evaluation (绩效评价). Plain dataclasses; amounts in 元 and scores in points as Decimal.

Every record carries a stable ``id`` (UUID4 text) so evaluation files from different laptops can be merged.
Table names in the store equal :attr:`Record.table`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


def new_id() -> str:
    """A new stable record id (UUID4 as text)."""
    import uuid  # (imported on first use: it loads `platform`, start-up time)

    return str(uuid.uuid4())


@dataclass
class Record:
    table = ""
    id: str = field(default_factory=new_id)


# Roles of the evaluation team (评价小组), GLOSSARY.md.
ROLES = {"lead": "组长", "member": "成员", "expert": "专家", "reviewer": "复核人"}

# Level-1 dimensions of 财预〔2020〕10号 附件2 (决策/过程/产出/效益).
DIMENSIONS = ("决策", "过程", "产出", "效益")

FINDING_KINDS = {"practice": "主要经验及做法", "problem": "存在问题", "recommendation": "有关建议"}


@dataclass
class Evaluation(Record):
    """The engagement: one fund, one region, one fiscal year (the single row of table ``evaluation``)."""

    table = "evaluation"
    title: str = ""
    fund_name: str = "工伤保险基金"
    project_name: str = "工伤保险基金项目"
    region: str = ""
    fiscal_year: int = 0
    commissioner: str = ""
    evaluated_unit: str = ""
    agency: str = ""
    report_date: str = ""  # ISO date, e.g. 2022-06-30
    illustrative_note: str = ""  # e.g. why the sample's indicator scores are illustrative
    report_number: str = ""  # 报告编号, e.g. 内鑫评字〔2022〕第 18 号 (migration m0052)
    report_version: str = ""  # 草稿 | 征求意见稿 | 正式稿 ('' = 正式稿 once ready; services/report_state.py)
    locked: bool = False


@dataclass
class TeamMember(Record):
    table = "team_member"
    name: str = ""
    role: str = "member"  # key of ROLES
    qualification: str = ""
    organisation: str = ""
    contact: str = ""
    sort_order: int = 0


@dataclass
class FinanceLine(Record):
    """One line of the fund statement (cf. 社预执行07表). Amounts in 元; ``None`` when not given.

    ``code`` is stable across evaluations: ``income_total``, ``expenditure_total``, ``year_end_balance``,
    ``opening_balance`` and the detail lines added by the finance module.
    """

    table = "finance_line"
    fiscal_year: int = 0
    code: str = ""
    name: str = ""
    kind: str = "income"  # income | expenditure | balance
    budget: Decimal | None = None
    adjusted_budget: Decimal | None = None
    actual: Decimal | None = None
    parent_code: str = ""
    sort_order: int = 0


@dataclass
class TargetIndicator(Record):
    """One indicator of a performance-target table (绩效目标表), declared by the unit or refined by the team."""

    table = "target_indicator"
    version: str = "refined"  # declared | refined
    dimension: str = ""  # 产出 / 效益 / 满意度
    subdimension: str = ""  # 数量/质量/时效/成本; 经济/社会/生态/可持续; 服务对象满意度
    name: str = ""
    comparator: str = ""  # ≥ ≤ = 区间 or '' for qualitative
    value: str = ""
    unit: str = ""
    standard: str = ""  # 计划标准 / 行业标准 / 历史标准 / 其他标准
    actual: str = ""
    completion: str = ""
    deviation_reason: str = ""
    change_reason: str = ""
    sort_order: int = 0
    # Columns added by migration m0031 (domain/targets.py): the table as written.
    goal: str = ""  # the 年度目标 this indicator belongs to (e.g. 确保新老工伤各项待遇及时、足额支付)
    kind: str = ""  # 定量 | 定性
    level1_label: str = ""  # 一级指标 as written (产出指标)
    level2_label: str = ""  # 二级指标 as written (可持续影响指标)
    target_text: str = ""  # 指标值 as written (≥1场, 28600万, 满意)
    declared_id: str = ""  # refined row: id of the declared row it refines ('' = new)


@dataclass
class Indicator(Record):
    """A node of the indicator framework (指标体系). Levels 1–3; only level-3 nodes carry a score.

    ``weight`` and ``score`` are points (Decimal). A level-3 score lies in [0, weight]; below the weight it needs
    a ``deduction_reason`` (扣分原因).
    """

    table = "indicator"
    parent_id: str = ""
    level: int = 3
    code: str = ""
    name: str = ""
    weight: Decimal = Decimal(0)
    definition: str = ""
    scoring_rule: str = ""
    rule_type: str = "manual"
    rule_params: str = "{}"  # JSON text, interpreted by the scoring engine
    score: Decimal | None = None
    deduction_reason: str = ""
    sort_order: int = 0
    guidance: str = ""  # 评价要点 (official scoring points), column added by migration m0010
    source_status: str = ""  # status tag of the official wording ([R], [V-peer] …; FRAMEWORK.md)
    finding: str = ""  # 评价情况（实际值） as the evaluator found it (migration m0052)


@dataclass
class Finding(Record):
    """A good practice, a problem (with cause analysis 原因分析) or a recommendation."""

    table = "finding"
    kind: str = "problem"  # key of FINDING_KINDS
    title: str = ""
    body: str = ""
    cause: str = ""
    answers: str = ""  # recommendation: comma-separated ids of the problems it answers
    sort_order: int = 0


@dataclass
class Narrative(Record):
    """Evaluator-edited narrative of one report section; may hold ``{{field}}`` placeholders."""

    table = "narrative"
    section: str = ""
    text: str = ""


@dataclass
class EvaluationSnapshot:
    """Everything a report or a view needs, read in one go from the evaluation file."""

    evaluation: Evaluation
    team: list[TeamMember] = field(default_factory=list)
    finance: list[FinanceLine] = field(default_factory=list)
    targets: list[TargetIndicator] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    narratives: dict[str, str] = field(default_factory=dict)
    grade_bands: tuple = ()  # ((lower bound, grade), …) of this evaluation; () = default (domain/scoring.py)
    open_conflicts: tuple = ()  # labels ("table name") of merge conflicts not resolved yet (services/merge.py)
    history: tuple = ()  # (length, last hash) of the file's history when read: anchored in reports' metadata

    def findings_of(self, kind: str) -> list[Finding]:
        return sorted((f for f in self.findings if f.kind == kind), key=lambda f: f.sort_order)

    def finance_line(self, code: str, year: int | None = None) -> FinanceLine | None:
        year = self.evaluation.fiscal_year if year is None else year
        for line in self.finance:
            if line.code == code and line.fiscal_year == year:
                return line
        return None


RECORD_TYPES: dict[str, type[Record]] = {
    cls.table: cls for cls in (Evaluation, TeamMember, FinanceLine, TargetIndicator, Indicator, Finding, Narrative)
}
