"""Discipline windows of QĐ 105, QĐ 80, QĐ 377 and State law (AP-08, PL-11), with properties:
under one rulebook a later decision date never makes a cleared person barred again, and the
longer of the Party and State windows always governs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.appointments.eligibility import (
    FOREVER,
    add_months,
    discipline_bar_until,
    evaluate,
)
from canbo.core.appointments.model import Discipline, Purpose
from canbo.core.appointments.rulebooks import (
    APPOINTMENT_RULEBOOKS,
    QD80_2022,
    QD105_2017,
    QD377_2025,
)
from canbo.core.errors import ValidationError

from ._facts import appoint, person, plan

D = dt.date
EFFECTIVE = D(2023, 3, 15)


@pytest.mark.parametrize(
    ("book", "form", "months"),
    [
        (QD105_2017, "khien_trach", 12), (QD105_2017, "canh_cao", 12),
        (QD105_2017, "cach_chuc", 12),
        (QD80_2022, "khien_trach", 12), (QD80_2022, "canh_cao", 30),
        (QD80_2022, "cach_chuc", 60),
        (QD377_2025, "khien_trach", 24), (QD377_2025, "canh_cao", 36),
        (QD377_2025, "cach_chuc", 60),
    ],
)  # fmt: skip
def test_party_windows_for_appointment(book, form, months):
    bar = discipline_bar_until([Discipline(form, True, EFFECTIVE)], Purpose.APPOINTMENT, book)
    assert bar == add_months(EFFECTIVE, months)
    facts = person(disciplines=(Discipline(form, True, EFFECTIVE),))
    before = evaluate(facts, appoint(bar - dt.timedelta(days=1)), book).check("discipline")
    on_day = evaluate(facts, appoint(bar), book).check("discipline")
    assert before is not None and on_day is not None
    assert not before.ok and on_day.ok and before.rule == "AP-08"


@pytest.mark.parametrize(
    ("form", "months"),
    [("khien_trach", 12), ("canh_cao", 12), ("ha_bac_luong", 12), ("giang_chuc", 24),
     ("cach_chuc", 24)],
)  # fmt: skip
def test_state_windows_law_on_cadres_art_82(form, months):
    bar = discipline_bar_until([Discipline(form, False, EFFECTIVE)], Purpose.APPOINTMENT, QD80_2022)
    assert bar == add_months(EFFECTIVE, months)


def test_the_longer_state_window_governs_and_is_cited():
    both = (Discipline("khien_trach", True, EFFECTIVE), Discipline("giang_chuc", False, EFFECTIVE))
    assert discipline_bar_until(both, Purpose.APPOINTMENT, QD80_2022) == add_months(EFFECTIVE, 24)
    check = evaluate(person(disciplines=both), appoint(D(2024, 6, 1)), QD80_2022).check(
        "discipline"
    )
    assert check is not None and not check.ok
    assert str(check.citation) == "Luật Cán bộ, công chức 2008 (sửa đổi 2019), Điều 82"


def test_expulsion_bars_for_good_and_an_unknown_form_is_refused():
    assert (
        discipline_bar_until(
            [Discipline("khai_tru", True, EFFECTIVE)], Purpose.APPOINTMENT, QD377_2025
        )
        == FOREVER
    )
    with pytest.raises(ValidationError) as bad:
        discipline_bar_until(
            [Discipline("ha_bac_luong", True, EFFECTIVE)], Purpose.PLANNING, QD377_2025
        )
    assert bad.value.code == "discipline_form_unknown"


def test_no_discipline_no_bar():
    assert discipline_bar_until([], Purpose.APPOINTMENT, QD377_2025) is None


PARTY = st.sampled_from(("khien_trach", "canh_cao", "cach_chuc"))
STATE = st.sampled_from(("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc"))
DAYS = st.dates(min_value=D(2012, 1, 1), max_value=D(2030, 12, 31))
BOOKS = st.sampled_from(APPOINTMENT_RULEBOOKS)
PURPOSES = st.sampled_from(tuple(Purpose))
DISCIPLINES = st.lists(
    st.one_of(
        st.builds(Discipline, PARTY, st.just(True), DAYS),
        st.builds(Discipline, STATE, st.just(False), DAYS),
    ),
    max_size=4,
)


@given(DISCIPLINES, BOOKS, PURPOSES, DAYS, st.integers(min_value=1, max_value=4000))
def test_a_later_decision_date_never_bars_a_cleared_person(items, book, purpose, day, later):
    facts = person(disciplines=tuple(items))
    maker = plan if purpose is Purpose.PLANNING else appoint
    first = evaluate(facts, maker(day), book).check("discipline")
    second = evaluate(facts, maker(day + dt.timedelta(days=later)), book).check("discipline")
    assert first is not None and second is not None
    assert not first.ok or second.ok


@given(
    st.lists(st.builds(Discipline, PARTY, st.just(True), DAYS), min_size=1, max_size=3),
    st.lists(st.builds(Discipline, STATE, st.just(False), DAYS), min_size=1, max_size=3),
    BOOKS,
    PURPOSES,
)
def test_the_longer_of_the_party_and_state_windows_always_governs(party, state, book, purpose):
    together = discipline_bar_until([*party, *state], purpose, book)
    alone = [discipline_bar_until(party, purpose, book), discipline_bar_until(state, purpose, book)]
    assert together == max(d for d in alone if d is not None)
