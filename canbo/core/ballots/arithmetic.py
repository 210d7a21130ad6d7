"""Exact threshold tests on integer counts and percentages for display.

Thresholds ("more than half", "2/3 or more") are decided on integers, never on a rounded
percentage (handbook GEN-05, NA-14). Percentages are for display only: ``100 × count /
denominator`` in :class:`~decimal.Decimal`, rounded to 2 decimals (GEN-06, NA-13).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from canbo.core.errors import ValidationError

_CENT = Decimal("0.01")


class Rounding(StrEnum):
    """How a percentage is rounded to 2 decimals (``cv_pct_rounding``, ``gen_pct_format``)."""

    HALF_UP = "half_up_2dp"
    HALF_EVEN = "half_even_2dp"
    TRUNCATE = "truncate_2dp"


_DECIMAL_MODE = {
    Rounding.HALF_UP: ROUND_HALF_UP,
    Rounding.HALF_EVEN: ROUND_HALF_EVEN,
    Rounding.TRUNCATE: ROUND_DOWN,
}


def _check(count: int, denominator: int) -> None:
    if denominator <= 0:
        raise ValidationError("denominator_not_positive", denominator=denominator)
    if count < 0:
        raise ValidationError("count_negative", count=count)


def more_than_half(count: int, denominator: int) -> bool:
    """``count > denominator / 2`` exactly: ``2*count > denominator`` (GEN-05; CV-19).

    Exactly half is *not* more than half (Party Charter Art. 12(3) worked example).
    """
    _check(count, denominator)
    return 2 * count > denominator


def at_least_two_thirds(count: int, denominator: int) -> bool:
    """``count >= 2/3 × denominator`` exactly: ``3*count >= 2*denominator`` (GEN-05; CV-18)."""
    _check(count, denominator)
    return 3 * count >= 2 * denominator


def more_than_two_thirds(count: int, denominator: int) -> bool:
    """``count > 2/3 × denominator`` exactly: ``3*count > 2*denominator`` (NQ 35/2012; NA-08)."""
    _check(count, denominator)
    return 3 * count > 2 * denominator


def less_than_two_thirds(count: int, denominator: int) -> bool:
    """``count < 2/3 × denominator`` exactly: ``3*count < 2*denominator`` (CV-17; NA-10)."""
    _check(count, denominator)
    return 3 * count < 2 * denominator


def percent(count: int, denominator: int, rounding: Rounding = Rounding.HALF_UP) -> Decimal:
    """``100 × count / denominator`` rounded to 2 decimals (GEN-06; NA-13).

    The NA publishes half-up values (66,27 not 66,26); QĐ 96 fixes no rounding, so the Party
    rulebook reads ``cv_pct_rounding`` (CV-16).
    """
    _check(count, denominator)
    raw = Decimal(100 * count) / Decimal(denominator)
    return raw.quantize(_CENT, rounding=_DECIMAL_MODE[rounding])


def percent_text_vi(value: Decimal, *, strip_zeros: bool = True) -> str:
    """Vietnamese display of a percentage: decimal comma, ``%`` sign (GEN-06; NA-13).

    With ``strip_zeros`` (the NA style, ``gen_pct_format = half_up_2dp_vi_strip_zeros``)
    66.60 prints "66,6%" and 40.00 prints "40%"; otherwise "66,60%" and "40,00%".
    """
    if strip_zeros:
        text = format(value.normalize(), "f")
    else:
        text = format(value.quantize(_CENT), "f")
    return text.replace(".", ",") + "%"
