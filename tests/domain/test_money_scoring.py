from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wcif_desktop.domain.errors import ValidationError
from wcif_desktop.domain.finance import coverage_months, deviation_rate, execution_rate
from wcif_desktop.domain.model import Indicator
from wcif_desktop.domain.money import D, fmt_wan, round2, wan_to_yuan
from wcif_desktop.domain.scoring import build_sheet, grade_for, validate_score


def test_decimal_parsing_full_width_and_parentheses():
    assert D("１２，３８３．１３") == Decimal("12383.13")
    assert D("(630.63)") == Decimal("-630.63")
    with pytest.raises(ValidationError):
        D(1.5)
    with pytest.raises(ValidationError):
        D("abc")


def test_hohhot_ratios_exact():
    inc_b, inc_a = wan_to_yuan("11026.63"), wan_to_yuan("12383.13")
    exp_b, exp_a = wan_to_yuan("8502.41"), wan_to_yuan("13013.76")
    bal = wan_to_yuan("72412.03")
    assert execution_rate(inc_a, inc_b) == Decimal("112.30")
    assert execution_rate(exp_a, exp_b) == Decimal("153.06")
    assert deviation_rate(exp_a, exp_b) == Decimal("53.06")
    assert coverage_months(bal, exp_a) == Decimal("66.77")
    assert fmt_wan(inc_a - exp_a) == "-630.63"
    assert fmt_wan(bal) == "72,412.03"


@pytest.mark.parametrize("total,grade", [
    ("100", "优"), ("90", "优"), ("89.995", "优"), ("89.994", "良"), ("80", "良"),
    ("79.995", "良"), ("79.994", "中"), ("60", "中"), ("59.99", "差"), ("0", "差"),
])
def test_grade_band_edges(total, grade):
    assert grade_for(Decimal(total)) == grade


def test_validate_score_bounds_and_reason():
    ind = Indicator(name="预算执行率", weight=Decimal(4))
    validate_score(ind, Decimal(4), "")
    validate_score(ind, Decimal("2.5"), "偏差大")
    with pytest.raises(ValidationError):
        validate_score(ind, Decimal("4.01"), "x")
    with pytest.raises(ValidationError):
        validate_score(ind, Decimal("-1"), "x")
    with pytest.raises(ValidationError, match="扣分原因"):
        validate_score(ind, Decimal(3), "  ")


@given(st.lists(st.decimals(min_value=0, max_value=10, places=2), min_size=1, max_size=30))
def test_total_is_rounded_sum_and_grade_consistent(scores):
    root = Indicator(level=1, name="产出", weight=sum(Decimal(10) for _ in scores))
    leaves = [Indicator(level=3, parent_id=root.id, name=f"i{k}", weight=Decimal(10), score=s, sort_order=k,
                        deduction_reason="x") for k, s in enumerate(scores)]
    sheet = build_sheet([root, *leaves])
    assert sheet.total() == round2(sum(scores, Decimal(0)))
    assert sheet.grade() == grade_for(sheet.total())
    assert 0 <= sheet.total() <= root.weight
