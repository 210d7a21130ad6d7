from decimal import Decimal

import pytest

from canbo.core.ballots.arithmetic import (
    Rounding,
    at_least_two_thirds,
    less_than_two_thirds,
    more_than_half,
    more_than_two_thirds,
    percent,
    percent_text_vi,
)
from canbo.core.errors import ValidationError


def test_exactly_half_is_not_more_than_half():
    assert not more_than_half(20, 40)
    assert more_than_half(21, 40)


def test_two_thirds_boundary_is_inclusive_for_at_least_and_strict_for_more_than():
    assert at_least_two_thirds(20, 30)
    assert not more_than_two_thirds(20, 30)
    assert more_than_two_thirds(21, 30)
    assert not less_than_two_thirds(20, 30)
    assert less_than_two_thirds(19, 30)


def test_na14_published_figure_321_of_481_is_two_thirds_but_320_is_not():
    assert at_least_two_thirds(321, 481)
    assert not at_least_two_thirds(320, 481)


def test_percent_rounds_half_up_not_truncating():
    assert percent(2, 3) == Decimal("66.67")
    assert percent(2, 3, Rounding.TRUNCATE) == Decimal("66.66")


def test_percent_half_even_differs_from_half_up_on_an_exact_tie():
    # 100 * 1 / 800 = 0.125 exactly
    assert percent(1, 800, Rounding.HALF_UP) == Decimal("0.13")
    assert percent(1, 800, Rounding.HALF_EVEN) == Decimal("0.12")


@pytest.mark.parametrize(
    ("value", "text"),
    [("66.60", "66,6%"), ("40.00", "40%"), ("18.76", "18,76%"), ("100.00", "100%"), ("0.00", "0%")],
)
def test_vietnamese_display_uses_a_decimal_comma_and_drops_trailing_zeros(value, text):
    assert percent_text_vi(Decimal(value)) == text


def test_fixed_display_keeps_two_decimals():
    assert percent_text_vi(Decimal("66.6"), strip_zeros=False) == "66,60%"


def test_a_zero_denominator_is_refused():
    with pytest.raises(ValidationError):
        percent(1, 0)
    with pytest.raises(ValidationError):
        more_than_half(1, 0)
