"""Score-sheet fixtures: the real tables of shared/cases/public-reports 03, 08 and 09 as .xlsx (scoring_cases.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_cases import write_case_03, write_case_08, write_case_09


@pytest.fixture
def case_03(workdir) -> Path:
    return write_case_03(workdir / "潜江 2024 得分情况表.xlsx")


@pytest.fixture
def case_08(workdir) -> Path:
    return write_case_08(workdir / "稷山 2020 自评表.xlsx")


@pytest.fixture
def case_09(workdir) -> Path:
    return write_case_09(workdir / "四川 普惠金融 自评表.xlsx")


@pytest.fixture
def empty_eval(workdir):
    """A new evaluation file with only its facts row (fiscal year 2021)."""
    from wcif_desktop.services.evaluation import create_empty

    ef = create_empty(workdir / "新 评价.wcif", title="测试评价", fiscal_year=2021)
    yield ef
    ef.close()
