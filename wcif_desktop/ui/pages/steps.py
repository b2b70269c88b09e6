"""The steps of the step list, known without importing their pages: key, title and the state rule of each step.

The main window lists the steps and shows each one's state (未开始 / 进行中 / 已完成) as soon as a file is open; a
step's page (and the modules only it needs: the scoring tree, the report pipeline's UI, the findings editor…) is
imported and built the first time the user visits it (start-up time, issue 21). :class:`Step` is what
:data:`~wcif_desktop.ui.pages.STEP_PAGES` holds: it has the page class's ``key``, ``title``, ``display_title()``
and ``state(snap, ef)``, and calling it (``step(ctx, parent)``) builds the page.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.model import EvaluationSnapshot
from .base import StepPage, StepState, state_of

# Step 团队与方案: the facts counted for its progress (the form also shows the project name, which has a default)
FACT_FIELDS = ("title", "region", "fiscal_year", "commissioner", "evaluated_unit", "agency", "report_date")
PROCESS_SECTION = "process"  # 现场资料核查: the work-process narrative
TARGETS_SECTION = "basic.targets"  # 绩效目标: the targets narrative (report §一.3)
FINDING_KINDS = ("practice", "problem", "recommendation")  # 问题与建议: the three parts (domain.model.FINDING_KINDS)


def team_state(snap: EvaluationSnapshot, ef=None) -> StepState:
    """团队与方案: the facts of :data:`FACT_FIELDS` filled and at least one team member."""
    ev = snap.evaluation
    filled = sum(1 for f in FACT_FIELDS if getattr(ev, f))
    return state_of(filled + (1 if snap.team else 0), len(FACT_FIELDS) + 1)


def review_state(snap: EvaluationSnapshot, ef=None) -> StepState:
    """现场资料核查: 已完成 only when its own check passes: a request list exists and every item is settled (none
    still awaited); 进行中 with a request list or the process text; else 未开始."""
    from ...services.review import request_items

    requests = request_items(ef) if ef is not None else []
    has_text = bool(snap.narratives.get(PROCESS_SECTION, "").strip())
    if requests and all((r.status or "requested") != "requested" for r in requests):
        return StepState.DONE
    return StepState.IN_PROGRESS if (requests or has_text) else StepState.NOT_STARTED


def targets_state(snap: EvaluationSnapshot, ef=None) -> StepState:
    """绩效目标: refined targets exist, and the targets narrative is written."""
    refined = [t for t in snap.targets if t.version == "refined"]
    has_text = bool(snap.narratives.get(TARGETS_SECTION, "").strip())
    return state_of(int(bool(refined)) + int(has_text), 2)


def scoring_state(snap: EvaluationSnapshot, ef=None) -> StepState:
    """指标评分: the share of leaf indicators scored; 已完成 only while the score sheet reports no problem other
    than a hint (提示…)."""
    from ...domain.scoring import sheet_for
    from ...services.evaluation import leaf_indicators

    leaves = leaf_indicators(snap)
    if not leaves:
        return StepState.NOT_STARTED
    scored = sum(1 for i in leaves if i.score is not None)
    st = state_of(scored, len(leaves))
    if st is StepState.DONE and any(not p.startswith("提示") for p in sheet_for(snap).problems()):
        return StepState.IN_PROGRESS
    return st


def findings_state(snap: EvaluationSnapshot, ef=None) -> StepState:
    """问题与建议: each of the three parts complete (title, text, and a cause for a problem); 已完成 only while the
    findings part of the readiness check passes."""
    if not snap.findings:
        return StepState.NOT_STARTED
    complete = 0
    for kind in FINDING_KINDS:
        items = snap.findings_of(kind)
        if items and all(f.title.strip() and f.body.strip() and (kind != "problem" or f.cause.strip())
                         for f in items):
            complete += 1
    st = state_of(complete, len(FINDING_KINDS)) if complete else StepState.IN_PROGRESS
    if st is StepState.DONE:
        from ...services.readiness import ERROR, finding_issues

        if any(i.severity == ERROR for i in finding_issues(snap)):
            return StepState.IN_PROGRESS
    return st


def saved_reports(ef) -> list:
    """The reports kept in the evaluation file (:class:`~wcif_desktop.services.report_archive.GeneratedReport`),
    newest last."""
    from ...services.report_archive import saved_reports as kept

    return list(reversed(kept(ef)))


def report_state(snap: EvaluationSnapshot, ef=None) -> StepState:
    """报告: 未开始 without a kept report, 已完成 when the newest one is signed, 进行中 otherwise."""
    reports = saved_reports(ef) if ef is not None else []
    if not reports:
        return StepState.NOT_STARTED
    signers = reports[-1].signers or "[]"
    return StepState.DONE if signers.strip() not in ("", "[]") else StepState.IN_PROGRESS


class Step:
    """One step of the step list. ``key`` (``--step`` accepts it), ``title`` (Chinese source text, context
    "steps"), :meth:`state`; :attr:`page_class` imports the page's module on first use and ``step(ctx, parent)``
    builds the page. Other attributes (``tables``…) are the page class's."""

    def __init__(self, key: str, title: str, module: str, class_name: str,
                 state: Callable[[EvaluationSnapshot, object], StepState]):
        self.key, self.title = key, title
        self._module, self._class_name, self._state = module, class_name, state
        self._cls: type[StepPage] | None = None

    @property
    def page_class(self) -> type[StepPage]:
        """The page's class (its module is imported now if it was not yet)."""
        if self._cls is None:
            module = importlib.import_module(f"{__package__}.{self._module}")
            self._cls = getattr(module, self._class_name)
        return self._cls

    def __call__(self, ctx, parent=None) -> StepPage:
        """Build the step's page for the open evaluation ``ctx``."""
        return self.page_class(ctx, parent)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.page_class, name)

    def display_title(self) -> str:
        return QCoreApplication.translate("steps", self.title)

    def state(self, snap: EvaluationSnapshot, ef=None) -> StepState:
        """The step's state computed from the data (``ef``, the open file, for what a snapshot lacks)."""
        return self._state(snap, ef)

    def __repr__(self) -> str:
        return f"Step({self.key!r})"


STEPS: list[Step] = [
    Step("team", QT_TRANSLATE_NOOP("steps", "团队与方案"), "team", "TeamPage", team_state),
    Step("review", QT_TRANSLATE_NOOP("steps", "现场资料核查"), "review", "ReviewPage", review_state),
    Step("targets", QT_TRANSLATE_NOOP("steps", "绩效目标"), "targets", "TargetsPage", targets_state),
    Step("scoring", QT_TRANSLATE_NOOP("steps", "指标评分"), "scoring", "ScoringPage", scoring_state),
    Step("findings", QT_TRANSLATE_NOOP("steps", "问题与建议"), "findings", "FindingsPage", findings_state),
    Step("report", QT_TRANSLATE_NOOP("steps", "报告"), "report", "ReportPage", report_state),
]
