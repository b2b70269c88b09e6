"""Data for the full report's optional appendices, read from the evaluation file when it holds them.

- 资料清单 (document request list with statuses): ``services.review.request_items`` (issue 4's tables);
- 问卷调查结果 (survey results per respondent group): ``services.survey.results_table``; per question (each
  satisfaction / awareness question's own rate, interval and n): ``services.survey.appendix``.

Both are optional: an evaluation without rows simply has no such appendix. Errors are not swallowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReportExtras:
    """Rows for the optional appendices (already plain text, ready for a table)."""

    document_requests: list[list[str]] = field(default_factory=list)  # 编号, 类别, 资料名称, 状态, 说明
    survey_rows: list[list[str]] = field(default_factory=list)  # 对象, 有效问卷, 满意度, 政策知晓率
    survey_notes: list[str] = field(default_factory=list)  # how rates were computed, sample warnings
    survey_rates: list[tuple] = field(default_factory=list)  # (group, satisfaction %, awareness %) as Decimal
    # per question: 调查对象, 问题, 类别 (满意度 | 政策知晓率), 比率 (%), 95% 置信区间 (%), n (respondents answering it)
    survey_questions: list[list[str]] = field(default_factory=list)
    # 评价方案 (issue 4's evaluation_plan): objectives, object, scope, principles; method and standard names
    plan: dict[str, str] = field(default_factory=dict)
    methods: list[str] = field(default_factory=list)
    standards: list[str] = field(default_factory=list)
    standards_note: str = ""
    basis: list[str] = field(default_factory=list)  # 评价依据: 《title》(issuer number)
    work_process: list[str] = field(default_factory=list)  # sentences on the schedule, requests, interviews
    panel_sentence: str = ""  # how the expert panel's scores were combined (issue 3), '' without a panel
    # 上年评价发现问题整改情况 (issue 22, services/baseline.py): title, paragraphs, rows [序号, 上年问题, 整改情况, 说明]
    # the fund's business figures for 一、基本情况 (issue 18): services.business.basic_situation
    business: dict = field(default_factory=dict)
    rectification_title: str = ""
    rectification: list[str] = field(default_factory=list)
    rectification_rows: list[list[str]] = field(default_factory=list)


def _pct(v) -> str:
    return "—" if v is None else f"{v:.2f}%"


def load_extras(ef) -> ReportExtras:
    """Read what the full report needs beyond the snapshot from ``ef``.

    An evaluation without requests, survey answers, plan or panel scores gives empty parts (the services return
    empty lists for them). Any error of a service propagates: a bug must not turn into a missing section.
    """
    from ...domain.review import REQUEST_STATUSES, STANDARDS
    from .. import plan as plan_svc
    from ..review import request_items
    from ..scoring import panel_sentence
    from ..survey import appendix, results_table, survey_tally
    from .sources import json_ids

    out = ReportExtras()
    out.panel_sentence = panel_sentence(ef)
    for it in request_items(ef):
        out.document_requests.append([it.code, it.category, it.title,
                                      REQUEST_STATUSES.get(it.status, it.status), it.provider_note])
    data = survey_tally(ef)  # counts read once (aggregated SQL); the report lists no free-text answers
    for row in results_table(ef, data):
        out.survey_rows.append([row["group"], str(row["valid_responses"]), _pct(row.get("satisfaction_rate")),
                                _pct(row.get("awareness_rate"))])
        out.survey_rates.append((row["group"], row.get("satisfaction_rate"), row.get("awareness_rate")))
        caveats = [f"{row['group']}问卷{w.rstrip('。')}。" for w in row.get("warnings", []) if w]
        for s in row.get("sentences", []) + caveats:  # a caveat names the respondent group it is about
            if s and s not in out.survey_notes:
                out.survey_notes.append(s)
    for st in appendix(ef, data):
        if st.question.kind not in ("satisfaction", "awareness"):
            continue
        r = st.rate
        out.survey_questions.append([
            st.survey.respondent_group or st.survey.title, st.question.text,
            "满意度" if st.question.kind == "satisfaction" else "政策知晓率",
            _pct(r.rate if r else None), f"{r.low:.2f}–{r.high:.2f}%" if r else "—",
            str(r.respondents if r else 0)])
    pl = plan_svc.plan(ef)
    out.plan = {k: (getattr(pl, k) or "").strip() for k in ("objectives", "evaluation_object", "scope", "principles")}
    out.methods = [m for m in json_ids(pl.methods) if m]
    out.standards = [STANDARDS.get(k, k) for k in json_ids(pl.standards) if k]
    out.standards_note = (pl.standards_note or "").strip()
    for b in plan_svc.basis(ef):
        ref = " ".join(x for x in (b.issuer, b.number) if x)
        title = b.title if b.title.startswith("《") else f"《{b.title}》"
        out.basis.append(title + (f"（{ref}）" if ref else ""))
    out.work_process = [t for t in plan_svc.work_process_sentences_for(ef) if t]
    from ..business import basic_situation

    out.business = basic_situation(ef)
    from ..baseline import rectification_section

    sec = rectification_section(ef)
    if sec is not None:
        out.rectification_title = sec.title
        out.rectification = list(sec.paragraphs)
        out.rectification_rows = [[str(r["序号"]), r["上年问题"], r["整改情况"], r["说明"]] for r in sec.rows]
    return out


__all__ = ["ReportExtras", "load_extras"]
