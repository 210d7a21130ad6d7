"""Terms (TR-01), the reappointment timer (TR-02), near retirement (TR-03), TR-04 warnings,
and months left to retirement (monotone in the reference date)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.appointments.eligibility import consecutive_warning, evaluate
from canbo.core.appointments.rulebooks import QD377_2025
from canbo.core.appointments.terms import near_retirement, reappointment_opens, term_end
from canbo.core.types import Sex

from ._facts import appoint, person

D = dt.date


def test_a_term_is_60_months_and_reappointment_opens_90_working_days_before():
    assert term_end(D(2021, 11, 1)) == D(2026, 11, 1)
    opens = reappointment_opens(D(2026, 11, 2))
    assert opens == D(2026, 6, 29)  # 90 weekdays back, Monday to Friday
    assert opens.weekday() < 5


def test_near_retirement_kinds():
    man = D(1966, 1, 10)  # retires 2027-10 (61 y 9 m)
    assert near_retirement(D(2023, 1, 1), man, Sex.MALE).kind == "to_retirement"
    extension = near_retirement(D(2026, 1, 1), man, Sex.MALE)
    assert extension.kind == "extension" and extension.ends == D(2027, 10, 31)
    assert extension.citation.rule_id == "TR-03"
    young = near_retirement(D(2026, 1, 1), D(1985, 1, 1), Sex.FEMALE)
    assert young.kind == "full_term" and young.ends == D(2031, 1, 1)


def test_tr04_consecutive_terms_warning():
    assert consecutive_warning(1, 20, QD377_2025) is None
    third = consecutive_warning(2, 20, QD377_2025)
    assert third is not None and third.rule == "TR-04" and third.passes() is not False


@given(
    st.dates(min_value=D(1960, 1, 1), max_value=D(2000, 12, 31)),
    st.sampled_from(tuple(Sex)),
    st.dates(min_value=D(2018, 1, 1), max_value=D(2035, 12, 31)),
    st.integers(min_value=0, max_value=3000),
)
def test_months_left_never_grows_as_the_reference_date_moves_later(birth, sex, day, later):
    facts = person(birth_date=birth, sex=sex)
    first = evaluate(facts, appoint(day, dossier_received=day), QD377_2025)
    after = day + dt.timedelta(days=later)
    second = evaluate(facts, appoint(after, dossier_received=after), QD377_2025)
    assert second.months_left <= first.months_left
    assert first.retirement_month == second.retirement_month
