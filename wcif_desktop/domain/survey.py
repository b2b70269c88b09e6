"""Satisfaction (满意度) and policy-awareness (政策知晓率) surveys: records, answer matching and rates.

Pure domain code (no SQL, no Qt). The service :mod:`wcif_desktop.services.survey` loads the records from the
evaluation file and calls :func:`compute_results` / :func:`question_stats`.

Records (one table each, named by ``table``):

- :class:`Survey` — one questionnaire for one respondent group (参保单位, 待遇领取人员, 工伤职工, …) with its
  satisfaction method (``share`` 满意率 or ``mean`` 平均分折算百分制).
- :class:`SurveyQuestion` — ``satisfaction`` (Likert scale), ``awareness`` (knows / does not know, or a policy
  question with a right answer) or ``text`` (free text).
- :class:`SurveyOption` — one answer option of a question: its label, scale point (``score``), whether it
  counts as satisfied (``satisfied``, 满意 + 非常满意 on the 5-point scale) or as correct/knows (``correct``).
- :class:`SurveyResponse` / :class:`SurveyAnswer` — one respondent's questionnaire and its answers.
- :class:`SurveyMapping` — the remembered mapping of an export's column headers to questions and of answer
  texts to options, per survey, so a second export imports with no questions asked.

Rates (all Decimal, never floats):

- **Satisfaction, method ``share``** (满意率): satisfied answers ÷ scored satisfaction answers, pooled over the
  satisfaction questions of the group.
- **Satisfaction, method ``mean``** (平均分折算百分制): mean of (answer score ÷ the question's highest score),
  i.e. on the 5-point scale 非常满意 100, 满意 80, 一般 60, 不满意 40, 非常不满意 20 points, averaged.
- **Awareness** (政策知晓率, 知晓人数/调查人数 as DOMAIN.md §效益): answers marked correct (knows / right answer) ÷
  scored awareness answers.
- **Overall**: the same pooled over all groups; each answer contributes the value its own survey's method
  gives (0/1 for ``share``, score ÷ max for ``mean``).

95 % interval (:func:`wilson_interval`), Wilson score interval (E. B. Wilson, JASA 22 (1927) 209–212)::

    centre = (p + z²/(2n)) / (1 + z²/n)
    half   = z · √( p(1−p)/n + z²/(4n²) ) / (1 + z²/n)
    [low, high] = [max(0, centre − half), min(1, centre + half)],   z = 1.96

computed with :mod:`decimal` at 40 significant digits and reported in % rounded half-up to two decimals.
``n`` is the number of **respondents** with at least one scored answer of that kind, not the number of
answers: answers of one respondent are correlated, so counting respondents is the conservative choice (it
gives the wider interval). For the ``mean`` method the answer values lie in [0, 1], so their variance is at
most p(1−p) and the Wilson interval on the mean is conservative too.

Small samples (:func:`sample_warnings`): a warning when n < 30 (:data:`MIN_SAMPLE`, the usual minimum of
firms' survey rules, FRAMEWORK.md §满意度) or when the interval's half-width exceeds 10 percentage points
(:data:`MAX_HALF_WIDTH`), because the rate is then too imprecise to compare against a target such as ≥ 90 %.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from .errors import QT_TRANSLATE_NOOP, Message, ValidationError
from .model import Record
from .money import HUNDRED, round2

# ---------------------------------------------------------------- vocabulary

RESPONDENT_GROUPS = ("参保单位", "待遇领取人员", "工伤职工")
"""Respondent groups offered by default; evaluators may add others (any non-empty name)."""

QUESTION_KINDS = {"satisfaction": Message(QT_TRANSLATE_NOOP("core", "满意度")),
                  "awareness": Message(QT_TRANSLATE_NOOP("core", "政策知晓")),
                  "text": Message(QT_TRANSLATE_NOOP("core", "开放式（文字）"))}

SATISFACTION_METHODS = {"share": "满意率（满意与非常满意占比）", "mean": "平均分折算百分制"}

LIKERT5 = (("非常满意", 5), ("满意", 4), ("一般", 3), ("不满意", 2), ("非常不满意", 1))
"""The default 5-point satisfaction scale; points ≥ 4 (满意, 非常满意) count as satisfied."""

KNOWS = (("知道", True), ("不知道", False))
"""The default options of a knows / does-not-know awareness question."""

# Answer texts that platforms and paper forms use for the same scale point (matched after normalisation).
LIKERT_SYNONYMS = {
    "很满意": 5, "十分满意": 5, "特别满意": 5, "非常满意": 5,
    "满意": 4, "比较满意": 4, "较满意": 4, "较为满意": 4,
    "一般": 3, "中立": 3, "说不清": 3,
    "不满意": 2, "不太满意": 2, "较不满意": 2, "比较不满意": 2,
    "非常不满意": 1, "很不满意": 1, "十分不满意": 1, "特别不满意": 1,
}
KNOWS_SYNONYMS = {
    "知道": True, "了解": True, "知晓": True, "清楚": True, "熟悉": True, "是": True,
    "不知道": False, "不了解": False, "不知晓": False, "不清楚": False, "不熟悉": False, "否": False,
}

MIN_SAMPLE = 30
"""Below this many respondents the interval is flagged as not useful."""
MAX_HALF_WIDTH = Decimal(10)
"""Interval half-widths above this many percentage points are flagged as too imprecise."""
Z95 = Decimal("1.96")
"""Two-sided 95 % normal quantile, rounded as in the textbooks (exact value 1.959964…)."""


# ---------------------------------------------------------------- records

@dataclass
class Survey(Record):
    """One questionnaire for one respondent group."""

    table = "survey"
    title: str = ""
    respondent_group: str = ""
    satisfaction_method: str = "share"  # key of SATISFACTION_METHODS
    description: str = ""
    sort_order: int = 0


@dataclass
class SurveyQuestion(Record):
    table = "survey_question"
    survey_id: str = ""
    code: str = ""  # e.g. Q1
    text: str = ""
    kind: str = "satisfaction"  # key of QUESTION_KINDS
    sort_order: int = 0


@dataclass
class SurveyOption(Record):
    """One answer option. ``score`` is the scale point (satisfaction); ``correct`` marks the right / knows answer."""

    table = "survey_option"
    question_id: str = ""
    label: str = ""
    score: int = 0
    satisfied: bool = False
    correct: bool = False
    sort_order: int = 0


@dataclass
class SurveyResponse(Record):
    """One respondent's questionnaire (a paper form or one row of a platform export)."""

    table = "survey_response"
    survey_id: str = ""
    respondent_id: str = ""
    submitted_at: str = ""  # ISO date-time text as exported, '' when unknown
    source: str = "paper"  # paper | import
    source_file: str = ""
    source_row: int = 0
    fingerprint: str = ""  # SHA-256 of submit time + answers, to recognise rows imported before
    excluded: bool = False
    exclusion_reason: str = ""


@dataclass
class SurveyAnswer(Record):
    """One answer. ``option_id`` empty = free text, or an answer outside the scale kept unscored (``text``)."""

    table = "survey_answer"
    response_id: str = ""
    question_id: str = ""
    option_id: str = ""
    text: str = ""


@dataclass
class SurveyMapping(Record):
    """A remembered mapping entry of one survey.

    ``kind='column'``: ``source`` (normalised header) → ``target`` ``question`` (``question_id``),
    ``respondent_id``, ``submitted_at`` or ``ignore``.
    ``kind='answer'``: ``source`` (normalised answer text) of ``question_id`` → ``target`` ``option``
    (``option_id``) or ``out_of_scale``.
    """

    table = "survey_mapping"
    survey_id: str = ""
    kind: str = "column"
    source: str = ""
    target: str = "question"
    question_id: str = ""
    option_id: str = ""


SURVEY_RECORD_TYPES: dict[str, type[Record]] = {
    cls.table: cls for cls in (Survey, SurveyQuestion, SurveyOption, SurveyResponse, SurveyAnswer, SurveyMapping)
}


# ---------------------------------------------------------------- text matching

_NUMBERING = re.compile(
    r"^\s*(?:第\s*\d+\s*题|[Qq]\s*\d+|\d+(?:\.\d+)*)\s*[、.．:：)）\-_]?\s*")
_TAGS = re.compile(r"[\[【(（](?:单选题|多选题|单选|多选|必答|必填|选填|填空题|量表题|矩阵量表题|判断题)[\]】)）]")
_SPACE = re.compile(r"\s+")
_OPTION_LETTER = re.compile(r"^[A-Za-z]\s*[.、．:：)）]\s*")
_LABEL_WITH_POINTS = re.compile(r"(.+?)[(（](\d+)分?[)）]")


def normalize_header(text) -> str:
    """A column header or question text reduced for matching.

    NFKC (full-width → half-width), numbering such as ``1、`` ``Q3.`` ``第2题`` removed, platform tags such as
    ``（单选题）`` removed, all whitespace and trailing ``？?：:。`` removed.
    """
    t = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()
    t = _TAGS.sub("", t)
    t = _NUMBERING.sub("", t, count=1)
    t = _SPACE.sub("", t)
    return t.rstrip("?？:：。.").strip()


def normalize_answer(text) -> str:
    """An answer text reduced for matching: NFKC, whitespace removed, an option letter prefix (``A.``) removed."""
    t = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()
    t = _SPACE.sub("", t)
    if len(t) > 2:
        t = _OPTION_LETTER.sub("", t)
    return t.rstrip("。.")


def match_option(answer: str, question: SurveyQuestion, options: list[SurveyOption]) -> SurveyOption | None:
    """The option an answer text means, or ``None`` when it is outside the scale.

    Tried in order: the option's label (a trailing “(5分)” is read as label, then points); for satisfaction questions a whole number equal to a scale point
    (``5``, ``5分``, ``5.0``) and the Likert synonyms (比较满意 → 4 …); for awareness questions the knows /
    does-not-know synonyms (了解 → knows) when the question has exactly one correct and one other option.
    """
    a = normalize_answer(answer)
    if not a:
        return None
    for o in options:
        if normalize_answer(o.label) == a:
            return o
    scored = _LABEL_WITH_POINTS.fullmatch(a)  # “非常满意(5分)”: the label, else the points
    if scored:
        return match_option(scored.group(1), question, options) or match_option(scored.group(2), question, options)
    if question.kind == "satisfaction":
        m = re.fullmatch(r"(\d+)(?:\.0+)?分?", a)
        point = int(m.group(1)) if m else LIKERT_SYNONYMS.get(a)
        if point is not None:
            hits = [o for o in options if o.score == point]
            return hits[0] if len(hits) == 1 else None
    if question.kind == "awareness" and a in KNOWS_SYNONYMS:
        want = KNOWS_SYNONYMS[a]
        hits = [o for o in options if o.correct == want]
        if len(options) == 2 and len(hits) == 1:
            return hits[0]
    return None


# ---------------------------------------------------------------- intervals

def wilson_interval(p: Decimal, n: int, z: Decimal = Z95) -> tuple[Decimal, Decimal]:
    """Wilson score interval of a proportion ``p`` (fraction 0–1) observed on ``n`` units, as fractions.

    Exact Decimal arithmetic (40 digits, :meth:`Decimal.sqrt` is correctly rounded). See the module docstring
    for the formula.

    Raises:
        ValidationError: ``n`` < 1 or ``p`` outside [0, 1].
    """
    if n < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "样本量为0，无法计算置信区间"))
    p = Decimal(p)
    if p < 0 or p > 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "比例须在0到1之间：{value}"), value=p)
    with localcontext() as ctx:
        ctx.prec = 40
        nn = Decimal(n)
        z2 = z * z
        denom = 1 + z2 / nn
        centre = (p + z2 / (2 * nn)) / denom
        half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).sqrt() / denom
        low = max(Decimal(0), centre - half)
        high = min(Decimal(1), centre + half)
        return +low, +high


def sample_warnings(n: int, low_pct: Decimal, high_pct: Decimal) -> list[str]:
    """Warnings (Chinese sentences) when a rate's sample is too small for its interval to be useful."""
    out = []
    if n < MIN_SAMPLE:
        out.append(Message(QT_TRANSLATE_NOOP("core", "样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限"),
                           n=n, minimum=MIN_SAMPLE))
    half = (high_pct - low_pct) / 2
    if half > MAX_HALF_WIDTH:
        out.append(Message(QT_TRANSLATE_NOOP("core", "置信区间过宽（半宽{half}个百分点，超过{maximum}个百分点），结果精度不足"),
                           half=f"{round2(half):.2f}", maximum=f"{MAX_HALF_WIDTH}"))
    return out


# ---------------------------------------------------------------- results

@dataclass
class RateResult:
    """One rate with its 95 % Wilson interval. Percentages (×100) rounded half-up to two decimals.

    ``value`` is the exact fraction (0–1); ``answers`` the scored answers pooled; ``respondents`` the ``n`` of
    the interval; ``points`` the sum of answer values (satisfied / correct count for 0/1 answers).
    """

    kind: str  # satisfaction | awareness
    method: str  # share | mean | mixed | correct
    value: Decimal
    rate: Decimal
    low: Decimal
    high: Decimal
    answers: int
    respondents: int
    points: Decimal
    warnings: list[str] = field(default_factory=list)
    sentence: str = ""

    @property
    def half_width(self) -> Decimal:
        return round2((self.high - self.low) / 2)

    def as_dict(self) -> dict:
        return {
            "method": self.method, "rate": str(self.rate), "ci_low": str(self.low), "ci_high": str(self.high),
            "answers": self.answers, "respondents": self.respondents, "points": str(self.points),
            "warnings": list(self.warnings), "sentence": self.sentence,
        }


@dataclass
class GroupResult:
    """Results of one respondent group (or ``group='全部'`` overall)."""

    group: str
    surveys: list[str]
    responses: int  # valid responses: not excluded, at least one scored answer
    recorded: int  # all responses on file, excluded ones included
    excluded: int
    satisfaction: RateResult | None
    awareness: RateResult | None

    def as_dict(self) -> dict:
        return {
            "group": self.group, "surveys": list(self.surveys), "valid_responses": self.responses,
            "recorded_responses": self.recorded, "excluded_responses": self.excluded,
            "satisfaction": self.satisfaction.as_dict() if self.satisfaction else None,
            "awareness": self.awareness.as_dict() if self.awareness else None,
        }


OVERALL = "全部"


def method_sentence(kind: str, method: str, max_score: int = 5) -> str:
    """The sentence stating how a rate was computed, for the report (and the survey panel: a
    :class:`~wcif_desktop.domain.errors.Message`)."""
    if kind == "awareness":
        return Message(QT_TRANSLATE_NOOP("core", "政策知晓率按回答“知道”或答对政策问题的答案数占知晓度有效答案数的比例计算；"
                                                 "95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。"))
    if method == "share":
        return Message(QT_TRANSLATE_NOOP("core", "满意度按“满意”与“非常满意”的答案数占满意度有效答案数的比例（满意率）计算；"
                                                 "95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。"))
    if method == "mean":
        return Message(QT_TRANSLATE_NOOP("core", "满意度按平均得分折算为百分制计算：每个答案按其分值除以满分（{max_score}分）乘以100"
                                                 "（非常满意100分……非常不满意{lowest}分），再求平均；"
                                                 "95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。"),
                       max_score=max_score, lowest=int(100 / max_score) if max_score else 0)
    return Message(QT_TRANSLATE_NOOP("core", "满意度合并各问卷按其所选方法（满意率或平均分折算百分制）计算的答案值后求平均；"
                                             "95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。"))


def _rate_of(kind, method, points: Decimal, answers: int, n: int, max_score=5) -> RateResult | None:
    """The rate of ``answers`` scored answers worth ``points`` in all (sum of values 0–1), given by ``n``
    respondents (the n of the interval); ``None`` without answers."""
    if not answers or not n:
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        p = points / answers
    low, high = wilson_interval(p, n)
    low_pct, high_pct = round2(low * HUNDRED), round2(high * HUNDRED)
    return RateResult(
        kind=kind, method=method, value=p, rate=round2(p * HUNDRED), low=low_pct, high=high_pct,
        answers=answers, respondents=n, points=points,
        warnings=sample_warnings(n, low * HUNDRED, high * HUNDRED),
        sentence=method_sentence(kind, method, max_score),
    )


@dataclass
class SurveyData:
    """Everything needed for results, as read from the evaluation file (live records only)."""

    surveys: list[Survey]
    questions: list[SurveyQuestion]
    options: list[SurveyOption]
    responses: list[SurveyResponse]
    answers: list[SurveyAnswer]


def answer_value(survey: Survey, question: SurveyQuestion, option: SurveyOption, max_score: int) -> Decimal:
    """The value (0–1) one scored answer contributes: satisfied/correct 1 or 0, or score ÷ max (``mean``)."""
    if question.kind == "awareness":
        return Decimal(1) if option.correct else Decimal(0)
    if survey.satisfaction_method == "mean":
        return Decimal(option.score) / Decimal(max_score) if max_score else Decimal(0)
    return Decimal(1) if option.satisfied else Decimal(0)


@dataclass
class SurveyTally:
    """The counts results are computed from, aggregated once (by SQL in the service layer,
    :func:`wcif_desktop.services.survey.survey_tally`, or from records by :func:`tally`).

    Only live records count, and only answers of valid responses (live, not excluded):

    - ``option_counts``: option id → answers choosing it (an answer counts for an option of its own question);
    - ``loose_counts``: question id → answers with no option but a text (the free-text answers of a ``text``
      question; answers outside the scale, kept unscored, of the other kinds);
    - ``recorded`` / ``excluded``: survey id → live responses / of them excluded;
    - ``respondents``: (survey id, kind) → valid responses with at least one scored answer of that kind
      (``satisfaction`` | ``awareness``; kind ``""``: of either kind, the valid responses of the results);
    - ``texts``: question id → the free-text answers in entry order, when read in full (the report's appendix);
      empty when only counted (a view pages them instead).
    """

    surveys: list[Survey]
    questions: list[SurveyQuestion]
    options: list[SurveyOption]
    option_counts: dict[str, int] = field(default_factory=dict)
    loose_counts: dict[str, int] = field(default_factory=dict)
    recorded: dict[str, int] = field(default_factory=dict)
    excluded: dict[str, int] = field(default_factory=dict)
    respondents: dict[tuple[str, str], int] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)


SCORED_KINDS = ("satisfaction", "awareness")


def tally(data: SurveyData) -> SurveyTally:
    """The :class:`SurveyTally` of records already read (the same counts the service reads with SQL)."""
    surveys = {s.id: s for s in data.surveys}
    questions = {q.id: q for q in data.questions if q.survey_id in surveys}
    options = {o.id: o for o in data.options if o.question_id in questions}
    out = SurveyTally(list(data.surveys), list(questions.values()), list(options.values()))
    valid = {}
    for r in data.responses:
        if r.survey_id in surveys:
            out.recorded[r.survey_id] = out.recorded.get(r.survey_id, 0) + 1
            if r.excluded:
                out.excluded[r.survey_id] = out.excluded.get(r.survey_id, 0) + 1
            else:
                valid[r.id] = r.survey_id
    kinds: dict[tuple[str, str], set[str]] = {}
    for a in data.answers:
        sid = valid.get(a.response_id)
        q = questions.get(a.question_id)
        if sid is None or q is None:
            continue
        o = options.get(a.option_id) if a.option_id else None
        if o is not None and o.question_id == q.id:
            out.option_counts[o.id] = out.option_counts.get(o.id, 0) + 1
            if q.kind in SCORED_KINDS:
                kinds.setdefault((sid, q.kind), set()).add(a.response_id)
                kinds.setdefault((sid, ""), set()).add(a.response_id)
        elif not a.option_id and a.text:
            out.loose_counts[q.id] = out.loose_counts.get(q.id, 0) + 1
            if q.kind == "text":
                out.texts.setdefault(q.id, []).append(a.text)
    out.respondents = {k: len(v) for k, v in kinds.items()}
    return out


def _as_tally(data: SurveyData | SurveyTally) -> SurveyTally:
    return data if isinstance(data, SurveyTally) else tally(data)


def compute_results(data: SurveyData | SurveyTally) -> tuple[list[GroupResult], GroupResult]:
    """Results per respondent group (in survey order) and overall, from records or their :class:`SurveyTally`.

    A response is valid when it is not excluded and has at least one scored (satisfaction or awareness) answer.
    Each option chosen ``c`` times adds ``c`` answers worth its :func:`answer_value`; a rate's ``n`` is the
    number of valid respondents with at least one scored answer of its kind.
    """
    t = _as_tally(data)
    surveys = {s.id: s for s in t.surveys}
    questions = {q.id: q for q in t.questions if q.survey_id in surveys}
    options = [o for o in t.options if o.question_id in questions]
    max_score: dict[str, int] = {}
    for o in options:
        max_score[o.question_id] = max(max_score.get(o.question_id, 0), o.score)

    # survey → kind → [points, answers]
    sums: dict[str, dict[str, list]] = {}
    with localcontext() as ctx:
        ctx.prec = 40
        for o in options:
            c = t.option_counts.get(o.id, 0)
            q = questions[o.question_id]
            if not c or q.kind not in SCORED_KINDS:
                continue
            s = surveys[q.survey_id]
            with localcontext() as plain:  # each value as one answer computes it (default precision)
                plain.prec = 28
                v = answer_value(s, q, o, max_score.get(q.id, 0))
            acc = sums.setdefault(s.id, {}).setdefault(q.kind, [Decimal(0), 0])
            acc[0] += v * c
            acc[1] += c

    groups: list[str] = []
    for s in sorted(t.surveys, key=lambda s: (s.sort_order, s.title)):
        if s.respondent_group not in groups:
            groups.append(s.respondent_group)

    def method_of(group_surveys):
        methods = {s.satisfaction_method for s in group_surveys}
        return methods.pop() if len(methods) == 1 else "mixed"

    def rate(kind, method, group_surveys, top=5):
        points, answers, n = Decimal(0), 0, 0
        with localcontext() as ctx:
            ctx.prec = 40
            for s in group_surveys:
                acc = sums.get(s.id, {}).get(kind)
                if acc:
                    points += acc[0]
                    answers += acc[1]
                    n += t.respondents.get((s.id, kind), 0)
        return _rate_of(kind, method, points, answers, n, top)

    def build(name, group_surveys):
        ids = {s.id for s in group_surveys}
        top = max((max_score.get(q.id, 0) for q in questions.values()
                   if q.survey_id in ids and q.kind == "satisfaction"), default=5)
        return GroupResult(
            group=name, surveys=[s.title for s in group_surveys],
            responses=sum(t.respondents.get((sid, ""), 0) for sid in ids),
            recorded=sum(t.recorded.get(sid, 0) for sid in ids),
            excluded=sum(t.excluded.get(sid, 0) for sid in ids),
            satisfaction=rate("satisfaction", method_of(group_surveys), group_surveys, top),
            awareness=rate("awareness", "correct", group_surveys),
        )

    results = [build(g, [s for s in t.surveys if s.respondent_group == g]) for g in groups]
    overall = build(OVERALL, list(t.surveys))
    return results, overall


@dataclass
class QuestionStats:
    """Counts per answer of one question, for the report's survey appendix.

    ``counts``: [(option label, count)] in option order; ``out_of_scale``: answers kept unscored;
    ``texts``: free-text answers (text questions; empty when only counted, see :class:`SurveyTally`);
    ``rate``: the question's own rate (n = its scored answers); ``n_texts``: the number of free-text answers.
    """

    survey: Survey
    question: SurveyQuestion
    counts: list[tuple[str, int]]
    out_of_scale: int
    unanswered: int
    texts: list[str]
    rate: RateResult | None
    n_texts: int = 0


def question_stats(data: SurveyData | SurveyTally) -> list[QuestionStats]:
    """Per-question answer counts over valid (not excluded) responses, in survey and question order, from
    records or their :class:`SurveyTally`."""
    t = _as_tally(data)
    surveys = {s.id: s for s in t.surveys}
    opts_by_q: dict[str, list[SurveyOption]] = {}
    for o in sorted(t.options, key=lambda o: o.sort_order):
        opts_by_q.setdefault(o.question_id, []).append(o)
    out = []
    order = {s.id: (s.sort_order, s.title) for s in t.surveys}
    for q in sorted((q for q in t.questions if q.survey_id in surveys),
                    key=lambda q: (order[q.survey_id], q.sort_order)):
        s = surveys[q.survey_id]
        opts = opts_by_q.get(q.id, [])
        n_resp = t.recorded.get(s.id, 0) - t.excluded.get(s.id, 0)
        counts = [(o.label, t.option_counts.get(o.id, 0)) for o in opts]
        scored = sum(n for _l, n in counts)
        loose = t.loose_counts.get(q.id, 0)
        out_of_scale = loose if q.kind != "text" else 0
        n_texts = loose if q.kind == "text" else 0
        answered = scored + out_of_scale + n_texts
        rate = None
        if q.kind in SCORED_KINDS and scored:
            top = max((o.score for o in opts), default=0)
            with localcontext() as ctx:
                ctx.prec = 40
                points = Decimal(0)
                for o in opts:
                    c = t.option_counts.get(o.id, 0)
                    if c:
                        with localcontext() as plain:
                            plain.prec = 28
                            v = answer_value(s, q, o, top)
                        points += v * c
            method = "correct" if q.kind == "awareness" else s.satisfaction_method
            rate = _rate_of(q.kind, method, points, scored, scored, top)
        texts = list(t.texts.get(q.id, [])) if q.kind == "text" else []
        out.append(QuestionStats(s, q, counts, out_of_scale, max(0, n_resp - answered), texts, rate, n_texts))
    return out
