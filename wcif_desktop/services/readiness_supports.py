"""What the report's statements rest on (issue 18), checked in the open file; part of the readiness list
(:func:`wcif_desktop.services.report_state.report_readiness`, through ``Sources.supports``):

- the plan (评价方案): objectives, methods, basis documents, phases (财预〔2020〕10号: 制订工作方案);
- the team: a reviewer (复核人); every member's independence declaration, none declaring a relation
  (财监〔2021〕4号: a third party is independent of the commissioner and the evaluated unit);
- the request list: no item left “已索取” without an answer, a reason for every “未提供”;
- working papers: each with evidence attached and signed by its preparer and a distinct reviewer, sign-offs
  current (not stale after an edit);
- scores: every deducted level-3 indicator rests on a working paper or evidence (cited or linked), and every
  citation points to a record that still exists;
- surveys: an indicator scored from a questionnaire (名称含“满意度”或“知晓率”) has valid responses, from the
  respondent group it names (参保单位, 待遇领取人员, 工伤职工, 参保职工); fewer than 30 valid responses is a hint;
- business data: inconsistent counts (domain/business.py) are errors; none entered is a hint.

Each item is a :class:`~wcif_desktop.services.readiness.ReadinessItem` (kind ``plan``, ``team``, ``requests``,
``evidence``, ``scoring``, ``survey`` or ``business``) whose message names the record concerned.
"""

from __future__ import annotations

import json

from ..domain.errors import QT_TRANSLATE_NOOP, Message
from ..store.db import EvaluationFile
from .readiness import ERROR, HINT, ReadinessItem

SURVEY_GROUPS = ("参保单位", "待遇领取人员", "工伤职工", "参保职工")
MIN_RESPONSES = 30


def _has(ef: EvaluationFile, table: str) -> bool:
    return bool(ef.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", [table]).fetchone())


def _rows(ef: EvaluationFile, table: str, where: str | None = None, params=()) -> list[dict]:
    return ef.rows(table, where, params) if _has(ef, table) else []


def check_supports(ef: EvaluationFile) -> list[ReadinessItem]:
    """What the report rests on, checked in the open file (see the module docstring); [] when complete."""
    out: list[ReadinessItem] = []

    def err(kind: str, msg: Message, rid: str = "", severity: str = ERROR) -> None:
        out.append(ReadinessItem(severity, kind, msg, rid))

    # ---- plan
    plans = _rows(ef, "evaluation_plan")
    plan = plans[0] if plans else {}
    if not (plan.get("objectives") or "").strip():
        err("plan", Message(QT_TRANSLATE_NOOP("core", "评价方案未填写评价目的")))
    try:
        methods = json.loads(plan.get("methods") or "[]")
    except ValueError:
        methods = []
    if not methods:
        err("plan", Message(QT_TRANSLATE_NOOP("core", "评价方案未选择评价方法")))
    if not _rows(ef, "plan_basis"):
        err("plan", Message(QT_TRANSLATE_NOOP("core", "评价方案未列明评价依据")))
    if not _rows(ef, "plan_phase"):
        err("plan", Message(QT_TRANSLATE_NOOP("core", "评价方案未安排工作阶段")))

    # ---- team
    members = _rows(ef, "team_member")
    if not any(m["role"] == "reviewer" for m in members):
        err("team", Message(QT_TRANSLATE_NOOP("core", "评价小组没有复核人")))
    declared = {d["member_id"]: d for d in _rows(ef, "independence_declaration")}
    for m in members:
        d = declared.get(m["id"])
        if d is None:
            err("team", Message(QT_TRANSLATE_NOOP("core", "{name} 未签署独立性声明"), name=m["name"]), m["id"])
        elif not d["independent"]:
            err("team", Message(QT_TRANSLATE_NOOP("core", "{name} 声明不具备独立性：{note}"), name=m["name"],
                                note=d.get("note") or ""), m["id"])

    # ---- request list
    for r in _rows(ef, "document_request"):
        label = f"{r['code']} {r['title']}"
        if r["status"] == "requested":
            err("requests", Message(QT_TRANSLATE_NOOP("core", "资料“{item}”仍为已索取，未记录提供情况"), item=label), r["id"])
        elif r["status"] == "not_provided" and not (r.get("provider_note") or "").strip():
            err("requests", Message(QT_TRANSLATE_NOOP("core", "资料“{item}”未提供，但未说明原因"), item=label), r["id"])

    # ---- working papers and evidence
    live_evidence = {e["id"] for e in _rows(ef, "evidence")}
    links = _rows(ef, "evidence_link")
    papers = _rows(ef, "working_paper")
    if papers:
        from .review import paper_signoff

        for p in papers:
            label = f"{p['code']} {p['title']}"
            if not any(lk["target_kind"] == "working_paper" and lk["target_id"] == p["id"]
                       and lk["evidence_id"] in live_evidence for lk in links):
                err("evidence", Message(QT_TRANSLATE_NOOP("core", "工作底稿“{paper}”未附证据"), paper=label), p["id"])
            s = paper_signoff(ef, p["id"])
            if s.preparer != "signed":
                err("evidence", Message(QT_TRANSLATE_NOOP("core", "工作底稿“{paper}”编制人未签字或签字后已修改"),
                                        paper=label), p["id"])
            if s.reviewer != "signed":
                err("evidence", Message(QT_TRANSLATE_NOOP("core", "工作底稿“{paper}”复核人未签字或签字后已修改"),
                                        paper=label), p["id"])

    # ---- scores rest on papers or evidence
    leaves = _leaves(ef)
    if leaves:
        from .scoring import supports

        live_papers = {p["id"] for p in papers}
        backed = supports(ef)
        for ind in leaves:
            if ind["score"] in (None, "") or _dec(ind["score"]) >= _dec(ind["weight"]):
                continue
            ok = [s for s in backed.get(ind["id"], [])
                  if (s.kind == "working_paper" and s.target_id in live_papers)
                  or (s.kind == "evidence" and s.target_id in live_evidence)]
            if not ok:
                err("scoring", Message(QT_TRANSLATE_NOOP("core", "“{code} {name}”扣分但未引用工作底稿或证据"),
                                       code=ind["code"], name=ind["name"]), ind["id"])
        for c in _rows(ef, "score_citation"):
            gone = (c["kind"] == "working_paper" and c["target_id"] not in live_papers) or \
                   (c["kind"] == "evidence" and c["target_id"] not in live_evidence)
            ind = next((i for i in leaves if i["id"] == c["indicator_id"]), None)
            if gone and ind is not None:
                err("scoring", Message(QT_TRANSLATE_NOOP("core", "“{code} {name}”引用的工作底稿或证据已删除"),
                                       code=ind["code"], name=ind["name"]), ind["id"])

    # ---- surveys
    survey_leaves = [i for i in leaves if "满意度" in i["name"] or "知晓率" in i["name"]]
    if survey_leaves or _rows(ef, "survey"):
        from .survey import results_table

        try:
            groups = {row["group"]: row for row in results_table(ef)}
        except Exception:  # noqa: BLE001 - a broken survey table must not hide the other checks
            groups = {}
        valid = {g: int(row.get("valid_responses") or 0) for g, row in groups.items()}
        for ind in survey_leaves:
            named = [g for g in SURVEY_GROUPS if g in ind["name"]]
            if named and not any(valid.get(g) for g in named):
                err("survey", Message(QT_TRANSLATE_NOOP("core", "“{code} {name}”依据问卷调查评分，但没有“{group}”的有效问卷"),
                                      code=ind["code"], name=ind["name"], group=named[0]), ind["id"])
            elif not named and not any(valid.values()):
                err("survey", Message(QT_TRANSLATE_NOOP("core", "“{code} {name}”依据问卷调查评分，但评价中没有有效问卷"),
                                      code=ind["code"], name=ind["name"]), ind["id"])
        for g, n in valid.items():
            if n and n < MIN_RESPONSES:
                err("survey", Message(QT_TRANSLATE_NOOP("core", "“{group}”有效问卷仅 {count} 份（少于 {min} 份），结论的代表性不足"),
                                      group=g, count=n, min=MIN_RESPONSES), severity=HINT)

    # ---- business data
    if _has(ef, "fund_business"):
        from .business import analysis

        a = analysis(ef)
        if a is None:
            err("business", Message(QT_TRANSLATE_NOOP("core", "尚未录入业务数据（参保、工伤认定、劳动能力鉴定、待遇、征缴）")),
                severity=HINT)
        else:
            for m in a.problems:
                err("business", m, a.business.id)
    return out


def _dec(v):
    from ..domain.money import D

    return D(v)


def _leaves(ef: EvaluationFile) -> list[dict]:
    rows = _rows(ef, "indicator")
    parents = {r["parent_id"] for r in rows if r["parent_id"]}
    return [r for r in rows if r["id"] not in parents]


__all__ = ["check_supports", "SURVEY_GROUPS", "MIN_RESPONSES"]
