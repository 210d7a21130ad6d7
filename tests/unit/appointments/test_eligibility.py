"""Eligibility clause by clause, each outcome with its rule and citation (PL, AP, TR)."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.appointments.eligibility import (
    evaluate,
    full_months,
    planning_limits,
)
from canbo.core.appointments.model import Discipline, Purpose, Severity
from canbo.core.appointments.posts import QD368_2025
from canbo.core.appointments.rulebooks import QD80_2022, QD105_2017, QD377_2025
from canbo.core.types import Sex

from ._facts import appoint, person, plan

D = dt.date


def _check(result, key):
    found = result.check(key)
    assert found is not None, key
    return found


# AP-06 (HD 06-HD/BTCTW): the two worked examples of the guidance.
def test_hd06_man_born_02_1965_dossier_08_2021_has_exactly_60_months_and_qualifies():
    man = person(
        birth_date=D(1965, 2, 15),
        sex=Sex.MALE,
        health_certificate_on=D(2021, 7, 1),
        post_since=D(2018, 1, 1),
    )
    result = evaluate(man, appoint(D(2021, 9, 20), dossier_received=D(2021, 8, 5)), QD105_2017)
    assert result.retirement_month == (2026, 8)
    assert result.months_left == 60
    age = _check(result, "age_full_term")
    assert age.ok and age.rule == "AP-06"
    assert str(age.citation) == "HD 06-HD/BTCTW"
    assert result.eligible


def test_hd06_woman_born_05_1972_dossier_10_2026_has_47_months_and_does_not_qualify():
    woman = person(birth_date=D(1972, 5, 20), sex=Sex.FEMALE)
    result = evaluate(woman, appoint(D(2026, 11, 2), dossier_received=D(2026, 10, 1)), QD377_2025)
    assert result.retirement_month == (2030, 9)
    assert result.months_left == 47
    age = _check(result, "age_full_term")
    assert not age.ok and "47" in age.message_vi and "47" in age.message_en
    assert not result.eligible and result.failed == (age,)


def test_age_counts_from_the_dossier_not_the_decision_and_the_method_is_a_parameter():
    man = person(
        birth_date=D(1965, 2, 15), post_since=D(2018, 1, 1), health_certificate_on=D(2021, 7, 1)
    )
    late = appoint(D(2021, 12, 1), dossier_received=D(2021, 8, 5))
    assert evaluate(man, late, QD105_2017).eligible
    by_decision = QD105_2017.with_parameters(ap_age_method="months_from_decision_date")
    assert not _check(evaluate(man, late, by_decision), "age_full_term").ok


def test_ap05_age_is_not_required_for_an_equal_or_lower_post():
    old = person(birth_date=D(1965, 2, 15))
    result = evaluate(old, appoint(higher_post=False), QD377_2025)
    assert _check(result, "age_not_required").rule == "AP-05"
    assert result.check("age_full_term") is None
    first = evaluate(old, appoint(higher_post=False, first_time=True), QD377_2025)
    assert not _check(first, "age_full_term").ok


def test_ap02_planning_and_the_special_case_override():
    result = evaluate(person(), appoint(in_planning=False), QD377_2025)
    planning = _check(result, "planning")
    assert not planning.ok and planning.rule == "AP-02" and not result.eligible
    decision = "QĐ 12-QĐ/TU ngày 01/10/2026 của Ban Thường vụ Tỉnh ủy"
    special = evaluate(
        person(), appoint(in_planning=False, overrides={"planning": decision}), QD377_2025
    )
    assert _check(special, "planning").overridden_by == decision and special.eligible


def test_ap02_planning_computed_from_plans_for_an_equal_or_higher_post():
    cat = QD368_2025
    planned = person(planned_for=(cat.grade_of("BT_HU"),))
    on_post = appoint(in_planning=None, post=cat.grade_of("GD_SO"))
    assert _check(evaluate(planned, on_post, QD377_2025), "planning").ok
    higher = appoint(in_planning=None, post=cat.grade_of("PCT_UBND_T"))
    assert not _check(evaluate(planned, higher, QD377_2025), "planning").ok


def test_ap03_tenure_of_24_months():
    held = person(post_since=D(2024, 11, 3))
    result = evaluate(held, appoint(D(2026, 11, 2)), QD80_2022.with_parameters())
    assert full_months(D(2024, 11, 3), D(2026, 11, 2)) == 23
    tenure = _check(result, "tenure")
    assert not tenure.ok and tenure.rule == "AP-03" and "23" in tenure.message_vi
    assert _check(evaluate(held, appoint(D(2026, 11, 3)), QD377_2025), "tenure").ok
    relaxed = QD377_2025.with_parameters(ap_377_keeps_80_conditions=False)
    assert _check(evaluate(held, appoint(D(2026, 11, 2)), relaxed), "tenure").severity == (
        Severity.WARN
    )


def test_ap04_dossier_unverified_blocks_and_unknown_warns():
    assert not evaluate(person(dossier_verified=False), appoint(), QD377_2025).eligible
    unknown = evaluate(person(dossier_verified=None), appoint(), QD377_2025)
    assert unknown.eligible and _check(unknown, "dossier").severity is Severity.WARN


def test_ap07_health_certificate_valid_six_months():
    stale = evaluate(person(health_certificate_on=D(2026, 5, 1)), appoint(), QD377_2025)
    health = _check(stale, "health")
    assert not health.ok and health.rule == "AP-07" and not stale.eligible
    assert "ap_health_certificate_max_age_months" in health.citation.unconfirmed


def test_ap19_open_complaints_and_investigations_block():
    result = evaluate(person(open_complaints=1), appoint(), QD377_2025)
    assert not _check(result, "complaints").ok and not result.eligible
    assert not evaluate(person(under_investigation=True), appoint(), QD377_2025).eligible


def test_pl10_the_latest_band_b_or_c_blocks_planning_and_appointment():
    banded = person(confidence_bands=(("B", D(2026, 5, 1)),))
    for proposal in (appoint(), plan()):
        check = _check(evaluate(banded, proposal, QD377_2025), "confidence")
        assert not check.ok and check.rule == "PL-10"
        assert str(check.citation) == "QĐ 96-QĐ/TW, Điều 11"
    later = person(confidence_bands=(("B", D(2026, 12, 1)),))
    assert _check(evaluate(later, appoint(), QD377_2025), "confidence").ok


@pytest.mark.parametrize(
    ("birth", "severity", "ok"),
    [(D(1990, 1, 1), Severity.BLOCK, True), (D(1970, 1, 1), Severity.WARN, False),
     (D(1968, 6, 1), Severity.BLOCK, False)],
)  # fmt: skip
def test_pl08_planning_age_from_the_start_of_the_term(birth, severity, ok):
    result = evaluate(person(birth_date=birth), plan(term_start=D(2026, 1, 1)), QD377_2025)
    age = _check(result, "age_planning")
    assert (age.ok, age.severity) == (ok, severity)
    assert age.rule == "PL-08"
    assert result.eligible is (severity is Severity.WARN or ok)


def test_pl02_only_higher_posts_are_planned():
    cat = QD368_2025
    head = person(current_post=cat.grade_of("GD_SO"))
    same = plan(higher_post=None, post=cat.grade_of("BT_HU"))
    check = _check(evaluate(head, same, QD377_2025), "planning_higher_post")
    assert not check.ok and check.rule == "PL-02"
    up = plan(higher_post=None, post=cat.grade_of("PCT_UBND_T"))
    assert _check(evaluate(head, up, QD377_2025), "planning_higher_post").ok


def test_pl06_the_latest_kht_year_blocks_planning():
    kht = person(classifications=((2024, "htt"), (2025, "kht")))
    assert not _check(evaluate(kht, plan(), QD377_2025), "classification").ok
    recovered = person(classifications=((2024, "kht"), (2025, "ht")))
    assert _check(evaluate(recovered, plan(), QD377_2025), "classification").ok


def test_pl11_planning_rule_of_qd377_differs_from_appointment():
    reprimand = person(disciplines=(Discipline("khien_trach", True, D(2025, 6, 1)),))
    on = D(2026, 7, 1)  # 13 months later: planning (discipline expired, 12) yes, appointment no
    planning = _check(evaluate(reprimand, plan(on), QD377_2025), "discipline")
    appointment = _check(evaluate(reprimand, appoint(on), QD377_2025), "discipline")
    assert planning.ok and planning.rule == "PL-11"
    assert "QĐ 377-QĐ/TW, Điều 20" == str(planning.citation)
    assert not appointment.ok and appointment.rule == "AP-08"
    removed = person(disciplines=(Discipline("cach_chuc", True, D(2015, 1, 1)),))
    assert not _check(evaluate(removed, plan(), QD377_2025), "discipline").ok


def test_tr02_reappointment_conditions_and_tr03_near_retirement_warning():
    near = person(birth_date=D(1968, 1, 1), post_since=D(2021, 12, 1))
    result = evaluate(near, _reappoint(D(2026, 11, 2)), QD377_2025)
    warn = _check(result, "near_retirement")
    assert warn.severity is Severity.WARN and not warn.ok and result.eligible
    kht = person(post_since=D(2021, 12, 1), classifications=((2023, "kht"),))
    tasks = _check(evaluate(kht, _reappoint(D(2026, 11, 2)), QD377_2025), "term_tasks")
    assert not tasks.ok and tasks.rule == "TR-02" and str(tasks.citation) == "QĐ 377-QĐ/TW, Điều 40"


def _reappoint(on):
    from canbo.core.appointments.model import Proposal

    return Proposal(Purpose.REAPPOINTMENT, on)


def test_planning_limits_pl03_pl04_pl05():
    post = QD368_2025.grade_of("GD_SO")
    ok = planning_limits(
        "P1", post, plans_of_post=2, plans_of_person_same_level=2, in_appointment_process=False,
        rulebook=QD377_2025,
    )  # fmt: skip
    assert all(c.ok for c in ok)
    full = planning_limits(
        "P1", post, plans_of_post=3, plans_of_person_same_level=3, in_appointment_process=True,
        rulebook=QD377_2025,
    )  # fmt: skip
    assert [c.rule for c in full if not c.ok] == ["PL-03", "PL-04", "PL-05"]


def test_planning_limits_name_the_person_not_their_id():
    post = QD368_2025.grade_of("GD_SO")
    full = planning_limits(
        "417", post, plans_of_post=0, plans_of_person_same_level=3, in_appointment_process=False,
        rulebook=QD377_2025, name="Nguyễn Văn An",
    )  # fmt: skip
    (pl04,) = [c for c in full if not c.ok]
    assert "Nguyễn Văn An" in pl04.message_vi and "Nguyễn Văn An" in pl04.message_en
    assert "417" not in pl04.message_vi + pl04.message_en


def test_as_dict_is_the_documented_shape():
    data = evaluate(person(), appoint(), QD377_2025).as_dict()
    assert set(data) == {"id", "eligible", "retirement_month", "months_left", "checks"}
    assert set(data["checks"][0]) == {
        "rule", "key", "ok", "severity", "citation", "message", "overridden_by",
    }  # fmt: skip
    assert data["retirement_month"] == "2042-03"


def test_standards_only_remind_and_reappointment_discipline_follows_art_20():
    result = evaluate(person(), plan(), QD377_2025)
    assert _check(result, "standards").severity is Severity.WARN
    warned = person(disciplines=(Discipline("canh_cao", True, D(2025, 1, 1)),))
    check = _check(evaluate(warned, _reappoint(D(2026, 11, 2)), QD377_2025), "discipline")
    assert not check.ok and check.rule == "PL-11"
    assert _check(evaluate(person(), _reappoint(D(2026, 11, 2)), QD80_2022), "discipline").rule == (
        "AP-08"
    )
