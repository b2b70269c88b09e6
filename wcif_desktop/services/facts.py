"""The evaluation's facts (评价基本信息): project name, fund, region, year, parties, report date.

``project_name`` is the name every deliverable's title uses (``2021 年{project_name}绩效评价报告``, the work plan,
the request list, the problem list …; see :mod:`wcif_desktop.services.deliverables`); its default is
``工伤保险基金项目``.
"""

from __future__ import annotations

import datetime as _dt

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError
from ..domain.model import Evaluation
from . import evaluation as svc
from .evaluation import Changes, EvaluationFile

FACTS = ("title", "project_name", "fund_name", "region", "fiscal_year", "commissioner", "evaluated_unit", "agency",
         "report_date")
REQUIRED = ("project_name", "fund_name")  # they name the documents: never blank


def check_fact(name: str, value):
    """The value to store for fact ``name`` (texts stripped; year an int in 1990–2100; date ISO ``YYYY-MM-DD``).

    Raises:
        ValidationError: an unknown fact, a blank project/fund name, a year or date that is not one.
    """
    if name not in FACTS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "未知的基本信息项：{name}"), name=name)
    if name == "fiscal_year":
        try:
            year = int(str(value).strip())
        except ValueError:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "评价年度“{value}”不是年份"), value=value) from None
        if not 1990 <= year <= 2100:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "评价年度“{value}”不是年份"), value=value)
        return year
    text = str(value or "").strip()
    if name in REQUIRED and not text:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "报告中的项目名称和基金名称不能为空（各文档标题要用）"))
    if name == "report_date" and text:
        try:
            _dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "报告日期“{value}”应写作 年-月-日，例如 2022-06-30"),
                                  value=text) from None
    return text


def set_facts(ef: EvaluationFile, **fields) -> Changes:
    """Change facts of the evaluation (each checked by :func:`check_fact`, all or nothing).

    Raises:
        ValidationError: see :func:`check_fact`; nothing is changed.
    """
    values = {name: check_fact(name, value) for name, value in fields.items()}
    if not values:
        return Changes()
    ev = svc.evaluation(ef)
    return svc.update_record(ef, Evaluation, ev.id, **values)


def facts(ef: EvaluationFile) -> dict:
    """The facts as a dict (``fiscal_year`` an int, 0 when unset)."""
    ev = svc.evaluation(ef)
    return {name: getattr(ev, name) for name in FACTS}
