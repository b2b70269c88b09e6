"""Running the target-table review on an evaluation and pre-filling the working papers behind
绩效目标合理性 and 绩效指标明确性 (see :mod:`wcif_desktop.domain.target_review`).

Rules are read from ``target_review_rules.toml`` in the user's data folder when the agency has put an edited
copy there, otherwise from ``resources/templates/target_review_rules.toml``. The declared annual target is the
``annual_goal`` of the declared table's header (``target_sheet``, services/targets.py), or the narrative section
``targets.declared_annual`` when no header was imported; the indicators are the ``declared`` target rows.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, WcifError
from ..domain.model import Indicator
from ..domain.target_review import (
    PAPER_INDICATORS,
    RuleResult,
    from_targets,
    parse_rules,
    review,
    working_paper_text,
)
from ..paths import resource, user_data_dir
from ..store.db import EvaluationFile
from .evaluation import Changes, load_snapshot

RULES_NAME = "target_review_rules.toml"
ANNUAL_TARGET_SECTION = "targets.declared_annual"


def rules_path() -> Path:
    """The rules file in use: the user's edited copy if present, else the bundled one."""
    own = user_data_dir() / RULES_NAME
    return own if own.is_file() else resource("templates", RULES_NAME)


def load_rules(path=None):
    """Parse the rules file (default :func:`rules_path`).

    Raises:
        WcifError: unreadable TOML (naming the file and the error); ValidationError: a malformed rule.
    """
    p = Path(path) if path else rules_path()
    try:
        with open(p, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取绩效目标审核规则 {path}：{reason}"), path=p, reason=e) from e
    return parse_rules(data, source=str(p))


def declared_annual_target(ef: EvaluationFile, snap=None) -> str:
    """本年度绩效目标 of the declared table: the imported header's ``annual_goal``, else the narrative."""
    from ..domain.targets import TargetSheet

    if ef.has_table(TargetSheet.table):
        for sheet in ef.records(TargetSheet, "version = ?", ["declared"]):
            if sheet.annual_goal.strip():
                return sheet.annual_goal
    snap = snap or load_snapshot(ef)
    return snap.narratives.get(ANNUAL_TARGET_SECTION, "")


def review_evaluation(ef: EvaluationFile, rules=None) -> list[RuleResult]:
    """Review the evaluation's declared target table (annual target + declared rows)."""
    snap = load_snapshot(ef)
    table = from_targets(snap.targets, declared_annual_target(ef, snap), "declared")
    return review(table, rules if rules is not None else load_rules())


def prefill_working_papers(ef: EvaluationFile, results: list[RuleResult], *, overwrite: bool = False
                           ) -> tuple[dict[str, str], Changes]:
    """Write the review's text into the working paper of each of 绩效目标合理性 and 绩效指标明确性.

    The paper linked to the indicator (by the working-paper service, services/review.py) is created when
    missing; an existing paper's body is replaced only when empty or ``overwrite``. Returns indicator name →
    text, and the changes. Indicators absent from the framework are skipped.
    """
    from . import review as rsvc

    texts: dict[str, str] = {}
    changes = Changes()
    by_name = {i.name: i for i in ef.records(Indicator)}
    with ef.transaction():
        for name in PAPER_INDICATORS:
            ind = by_name.get(name)
            text = working_paper_text(results, name)
            texts[name] = text
            if ind is None:
                continue
            paper = next((p for p in rsvc.working_papers(ef) if ind.id in _ids(p.indicator_ids)), None)
            if paper is None:
                _rec, ch = rsvc.add_working_paper(ef, f"{name}——绩效目标表审核", body=text, indicator_ids=[ind.id])
                changes.tables.update(ch.tables)
            elif overwrite or not paper.body.strip():
                changes.tables.update(rsvc.update_working_paper(ef, paper.id, body=text).tables)
    return texts, changes


def _ids(text: str) -> list[str]:
    from .deliverables.sources import json_ids

    return json_ids(text)


__all__ = ["ANNUAL_TARGET_SECTION", "load_rules", "prefill_working_papers", "review_evaluation", "rules_path"]
