"""Documents before fieldwork: work plan (工作方案), research outline (调研提纲), research letter (调研函),
document request list (资料清单) and site schedule (调研安排), all built from the evaluation's data.

Sources (see :mod:`wcif_desktop.services.deliverables.sources`): the evaluation facts, team, framework and finance
(core), the plan, basis, schedule and request list (services/plan.py, services/review.py), the site schedule
and research answers (this area). Where the file holds no plan text, basis list or schedule yet, the work plan
uses the rules of 财预〔2020〕10号 (methods, standards, procedure, grade bands) and says so in the text.
"""

from __future__ import annotations

import datetime as _dt

from ...domain.document import (
    BodyStart,
    Cover,
    DocOutline,
    Heading,
    PageBreak,
    Para,
    Signing,
    Table,
    Toc,
    h1,
    h2,
    paras,
)
from ...domain.errors import ValidationError
from ...domain.fields import fill
from ...domain.money import fmt_score
from ...domain.review import STANDARDS, ids, parse_date
from .common import (
    cn_date,
    document_date,
    finance_table,
    framework_table,
    indicator_counts,
    narrative,
    pts,
    sheet_of,
    team_table,
    values,
    year_label,
)
from .reports import grade_bands_text
from .sources import Sources, outline_topics

ISSUERS = ("agency", "commissioner")

# 财预〔2020〕10号 basis documents used when the plan lists none (titles and numbers as in DOMAIN.md §1–3).
DEFAULT_BASIS = (
    ("《中华人民共和国预算法》", ""),
    ("《工伤保险条例》", ""),
    ("《财政部关于印发〈项目支出绩效评价管理办法〉的通知》", "财预〔2020〕10号"),
    ("《财政部 人力资源社会保障部 税务总局 国家医保局关于印发〈社会保险基金预算绩效管理办法〉的通知》",
     "财社〔2022〕65号"),
    ("《财政部关于委托第三方机构参与预算绩效管理的指导意见》", "财预〔2021〕6号"),
    ("《第三方机构预算绩效评价业务监督管理暂行办法》", "财监〔2021〕4号"),
)

METHOD_TEXT = {
    "成本效益分析法": "将一定时期内的支出与效益进行对比分析，评价绩效目标实现程度。",
    "比较法": "将实施情况与绩效目标、历史情况、不同部门和地区同类支出情况进行比较，综合分析绩效目标实现程度。",
    "因素分析法": "综合分析影响绩效目标实现、实施效果的内外部因素，评价绩效目标实现程度。",
    "最低成本法": "在绩效目标确定的前提下，成本最小者为优。",
    "公众评判法": "通过专家评估、公众问卷及抽样调查等方式，对财政支出效果进行评判。",
    "标杆管理法": "以国内外同行业中较高的绩效水平为标杆进行评判。",
}
DEFAULT_METHODS = ("比较法", "因素分析法", "公众评判法")

STANDARD_TEXT = {
    "计划标准": "以预先制定的目标、计划、预算、定额等为评价标准。",
    "行业标准": "参照国家公布的行业指标数据制定的评价标准。",
    "历史标准": "参照历史数据制定的评价标准，为体现绩效改进的原则，在可实现的条件下应当确定相对较高的评价标准。",
    "其他标准": "财政部门和预算部门确认或认可的其他标准。",
}

# 财预〔2020〕10号 work procedure (DOMAIN.md §2) — used when the plan has no schedule.
DEFAULT_PROCEDURE = ("确定绩效评价对象和范围", "下达绩效评价通知", "制订绩效评价工作方案", "收集绩效评价相关资料",
                     "对资料进行审查核实", "综合分析并形成评价结论", "撰写与提交评价报告", "建立绩效评价档案")


def _issuer(src: Sources, issuer: str) -> str:
    ev = src.snap.evaluation
    if issuer not in ISSUERS:
        from ...domain.errors import QT_TRANSLATE_NOOP, ValidationError

        raise ValidationError(QT_TRANSLATE_NOOP("core", "出具名义应为 agency（评价机构）或 commissioner（委托方），不是 {issuer}"),
                              issuer=repr(issuer))
    return (ev.commissioner if issuer == "commissioner" else ev.agency) or ev.agency or ev.commissioner


def _span(start: str, end: str) -> str:
    a, b = cn_date(start), cn_date(end)
    if a and b:
        return a if a == b else f"{a}至{b}"
    return a or b


def _days(start: str, end: str) -> str:
    try:
        return str((parse_date(end) - parse_date(start)).days + 1)
    except ValidationError:  # a phase without (valid) dates shows a dash
        return "—"


def _basis_lines(src: Sources) -> tuple[list[str], bool]:
    if src.basis:
        return [f"{b.title}{f'（{b.number}）' if b.number else ''}" for b in src.basis], False
    return [f"{t}{f'（{n}）' if n else ''}" for t, n in DEFAULT_BASIS], True


def _list_from_json(text: str) -> list[str]:
    try:
        return ids(text)
    except ValidationError:  # a malformed stored list reads as empty (the plan editor refuses to write one)
        return []


# ---------------------------------------------------------------------------------------------- request list
def request_rows(src: Sources) -> tuple[list[list[str]], bool, str]:
    """Rows 编号 | 类别 | 资料名称 | 说明 | 提交期限 of the request list; from the template when the file has
    none yet (then ``from_template`` is True). Also returns the latest due date (ISO)."""
    if src.requests:
        rows = [[r.code, r.category, r.title, r.description, cn_date(r.due_on)] for r in src.requests]
        last = max((r.due_on for r in src.requests if r.due_on), default="")
        return rows, False, last
    from ..review import load_template

    data = load_template()
    # due dates counted from the letter's date (the plan's field phase), so the documents agree with each other
    try:
        day = _dt.date.fromisoformat(document_date(src, "letter"))
    except ValueError:
        day = _dt.date.today()
    default_days = int(data.get("default_due_days", 7))
    rows, last = [], ""
    for cat in data["category"]:
        for n, it in enumerate(cat["items"], start=1):
            due = (day + _dt.timedelta(days=int(it.get("due_days", cat.get("due_days", default_days))))).isoformat()
            last = max(last, due)
            rows.append([f"{cat['code']}{n:02d}", cat["name"], str(it["title"]), str(it.get("description", "")),
                         cn_date(due)])
    return rows, True, last


def request_table(src: Sources) -> tuple[Table, bool, str]:
    rows, from_template, last = request_rows(src)
    t = Table(["编号", "类别", "资料名称", "说明", "提交期限"], rows, widths=[1.4, 3, 5, 5, 3], merge=(1,))
    return t, from_template, last


def request_list(src: Sources) -> DocOutline:
    """资料清单: every requested document with its code, dates, status and the provider's note (A4 landscape),
    to hand to the evaluated unit. The same for ``document request-list``, ``request-list … .pdf`` and the GUI.

    Raises:
        WcifError: the evaluation holds no request list (add items or generate them from the template first).
    """
    from ...domain.errors import QT_TRANSLATE_NOOP, WcifError
    from ...domain.review import REQUEST_STATUSES

    if not src.requests:
        raise WcifError(QT_TRANSLATE_NOOP("core", "资料清单为空，请先添加资料或从模板生成"))
    vals = values(src.snap)
    ev = src.snap.evaluation
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价资料清单"
    out = DocOutline("request-list", title, author=ev.agency, context=vals, landscape=True)
    out.add(Para(title, "title"))
    if ev.evaluated_unit:
        out.add(Para(f"致：{ev.evaluated_unit}", "plain"))
    last = max((r.due_on for r in src.requests if r.due_on), default="")
    intro = "为开展绩效评价工作，请贵单位按下列清单提供资料（复印件加盖公章，电子数据请提供可编辑格式）"
    out.add(Para(intro + (f"，并于{cn_date(last)}前提交。" if last else "。")))
    out.add(Table(["编号", "类别", "资料名称", "说明", "索取日期", "截止日期", "状态", "备注"],
                  [[r.code, r.category, r.title, r.description, cn_date(r.requested_on), cn_date(r.due_on),
                    REQUEST_STATUSES.get(r.status, r.status), r.provider_note] for r in src.requests],
                  widths=[1.4, 2.4, 5, 5, 2.4, 2.4, 1.6, 3], merge=(1,)))
    out.add(Para("说明：请按上表编号提供资料，并在每份资料首页注明对应编号；无法提供的资料请在备注中说明原因。", "plain"))
    out.add(Para("被评价单位签收：____________________　　日期：____________________", "plain"))
    out.add(Signing(ev.agency, cn_date(document_date(src, "request-list"))))
    return out


# ---------------------------------------------------------------------------------------------- site schedule
def site_rows(src: Sources) -> tuple[list[list[str]], bool]:
    """Rows 序号 | 日期 | 地点 | 调研单位 | 行程安排 | 调研人员 | 选取理由; a proposed visit of the evaluated
    unit (dated by a schedule phase named 现场…, if any) when none is recorded (then ``proposed`` is True)."""
    if src.visits:
        rows = [[str(i), cn_date(v.visit_date), v.place, v.unit, v.itinerary,
                 "、".join(src.member_names(v.member_ids)), v.reason]
                for i, v in enumerate(src.visits, start=1)]
        return rows, False
    ev = src.snap.evaluation
    phase = next((p for p in src.phases if "现场" in p.name or "调研" in p.name), None)
    date = _span(phase.start_date, phase.end_date) if phase else ""
    members = "、".join(m.name for m in src.snap.team)
    return [["1", date, ev.region, ev.evaluated_unit, "听取情况介绍，查阅资料，访谈经办人员", members,
             "被评价单位，基金的经办和管理主体"]], True


def site_table(src: Sources) -> tuple[Table, bool]:
    rows, proposed = site_rows(src)
    return Table(["序号", "日期", "地点", "调研单位", "行程安排", "调研人员", "选取理由"], rows,
                 widths=[1, 2.6, 2.2, 3.4, 4, 2.6, 4]), proposed


def site_schedule(src: Sources) -> DocOutline:
    """调研安排: place, date, itinerary, members and the reason each site was selected."""
    vals = values(src.snap)
    ev = src.snap.evaluation
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价调研安排"
    out = DocOutline("site-schedule", title, author=ev.agency, context=vals)
    out.add(Para(title, "title"))
    table, proposed = site_table(src)
    out.add(table)
    return out


# ---------------------------------------------------------------------------------------------- research outline
def outline_blocks(src: Sources, vals: dict[str, str], with_answers: bool = True) -> list:
    """Topics as level-1 headings, numbered questions, and the answers recorded per visited unit."""
    blocks: list = []
    by_q: dict[tuple[str, str], list] = {}
    for a in src.answers:
        by_q.setdefault((a.topic, a.question), []).append(a)
    topics = outline_topics(vals)
    known = {t["key"] for t in topics}
    for i, t in enumerate(topics, start=1):
        blocks.append(h1(i, t["title"]))
        asked = list(t["questions"])
        asked += [q for (k, q) in by_q if k == t["key"] and q not in asked]
        for j, q in enumerate(asked, start=1):
            blocks.append(Para(f"{j}. {q}", "plain"))
            if with_answers:
                for a in by_q.get((t["key"], q), []):
                    blocks.append(Para(f"【{a.unit or '调研单位'}】{a.answer}", "body"))
    stray = [a for a in src.answers if a.topic not in known]
    if with_answers and stray:
        blocks.append(h1(len(topics) + 1, "其他"))
        for a in stray:
            blocks.append(Para(f"{a.question}", "plain"))
            blocks.append(Para(f"【{a.unit or '调研单位'}】{a.answer}"))
    return blocks


def research_outline(src: Sources) -> DocOutline:
    """调研提纲 with the answers recorded per visited unit."""
    vals = values(src.snap)
    ev = src.snap.evaluation
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价调研提纲"
    out = DocOutline("research-outline", title, author=ev.agency, context=vals)
    out.add(Para(title, "title"))
    units = sorted({a.unit for a in src.answers if a.unit})
    if units:
        out.add(Para(f"已记录调研单位：{'、'.join(units)}。"))
    out.extend(outline_blocks(src, vals))
    return out


# ---------------------------------------------------------------------------------------------- letter
def letter(src: Sources) -> DocOutline:
    """调研函 to the evaluated unit: purpose, visit dates, research topics, the request list with due dates,
    contact person."""
    vals = values(src.snap)
    ev = src.snap.evaluation
    title = f"关于开展{year_label(ev)}{ev.region}{ev.project_name}绩效评价调研的函"
    out = DocOutline("letter", title, author=ev.agency, context=vals)
    out.add(Para(title, "title"))
    out.add(Para(f"{ev.evaluated_unit}：", "plain"))
    out.add(Para(f"受{ev.commissioner}委托，{ev.agency}对{ev.region}{year_label(ev)}{ev.project_name}开展绩效评价。"
                 "为全面了解基金收支、管理和绩效目标完成情况，评价小组将赴贵单位开展调研，请予以支持和配合。"
                 "现将有关事项函告如下："))
    rows, proposed = site_rows(src)
    out.add(h1(1, "调研时间和安排"))
    for r in rows:
        who_where = f"{r[3]}（{r[2]}）" if r[2] else r[3]
        out.add(Para("，".join(x for x in (r[1], who_where) if x) + f"：{r[4]}。"))
    out.add(h1(2, "调研内容"))
    topics = outline_topics(vals)
    out.add(Para("主要了解" + "、".join(t["title"] for t in topics) + "等情况，详见调研提纲。"))
    out.add(h1(3, "需提供的资料"))
    table, from_template, last = request_table(src)
    out.add(Para(f"请于{cn_date(last)}前按下表提供资料，逐项标注编号；无法提供的请书面说明原因。" if last
                 else "请按下表提供资料，逐项标注编号；无法提供的请书面说明原因。"))
    out.add(table)
    out.add(h1(4, "联系人"))
    lead = next((m for m in src.snap.team if m.role == "lead"), src.snap.team[0] if src.snap.team else None)
    if lead:
        out.add(Para(f"评价小组组长：{lead.name}{f'，联系电话：{lead.contact}' if lead.contact else ''}。"))
    out.add(Para("特此函告。"))
    out.add(Signing(ev.agency, cn_date(document_date(src, "letter"))))
    return out


# ---------------------------------------------------------------------------------------------- work plan
def _questionnaire_blocks(src: Sources) -> list:
    if not src.questionnaires:
        return [Para("评价文件中尚未设计调查问卷；满意度和政策知晓率调查问卷在“满意度调查”中设计后附于此。")]
    blocks: list = []
    for i, q in enumerate(src.questionnaires, start=1):
        name = q.title or q.group
        blocks.append(Heading(2, f"（{i}）{name if name.endswith('问卷') else name + '问卷'}"))
        if q.group:
            blocks.append(Para(f"调查对象：{q.group}", "plain"))
        for j, (text, options) in enumerate(q.questions, start=1):
            blocks.append(Para(f"{j}. {text}", "plain"))
            if options:
                blocks.append(Para("    ".join(f"□{o}" for o in options), "plain"))
    return blocks


def work_plan(src: Sources, issuer: str = "agency") -> DocOutline:
    """工作方案 with the annexes (indicator framework with scoring rules, research outline, request list,
    questionnaires, site schedule). ``issuer``: ``agency`` (以评价机构名义) or ``commissioner`` (以委托方名义).

    Raises:
        ValidationError: unknown ``issuer``.
    """
    snap = src.snap
    vals = values(snap)
    ev = snap.evaluation
    who = _issuer(src, issuer)
    sheet = sheet_of(snap)
    counts = indicator_counts(sheet)
    plan = src.plan
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价工作方案"
    out = DocOutline("work-plan", title, author=who, context=dict(vals, issuer=who))
    out.add(Cover(title, [who], cn_date(document_date(src, "work-plan"))))
    out.cover_blocks = len(out.blocks)
    out.add(Toc(), BodyStart(), Para(title, "title"))
    if issuer == "commissioner":
        out.add(Para(f"为加强{ev.fund_name}预算绩效管理，{ev.commissioner}委托第三方机构{ev.agency}对"
                     f"{ev.region}{year_label(ev)}{ev.project_name}开展绩效评价，特制定本方案。"))
    else:
        out.add(Para(f"受{ev.commissioner}委托，{ev.agency}对{ev.region}{year_label(ev)}{ev.project_name}"
                     "开展绩效评价，特制定本方案。"))

    out.add(h1(1, "项目基本情况"))
    out.extend(paras(narrative(snap, "basic.intro", vals)))
    out.extend(paras(narrative(snap, "basic.content", vals)))
    out.extend(paras(narrative(snap, "basic.funding", vals)))
    if any(f.fiscal_year == ev.fiscal_year for f in snap.finance):
        out.add(finance_table(snap))
    out.extend(paras(narrative(snap, "basic.targets", vals)))

    out.add(h1(2, "评价对象和内容"), h2(1, "评价目的"))
    out.extend(paras(fill(plan.objectives, vals) if plan and plan.objectives.strip() else fill(
        "了解{{fiscal_year}}年度{{fund_name}}的收支和管理情况，客观评价基金使用的经济性、效率性、效益性和公平性，"
        "总结经验、发现问题、提出建议，为加强基金预算绩效管理、提高基金使用效益提供参考。", vals)))
    out.add(h2(2, "评价对象"))
    out.extend(paras(fill(plan.evaluation_object, vals) if plan and plan.evaluation_object.strip() else fill(
        "{{region}}{{project_name}}，被评价单位为{{evaluated_unit}}。", vals)))
    out.add(h2(3, "评价范围"))
    out.extend(paras(fill(plan.scope, vals) if plan and plan.scope.strip() else fill(
        "{{fiscal_year}}年1月1日至{{fiscal_year}}年12月31日基金的收入、支出、结余及工伤认定、劳动能力鉴定、"
        "待遇核发、工伤预防和基金监督管理等相关工作。", vals)))
    out.add(h2(4, "评价内容"))
    out.add(Para(f"围绕{'、'.join(r.indicator.name for r in sheet.roots)}等方面，设置一级指标{counts[1]}个、"
                 f"二级指标{counts[2]}个、三级指标{counts[3]}个，总分{pts(sheet.total_weight())}分。"))

    out.add(h1(3, "评价依据"))
    lines, default = _basis_lines(src)
    for i, line in enumerate(lines, start=1):
        out.add(Para(f"{i}. {line}", "plain"))
    out.add(Para(f"{len(lines) + 1}. {ev.evaluated_unit}提供的预算、决算、财务及业务资料。", "plain"))

    out.add(h1(4, "评价思路与重点"))
    focus = narrative(snap, "plan.focus", vals)
    if focus:
        out.extend(paras(focus))
    else:
        out.add(Para("以财预〔2020〕10号确定的决策、过程、产出、效益为主线，以基金收支数据和绩效目标为基础，"
                     "通过资料核查、现场调研、访谈和问卷调查收集证据，逐项评分，形成评价结论并提出建议。"))
        points = ["基金收支预算的编制和执行情况（收入预算执行率、支出预算执行率、当年收支结余、可支付月数）"]
        if not any(t.version == "declared" for t in snap.targets):
            points.append("绩效目标的申报和细化情况（评价文件中没有单位申报的绩效目标表，需核实并细化完善）")
        else:
            points.append("单位申报的绩效目标表是否完整、明确、可衡量")
        points += ["工伤认定、劳动能力鉴定和待遇核发的及时性、准确性",
                   "工伤预防费的预算安排和使用情况", "参保单位和待遇领取人员的满意度及政策知晓率"]
        out.add(Para("评价重点：", "plain"))
        for i, p in enumerate(points, start=1):
            out.add(Para(f"{i}. {p}；" if i < len(points) else f"{i}. {p}。", "plain"))

    out.add(h1(5, "评价方法"))
    methods = _list_from_json(plan.methods) if plan else []
    for i, m in enumerate(methods or DEFAULT_METHODS, start=1):
        out.add(Para(f"{i}. {m}：{METHOD_TEXT.get(m, '')}", "plain"))
    # none chosen: the default methods are stated; the readiness list says the plan has chosen none

    out.add(h1(6, "评价指标和评价标准"), h2(1, "评价指标体系"))
    out.add(Para(f"评价指标体系依据财预〔2020〕10号附件2，结合{ev.fund_name}特点设置，共设一级指标{counts[1]}个、"
                 f"二级指标{counts[2]}个、三级指标{counts[3]}个（见附件1）。一级指标分值如下："))
    out.add(Table(["一级指标", "分值"], [[n, fmt_score(w)] for n, w, _s in sheet.dimension_scores()]
                  + [["合计", fmt_score(sheet.total_weight())]], widths=[4, 2], numeric=(1,)))
    out.add(h2(2, "评价标准"))
    std_keys = _list_from_json(plan.standards) if plan else []
    std_names = [STANDARDS.get(k, k) for k in std_keys] or list(STANDARDS.values())
    for i, s in enumerate(std_names, start=1):
        out.add(Para(f"{i}. {s}：{STANDARD_TEXT.get(s, '')}", "plain"))
    if plan and plan.standards_note.strip():
        out.extend(paras(fill(plan.standards_note, vals)))
    out.add(h2(3, "评价等级"))
    out.add(Para(f"绩效评价结果采取评分和评级相结合的方式，总分100分，等级划分为四档：{grade_bands_text(sheet.bands)}。"))

    out.add(h1(7, "评价程序"))
    if src.phases:
        for i, ph in enumerate(src.phases, start=1):
            text = f"{i}. {ph.name}（{_span(ph.start_date, ph.end_date)}）"
            if ph.description:
                text += f"：{ph.description}"
            out.add(Para(text, "plain"))
    else:
        out.add(Para("按财预〔2020〕10号规定的程序开展：", "plain"))
        for i, step in enumerate(DEFAULT_PROCEDURE, start=1):
            out.add(Para(f"{i}. {step}；" if i < len(DEFAULT_PROCEDURE) else f"{i}. {step}。", "plain"))

    out.add(h1(8, "评价相关方工作人员"), h2(1, "委托方"), *([Para(ev.commissioner, "plain")] if ev.commissioner else []))
    out.add(h2(2, "被评价单位"), *([Para(ev.evaluated_unit, "plain")] if ev.evaluated_unit else []))
    out.add(h2(3, "评价机构及评价小组"), *([Para(ev.agency, "plain")] if ev.agency else []))
    if snap.team:
        out.add(team_table(snap))

    out.add(h1(9, "时间安排"))
    if src.phases:
        out.add(Table(["序号", "工作阶段", "起止时间", "天数", "负责人"],
                      [[str(i), p.name, _span(p.start_date, p.end_date), _days(p.start_date, p.end_date),
                        "、".join(src.member_names(p.owner_ids))] for i, p in enumerate(src.phases, start=1)],
                      widths=[1, 4, 5, 1.4, 3], numeric=(3,)))
    if ev.report_date:
        out.add(Para(f"评价报告于{cn_date(ev.report_date)}前提交。"))

    out.add(Signing(who, cn_date(document_date(src, "work-plan"))))  # the 落款, where the seal goes
    out.add(PageBreak(), Heading(1, "附件1：评价指标体系及评分标准"), framework_table(sheet, vals, caption=""))
    out.add(PageBreak(), Heading(1, "附件2：调研提纲"))
    out.extend(Heading(2, b.text) if isinstance(b, Heading) else b for b in outline_blocks(src, vals, False))
    out.add(PageBreak(), Heading(1, "附件3：资料清单"))
    table, from_template, _last = request_table(src)
    out.add(table)
    out.add(PageBreak(), Heading(1, "附件4：调查问卷"))
    out.extend(_questionnaire_blocks(src))
    out.add(PageBreak(), Heading(1, "附件5：调研安排"))
    stable, proposed = site_table(src)
    out.add(stable)
    return out


__all__ = [
    "ISSUERS",
    "letter",
    "outline_blocks",
    "request_list",
    "request_rows",
    "research_outline",
    "site_rows",
    "site_schedule",
    "work_plan",
]
