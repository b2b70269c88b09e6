"""One page per step of the evaluation; :data:`STEP_PAGES` lists them in the step list's order.

To extend a step, edit (or subclass) its page module; each page is a QWidget taking the EvaluationContext.
"""

from __future__ import annotations

from .base import StepPage, StepState
from .findings import FindingsPage
from .report import ReportPage
from .review import ReviewPage
from .scoring import ScoringPage
from .targets import TargetsPage
from .team import TeamPage

STEP_PAGES: list[type[StepPage]] = [TeamPage, ReviewPage, TargetsPage, ScoringPage, FindingsPage, ReportPage]


def step_index(name: str | None) -> int:
    """Index of a step given its key (``scoring``) or Chinese/English title (``指标评分``); 0 when ``None``.

    Raises:
        ValueError: unknown step name.
    """
    if not name:
        return 0
    for i, page in enumerate(STEP_PAGES):
        if name in (page.key, page.title, page.display_title()):
            return i
    names = "、".join(p.title for p in STEP_PAGES)
    raise ValueError(f"未知的步骤“{name}”，可用：{names}（或 {', '.join(p.key for p in STEP_PAGES)}）")


__all__ = ["STEP_PAGES", "StepPage", "StepState", "step_index"]
