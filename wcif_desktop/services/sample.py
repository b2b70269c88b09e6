"""The bundled sample evaluation (Hohhot 2021), kept as readable TOML under ``resources/sample/``.

It is loaded through the same service functions a user's edits go through, so the sample exercises the
real write path (validation, audit log).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import tomllib

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


def load_into(ef: EvaluationFile, data: dict, progress: Progress = NO_PROGRESS) -> None:
    """Write a sample/template dict (the TOML's shape) into an empty evaluation file."""
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
        for i, t in enumerate(data.get("targets", [])):
            svc.add_record(ef, TargetIndicator(sort_order=i, **t))
        check(progress)
        _load_framework(ef, data.get("framework", []))
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
        progress.set(1, 1)


def _load_framework(ef: EvaluationFile, framework: list[dict]) -> None:
    for i1, l1 in enumerate(framework, start=1):
        n1 = Indicator(level=1, code=f"{i1}", name=l1["name"], weight=D(l1["weight"]), sort_order=i1)
        svc.add_record(ef, n1)
        for i2, l2 in enumerate(l1.get("children", []), start=1):
            n2 = Indicator(level=2, parent_id=n1.id, code=f"{i1}.{i2}", name=l2["name"], weight=D(l2["weight"]),
                           sort_order=i2)
            svc.add_record(ef, n2)
            for i3, leaf in enumerate(l2.get("leaves", []), start=1):
                name, weight, score, reason, definition = leaf
                n3 = Indicator(level=3, parent_id=n2.id, code=f"{i1}.{i2}.{i3}", name=name, weight=D(weight),
                               definition=definition, sort_order=i3, rule_type="manual",
                               scoring_rule="按评价要点逐项核查，未达到的要点按比例扣分。")
                svc.add_record(ef, n3)
                if score != "":
                    svc.set_indicator_score(ef, n3.id, Decimal(score), reason)


def write_sample(path, who: str | None = None, progress: Progress = NO_PROGRESS) -> Path:
    """Write the bundled sample evaluation to a new file at ``path`` and return the path.

    Raises:
        WcifError: the file exists already or cannot be written.
    """
    path = Path(path)
    ef = EvaluationFile.create(path, who=who)
    try:
        load_into(ef, sample_data(), progress)
    except BaseException:
        ef.close()
        path.unlink(missing_ok=True)
        raise
    ef.close()
    return path
