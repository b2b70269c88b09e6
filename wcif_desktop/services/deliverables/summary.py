"""Work summary (工作总结): what was done (from the record), the result, experience, shortcomings and
suggestions.

The facts come from the data: schedule, team, request list (status counts, items not provided), interviews,
site visits, survey responses, working papers and their sign-off, evidence files, the score and the problem
list check. Experience, shortcomings and suggestions are the evaluator's narrative sections
``summary.experience``, ``summary.shortcomings`` and ``summary.suggestions``; where one is empty, the points the
data shows are listed and marked for the team to complete.
"""

from __future__ import annotations

from ...domain.document import DocOutline, Para, Signing, h1, paras
from ...domain.review import REQUEST_STATUSES
from .common import cn_date, document_date, narrative, pts, sheet_of, values, year_label
from .problem_list import check_problems
from .sources import Sources


def _facts(src: Sources) -> dict:
    reqs = src.requests
    counts = {k: sum(1 for r in reqs if r.status == k) for k in REQUEST_STATUSES}
    unsigned = [p for p in src.papers if not p.prepared_hash or not p.reviewed_hash]
    return {"requests": len(reqs), "status": counts, "unsigned": unsigned}


def work_summary(src: Sources, interviews: int = 0, survey_responses: int = 0) -> DocOutline:
    """工作总结 of the evaluation (see module doc)."""
    snap = src.snap
    vals = values(snap)
    ev = snap.evaluation
    sheet = sheet_of(snap)
    facts = _facts(src)
    title = f"{ev.region}{year_label(ev)}{ev.project_name}绩效评价工作总结"
    out = DocOutline("summary", title, author=ev.agency, context=vals)
    out.add(Para(title, "title"))

    out.add(h1(1, "评价工作开展情况"))
    out.add(Para(f"受{ev.commissioner}委托，{ev.agency}组成{len(snap.team)}人的评价小组，对{ev.region}{ev.fiscal_year}"
                 f"年度{ev.project_name}开展绩效评价。"))
    for i, ph in enumerate(src.phases, start=1):
        span = "至".join(x for x in (cn_date(ph.start_date), cn_date(ph.end_date)) if x)
        out.add(Para(f"{i}. {ph.name}{f'（{span}）' if span else ''}{('：' + ph.description) if ph.description else ''}",
                     "plain"))
    st = facts["status"]
    out.add(Para(
        f"评价小组共索取资料{facts['requests']}项，其中已核查{st['reviewed']}项、已收到待核查{st['received']}项、"
        f"未提供{st['not_provided']}项、不适用{st['not_applicable']}项；开展现场调研{len(src.visits)}处，访谈{interviews}次，"
        f"回收调查问卷{survey_responses}份；编制工作底稿{len(src.papers)}份，归集证据文件{len(src.evidence)}个。"))

    out.add(h1(2, "评价结果"))
    out.add(Para(f"综合评分{vals['total_score']}分，评级“{vals['grade']}”。发现问题{len(snap.findings_of('problem'))}项，"
                 f"提出建议{len(snap.findings_of('recommendation'))}项。"))
    for name, w, s in sheet.dimension_scores():
        out.add(Para(f"{name}：分值{pts(w)}分，得分{pts(s)}分。", "plain"))

    chk = check_problems(snap, src.problem_details, src.finding_links)
    out.add(h1(3, "工作经验"))
    exp = narrative(snap, "summary.experience", vals)
    if exp:
        out.extend(paras(exp))
    else:
        points = []
        if st["reviewed"]:
            points.append(f"资料核查逐项登记，{st['reviewed']}项资料已核查并留有记录")
        if src.visits:
            points.append(f"现场调研{len(src.visits)}处，调研单位的选取理由均有记载")
        if src.papers and not facts["unsigned"]:
            points.append("工作底稿均已编制人、复核人签字")
        if chk.ok:
            points.append("问题清单与报告问题部分、指标分析一致")
        if not points:
            out.add(Para("评价记录中尚无可归纳的经验要点。", "plain"))
        for i, p in enumerate(points, start=1):
            out.add(Para(f"{i}. {p}。", "plain"))

    out.add(h1(4, "存在的不足"))
    short = narrative(snap, "summary.shortcomings", vals)
    if short:
        out.extend(paras(short))
    else:
        points = []
        if st["not_provided"]:
            missing = [r.title for r in src.requests if r.status == "not_provided"]
            points.append(f"被评价单位未提供资料{st['not_provided']}项（{'、'.join(missing[:5])}"
                          f"{'等' if len(missing) > 5 else ''}），相关指标的评价依据不够充分")
        if st["requested"]:
            points.append(f"尚有{st['requested']}项资料未收到")
        if facts["unsigned"]:
            points.append(f"{len(facts['unsigned'])}份工作底稿尚未完成编制人、复核人签字")
        if not any(t.version == "declared" for t in snap.targets):
            points.append("被评价单位未申报绩效目标表，评价组细化的目标缺少单位确认")
        points = points or ["评价记录中未发现明显不足"]
        for i, p in enumerate(points, start=1):
            out.add(Para(f"{i}. {p}。", "plain"))

    out.add(h1(5, "改进建议"))
    sug = narrative(snap, "summary.suggestions", vals)
    if sug:
        out.extend(paras(sug))
    else:
        out.add(Para("1. 提前向被评价单位发出调研函和资料清单，跟踪资料提交期限。", "plain"))
        out.add(Para("2. 将本次发现的典型问题存入问题库，供以后评价参考。", "plain"))
    out.add(Signing(ev.agency, cn_date(document_date(src, "summary"))))
    return out


__all__ = ["work_summary"]
