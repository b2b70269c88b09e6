"""Survey use cases: set up questionnaires, enter paper forms, import platform exports, compute results.

Manual entry: :func:`create_survey`, :func:`add_question`, :func:`add_response` (a paper form),
:func:`set_response_excluded`, :func:`delete_response`.

Import (:func:`import_responses`) reads an .xlsx/.csv export (one row per respondent, one column per question
with the question text as header, answers as option text or numbers, a submit time, sometimes a respondent id)
through :mod:`wcif_desktop.services.tabular`. Columns are matched to questions by, in order: the survey's saved
mapping, the exact question text (after :func:`~wcif_desktop.domain.survey.normalize_header`), well-known
platform columns (序号/编号 → respondent id, 提交答卷时间 → submit time, 所用时间/来源/来自IP … ignored), and a
close text match (difflib ratio ≥ 0.85). Answer texts are matched by the saved mapping, then by
:func:`~wcif_desktop.domain.survey.match_option`.

Bad input is counted and reported in an :class:`ImportReport`; where the user has to decide, the import
writes nothing until a decision is given (``decisions={kind: 'skip'|'keep'}``):

=================  ====================================================  ==========================================
kind               what                                                  skip / keep
=================  ====================================================  ==========================================
unmapped_column    a column matching no question and no known column     ignore it (remembered) / add it as a new
                                                                         free-text question (remembered)
missing_column     a question of the survey with no column in the file   cancel the import / import, the question
                                                                         stays unanswered
different_survey   most headers unmatched: the file seems to belong to   cancel the import / import the matched
                   another survey (fewer than half of the non-platform   columns anyway
                   columns match a question)
duplicate          same respondent id as an earlier row or a response    count only the first / import all
                   on file, or an identical row at the same submit time
out_of_scale       an answer that is no option of its question (e.g. 6   leave those respondents out / count them,
                   on a 1–5 scale, or an unknown text)                   the answer kept as text, unscored
=================  ====================================================  ==========================================

Rows “skipped” by a decision are still written, as excluded responses (``excluded``, with the reason), so
nothing the file holds is lost, the user can include them again, and the next export does not ask about them
again. Blank rows are always skipped and counted. Rows imported before (same respondent id, submit time and answers;
matched one for one) are skipped silently and counted as ``already_imported``, so a second, longer export of
the same survey imports only its new rows. After an import the column mapping and the answer mappings given
(``mapping``) are saved with the survey, so the next export imports with no questions asked.

Speed (issue 19): the export is read for its texts only (:func:`~wcif_desktop.services.tabular.read_sheet_texts`),
each distinct answer text of a column is matched once, and the responses and answers are written with
:meth:`~wcif_desktop.store.db.EvaluationFile.insert_bulk` — one ``executemany`` per table and one history entry
for the whole import, which holds every row it wrote (``verify-history`` still names an answer changed, added or
removed outside the program).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..domain.survey import (
    KNOWS,
    LIKERT5,
    OVERALL,
    QUESTION_KINDS,
    SATISFACTION_METHODS,
    SCORED_KINDS,
    GroupResult,
    QuestionStats,
    Survey,
    SurveyAnswer,
    SurveyData,
    SurveyMapping,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyTally,
    compute_results,
    match_option,
    normalize_answer,
    normalize_header,
    question_stats,
)
from ..domain.survey_decisions import DECISION_KINDS, DECISION_LABELS
from ..store.db import BulkIds, EvaluationFile
from .evaluation import Changes, evaluation


def _ensure_unlocked(ef: EvaluationFile) -> None:
    if evaluation(ef).locked:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "评价已锁定（报告已最终签署），如需修改请先解除锁定并说明原因"))


# ================================================================== set-up and manual entry

def surveys(ef: EvaluationFile) -> list[Survey]:
    """All surveys, in display order."""
    return sorted(ef.records(Survey), key=lambda s: (s.sort_order, s.title))


def questions(ef: EvaluationFile, survey_id: str) -> list[SurveyQuestion]:
    return sorted(ef.records(SurveyQuestion, "survey_id = ?", [survey_id]), key=lambda q: q.sort_order)


def options(ef: EvaluationFile, question_id: str) -> list[SurveyOption]:
    return sorted(ef.records(SurveyOption, "question_id = ?", [question_id]), key=lambda o: o.sort_order)


def create_survey(ef: EvaluationFile, title: str, respondent_group: str, satisfaction_method: str = "share",
                  description: str = "") -> Survey:
    """A new, empty questionnaire for a respondent group (参保单位, 待遇领取人员, 工伤职工 or any other name).

    Raises:
        ValidationError: empty title/group, unknown method (``share`` | ``mean``), evaluation locked.
    """
    _ensure_unlocked(ef)
    if not title.strip() or not respondent_group.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "问卷名称和调查对象（群体）不能为空"))
    if satisfaction_method not in SATISFACTION_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的满意度计算方法“{method}”（可选：share 满意率，mean 平均分折算百分制）"),
                              method=satisfaction_method)
    order = max((s.sort_order for s in ef.records(Survey)), default=0) + 1
    s = Survey(title=title.strip(), respondent_group=respondent_group.strip(),
               satisfaction_method=satisfaction_method, description=description, sort_order=order)
    ef.insert(s)
    return s


def set_satisfaction_method(ef: EvaluationFile, survey_id: str, method: str) -> Changes:
    """Choose how the survey's satisfaction rate is computed: ``share`` (满意率) or ``mean`` (平均分折算百分制)."""
    _ensure_unlocked(ef)
    if method not in SATISFACTION_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的满意度计算方法“{method}”"), method=method)
    ef.get(Survey, survey_id)
    return Changes().add("survey", survey_id) if ef.update("survey", survey_id, {"satisfaction_method": method}) \
        else Changes()


def add_question(ef: EvaluationFile, survey_id: str, text: str, kind: str = "satisfaction", *,
                 options=None, correct=None, code: str = "") -> SurveyQuestion:
    """Add a question with its answer options.

    - ``satisfaction``: ``options`` is a list of ``(label, score)`` or ``(label, score, satisfied)``; default
      :data:`~wcif_desktop.domain.survey.LIKERT5` (非常满意 5 … 非常不满意 1). Without an explicit
      ``satisfied`` flag, the top two points count as satisfied on scales of four or more points (满意 +
      非常满意 on the 5-point scale), only the top point on shorter scales.
    - ``awareness``: ``options`` is a list of labels, ``correct`` the label (or labels) of the right answer;
      default 知道 (correct) / 不知道.
    - ``text``: no options.

    Raises:
        ValidationError: unknown kind, empty text, duplicate labels, no/unknown correct answer, locked.
    """
    _ensure_unlocked(ef)
    survey = ef.get(Survey, survey_id)
    if kind not in QUESTION_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的题目类型“{kind}”（可选：{kinds}）"), kind=kind,
                              kinds="、".join(QUESTION_KINDS))
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "题目内容不能为空"))
    existing = questions(ef, survey.id)
    if any(normalize_header(q.text) == normalize_header(text) for q in existing):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "问卷“{survey}”中已有该题目：{text}"), survey=survey.title, text=text)
    built: list[SurveyOption] = []
    if kind == "satisfaction":
        raw = list(options or LIKERT5)
        scores = [int(o[1]) for o in raw]
        top = max(scores)
        cut = top - 1 if len(set(scores)) >= 4 else top
        for i, o in enumerate(raw):
            sat = bool(o[2]) if len(o) > 2 else int(o[1]) >= cut
            built.append(SurveyOption(label=str(o[0]), score=int(o[1]), satisfied=sat, sort_order=i + 1))
    elif kind == "awareness":
        if options is None:
            built = [SurveyOption(label=lab, correct=ok, score=int(ok), sort_order=i + 1)
                     for i, (lab, ok) in enumerate(KNOWS)]
        else:
            right = {correct} if isinstance(correct, str) else set(correct or ())
            labels = [str(o) for o in options]
            if not right or not right <= set(labels):
                raise ValidationError(QT_TRANSLATE_NOOP("core", "知晓度题目“{text}”须指定正确答案（选项之一）"), text=text)
            built = [SurveyOption(label=lab, correct=lab in right, score=int(lab in right), sort_order=i + 1)
                     for i, lab in enumerate(labels)]
    labels = [normalize_answer(o.label) for o in built]
    if len(labels) != len(set(labels)):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "题目“{text}”的选项有重复"), text=text)
    q = SurveyQuestion(survey_id=survey.id, code=code or f"Q{len(existing) + 1}", text=text.strip(), kind=kind,
                       sort_order=max((x.sort_order for x in existing), default=0) + 1)
    with ef.transaction():
        ef.insert(q)
        for o in built:
            o.question_id = q.id
            ef.insert(o)
    return q


def delete_survey(ef: EvaluationFile, survey_id: str) -> Changes:
    """Delete a survey with its questions, options, responses, answers and mapping (tombstones)."""
    _ensure_unlocked(ef)
    ef.get(Survey, survey_id)
    ch = Changes()
    with ef.transaction():
        for r in ef.rows("survey_response", "survey_id = ?", [survey_id]):
            for a in ef.rows("survey_answer", "response_id = ?", [r["id"]]):
                ef.delete("survey_answer", a["id"])
            ef.delete("survey_response", r["id"])
        for q in ef.rows("survey_question", "survey_id = ?", [survey_id]):
            for o in ef.rows("survey_option", "question_id = ?", [q["id"]]):
                ef.delete("survey_option", o["id"])
            ef.delete("survey_question", q["id"])
        for m in ef.rows("survey_mapping", "survey_id = ?", [survey_id]):
            ef.delete("survey_mapping", m["id"])
        ef.delete("survey", survey_id)
    for t in ("survey", "survey_question", "survey_option", "survey_response", "survey_answer", "survey_mapping"):
        ch.add(t)
    return ch


def _find_question(qs: list[SurveyQuestion], key: str) -> SurveyQuestion | None:
    for q in qs:
        if key in (q.id, q.code):
            return q
    nk = normalize_header(key)
    for q in qs:
        if normalize_header(q.text) == nk:
            return q
    return None


def add_response(ef: EvaluationFile, survey_id: str, answers: dict, *, respondent_id: str = "",
                 submitted_at: str = "", source: str = "paper") -> SurveyResponse:
    """Enter one paper questionnaire.

    ``answers`` maps a question (id, code such as ``Q3``, or its text) to the answer: an option label
    (``满意``), a scale point (``4``) or, for free-text questions, the text. Blank answers are left out.

    Raises:
        ValidationError: unknown question, an answer that is no option of its question, a respondent id
        already on file for this survey, no answer at all, locked evaluation.
    """
    _ensure_unlocked(ef)
    survey = ef.get(Survey, survey_id)
    qs = questions(ef, survey.id)
    rid = str(respondent_id or "").strip()
    if rid and ef.rows("survey_response", "survey_id = ? AND respondent_id = ?", [survey.id, rid]):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "问卷“{survey}”中已有编号为“{rid}”的答卷"), survey=survey.title, rid=rid)
    built: list[SurveyAnswer] = []
    for key, value in answers.items():
        q = _find_question(qs, str(key))
        if q is None:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "问卷“{survey}”中没有题目“{key}”"), survey=survey.title, key=key)
        text = "" if value is None else str(value).strip()
        if not text:
            continue
        if q.kind == "text":
            built.append(SurveyAnswer(question_id=q.id, text=text))
            continue
        opt = match_option(text, q, options(ef, q.id))
        if opt is None:
            labels = "、".join(f"{o.label}" + (f"({o.score})" if q.kind == "satisfaction" else "")
                              for o in options(ef, q.id))
            raise ValidationError(QT_TRANSLATE_NOOP("core", "题目“{question}”的答案“{text}”不在选项内（可选：{labels}）"),
                                  question=q.text, text=text, labels=labels)
        built.append(SurveyAnswer(question_id=q.id, option_id=opt.id, text=opt.label))
    if not built:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "答卷没有任何答案"))
    resp = SurveyResponse(survey_id=survey.id, respondent_id=rid, submitted_at=str(submitted_at or ""),
                          source=source)
    texts = {q.id: normalize_header(q.text) for q in qs}
    resp.fingerprint = _fingerprint(rid, resp.submitted_at, [(texts[a.question_id], a.text) for a in built])
    with ef.transaction():
        ef.insert(resp)
        for a in built:
            a.response_id = resp.id
            ef.insert(a)
    return resp


def set_response_excluded(ef: EvaluationFile, response_id: str, excluded: bool, reason: str = "") -> Changes:
    """Exclude a response from the results (or include it again). Excluding needs a reason.

    Raises:
        ValidationError: excluding without a reason; WcifError: no such response.
    """
    _ensure_unlocked(ef)
    ef.get(SurveyResponse, response_id)
    if excluded and not reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "剔除答卷须说明原因"))
    changed = ef.update("survey_response", response_id,
                        {"excluded": bool(excluded), "exclusion_reason": reason.strip() if excluded else ""})
    return Changes().add("survey_response", response_id) if changed else Changes()


def delete_response(ef: EvaluationFile, response_id: str) -> Changes:
    """Delete a response and its answers (tombstones)."""
    _ensure_unlocked(ef)
    ef.get(SurveyResponse, response_id)
    with ef.transaction():
        for a in ef.rows("survey_answer", "response_id = ?", [response_id]):
            ef.delete("survey_answer", a["id"])
        ef.delete("survey_response", response_id)
    return Changes().add("survey_response", response_id).add("survey_answer")


def restore_response(ef: EvaluationFile, response_id: str) -> Changes:
    """Bring back a deleted response with its answers (the undo of :func:`delete_response`)."""
    _ensure_unlocked(ef)
    if not ef.rows("survey_response", "id = ?", [response_id], include_deleted=True):
        raise WcifError(QT_TRANSLATE_NOOP("core", "记录不存在：{table}/{record_id}"), table="survey_response",
                        record_id=response_id)
    with ef.transaction():
        ef.restore("survey_response", response_id)
        for a in ef.rows("survey_answer", "response_id = ? AND deleted = 1", [response_id], include_deleted=True):
            ef.restore("survey_answer", a["id"])
    return Changes().add("survey_response", response_id).add("survey_answer")


def find_survey(ef: EvaluationFile, group: str, title: str | None = None) -> Survey:
    """The survey of a respondent group (or with that title); ``title`` picks one when a group has several.

    Raises:
        WcifError: none or several match (the message lists the surveys on file).
    """
    allv = surveys(ef)
    hits = [s for s in allv if group in (s.respondent_group, s.title)]
    if title:
        hits = [s for s in hits if s.title == title]
    if len(hits) == 1:
        return hits[0]
    listing = "；".join(f"{s.respondent_group}：{s.title}" for s in allv) or "（无）"
    if not hits:
        raise WcifError(QT_TRANSLATE_NOOP("core", "评价文件中没有调查对象为“{group}”的问卷。现有问卷：{listing}"), group=group,
                        listing=listing)
    raise WcifError(QT_TRANSLATE_NOOP("core", "调查对象“{group}”有多份问卷，请指定问卷名称。现有问卷：{listing}"), group=group,
                    listing=listing)


# ================================================================== results

def load_survey_data(ef: EvaluationFile) -> SurveyData:
    """All live survey records of the file."""
    return SurveyData(ef.records(Survey), ef.records(SurveyQuestion), ef.records(SurveyOption),
                      ef.records(SurveyResponse), ef.records(SurveyAnswer))


# answers that do not count: those of deleted or excluded responses (few; found through the response index)
_NOT_COUNTED = "SELECT id FROM survey_response WHERE deleted != 0 OR excluded != 0"


def survey_tally(ef: EvaluationFile, *, texts: bool = False) -> SurveyTally:
    """The counts of every survey's answers (:class:`~wcif_desktop.domain.survey.SurveyTally`), read with a few
    aggregating SQL queries on the index of answers by question (migration m0041) instead of loading every
    answer (issue 21: 10,000 responses × 17 questions are 170,000 answers). ``texts``: also read the free-text
    answers in full (the report's appendix); otherwise they are only counted (page them with
    :func:`text_answer_keys` and :func:`text_answers`).

    Answers count per option of their own question, and per question when they have no option (free text, or
    outside the scale: such answers are never blank, blank answers are not stored), over live answers of live,
    not excluded responses. Respondents per survey and kind (valid responses with at least one scored answer of
    that kind) are the survey's valid responses when one question of that kind was answered by all of them (the
    usual case, checked on the index), else they are counted response by response. Same results as
    :func:`wcif_desktop.domain.survey.tally` of :func:`load_survey_data`.
    """
    surveys = ef.records(Survey)
    live = {s.id for s in surveys}
    qs = [q for q in ef.records(SurveyQuestion) if q.survey_id in live]
    by_q = {q.id: q for q in qs}
    opts = [o for o in ef.records(SurveyOption) if o.question_id in by_q]
    t = SurveyTally(surveys, qs, opts)
    conn = ef.conn
    for sid, excluded, n in conn.execute("SELECT survey_id, excluded != 0, COUNT(*) FROM survey_response "
                                         "WHERE deleted = 0 GROUP BY 1, 2"):
        if sid in live:
            t.recorded[sid] = t.recorded.get(sid, 0) + n
            if excluded:
                t.excluded[sid] = n
    option_of = {(o.question_id, o.id): o.id for o in opts}

    def add(sign: int, where: str) -> None:
        for qid, oid, n in conn.execute(f"SELECT question_id, option_id, COUNT(*) FROM survey_answer "
                                        f"WHERE deleted = 0{where} GROUP BY 1, 2"):
            key = option_of.get((qid, oid))
            if key:
                t.option_counts[key] = t.option_counts.get(key, 0) + sign * n
            elif not oid and qid in by_q:
                t.loose_counts[qid] = t.loose_counts.get(qid, 0) + sign * n

    add(1, "")  # all answers, from the index alone
    some_not_counted = conn.execute(f"{_NOT_COUNTED} LIMIT 1").fetchone() is not None
    if some_not_counted:
        add(-1, f" AND response_id IN ({_NOT_COUNTED})")
    _count_respondents(ef, t, some_not_counted)
    if texts:
        for q in qs:
            if q.kind == "text":
                t.texts[q.id] = text_answers(ef, text_answer_keys(ef, q.id))
    return t


def _count_respondents(ef: EvaluationFile, t: SurveyTally, some_not_counted: bool) -> None:
    """Fill ``t.respondents`` (see :func:`survey_tally`)."""
    conn = ef.conn
    valid = {s.id: t.recorded.get(s.id, 0) - t.excluded.get(s.id, 0) for s in t.surveys}
    opts_of: dict[str, list[str]] = {}
    for o in t.options:
        opts_of.setdefault(o.question_id, []).append(o.id)
    not_counted = f" AND response_id NOT IN ({_NOT_COUNTED})" if some_not_counted else ""
    unsure = False
    for s in t.surveys:
        full = False
        for kind in SCORED_KINDS:
            kq = [q for q in t.questions if q.survey_id == s.id and q.kind == kind]
            scored = {q.id: sum(t.option_counts.get(o, 0) for o in opts_of.get(q.id, ())) for q in kq}
            if not any(scored.values()):
                continue
            best = max(scored, key=scored.get)
            n = 0
            if scored[best] >= valid[s.id] and opts_of.get(best):
                ids = opts_of[best]
                n = conn.execute(f"SELECT COUNT(DISTINCT response_id) FROM survey_answer WHERE question_id = ? "
                                 f"AND option_id IN ({','.join('?' * len(ids))}) AND deleted = 0{not_counted}",
                                 [best, *ids]).fetchone()[0]
            if n == valid[s.id]:  # every valid response answered this question
                t.respondents[(s.id, kind)] = n
                full = True
            else:
                unsure = True
        if full:
            t.respondents[(s.id, "")] = valid[s.id]
    if not unsure:
        return
    # some respondents skipped every question of a kind: count response by response
    surveys_of = {rid: sid for rid, sid in conn.execute(
        "SELECT id, survey_id FROM survey_response WHERE deleted = 0 AND excluded = 0")}
    kinds = {q.id: q.kind for q in t.questions if q.kind in SCORED_KINDS}
    options = {(o.question_id, o.id) for o in t.options}
    seen: dict[tuple[str, str], set[str]] = {}
    for rid, qid, oid in conn.execute("SELECT response_id, question_id, option_id FROM survey_answer "
                                      "WHERE deleted = 0 AND option_id != ''"):
        sid = surveys_of.get(rid)
        if sid is not None and qid in kinds and (qid, oid) in options:
            seen.setdefault((sid, kinds[qid]), set()).add(rid)
            seen.setdefault((sid, ""), set()).add(rid)
    t.respondents = {k: len(v) for k, v in seen.items()}


def text_answer_keys(ef: EvaluationFile, question_id: str) -> list[int]:
    """Keys of a question's free-text answers (valid responses only), in entry order, read from the index of
    answers by question (a list of integers; 20,000 answers in a few milliseconds). Read their texts a page at a
    time with :func:`text_answers`. Their number is the question's ``n_texts`` in :func:`appendix`."""
    keys = [r[0] for r in ef.conn.execute(
        f"SELECT rowid FROM survey_answer WHERE question_id = ? AND option_id = '' AND deleted = 0 "
        f"AND response_id NOT IN ({_NOT_COUNTED})", [question_id])]
    keys.sort()
    return keys


def text_answers(ef: EvaluationFile, keys) -> list[str]:
    """The texts of free-text answers given by their keys (:func:`text_answer_keys`), in the order of ``keys``."""
    keys = list(keys)
    found: dict[int, str] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        found.update(ef.conn.execute(f"SELECT rowid, text FROM survey_answer WHERE rowid IN "
                                     f"({','.join('?' * len(chunk))})", chunk))
    return [found[k] for k in keys if k in found]


def survey_results(ef: EvaluationFile, data: SurveyData | SurveyTally | None = None
                   ) -> tuple[list[GroupResult], GroupResult]:
    """Results per respondent group and overall (see :func:`wcif_desktop.domain.survey.compute_results`).

    ``data``: records already read with :func:`load_survey_data`, or counts read with :func:`survey_tally`
    (views showing several tables read once); by default the counts are read."""
    return compute_results(data or survey_tally(ef))


def results_table(ef: EvaluationFile, data: SurveyData | SurveyTally | None = None) -> list[dict]:
    """The report's survey results table: one row per group, then the overall row (group ``全部``).

    Each row: ``group``, ``surveys`` (titles), ``valid_responses``, ``satisfaction_rate``/``awareness_rate``
    (% Decimal, two decimals, or ``None`` without answers), ``satisfaction_ci``/``awareness_ci`` ((low, high)
    in %), ``satisfaction_n``/``awareness_n`` (respondents, the n of the interval), ``warnings`` (sentences)
    and ``sentences`` (how each rate was computed, to quote in the report).
    """
    groups, overall = survey_results(ef, data)
    rows = []
    for g in groups + ([overall] if groups else []):
        row = {"group": g.group, "surveys": g.surveys, "valid_responses": g.responses}
        warnings, sentences = [], []
        for kind, r in (("satisfaction", g.satisfaction), ("awareness", g.awareness)):
            row[f"{kind}_rate"] = r.rate if r else None
            row[f"{kind}_ci"] = (r.low, r.high) if r else None
            row[f"{kind}_n"] = r.respondents if r else 0
            if r:
                warnings += [_labelled_warning(kind, w) for w in r.warnings]
                if r.sentence not in sentences:
                    sentences.append(r.sentence)
        row["warnings"] = warnings
        row["sentences"] = sentences
        rows.append(row)
    return rows


def _labelled_warning(kind: str, warning: str) -> str:
    """“满意度：…” / “政策知晓率：…” before a warning of :func:`~wcif_desktop.domain.survey.sample_warnings`, as one
    translatable sentence."""
    params = getattr(warning, "params", {})
    if kind == "satisfaction":
        if "minimum" in params:
            return Message(QT_TRANSLATE_NOOP("core", "满意度：样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限"),
                           **params)
        if "maximum" in params:
            return Message(QT_TRANSLATE_NOOP("core", "满意度：置信区间过宽（半宽{half}个百分点，超过{maximum}个百分点），"
                                                     "结果精度不足"), **params)
        return f"满意度：{warning}"
    if "minimum" in params:
        return Message(QT_TRANSLATE_NOOP("core", "政策知晓率：样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限"),
                       **params)
    if "maximum" in params:
        return Message(QT_TRANSLATE_NOOP("core", "政策知晓率：置信区间过宽（半宽{half}个百分点，超过{maximum}个百分点），"
                                                 "结果精度不足"), **params)
    return f"政策知晓率：{warning}"


def appendix(ef: EvaluationFile, data: SurveyData | SurveyTally | None = None) -> list[QuestionStats]:
    """The survey appendix (问卷及答案分布): per question, counts per answer option, answers outside the scale,
    unanswered count, free-text answers, and the question's own rate with its interval (n = its answers).

    ``data``: as for :func:`survey_results`; by default the counts and the free-text answers are read. From a
    :func:`survey_tally` read without texts, each question has ``n_texts`` but no ``texts``."""
    return question_stats(data or survey_tally(ef, texts=True))


METRIC_KEYS = """\
satisfaction_rate                 overall satisfaction rate, % (Decimal, two decimals)
awareness_rate                    overall policy awareness rate, %
satisfaction_rate[<group>]        satisfaction rate of one respondent group, e.g. satisfaction_rate[参保单位]
awareness_rate[<group>]           awareness rate of one respondent group
survey_responses                  valid responses, all groups (int)
survey_responses[<group>]         valid responses of one group (int)
"""


def survey_metrics(ef: EvaluationFile) -> dict:
    """Metrics for indicator rules and target actuals. Keys (:data:`METRIC_KEYS`): ``satisfaction_rate``,
    ``awareness_rate`` (overall, % Decimal), ``satisfaction_rate[<group>]``, ``awareness_rate[<group>]``,
    ``survey_responses`` and ``survey_responses[<group>]``. A rate without answers is left out."""
    groups, overall = survey_results(ef)
    out: dict = {}
    if not groups:
        return out
    for g in [overall] + groups:
        suffix = "" if g.group == OVERALL else f"[{g.group}]"
        out[f"survey_responses{suffix}"] = Decimal(g.responses)
        if g.satisfaction:
            out[f"satisfaction_rate{suffix}"] = g.satisfaction.rate
        if g.awareness:
            out[f"awareness_rate{suffix}"] = g.awareness.rate
    return out


# ================================================================== import

ID_HEADERS = {"编号", "序号", "答卷编号", "答卷序号", "问卷编号", "受访者编号", "调查对象编号", "respondentid", "responseid",
              "id", "用户id", "答题者id"}
TIME_HEADERS = {"提交时间", "提交答卷时间", "填写时间", "答题时间", "填表时间", "调查时间", "submittime", "submittedat",
                "timestamp", "时间戳", "完成时间"}
IGNORED_HEADERS = {"所用时间", "用时", "答题用时", "来源", "来源详情", "来自ip", "ip", "ip地址", "来源ip", "来源ip地址", "ip来源", "开始时间", "开始答题时间",
                   "结束时间", "总分", "设备", "浏览器", "操作系统", "地区", "省份", "城市", "微信昵称", "昵称", "渠道"}
SIMILARITY = 0.85
# the columns an import writes (every field of SurveyResponse / SurveyAnswer, id first)
RESPONSE_COLUMNS = ["id", "survey_id", "respondent_id", "submitted_at", "source", "source_file", "source_row",
                    "fingerprint", "excluded", "exclusion_reason"]
ANSWER_COLUMNS = ["id", "response_id", "question_id", "option_id", "text"]


@dataclass
class ColumnMatch:
    """How one column of the file is used. ``target``: question | respondent_id | submitted_at | ignore |
    unmapped; ``how``: saved | exact | similar | platform | chosen | ''."""

    index: int
    letter: str
    header: str
    target: str
    question_id: str = ""
    question_text: str = ""
    how: str = ""


@dataclass
class ImportMapping:
    """Mapping choices (from the mapping dialog or saved with the survey).

    ``columns``: normalised header → (target, question_id); ``answers``: (question_id, normalised answer) →
    option id, or ``''`` for “outside the scale, keep unscored”.
    """

    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    answers: dict[tuple[str, str], str] = field(default_factory=dict)

    def merged(self, other: ImportMapping | None) -> ImportMapping:
        m = ImportMapping(dict(self.columns), dict(self.answers))
        if other:
            m.columns.update(other.columns)
            m.answers.update(other.answers)
        return m


def saved_mapping(ef: EvaluationFile, survey_id: str) -> ImportMapping:
    """The mapping remembered with a survey from earlier imports or the mapping dialog."""
    m = ImportMapping()
    for r in ef.records(SurveyMapping, "survey_id = ?", [survey_id]):
        if r.kind == "column":
            m.columns[r.source] = (r.target, r.question_id)
        elif r.kind == "answer":
            m.answers[(r.question_id, r.source)] = r.option_id if r.target == "option" else ""
    return m


def save_mapping(ef: EvaluationFile, survey_id: str, mapping: ImportMapping) -> Changes:
    """Remember (upsert) mapping entries with the survey. Keys are normalised again, so raw texts may be given."""
    _ensure_unlocked(ef)
    existing = {(r.kind, r.question_id if r.kind == "answer" else "", r.source): r
                for r in ef.records(SurveyMapping, "survey_id = ?", [survey_id])}
    ch = Changes()
    with ef.transaction():
        wanted = []
        for src, (target, qid) in mapping.columns.items():
            wanted.append(("column", "", normalize_header(src), target, qid if target == "question" else "", ""))
        for (qid, src), opt in mapping.answers.items():
            wanted.append(("answer", qid, normalize_answer(src), "option" if opt else "out_of_scale", qid, opt))
        for kind, kq, src, target, qid, opt in wanted:
            old = existing.get((kind, kq, src))
            if old is None:
                rec = SurveyMapping(survey_id=survey_id, kind=kind, source=src, target=target, question_id=qid,
                                    option_id=opt)
                ef.insert(rec)
                ch.add("survey_mapping", rec.id)
            elif (old.target, old.question_id, old.option_id) != (target, qid, opt):
                ef.update("survey_mapping", old.id, {"target": target, "question_id": qid, "option_id": opt})
                ch.add("survey_mapping", old.id)
    return ch


COLUMN_ROLES = {"ignore": "忽略", "respondent_id": "答卷编号", "submitted_at": "提交时间"}


def mapping_from_specs(ef: EvaluationFile, survey_id: str, columns=(), answers=()) -> ImportMapping:
    """Build an :class:`ImportMapping` from text specs (the command line's ``--map-column``/``--map-answer``).

    ``columns``: ``"HEADER=QUESTION"`` where QUESTION is a question code (``Q3``), its text, or one of
    ``ignore``, ``respondent_id``, ``submitted_at``. ``answers``: ``"QUESTION:ANSWER=OPTION"`` where OPTION is
    an option label, a scale point (``3``) or ``out_of_scale`` (keep the answer unscored).

    Raises:
        ValidationError: a spec without ``=`` / ``:``, an unknown question or option.
    """
    qs = questions(ef, survey_id)
    m = ImportMapping()

    def question(key):
        q = _find_question(qs, key.strip())
        if q is None:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "问卷中没有题目“{key}”（可用题号 {codes} 或题目原文）"), key=key,
                                  codes="、".join(q.code for q in qs))
        return q

    for spec in columns:
        header, sep, target = str(spec).rpartition("=")
        if not sep or not header.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "列对应的写法应为“列标题=题号”：{spec}"), spec=spec)
        target = target.strip()
        if target in COLUMN_ROLES:
            m.columns[header.strip()] = (target, "")
        else:
            m.columns[header.strip()] = ("question", question(target).id)
    for spec in answers:
        left, sep, target = str(spec).rpartition("=")
        qkey, sep2, answer = left.partition(":")
        if not sep or not sep2 or not answer.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "答案对应的写法应为“题号:答案=选项”：{spec}"), spec=spec)
        q = question(qkey)
        target = target.strip()
        if target == "out_of_scale":
            m.answers[(q.id, answer.strip())] = ""
            continue
        opt = match_option(target, q, options(ef, q.id))
        if opt is None:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "题目“{question}”没有选项“{target}”"), question=q.text,
                                  target=target)
        m.answers[(q.id, answer.strip())] = opt.id
    return m


def _fingerprint(respondent_id: str, submitted_at: str, answers) -> str:
    body = json.dumps([respondent_id, submitted_at, sorted((q, normalize_answer(t)) for q, t in answers)],
                      ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass
class ImportReport:
    """What an import found and did. Row numbers are the spreadsheet's (header = its own row)."""

    survey: str
    group: str
    file: str
    sheet: str
    dry_run: bool
    columns: list[ColumnMatch] = field(default_factory=list)
    rows_read: int = 0
    blank_rows: list[int] = field(default_factory=list)
    already_imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    out_of_scale: list[tuple[int, str, str]] = field(default_factory=list)  # row, question, answer
    unmapped_answers: dict[tuple[str, str], int] = field(default_factory=dict)  # (question, answer) → count
    unscored_answers: int = 0  # answers mapped to “outside the scale” before; kept unscored
    missing_questions: list[str] = field(default_factory=list)
    different_survey: bool = False
    decisions: dict[str, str] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)
    to_import: int = 0  # rows that will count (not skipped)
    skipped: int = 0  # rows skipped by a decision: kept on file as excluded responses, with the reason
    imported: int = 0
    written: bool = False
    cancelled: str = ""

    @property
    def unmapped_columns(self) -> list[ColumnMatch]:
        return [c for c in self.columns if c.target == "unmapped"]

    def counts(self) -> dict[str, int]:
        return {
            "unmapped_column": len(self.unmapped_columns), "missing_column": len(self.missing_questions),
            "different_survey": int(self.different_survey), "duplicate": len(self.duplicates),
            "out_of_scale": len({r for r, _q, _a in self.out_of_scale}),
        }

    @property
    def ok(self) -> bool:
        """True when nothing is left to decide and the import was not cancelled."""
        return not self.pending and not self.cancelled

    def lines(self) -> list[str]:
        """The report as Chinese lines (:class:`~wcif_desktop.domain.errors.Message`) for the command line and the
        dialog."""
        out = [Message(QT_TRANSLATE_NOOP("core", "问卷：{survey}（{group}）  文件：{file}  工作表：{sheet}"),
                       survey=self.survey, group=self.group, file=self.file, sheet=self.sheet)]
        out.append(Message(QT_TRANSLATE_NOOP("core", "读取数据行 {rows} 行；空行 {blank}；已导入过 {already}；"
                                                     "重复 {duplicates}；含量表外答案的答卷 {out_of_scale}"),
                           rows=self.rows_read, blank=len(self.blank_rows), already=len(self.already_imported),
                           duplicates=len(self.duplicates), out_of_scale=self.counts()["out_of_scale"]))
        for c in self.columns:
            p = {"letter": c.letter, "header": c.header}
            if c.target == "question":
                p["question"] = c.question_text
                if c.how == "saved":
                    out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 题目“{question}”（已保存的对应）"),
                                       **p))
                elif c.how == "exact":
                    out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 题目“{question}”（题目相同）"), **p))
                elif c.how == "similar":
                    out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 题目“{question}”（题目相近）"), **p))
                elif c.how == "chosen":
                    out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 题目“{question}”（手工指定）"), **p))
                else:
                    out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 题目“{question}”（{how}）"),
                                       how=c.how, **p))
            elif c.target == "respondent_id":
                out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 答卷编号"), **p))
            elif c.target == "submitted_at":
                out.append(Message(QT_TRANSLATE_NOOP("core", "  列 {letter}“{header}” → 提交时间"), **p))
        for c in self.unmapped_columns:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  无法对应的列：{letter}“{header}”"), letter=c.letter,
                               header=c.header))
        for q in self.missing_questions:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  文件中缺少题目：“{question}”"), question=q))
        if self.different_survey:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  文件的大部分列与该问卷的题目对不上，疑似其他问卷的导出文件")))
        for (q, a), n in sorted(self.unmapped_answers.items()):
            out.append(Message(QT_TRANSLATE_NOOP("core", "  无法对应的答案：题目“{question}”的“{answer}”（{count}次）"),
                               question=q, answer=a, count=n))
        for row, why in self.duplicates[:20]:
            params = getattr(why, "params", {})
            if "rid" in params:
                out.append(Message(QT_TRANSLATE_NOOP("core", "  重复答卷：第{row}行（答卷编号“{rid}”重复）"), row=row,
                                   rid=params["rid"]))
            elif "at" in params:
                out.append(Message(QT_TRANSLATE_NOOP("core", "  重复答卷：第{row}行（与前面一行在同一提交时间“{at}”的答案完全相同）"),
                                   row=row, at=params["at"]))
            else:
                out.append(Message(QT_TRANSLATE_NOOP("core", "  重复答卷：第{row}行（{reason}）"), row=row, reason=why))
        if len(self.duplicates) > 20:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  ……另有{count}行重复"), count=len(self.duplicates) - 20))
        if self.blank_rows:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  空行（已跳过）：第{rows}行"),
                               rows="、".join(map(str, self.blank_rows[:20]))))
        if self.unscored_answers:
            out.append(Message(QT_TRANSLATE_NOOP("core", "  按已保存的对应不计分的答案：{count}个"), count=self.unscored_answers))
        for kind in self.pending:
            out.append(_pending_line(kind, self.counts()[kind]))
        if self.cancelled:
            if self.cancelled == _cancelled_reason("different_survey"):
                out.append(Message(QT_TRANSLATE_NOOP("core", "未导入：按选择取消导入（文件疑似属于其他问卷）")))
            elif self.cancelled == _cancelled_reason("missing_column"):
                out.append(Message(QT_TRANSLATE_NOOP("core", "未导入：按选择取消导入（文件中缺少的题目）")))
            else:
                out.append(Message(QT_TRANSLATE_NOOP("core", "未导入：{reason}"), reason=self.cancelled))
        elif self.written:
            if self.skipped:
                out.append(Message(QT_TRANSLATE_NOOP("core", "已导入 {imported} 份答卷；另有 {skipped} 份按选择跳过"
                                                             "（已记为剔除的答卷，不计入结果）"),
                                   imported=self.imported, skipped=self.skipped))
            else:
                out.append(Message(QT_TRANSLATE_NOOP("core", "已导入 {imported} 份答卷"), imported=self.imported))
        elif self.dry_run:
            if self.skipped:
                out.append(Message(QT_TRANSLATE_NOOP("core", "试运行：将导入 {count} 份答卷（另有 {skipped} 份按选择跳过），"
                                                             "未写入任何内容"), count=self.to_import, skipped=self.skipped))
            else:
                out.append(Message(QT_TRANSLATE_NOOP("core", "试运行：将导入 {count} 份答卷，未写入任何内容"),
                                   count=self.to_import))
        else:
            out.append(Message(QT_TRANSLATE_NOOP("core", "未写入任何内容")))
        return out

    def as_dict(self) -> dict:
        return {
            "survey": self.survey, "group": self.group, "file": self.file, "sheet": self.sheet,
            "dry_run": self.dry_run, "rows_read": self.rows_read, "blank_rows": self.blank_rows,
            "already_imported": self.already_imported,
            "duplicates": [{"row": r, "reason": w} for r, w in self.duplicates],
            "out_of_scale": [{"row": r, "question": q, "answer": a} for r, q, a in self.out_of_scale],
            "unmapped_columns": [{"column": c.letter, "header": c.header} for c in self.unmapped_columns],
            "unmapped_answers": [{"question": q, "answer": a, "count": n}
                                 for (q, a), n in sorted(self.unmapped_answers.items())],
            "missing_questions": self.missing_questions, "different_survey": self.different_survey,
            "columns": [{"column": c.letter, "header": c.header, "target": c.target, "question": c.question_text,
                         "how": c.how} for c in self.columns],
            "counts": self.counts(), "pending": self.pending, "decisions": self.decisions,
            "to_import": self.to_import, "skipped": self.skipped, "imported": self.imported, "written": self.written,
            "cancelled": self.cancelled,
        }


def _pending_line(kind: str, count: int) -> Message:
    """“待决定：{label}（{count}）——skip：{skip}；keep：{keep}” of a decision kind (:data:`DECISION_LABELS`)."""
    if kind == "unmapped_column":
        return Message(QT_TRANSLATE_NOOP("core", "待决定：无法对应的列（{count}）——skip：忽略该列；keep：作为新的文字题导入"),
                       count=count)
    if kind == "missing_column":
        return Message(QT_TRANSLATE_NOOP("core", "待决定：文件中缺少的题目（{count}）——skip：取消导入；"
                                                 "keep：照常导入（该题无答案）"), count=count)
    if kind == "different_survey":
        return Message(QT_TRANSLATE_NOOP("core", "待决定：文件疑似属于其他问卷（{count}）——skip：取消导入；"
                                                 "keep：仍导入能对应的列"), count=count)
    if kind == "duplicate":
        return Message(QT_TRANSLATE_NOOP("core", "待决定：重复的答卷（{count}）——skip：只计入第一份；keep：全部计入"),
                       count=count)
    return Message(QT_TRANSLATE_NOOP("core", "待决定：量表外的答案（{count}）——skip：不计入这些答卷；keep：计入，该答案不计分"),
                   count=count)


def _cancelled_reason(kind: str) -> Message:
    """Why an import was cancelled by a decision (``different_survey`` or ``missing_column``)."""
    if kind == "different_survey":
        return Message(QT_TRANSLATE_NOOP("core", "按选择取消导入（文件疑似属于其他问卷）"))
    return Message(QT_TRANSLATE_NOOP("core", "按选择取消导入（文件中缺少的题目）"))


@dataclass
class ResponseFile:
    """A platform export read from disk: headers (with column letters) and data rows (row number, texts)."""

    path: Path
    sheet: str
    headers: list[tuple[str, str]]  # (letter, header text)
    rows: list[tuple[int, list[str]]]


SKIP_MARKERS = frozenset({"(跳过)", "（跳过）", "(空)", "（空）", "跳过"})


def read_response_file(path, sheet: str | None = None, progress: Progress = NO_PROGRESS) -> ResponseFile:
    """Read an .xlsx/.xls/.csv export: the header row (the first row that is not a title line) and every row
    below it, blank rows included (they are counted by the import). Number formats are not needed (answers
    are texts and scale points), so the sheet is read by calamine alone.

    Raises:
        WcifError: unreadable file, unknown sheet, no header row, no data row, beyond a size limit; Cancelled.
    """
    from .tabular import read_sheet_texts, table_from_grid

    sheet_texts = read_sheet_texts(Path(path), sheet, head_rows=30, progress=progress)
    # the header is among the first rows; detecting it on those alone keeps large exports fast
    table = table_from_grid(sheet_texts.head, header_rows=1)
    header_row = table.header_rows[-1]
    headers = [(c.letter, c.name) for c in table.columns]
    width = len(table.columns)  # the rows are all as wide as the sheet's data (trimmed and padded)
    texts = sheet_texts.texts
    rows = [(r, row[:width] if len(row) >= width else row + [""] * (width - len(row)))
            for r, row in enumerate(texts[header_row:], start=header_row + 1)]
    for _r, row in rows:  # a platform's mark for a question not answered (问卷星: “(跳过)”, “(空)”): no answer
        if not SKIP_MARKERS.isdisjoint(row):
            row[:] = ["" if t in SKIP_MARKERS else t for t in row]
    if not any(any(t.strip() for t in row) for _r, row in rows):
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中没有答卷数据行（只有表头）：{path}"),
                        sheet=sheet_texts.sheet, path=Path(path))
    return ResponseFile(Path(path), sheet_texts.sheet, headers, rows)


def match_columns(ef: EvaluationFile, survey: Survey, headers: list[tuple[str, str]],
                  mapping: ImportMapping | None = None) -> list[ColumnMatch]:
    """Match the file's columns to the survey's questions (see the module docstring for the order).

    ``mapping`` (e.g. from the mapping dialog) wins over the saved mapping; both win over automatic matches.
    """
    qs = questions(ef, survey.id)
    by_id = {q.id: q for q in qs}
    saved = saved_mapping(ef, survey.id)
    chosen = ImportMapping() if mapping is None else mapping
    chosen_cols = {normalize_header(k): v for k, v in chosen.columns.items()}
    taken: set[str] = set()
    result: list[ColumnMatch] = []
    pending: list[ColumnMatch] = []
    for i, (letter, header) in enumerate(headers):
        key = normalize_header(header)
        cm = ColumnMatch(i, letter, header, "unmapped")
        for how, source in (("chosen", chosen_cols), ("saved", saved.columns)):
            if key in source:
                target, qid = source[key]
                if target != "question" or qid in by_id:
                    cm.target, cm.question_id, cm.how = target, (qid if target == "question" else ""), how
                    break
        if cm.target == "unmapped" and key:
            exact = [q for q in qs if key in (normalize_header(q.text), q.code)]
            low = key.lower()
            if exact:
                cm.target, cm.question_id, cm.how = "question", exact[0].id, "exact"
            elif low in ID_HEADERS:
                cm.target, cm.how = "respondent_id", "platform"
            elif low in TIME_HEADERS:
                cm.target, cm.how = "submitted_at", "platform"
            elif low in IGNORED_HEADERS:
                cm.target, cm.how = "ignore", "platform"
        elif not key and cm.target == "unmapped":
            cm.target, cm.how = "ignore", "platform"  # a column without header (and, usually, without data)
        if cm.target == "question":
            if cm.question_id in taken:
                cm.target, cm.question_id, cm.how = "unmapped", "", ""
            else:
                taken.add(cm.question_id)
        if cm.target == "unmapped":
            pending.append(cm)
        result.append(cm)
    for cm in pending:  # close text matches, best first, one column per question
        key = normalize_header(cm.header)
        scored = sorted(((difflib.SequenceMatcher(None, key, normalize_header(q.text)).ratio(), q)
                         for q in qs if q.id not in taken), key=lambda t: -t[0])
        if scored and scored[0][0] >= SIMILARITY and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            cm.target, cm.question_id, cm.how = "question", scored[0][1].id, "similar"
            taken.add(scored[0][1].id)
    # only one id / time column
    for target in ("respondent_id", "submitted_at"):
        seen = False
        for cm in result:
            if cm.target == target:
                if seen:
                    cm.target, cm.how = "ignore", "platform"
                seen = True
    for cm in result:
        if cm.target == "question":
            cm.question_text = by_id[cm.question_id].text
    return result


def distinct_answers(rf: ResponseFile, columns: list[ColumnMatch]) -> dict[str, Counter]:
    """For the mapping dialog: question id → Counter of the (stripped) answer texts found in its column."""
    out: dict[str, Counter] = {}
    for cm in columns:
        if cm.target == "question":
            c = out.setdefault(cm.question_id, Counter())
            for _n, cells in rf.rows:
                t = cells[cm.index].strip()
                if t:
                    c[t] += 1
    return out


def infer_kind(answers) -> str:
    """Guess a question's kind from its answers: ``satisfaction`` when at least 80 % of the non-blank answers
    are 5-point Likert texts or whole numbers 1–5, ``awareness`` when at least 80 % are knows / does-not-know
    texts, else ``text``. (The rest become answers outside the scale, reported by the import.)"""
    from ..domain.survey import KNOWS_SYNONYMS, LIKERT_SYNONYMS

    norm = [normalize_answer(a) for a in answers if str(a).strip()]
    if not norm:
        return "text"
    likert = sum(1 for a in norm if a in LIKERT_SYNONYMS or a in {"1", "2", "3", "4", "5"})
    if likert * 5 >= len(norm) * 4:
        return "satisfaction"
    if sum(1 for a in norm if a in KNOWS_SYNONYMS) * 5 >= len(norm) * 4:
        return "awareness"
    return "text"


def create_survey_from_file(ef: EvaluationFile, path, respondent_group: str, title: str = "", *,
                            sheet: str | None = None, satisfaction_method: str = "share",
                            rf: ResponseFile | None = None) -> Survey:
    """A new survey whose questions are the columns of an export (platform columns left out), each question's
    kind guessed by :func:`infer_kind` (satisfaction → the 5-point scale, awareness → 知道/不知道).

    Policy questions with a right answer among several options cannot be guessed: they come out as ``text``
    and should be set up by hand (:func:`add_question` with ``correct=``) before importing.

    All or nothing: the survey and its questions are written in one transaction, after the file has been read
    (``rf``: the file already read by :func:`read_response_file`, e.g. on a worker thread).

    Raises:
        WcifError: unreadable file (nothing written); ValidationError: empty group, two columns with the same
        question text, locked evaluation (nothing written).
    """
    rf = rf or read_response_file(path, sheet)
    with ef.transaction():
        s = create_survey(ef, title or f"{respondent_group}满意度调查", respondent_group, satisfaction_method)
        seen: set[str] = set()
        for i, (_letter, header) in enumerate(rf.headers):
            key = normalize_header(header)
            low = key.lower()
            if not key or low in ID_HEADERS or low in TIME_HEADERS or low in IGNORED_HEADERS or key in seen:
                continue
            seen.add(key)
            kind = infer_kind(cells[i] for _n, cells in rf.rows)
            add_question(ef, s.id, key, kind)
    return s


class _NotWritten(Exception):
    """Internal: rolls back the survey created for an import that did not write."""


def import_into_new_survey(ef: EvaluationFile, path, respondent_group: str, title: str = "", *,
                           sheet: str | None = None, **kwargs) -> tuple[Survey | None, ImportReport]:
    """:func:`create_survey_from_file` and :func:`import_responses` as one all-or-nothing step: when the import
    does not write (a dry run, a decision pending or cancelling, an error, a cancel), the new survey is not kept
    either and the evaluation file is unchanged. Returns ``(survey or None, report)``; ``kwargs`` go to
    :func:`import_responses`.

    Raises:
        as :func:`create_survey_from_file` and :func:`import_responses` (nothing written).
    """
    box: dict = {}
    try:
        with ef.transaction():
            survey = create_survey_from_file(ef, path, respondent_group, title, sheet=sheet)
            rep = import_responses(ef, survey.id, path, sheet=sheet, **kwargs)
            box["rep"] = rep
            if not rep.written:
                raise _NotWritten()
    except _NotWritten:
        return None, box["rep"]
    return survey, box["rep"]


def import_responses(ef: EvaluationFile, survey_id: str, path, *, sheet: str | None = None,
                     mapping: ImportMapping | None = None, decisions: dict[str, str] | None = None,
                     dry_run: bool = False, progress: Progress = NO_PROGRESS,
                     rf: ResponseFile | None = None) -> ImportReport:
    """Import a platform export into a survey (see the module docstring for matching and decisions).

    Nothing is written on a dry run, while a decision is pending (``report.pending``) or when a decision
    cancels the import; otherwise all rows, the new questions and the mapping are written in one transaction.
    ``rf`` is the file already read (:func:`read_response_file`), so a dialog's checks do not read it again.

    Raises:
        WcifError: unreadable file; ValidationError: a decision value other than skip/keep, locked evaluation;
        Cancelled: the user cancelled through ``progress`` (nothing written).
    """
    survey = ef.get(Survey, survey_id)
    decisions = dict(decisions or {})
    for k, v in decisions.items():
        if k not in DECISION_KINDS or v not in ("skip", "keep"):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "无效的处理方式：{kind}={value}（类别：{kinds}；方式：skip 或 keep）"),
                                  kind=k, value=v, kinds="、".join(DECISION_KINDS))
    if not dry_run:
        _ensure_unlocked(ef)
    rf = rf or read_response_file(path, sheet, progress)
    check(progress)
    cols = match_columns(ef, survey, rf.headers, mapping)
    qs = {q.id: q for q in questions(ef, survey.id)}
    opts = {qid: options(ef, qid) for qid in qs}
    answer_map = saved_mapping(ef, survey.id).merged(mapping).answers
    answer_map = {(q, normalize_answer(a)): o for (q, a), o in answer_map.items()}
    rep = ImportReport(survey.title, survey.respondent_group, str(rf.path), rf.sheet, dry_run, cols,
                       decisions=decisions)

    mapped_q = {c.question_id for c in cols if c.target == "question"}
    rep.missing_questions = [q.text for q in sorted(qs.values(), key=lambda q: q.sort_order) if q.id not in mapped_q]
    content_cols = [c for c in cols if c.target in ("question", "unmapped")]
    n_matched = sum(1 for c in content_cols if c.target == "question")
    rep.different_survey = bool(content_cols) and n_matched * 2 < len(content_cols)
    if not content_cols:
        rep.different_survey = True

    id_col = next((c.index for c in cols if c.target == "respondent_id"), None)
    time_col = next((c.index for c in cols if c.target == "submitted_at"), None)
    q_cols = [c for c in cols if c.target == "question"]
    keep_unmapped = decisions.get("unmapped_column") == "keep"
    extra_cols = [c for c in cols if c.target == "unmapped"] if keep_unmapped else []

    stored = [r for r in ef.records(SurveyResponse, "survey_id = ?", [survey.id])]
    stored_fp = Counter(r.fingerprint for r in stored if r.fingerprint)
    stored_ids = {r.respondent_id for r in stored if r.respondent_id}
    seen_ids: set[str] = set()
    seen_fp: set[str] = set()

    header_keys = [normalize_header(h) for _l, h in rf.headers]  # per column, not per row
    content_idx = [(normalize_header(c.header), c.index) for c in content_cols]
    all_idx = [(k, j) for j, k in enumerate(header_keys)]
    norm_cache: dict[str, str] = {}  # answers repeat: each distinct text is normalised and matched once

    def norm(text: str) -> str:
        n = norm_cache.get(text)
        if n is None:
            n = norm_cache[text] = normalize_answer(text)
        return n

    def classify(q: SurveyQuestion, text: str):
        """(answer, unscored 0/1, out of scale) of one distinct answer text of a question."""
        if q.kind == "text":
            return (q.id, "", text), 0, False
        key = (q.id, norm(text))
        if key in answer_map and (answer_map[key] == "" or any(o.id == answer_map[key] for o in opts[q.id])):
            return (q.id, answer_map[key], text), int(not answer_map[key]), False
        o = match_option(text, q, opts[q.id])
        return ((q.id, "", text), 0, True) if o is None else ((q.id, o.id, text), 0, False)

    # per question column: its question and a cache answer text → classify(); answers repeat thousands of times
    q_plan = [(c.index, qs[c.question_id], {}) for c in q_cols]
    extra_idx = [c.index for c in extra_cols]
    encode = json.JSONEncoder(ensure_ascii=False).encode  # as json.dumps(…, ensure_ascii=False), built once
    sha = hashlib.sha256

    # _fingerprint's sorted (header, answer) pairs: with distinct headers, taking the columns in header order
    # gives them sorted already (a sort per row only when two columns share a header)
    all_idx, content_idx = sorted(all_idx), sorted(content_idx)
    all_sort = len({k for k, _j in all_idx}) < len(all_idx)
    content_sort = len({k for k, _j in content_idx}) < len(content_idx)

    def fingerprint(rid: str, at: str, cells: list[str], idx, resort: bool) -> str:  # = _fingerprint
        pairs = [(k, norm(t)) for k, j in idx if (t := cells[j].strip())]
        if resort:
            pairs.sort()
        return sha(encode([rid, at, pairs]).encode("utf-8")).hexdigest()

    planned = []  # (row number, rid, time, [(question_id | ('new', ColumnMatch), option_id, text)], dup, oos)
    for i, (number, cells) in enumerate(rf.rows):
        if i % 1000 == 0:
            progress.set(i, len(rf.rows), Message(QT_TRANSLATE_NOOP("core", "读取答卷")))
            check(progress)
        rep.rows_read += 1
        rid = cells[id_col].strip() if id_col is not None else ""
        at = cells[time_col].strip() if time_col is not None else ""
        answers = []
        oos = []
        unscored = 0
        for j, q, cache in q_plan:
            text = cells[j].strip()
            if not text:
                continue
            hit = cache.get(text)
            if hit is None:
                hit = cache[text] = classify(q, text)
            answers.append(hit[0])
            if hit[1]:
                unscored += 1
            elif hit[2]:
                oos.append((q.text, text))
        for j in extra_idx:
            text = cells[j].strip()
            if text:
                answers.append((("new", j), "", text))
        if not answers:  # nothing answered (an empty row, or only a serial number / time)
            rep.blank_rows.append(number)
            continue
        # the whole row identifies a row imported before; its answers and time identify a duplicate
        fp = fingerprint(rid, at, cells, all_idx, all_sort)
        same = fingerprint("", at, cells, content_idx, content_sort) if at else ""  # only looked up with a time
        if stored_fp[fp] > 0:
            stored_fp[fp] -= 1
            rep.already_imported.append(number)
            continue
        rep.unscored_answers += unscored
        dup = ""
        if rid and (rid in seen_ids or rid in stored_ids):
            dup = Message(QT_TRANSLATE_NOOP("core", "答卷编号“{rid}”重复"), rid=rid)
        elif at and same in seen_fp:
            dup = Message(QT_TRANSLATE_NOOP("core", "与前面一行在同一提交时间“{at}”的答案完全相同"), at=at)
        if rid:
            seen_ids.add(rid)
        if same:
            seen_fp.add(same)
        if dup:
            rep.duplicates.append((number, dup))
        for qt, a in oos:
            rep.out_of_scale.append((number, qt, a))
            rep.unmapped_answers[(qt, a)] = rep.unmapped_answers.get((qt, a), 0) + 1
        planned.append((number, rid, at, answers, fp, bool(dup), bool(oos)))

    counts = rep.counts()
    rep.pending = [k for k in DECISION_KINDS if counts[k] and k not in decisions]
    for kind in ("different_survey", "missing_column"):
        if counts[kind] and decisions.get(kind) == "skip":
            rep.cancelled = _cancelled_reason(kind)
    rows = []  # (row number, rid, time, answers, fingerprint, exclusion reason)
    for number, rid, at, answers, fp, dup, oos in planned:
        reason = ""
        if dup and decisions.get("duplicate") == "skip":
            reason = "导入时按选择跳过：重复的答卷"
        elif oos and decisions.get("out_of_scale") == "skip":
            reason = "导入时按选择跳过：含量表外的答案"
        rows.append((number, rid, at, answers, fp, reason))
    rep.to_import = sum(1 for r in rows if not r[5])
    rep.skipped = len(rows) - rep.to_import
    progress.set(len(rf.rows), len(rf.rows), Message(QT_TRANSLATE_NOOP("core", "检查完毕")))
    if dry_run or rep.pending or rep.cancelled:
        return rep

    # ---------------------------------------------------------------- write
    new_questions: dict[int, str] = {}
    save = ImportMapping()
    for c in cols:
        if c.target == "question":
            save.columns[c.header] = ("question", c.question_id)
        elif c.target in ("respondent_id", "submitted_at", "ignore") and c.header.strip():
            save.columns[c.header] = (c.target, "")
        elif c.target == "unmapped":
            save.columns[c.header] = ("ignore", "")
    if mapping:
        save.answers.update(mapping.answers)
    if decisions.get("out_of_scale") == "keep":
        for c in q_cols:
            for (qt, a) in rep.unmapped_answers:
                if qt == c.question_text:
                    save.answers.setdefault((c.question_id, a), "")
    with ef.transaction():
        for c in extra_cols:
            q = add_question(ef, survey.id, normalize_header(c.header) or c.header, "text")
            new_questions[c.index] = q.id
            save.columns[c.header] = ("question", q.id)
        # one history entry for the whole import (EvaluationFile.insert_bulk): ids numbered in order, rows as tuples
        ids = BulkIds()
        resp_ids = ids.take(len(rows))
        ans_ids = iter(ids.take(sum(len(r[3]) for r in rows)))
        resp_rows: list[tuple] = []
        ans_rows: list[tuple] = []
        src, sid = rf.path.name, survey.id
        for i, ((number, rid, at, answers, fp, reason), resp_id) in enumerate(zip(rows, resp_ids)):
            if i % 2000 == 0:
                progress.set(i, len(rows), Message(QT_TRANSLATE_NOOP("core", "写入答卷")))
                check(progress)
            resp_rows.append((resp_id, sid, rid, at, "import", src, number, fp, 1 if reason else 0, reason))
            for qid, opt_id, text in answers:
                if isinstance(qid, tuple):
                    qid = new_questions[qid[1]]
                ans_rows.append((next(ans_ids), resp_id, qid, opt_id, text))
        check(progress)
        ef.insert_bulk(ids, [("survey_response", RESPONSE_COLUMNS, resp_rows),
                             ("survey_answer", ANSWER_COLUMNS, ans_rows)])
        check(progress)
        save_mapping(ef, survey.id, save)
    rep.imported = rep.to_import
    rep.written = True
    progress.set(len(rows), len(rows), Message(QT_TRANSLATE_NOOP("core", "导入完成")))
    return rep


__all__ = [
    "DECISION_KINDS",
    "DECISION_LABELS",
    "METRIC_KEYS",
    "ColumnMatch",
    "ImportMapping",
    "ImportReport",
    "ResponseFile",
    "add_question",
    "add_response",
    "appendix",
    "create_survey",
    "delete_response",
    "delete_survey",
    "distinct_answers",
    "find_survey",
    "import_into_new_survey",
    "import_responses",
    "load_survey_data",
    "match_columns",
    "options",
    "questions",
    "read_response_file",
    "results_table",
    "save_mapping",
    "saved_mapping",
    "set_response_excluded",
    "set_satisfaction_method",
    "survey_metrics",
    "survey_results",
    "survey_tally",
    "surveys",
    "text_answer_keys",
    "text_answers",
]
