"""The bundled sample evaluation (Hohhot 2021), kept as readable TOML under ``resources/sample/``.

It is loaded through the same service functions a user's edits go through, so the sample exercises the
real write path (validation, audit log). Besides the seed report's text, figures and (illustrative) scores, it
holds a whole evaluation (issue 18): the plan with its basis documents and phases, the team's independence
declarations, the request list from the fund template with statuses and review notes, evidence files generated
at build time (:mod:`wcif_desktop.services.sample_files`), working papers signed by a preparer and a distinct
reviewer, interviews, two surveys of 40 responses each, citations for every deducted score, and the fund's
business data imported from a generated 业务数据统计表. What the seed does not give is illustrative and said so in
``Evaluation.illustrative_note`` (the sample's description in the app, never printed in a report).
"""

from __future__ import annotations

import math
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path

from ..domain.finance import SPEC_BY_CODE
from ..domain.model import Evaluation, FinanceLine, Finding, Indicator, TargetIndicator, TeamMember
from ..domain.money import D, wan_to_yuan
from ..domain.progress import NO_PROGRESS, Progress, check
from ..paths import resource
from ..store.db import EvaluationFile
from . import evaluation as svc

SAMPLE_NAME = "hohhot-2021.toml"


def sample_data(name: str = SAMPLE_NAME) -> dict:
    """The parsed sample TOML."""
    with open(resource("sample", name), "rb") as fh:
        return tomllib.load(fh)


def load_into(ef: EvaluationFile, data: dict, progress: Progress = NO_PROGRESS, whole: bool = True) -> None:
    """Write a sample/template dict (the TOML's shape) into an empty evaluation file. Without ``whole`` only the
    seed report's content is written (facts, team, statement totals, targets, framework and scores, narratives,
    findings): no statement detail, plan, declarations, requests, evidence, papers, interviews, surveys or
    business data (tests that build those from scratch use it)."""
    ev = data["evaluation"]
    with ef.transaction():
        svc.add_record(ef, Evaluation(**ev))
        for i, m in enumerate(data.get("team", [])):
            svc.add_record(ef, TeamMember(sort_order=i, **m))
        year = int(ev["fiscal_year"])
        for i, f in enumerate(data.get("finance", [])):
            line = dict(f)
            for k in ("budget", "adjusted_budget", "actual"):
                if k in line:
                    line[k] = wan_to_yuan(line[k])
            line.setdefault("fiscal_year", year)
            svc.add_record(ef, FinanceLine(sort_order=i, **line))
        for j, f in enumerate(data.get("finance_detail", []) if whole else [], start=len(data.get("finance", []))):
            spec = SPEC_BY_CODE[f["code"]]
            svc.add_record(ef, FinanceLine(sort_order=j, code=spec.code, name=spec.name, kind=spec.kind,
                                           parent_code=spec.parent_code, actual=wan_to_yuan(f["actual"]),
                                           fiscal_year=int(f.get("fiscal_year", year))))
        for i, t in enumerate(data.get("targets", [])):
            svc.add_record(ef, TargetIndicator(sort_order=i, **t))
        check(progress)
        _load_framework(ef, data.get("framework", []), whole)
        for section, text in data.get("narratives", {}).items():
            svc.set_narrative(ef, section, text)
        keys: dict[str, str] = {}
        order: dict[str, int] = {}
        for f in data.get("findings", []):
            f = dict(f)
            key = f.pop("key", None)
            answers = f.pop("answers", [])
            kind = f["kind"]
            order[kind] = order.get(kind, 0) + 1
            rec = Finding(sort_order=order[kind], answers=",".join(keys[a] for a in answers), **f)
            svc.add_record(ef, rec)
            if key:
                keys[key] = rec.id
        check(progress)
        if whole:
            _load_whole_evaluation(ef, data, progress)
        progress.set(1, 1)


def _template_rules() -> dict[str, str]:
    """评分标准 of the bundled 工伤保险基金 framework by indicator name (the sample scores with the same wording)."""
    import re

    from .frameworks import load_template

    out = {}
    for r in load_template("gongshang-fund").roots:
        for _, n in r.walk():
            rule = re.sub(r"（默认评分标准[^）]*）", "", n.scoring_rule).strip()  # the template's note to its users
            if not n.children and rule:
                out[n.name] = rule
    return out


def _load_framework(ef: EvaluationFile, framework: list[dict], whole: bool = True) -> None:
    rules = _template_rules()
    for i1, l1 in enumerate(framework, start=1):
        n1 = Indicator(level=1, code=f"{i1}", name=l1["name"], weight=D(l1["weight"]), sort_order=i1)
        svc.add_record(ef, n1)
        for i2, l2 in enumerate(l1.get("children", []), start=1):
            n2 = Indicator(level=2, parent_id=n1.id, code=f"{i1}.{i2}", name=l2["name"], weight=D(l2["weight"]),
                           sort_order=i2)
            svc.add_record(ef, n2)
            for i3, leaf in enumerate(l2.get("leaves", []), start=1):
                name, weight, score, reason, definition, *rest = leaf
                # the 评价情况（实际值） the team found (issue 17: every indicator states a figure and its source)
                finding = rest[0] if rest and whole else ""  # the bare sample: the seed's content only
                n3 = Indicator(level=3, parent_id=n2.id, code=f"{i1}.{i2}.{i3}", name=name, weight=D(weight),
                               definition=definition, sort_order=i3, rule_type="manual",
                               scoring_rule=rules.get(name) or "按评价要点逐项核查，未达到的要点按比例扣分。",
                               finding=finding)
                svc.add_record(ef, n3)
                if score != "":
                    svc.set_indicator_score(ef, n3.id, Decimal(score), reason)


def _load_whole_evaluation(ef: EvaluationFile, data: dict, progress: Progress) -> None:
    """Plan, independence, requests, evidence, working papers, interviews, surveys, citations, business data."""
    from . import plan as plan_svc
    from . import review, scoring
    from . import survey as survey_svc
    from .business import import_business
    from .evidence import add_evidence, link_evidence

    members = {m.name: m.id for m in ef.records(TeamMember)}
    leaves = {i.name: i for i in ef.records(Indicator) if i.level == 3}
    for d in data.get("independence", []):
        plan_svc.declare_independence(ef, members[d["name"]], True, d["declared_on"], d.get("note", ""))
    pl = data.get("plan")
    if pl:
        plan_svc.set_plan(ef, objectives=pl["objectives"], evaluation_object=pl["evaluation_object"],
                          scope=pl["scope"], principles=pl["principles"], methods=pl["methods"],
                          standards=pl["standards"], standards_note=pl["standards_note"])
        for title, issuer, number in pl.get("basis", []):
            plan_svc.add_basis(ef, title, issuer, number)
        for name, start, end, owners, desc in pl.get("phases", []):
            plan_svc.add_phase(ef, name, start, end, [members[o] for o in owners], desc)
    req = data.get("requests")
    codes: dict[str, str] = {}
    if req:
        review.add_request_list_from_template(ef, requested_on=req["requested_on"])
        codes = {r.code: r.id for r in review.request_items(ef)}
        special = {code: (status, note) for code, status, note in req.get("statuses", [])}
        for code, rid in codes.items():
            status, note = special.get(code, ("reviewed", None))
            if status in ("received", "reviewed"):
                review.set_request_status(ef, rid, "received")
            if status != "received":
                review.set_request_status(ef, rid, status, note)
            elif note is not None:
                review.set_request_status(ef, rid, status, note)
        for code, who, text in req.get("notes", []):
            review.add_review_note(ef, codes[code], members[who], text)
    check(progress)
    evidence: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="wcif-sample-") as tmp:
        for e in data.get("evidence", []):
            path = Path(tmp) / e["name"]
            path.write_bytes(_evidence_bytes(e["key"], e["kind"], data))
            if e["key"] == "business" and "business" in data:
                import_business(ef, path)
                b = data["business"]
                from .business import set_business

                set_business(ef, source=b.get("source", ""),
                             illustrative=",".join(k for k in b if k != "source"))
            res = add_evidence(ef, path, note=e.get("note", ""))
            evidence[e["key"]] = res.evidence.id
            for code in e.get("requests", []):
                link_evidence(ef, res.evidence.id, "document_request", codes[code])
    check(progress)
    deducted = {n for n, i in leaves.items() if i.score is not None and i.score < i.weight}
    for p in data.get("papers", []):
        paper, _ = review.add_working_paper(ef, p["title"], p["body"],
                                            indicator_ids=[leaves[n].id for n in p["indicators"]],
                                            request_ids=[codes[c] for c in p.get("requests", [])], code=p["code"])
        for key in p.get("evidence", []):
            link_evidence(ef, evidence[key], "working_paper", paper.id)
        review.sign_off(ef, paper.id, members[p["preparer"]], "preparer")
        review.sign_off(ef, paper.id, members[p["reviewer"]], "reviewer")
        # the dates the team signed (the sign-off hashes stay those the services computed)
        svc.update_record(ef, type(paper), paper.id, prepared_at=p["prepared_at"], reviewed_at=p["reviewed_at"])
        for n in p["indicators"]:
            if n in deducted:
                scoring.cite(ef, leaves[n].id, "working_paper", paper.id)
                for key in p.get("evidence", []):
                    scoring.cite(ef, leaves[n].id, "evidence", evidence[key])
                    link_evidence(ef, evidence[key], "indicator", leaves[n].id)
    for iv in data.get("interviews", []):
        review.add_interview(ef, iv["interviewee"], interviewee_role=iv.get("role", ""),
                             interviewee_unit=iv.get("unit", ""), held_at=iv["held_at"], place=iv.get("place", ""),
                             interviewer_ids=[members[n] for n in iv["interviewers"]], summary=iv["summary"],
                             indicator_ids=[leaves[n].id for n in iv.get("indicators", [])])
    check(progress)
    import datetime as _dt

    for sv in data.get("surveys", []):
        s = survey_svc.create_survey(ef, sv["title"], sv["group"])
        qs = []
        for kind, text, counts in sv["questions"]:
            if kind == "awareness":
                q = survey_svc.add_question(ef, s.id, text, "awareness")
            else:
                q = survey_svc.add_question(ef, s.id, text, kind)
            answers: list[str] = []
            for label, n in counts:
                answers += [label] * int(n)
            if len(answers) != int(sv["responses"]):
                raise ValueError(f"sample survey {sv['title']}: {text} has {len(answers)} answers")
            qs.append((q, answers))
        start = _dt.date.fromisoformat(sv["submitted_from"])
        n = int(sv["responses"])
        # each question's answers are spread over the respondents by its own permutation r → (r·step + k) mod n
        # (step coprime with n), so every count is kept and respondents differ from question to question
        steps = [next(st for st in range(1 + 2 * k, 10 * n) if math.gcd(st, n) == 1) for k in range(len(qs))]
        for r in range(n):
            ans = {q.code: answers[(r * steps[k] + k) % n] for k, (q, answers) in enumerate(qs)}
            day = start + _dt.timedelta(days=r % 10)
            survey_svc.add_response(ef, s.id, ans, respondent_id=f"{sv['group'][:2]}{r + 1:03d}",
                                    submitted_at=f"{day.isoformat()} {9 + r % 8:02d}:{(r * 7) % 60:02d}")
    confirmed = data.get("scoring", {}).get("confirmed_overlaps", [])
    if confirmed:  # the evaluator confirmed these facts are not deducted twice (readiness warning answered)
        import json

        scoring.update_settings(ef, confirmed_overlaps=json.dumps(sorted(confirmed), ensure_ascii=False))


def _evidence_bytes(key: str, kind: str, data: dict) -> bytes:
    """The bytes of one generated evidence file of the sample (see :mod:`sample_files`)."""
    from ..domain.business import FIELD_BY_NAME
    from . import sample_files as sf

    fin = {f["code"]: f for f in data.get("finance", [])}
    det = {f["code"]: f for f in data.get("finance_detail", []) if "fiscal_year" not in f}
    b = data.get("business", {})
    if key == "statement":
        lines = [f"编制单位：{data['evaluation']['evaluated_unit']}    单位：万元"]
        for code in ("income_total", "premium_income", "interest_income", "superior_subsidy_income",
                     "expenditure_total", "benefit_expenditure", "appraisal_expenditure", "prevention_expenditure",
                     "superior_remittance_expenditure", "year_end_balance"):
            f = fin.get(code) or det.get(code)
            if f is None:
                continue
            name = f.get("name") or SPEC_BY_CODE[code].name
            budget = f"  预算数 {f['budget']}" if f.get("budget") else ""
            lines.append(f"{name}{budget}  执行数 {f['actual']}")
        return sf.pdf_bytes("2021年度工伤保险基金决算报表（摘录）", lines)
    if key == "scan":
        rows = [[FIELD_BY_NAME[k].label, f"{int(b[k]):,}", FIELD_BY_NAME[k].unit]
                for k in ("insured_units", "insured_persons", "target_population", "injury_applications",
                          "injury_accepted", "injury_recognised", "appraisals") if k in b]
        return sf.png_bytes("2021年参保及工伤认定情况统计表", ["项目", "数值", "单位"], rows)
    if key == "business":
        rows = []
        for k, v in b.items():
            if k in FIELD_BY_NAME:
                spec = FIELD_BY_NAME[k]
                rows.append([spec.label, str(v), "万元" if spec.money else spec.unit])
        return sf.csv_bytes("呼和浩特市2021年度工伤保险基金业务数据统计表", ["项目", "数值", "单位"], rows)
    if key == "targets":
        return sf.pdf_bytes("关于2021年度绩效目标申报情况的说明", [
            "2021年度工伤保险基金项目未申报年度整体绩效目标，单独就破产企业“老工伤”人员纳入统筹管理资金项目设置绩效目标。",
            "2020年工作总结及2021年工作计划中简述2021年工作计划。",
            "呼和浩特市社会保险事业管理中心（示例）"])
    if key == "prevention":
        return sf.pdf_bytes("2021年工伤预防工作情况说明", [
            "2021年工伤预防宣传主要停留在政策层面，线下宣传范围窄，未对重点行业、重点领域开展有针对性的宣传和培训。",
            "多部门联合制定了《呼和浩特市工伤预防五年行动计划实施方案》，2021年为实施首年。",
            "2021年工伤预防费用未列入预算，全年工伤预防费支出0元。",
            "呼和浩特市社会保险事业管理中心（示例）"])
    if key == "survey":
        rows = []
        for sv in data.get("surveys", []):
            for _kind, text, counts in sv["questions"]:
                rows.append([sv["group"], text, "；".join(f"{lab} {n}" for lab, n in counts)])
        return sf.csv_bytes("满意度及政策知晓问卷汇总表", ["调查对象", "题目", "答案分布（份）"], rows)
    raise ValueError(f"unknown sample evidence {key}/{kind}")


def write_sample(path, who: str | None = None, progress: Progress = NO_PROGRESS, *, whole: bool = True) -> Path:
    """Write the bundled sample evaluation to a new file at ``path`` and return the path (``whole=False``: only
    the seed report's content, see :func:`load_into`).

    Raises:
        WcifError: the file exists already or cannot be written.
    """
    path = Path(path)
    ef = EvaluationFile.create(path, who=who)
    try:
        load_into(ef, sample_data(), progress, whole=whole)
    except BaseException:
        ef.close()
        path.unlink(missing_ok=True)
        raise
    ef.close()
    return path
