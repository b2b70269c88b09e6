"""One page per step of the evaluation; :data:`STEP_PAGES` lists the steps in the step list's order (each page's
module is imported when the page is first built).

To extend a step, edit (or subclass) its page module; each page is a QWidget taking the EvaluationContext.
"""

from __future__ import annotations

from .base import StepPage, StepState
from .steps import STEPS, Step

# The steps in the step list's order. Each is a :class:`~.steps.Step`: key, title and state without importing the
# page; ``STEP_PAGES[i](ctx, parent)`` imports and builds the page (start-up time: only the page shown is loaded).
STEP_PAGES: list[Step] = STEPS


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


__all__ = ["STEP_PAGES", "Step", "StepPage", "StepState", "step_index"]
