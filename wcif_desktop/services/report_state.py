"""Whether a report may be final: the basis of every indicator, the checks on it, the draft mark, the final gate.

- :func:`indicator_bases` — for each level-3 indicator the 评分标准 applied, the 指标值 (target) and the 实际值
  found, where the figure comes from (财务数据 / 问卷调查 / 绩效目标 / 评分规则 / 评价组核查) and the working
  papers and evidence it rests on (index codes). The full report's 四 and the score sheet print these.
- :func:`basis_checks` — readiness items on that basis: a scored indicator with neither a figure nor a working
  paper / evidence (错误); a rule that scores from a finance or survey metric the file holds no data for, or a
  satisfaction / awareness indicator scored while the file holds no questionnaire answers (错误); one metric
  driving deductions in several indicators (提示: the same fact deducted twice?).
- :func:`report_readiness` — :func:`~wcif_desktop.services.readiness.check_readiness` plus :func:`basis_checks`.
- :func:`draft_mark` — ``草稿`` / ``征求意见稿`` / ``''``: the evaluation's ``report_version`` when it is one of
  the two drafts; ``草稿`` (or the chosen draft name) while the readiness check lists an error; else ``''``.
- :func:`check_final` — raises :class:`~wcif_desktop.domain.errors.ReportError` listing what is missing when the
  report cannot carry the final signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ReportError
from ..domain.rules import parse_params, uses_metrics
from ..domain.scoring import sheet_for
from .readiness import ERROR, HINT, ReadinessItem, check_readiness

DRAFT, CONSULTATION, FINAL = "草稿", "征求意见稿", "正式稿"
VERSIONS = (DRAFT, CONSULTATION, FINAL)
SURVEY_WORDS = ("满意度", "知晓率")
SURVEY_METRICS = ("satisfaction_rate", "awareness_rate", "survey_responses")


@dataclass
class IndicatorBasis:
    """What one level-3 indicator's score rests on (all plain text, ready to print).

    ``criterion``: 评分标准; ``target``: 指标值 ('' when none applies); ``actual``: 实际值 / 评价情况;
    ``source``: where ``actual`` comes from; ``papers``: index codes of working papers and evidence;
    ``metrics``: metric keys the score depends on (rule or deduction reason); ``missing``: metric keys the rule
    reads that the file holds no data for.
    """

    criterion: str = ""
    target: str = ""
    actual: str = ""
    source: str = ""
    papers: list[str] = field(default_factory=list)
    metrics: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def has_basis(self) -> bool:
        return bool(self.actual.strip() or self.papers)


def _fmt(v: Decimal, unit: str = "") -> str:
    return f"{Decimal(v).quantize(Decimal('0.01')):f}{unit}"


def _metric_meta():
    from .metrics import METRICS

    return METRICS


def _metric_text(key: str, metrics) -> str | None:
    meta = _metric_meta()
    base = key.split("[", 1)[0]
    label, unit = meta.get(base, (key, ""))
    if "[" in key:
        label = key[key.index("[") + 1:-1] + label
    v = metrics.get(key)
    return None if v is None else f"{label}{_fmt(v, unit)}"


def _rule_criterion(ind, params: dict) -> str:
    rt = ind.rule_type or "manual"
    if rt in ("ratio", "metric") and params.get("method", "ratio") == "ratio" and params.get("target") not in (None, ""):
        return f"实际值÷指标值×分值（{params.get('label') or '实际值'}）" if params.get("direction", "higher") == "higher" \
            else "指标值÷实际值×分值（逆向指标）"
    if params.get("bands"):
        bands = "；".join(f"{'≥' if params.get('direction', 'higher') == 'higher' else '≤'}{b[0]}{params.get('unit', '')}"
                         f"得{b[1]}分" for b in params["bands"] if isinstance(b, (list, tuple)) and len(b) == 2)
        return f"区间赋分：{bands}，其余得{params.get('else', 0)}分" if bands else ""
    if rt == "deductions":
        return f"扣分制：每项扣{params.get('per', '')}分，扣完为止"
    if rt == "checklist":
        return "按评价要点逐项核查，满足的要点得相应分值"
    return ""


_TOOL_NOTE = re.compile(r"（(默认评分标准|自动匹配|待定)[^）]*）")


def _clean(text: str) -> str:
    """Text of a template without the app's own remarks (（默认评分标准…）): a deliverable never carries them."""
    return _TOOL_NOTE.sub("", text or "").strip()


def _matching_target(ind, targets):
    name = ind.name.strip()
    for t in targets:
        if t.version == "refined" and t.name.strip() and (t.name.strip() == name):
            return t
    return None


def indicator_bases(snap, metrics: dict | None = None, supports: dict | None = None) -> dict[str, IndicatorBasis]:
    """Indicator id → :class:`IndicatorBasis` for every level-3 indicator of ``snap``.

    ``metrics``: :func:`wcif_desktop.services.metrics.compute_metrics`; ``supports``: indicator id → index codes
    of the working papers and evidence cited (:func:`support_codes`).
    """
    metrics = metrics or {}
    supports = supports or {}
    meta = _metric_meta()
    labels = {}
    for k, v in meta.items():  # 基金支出预算执行率 is also written 支出预算执行率
        labels[v[0]] = k
        if v[0].startswith("基金"):
            labels[v[0][2:]] = k
    out: dict[str, IndicatorBasis] = {}
    for node in sheet_for(snap).leaves():
        ind = node.indicator
        try:
            params = parse_params(ind.rule_params)
        except Exception:  # noqa: BLE001 - a broken rule is reported by the scoring checks
            params = {}
        b = IndicatorBasis(papers=list(supports.get(ind.id, [])))
        b.criterion = _clean((ind.scoring_rule or "").strip() or _rule_criterion(ind, params)
                             or (ind.guidance or "").strip())
        keys = tuple(uses_metrics(ind.rule_type, params)) if ind.rule_type not in ("", "manual") else ()
        reason = ind.deduction_reason or ""
        mentioned = tuple(labels[lab] for lab in labels if re.search(re.escape(lab) + r"\s*[-\d]", reason))
        mentioned += tuple(k for k in meta if "{{" + k + "}}" in reason.replace(" ", ""))  # a {{field}} of it
        b.metrics = tuple(dict.fromkeys(keys + mentioned))
        b.missing = tuple(k for k in keys if metrics.get(k) is None)
        unit = params.get("unit", "")
        if params.get("target") not in (None, ""):
            b.target = f"{params.get('comparator', '')}{params['target']}{unit}"
        tgt = _matching_target(ind, snap.targets)
        if tgt is not None and not b.target:
            b.target = tgt.target_text or f"{tgt.comparator}{tgt.value}{tgt.unit}"
        if keys and not b.missing:
            b.actual = "；".join(t for t in (_metric_text(k, metrics) for k in keys) if t)
            b.source = "问卷调查" if any(k.startswith(SURVEY_METRICS) for k in keys) else "财务数据"
        elif ind.rule_type in ("ratio", "bands") and params.get("actual") not in (None, ""):
            b.actual, b.source = f"{params['actual']}{unit}", "评分规则录入的实际值"
        elif ind.rule_type == "checklist" and params.get("items"):
            items = [i for i in params["items"] if isinstance(i, dict)]
            if items and all(i.get("met") is not None for i in items):  # an unassessed list states nothing
                met = [i for i in items if i.get("met") is True]
                b.actual = f"满足评价要点 {len(met)}/{len(items)} 项" + (
                    "（未满足：" + "；".join(str(i.get("text", "")) for i in items if i.get("met") is False) + "）"
                    if len(met) < len(items) else "")
                b.source = "评价组核查"
        elif ind.rule_type == "deductions" and params.get("items"):
            items = [f"{i.get('text', '')}{i.get('count', 0)}次" for i in params["items"] if isinstance(i, dict)]
            b.actual, b.source = "；".join(items), "评价组核查"
        if (ind.finding or "").strip():
            b.actual = "；".join(x for x in (b.actual, ind.finding.strip()) if x)
            b.source = b.source or "评价组核查"
        elif not b.actual and tgt is not None and (tgt.actual or "").strip():
            b.actual, b.source = tgt.actual.strip(), "绩效目标完成情况"
        out[ind.id] = b
    return out


def support_codes(ef) -> dict[str, list[str]]:
    """Indicator id → index codes of the working papers (their code, else title) and evidence (file name) its
    score cites (:func:`wcif_desktop.services.scoring.supports`)."""
    from .scoring import supports

    papers = {r["id"]: r for r in (ef.rows("working_paper") if ef.has_table("working_paper") else [])}
    files = {r["id"]: r for r in (ef.rows("evidence") if ef.has_table("evidence") else [])}
    out: dict[str, list[str]] = {}
    for iid, items in supports(ef).items():
        codes = []
        for s in items:
            if s.kind == "working_paper" and s.target_id in papers:
                r = papers[s.target_id]
                codes.append("底稿" + (r.get("code") or r.get("title") or ""))
            elif s.kind == "evidence" and s.target_id in files:
                codes.append("证据" + (files[s.target_id].get("original_name") or ""))
        out[iid] = [c for c in dict.fromkeys(codes) if c]
    return out


_SAME_FACT = re.compile(r"^(income|expenditure)_(execution|deviation)_rate$")


def _fact(key: str) -> str:
    m = _SAME_FACT.match(key)
    return f"{m.group(1)}_budget" if m else key


def basis_checks(snap, bases: dict[str, IndicatorBasis], metrics: dict | None = None,
                 survey_responses: int = 0, confirmed: set[str] | frozenset = frozenset()) -> list[ReadinessItem]:
    """Readiness items on the indicators' basis (see module doc). ``confirmed``: facts the evaluator confirmed
    are not deducted twice (:func:`confirm_overlap`): no warning for them."""
    metrics = metrics or {}
    out: list[ReadinessItem] = []
    meta = _metric_meta()
    by_fact: dict[str, list] = {}
    for node in sheet_for(snap).leaves():
        ind = node.indicator
        b = bases.get(ind.id) or IndicatorBasis()
        name = f"{ind.code} {ind.name}".strip()
        if b.missing:
            out.append(ReadinessItem(ERROR, "scoring", Message(QT_TRANSLATE_NOOP(
                "core", "“{name}”按{metrics}评分，但评价文件中没有相应数据"), name=name,
                metrics="、".join(meta.get(k.split("[")[0], (k,))[0] for k in b.missing)), ind.id))
        elif (ind.score is not None and any(w in ind.name for w in SURVEY_WORDS) and not survey_responses
              and not b.papers and not (ind.finding or "").strip()):
            out.append(ReadinessItem(ERROR, "scoring", Message(QT_TRANSLATE_NOOP(
                "core", "“{name}”已评分，但评价文件中没有问卷调查数据，也未引用其他依据"), name=name), ind.id))
        elif ind.score is not None and not b.has_basis:
            out.append(ReadinessItem(ERROR, "scoring", Message(QT_TRANSLATE_NOOP(
                "core", "“{name}”没有评价依据：请填写评价情况（实际值）或引用工作底稿、证据"), name=name), ind.id))
        if ind.score is not None and ind.score < ind.weight:
            for k in b.metrics:
                by_fact.setdefault(_fact(k), []).append(ind)
    for fact, inds in by_fact.items():
        if len(inds) > 1 and fact not in confirmed:
            out.append(ReadinessItem(HINT, "overlap:" + fact, Message(QT_TRANSLATE_NOOP(
                "core", "同一数据（{fact}）在多项指标中扣分：{names}，请确认未重复扣分"),
                fact={"income_budget": "收入预算执行", "expenditure_budget": "支出预算执行"}.get(
                    fact, meta.get(fact, (fact,))[0]), names="、".join(i.name for i in inds)), inds[0].id))
    return out


def plan_checks(src) -> list[ReadinessItem]:
    """Hints on what the documents would otherwise fill from general text: no evaluation basis (评价依据), no
    methods chosen, no phases with dates in the plan (the documents then carry no dates of their own)."""
    from .deliverables.sources import json_ids

    out = []
    if not src.basis:
        out.append(ReadinessItem(HINT, "facts", Message(QT_TRANSLATE_NOOP(
            "core", "评价方案中尚未登记评价依据：工作方案只列通用依据，请在“团队与方案”中补充地方文件"))))
    if src.plan is None or not json_ids(src.plan.methods):
        out.append(ReadinessItem(HINT, "facts", Message(QT_TRANSLATE_NOOP(
            "core", "评价方案中尚未选定评价方法：工作方案列出常用方法，报告不写评价方法"))))
    if not any(p.start_date or p.end_date for p in src.phases):
        out.append(ReadinessItem(HINT, "facts", Message(QT_TRANSLATE_NOOP(
            "core", "评价方案中尚未登记工作阶段和日期：报告的工作过程和各文件的日期无从确定"))))
    return out


def problem_checks(src) -> list[ReadinessItem]:
    """The problem list's consistency with the indicator analysis (problems whose indicators were not deducted,
    deducted indicators no problem covers …), as hints; the deliverable itself never prints them."""
    from .deliverables.problem_list import check_problems

    if not src.snap.findings_of("problem"):
        return []
    chk = check_problems(src.snap, src.problem_details, src.finding_links)
    known = {str(i.message) for i in check_readiness(src.snap)}
    return [ReadinessItem(HINT, "problem_list", Message(QT_TRANSLATE_NOOP("core", "问题清单：{text}"), text=m))
            for m in chk.messages if m not in known]


def naming_checks(snap) -> list[ReadinessItem]:
    """A refined target whose name differs from the indicator it measures (e.g. 待遇及时发放率 vs 待遇发放及时率):
    the target table and the score sheet must name the same indicator the same way."""
    from difflib import SequenceMatcher

    names = [n.indicator.name for n in sheet_for(snap).leaves()]
    out = []
    for t in snap.targets:
        if t.version != "refined" or not t.name.strip() or t.name in names:
            continue
        close = [n for n in names if sorted(n) == sorted(t.name) or SequenceMatcher(None, n, t.name).ratio() >= 0.75]
        if close:
            out.append(ReadinessItem(HINT, "facts", Message(QT_TRANSLATE_NOOP(
                "core", "细化目标“{target}”与评分表指标“{indicator}”名称不一致，请统一"), target=t.name,
                indicator=close[0]), t.id))
    return out


def report_readiness(src) -> list[ReadinessItem]:
    """Everything that keeps the report of ``src`` (:class:`~.deliverables.sources.Sources`) from being final."""
    items = check_readiness(src.snap)
    items += basis_checks(src.snap, src.bases, src.metrics, src.survey_responses, src.confirmed_overlaps)
    items += problem_checks(src)
    if getattr(src, "supports", None) is None:  # else the supports check states the plan's gaps, as errors
        items += plan_checks(src)
    items += naming_checks(src.snap)
    items += list(getattr(src, "supports", None) or [])  # plan, team, requests, evidence, surveys, business
    return items


def confirmed_overlaps(ef) -> set[str]:
    """Facts the evaluator confirmed are not deducted twice (scoring settings)."""
    import json

    from .scoring import settings

    try:
        got = json.loads(getattr(settings(ef), "confirmed_overlaps", "") or "[]")
    except ValueError:
        return set()
    return {str(x) for x in got} if isinstance(got, list) else set()


def overlaps(src) -> list[str]:
    """Facts (``expenditure_budget``, a metric key …) that drive deductions in several indicators now."""
    return [i.kind.split(":", 1)[1] for i in basis_checks(src.snap, src.bases, src.metrics, src.survey_responses)
            if i.kind.startswith("overlap:")]


def confirm_overlap(ef, fact: str):
    """The evaluator confirms that ``fact`` (as listed by :func:`overlaps`) is not deducted twice; its readiness
    warning goes away until the confirmation is withdrawn. Returns Changes.

    Raises:
        ValidationError: ``fact`` drives no deduction in several indicators now.
    """
    import json

    from ..domain.errors import ValidationError
    from .deliverables.sources import load_sources
    from .scoring import update_settings

    if fact not in overlaps(load_sources(ef)):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "没有需要确认的重复扣分：{fact}"), fact=fact)
    done = sorted(confirmed_overlaps(ef) | {fact})
    return update_settings(ef, confirmed_overlaps=json.dumps(done, ensure_ascii=False))


def readiness_of(ef) -> list[ReadinessItem]:
    """:func:`report_readiness` of the evaluation in ``ef``."""
    from .deliverables.sources import load_sources

    return report_readiness(load_sources(ef))


def draft_mark(evaluation, items) -> str:
    """``草稿`` / ``征求意见稿`` / ``''`` (see module doc)."""
    version = (evaluation.report_version or "").strip()
    if version in (DRAFT, CONSULTATION):
        return version
    if any(i.severity == ERROR for i in items):
        return DRAFT
    return ""


def version_text(evaluation, mark: str) -> str:
    """The version printed on the cover: the draft mark, else 正式稿."""
    return mark or FINAL


def check_final(evaluation, items) -> None:
    """Raise :class:`ReportError` when the report may not carry the final signature: the readiness check lists
    errors (named, up to ten) or the chosen version is a draft."""
    errors = [i for i in items if i.severity == ERROR]
    if errors:
        shown = "；".join(str(i.message) for i in errors[:10]) + ("等" if len(errors) > 10 else "")
        raise ReportError(QT_TRANSLATE_NOOP("core", "报告尚不完整，只能生成草稿，不能最终签署（{count} 项待完成）：{items}"),
                          count=len(errors), items=shown)
    version = (evaluation.report_version or "").strip()
    if version in (DRAFT, CONSULTATION):
        raise ReportError(QT_TRANSLATE_NOOP("core", "报告版本为“{version}”，不能最终签署；请先将版本改为正式稿"),
                          version=version)


__all__ = ["confirm_overlap", "confirmed_overlaps", "overlaps", "ADOPTIONS", "add_feedback", "CONSULTATION", "DRAFT", "FINAL", "IndicatorBasis", "VERSIONS", "basis_checks", "check_final",
           "draft_mark", "indicator_bases", "readiness_of", "report_readiness", "support_codes", "version_text"]


ADOPTIONS = ("采纳", "部分采纳", "未采纳")


def add_feedback(ef, opinion: str, adoption: str, response: str = ""):
    """Record one comment of the evaluated unit on the 征求意见稿 and how it was taken up (``adoption``: 采纳 /
    部分采纳 / 未采纳; ``response``: what changed, or why not). The 正式稿 lists them in an appendix.

    Returns ``(ReportFeedback, Changes)``. Raises ValidationError: empty opinion, unknown adoption, or 未采纳 /
    部分采纳 without a response.
    """
    from ..domain.docrecords import ReportFeedback
    from ..domain.errors import ValidationError
    from . import evaluation as svc

    opinion, response = (opinion or "").strip(), (response or "").strip()
    if not opinion:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写被评价单位的意见"))
    if adoption not in ADOPTIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "采纳情况应为 {choices}：{value}"), choices="、".join(ADOPTIONS),
                              value=adoption)
    if adoption != "采纳" and not response:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "“{adoption}”的意见需要说明理由"), adoption=adoption)
    order = len(ef.records(ReportFeedback))
    rec = ReportFeedback(opinion=opinion, adoption=adoption, response=response, sort_order=order)
    return rec, svc.add_record(ef, rec)
