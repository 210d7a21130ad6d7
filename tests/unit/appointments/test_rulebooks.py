"""Rulebook selection by the date of the step (GEN-01) and the parameters of the handbook."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.appointments.params import APPOINTMENT_PARAMS, decode_months
from canbo.core.appointments.rulebooks import (
    APPOINTMENT_RULEBOOKS,
    QD80_2022,
    QD105_2017,
    QD377_2025,
    appointment_rulebook,
    planning_rulebook,
)
from canbo.core.citations import lookup
from canbo.core.errors import NotFound, RuleViolation
from canbo.core.rulebook import Domain, Regime
from canbo.core.rulebook_catalog import ALL_RULEBOOKS, rulebook_registry

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2022, 8, 17), "QD105_2017"),
        (D(2022, 8, 18), "QD80_2022"),
        (D(2025, 10, 7), "QD80_2022"),
        (D(2025, 10, 8), "QD377_2025"),
        (D(2031, 1, 1), "QD377_2025"),
    ],
)
def test_the_rulebook_is_the_one_in_force_on_the_date_of_the_step(day, expected):
    assert appointment_rulebook(day).rulebook_id == expected


def test_before_qd105_nothing_is_in_force_and_planning_before_qd50_is_refused():
    with pytest.raises(NotFound):
        appointment_rulebook(D(2017, 1, 1))
    with pytest.raises(RuleViolation) as refused:
        planning_rulebook(D(2021, 12, 26))
    assert refused.value.code == "planning_rulebook_not_covered"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "PL-01"
    assert planning_rulebook(D(2021, 12, 27)) is QD105_2017


def test_the_rulebooks_are_registered_once_for_the_rules_page_and_the_command_line():
    registry = rulebook_registry()
    for book in APPOINTMENT_RULEBOOKS:
        assert book in ALL_RULEBOOKS
        assert registry.get(book.rulebook_id) is book
        assert book.domain is Domain.APPOINTMENT
    assert [b.regime for b in APPOINTMENT_RULEBOOKS] == [Regime.QD105, Regime.QD80, Regime.QD377]
    assert QD105_2017.superseded_by == "QD80_2022" and QD80_2022.superseded_by == "QD377_2025"


def test_every_parameter_is_labelled_and_every_rule_is_in_the_citation_table():
    for spec in APPOINTMENT_PARAMS:
        assert spec.label_vi and spec.label_en, spec.name
        if isinstance(spec.default, tuple):
            for item in spec.default:
                assert spec.value_label(item) is not None, (spec.name, item)
        elif isinstance(spec.default, str):
            assert spec.value_label(spec.default) is not None, spec.name
    for book in APPOINTMENT_RULEBOOKS:
        for rule_id in book.rules:
            assert lookup(rule_id) is not None, rule_id


def test_the_discipline_windows_of_each_text():
    assert decode_months(QD105_2017, "ap_discipline_windows_105") == {
        "khien_trach": 12, "canh_cao": 12, "cach_chuc": 12,
    }  # fmt: skip
    assert decode_months(QD80_2022, "ap_discipline_windows_80") == {
        "khien_trach": 12, "canh_cao": 30, "cach_chuc": 60,
    }  # fmt: skip
    assert decode_months(QD377_2025, "ap_discipline_windows_377") == {
        "khien_trach": 24, "canh_cao": 36, "cach_chuc": 60,
    }  # fmt: skip
    assert decode_months(QD377_2025, "ap_discipline_windows_state") == {
        "khien_trach": 12, "canh_cao": 12, "ha_bac_luong": 12, "giang_chuc": 24, "cach_chuc": 24,
    }  # fmt: skip
