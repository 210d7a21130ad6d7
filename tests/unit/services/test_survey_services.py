"""Report request use cases on in-memory fakes: sending to the units of a kind, refusals that
write nothing, late reports accepted and flagged, corrections as new versions, reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from canbo.core.surveys.forms import FieldKind, FieldSpec, FormSpec
from canbo.core.types import AccountId, Role, UnitId
from canbo.services.ports import Actor, Grant
from canbo.services.surveys import forms, requests, submissions
from canbo.services.surveys.ports import AssignmentId, FormId, RequestId
from tests.fakes.surveys import FakeSurveyUnitOfWork, FakeUnit

P, D, A, B, C = (UnitId(i) for i in (1, 2, 3, 4, 5))
COMMUNE = "commune_party_committee"
UNITS = {
    P: FakeUnit(None, "provincial_party_committee", "Tỉnh ủy"),
    D: FakeUnit(P, "district_party_committee", "Huyện ủy"),
    A: FakeUnit(D, COMMUNE, "Xã An"),
    B: FakeUnit(D, COMMUNE, "Xã Bình"),
    C: FakeUnit(P, COMMUNE, "Xã Cúc", until=dt.date(2025, 6, 30)),
}
NOW = dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC)
TODAY, DEADLINE = dt.date(2026, 3, 2), dt.date(2026, 3, 20)
SPEC = FormSpec("ks", 1, "Khảo sát", (FieldSpec("n", "Số", FieldKind.NUMBER, maximum=10),))


def staff(root: UnitId, role: Role = Role.ORG_STAFF) -> Actor:
    return Actor(AccountId(7), "canbo", (Grant(role, root),))


def sent() -> tuple[FakeSurveyUnitOfWork, FormId, RequestId]:
    uow = FakeSurveyUnitOfWork(UNITS)
    form_id = forms.define_form(uow, staff(P), P, SPEC, NOW)
    request_id = requests.send_request(
        uow, staff(P), form_id=form_id, requester_id=P, target_kind=COMMUNE, deadline=DEADLINE,
        title="Khảo sát", now=NOW, today=TODAY,
    )  # fmt: skip
    return uow, form_id, request_id


def test_a_request_reaches_the_communes_that_exist_on_its_date() -> None:
    uow, _, _ = sent()
    assert {a.unit_id for a in uow.surveys.assignments.values()} == {A, B}
    assert uow.audit.actions == ["survey.form_define", "survey.request_send"]


def test_the_same_form_version_cannot_be_defined_twice() -> None:
    uow, _, _ = sent()
    with pytest.raises(Conflict) as refused:
        forms.define_form(uow, staff(P), P, SPEC, NOW)
    assert refused.value.code == "survey_form_version_exists"
    assert len(uow.surveys.forms) == 1


def test_a_viewer_cannot_send_and_nothing_is_written() -> None:
    uow = FakeSurveyUnitOfWork(UNITS)
    form_id = forms.define_form(uow, staff(P), P, SPEC, NOW)
    with pytest.raises(PermissionDenied):
        requests.send_request(
            uow, staff(P, Role.VIEWER), form_id=form_id, requester_id=P, target_kind=COMMUNE,
            deadline=DEADLINE, title="X", now=NOW, today=TODAY,
        )  # fmt: skip
    assert not uow.surveys.requests


def test_a_unit_that_no_longer_exists_cannot_request() -> None:
    uow = FakeSurveyUnitOfWork(UNITS)
    form_id = forms.define_form(uow, staff(P), P, SPEC, NOW)
    with pytest.raises(ValidationError) as refused:
        requests.send_request(
            uow, staff(C), form_id=form_id, requester_id=C, target_kind=COMMUNE,
            deadline=DEADLINE, title="X", now=NOW, today=TODAY,
        )  # fmt: skip
    assert refused.value.code == "survey_unit_not_on_date"


@pytest.mark.parametrize("deadline", [TODAY - dt.timedelta(days=1)])
def test_a_past_deadline_is_refused(deadline: dt.date) -> None:
    uow = FakeSurveyUnitOfWork(UNITS)
    form_id = forms.define_form(uow, staff(P), P, SPEC, NOW)
    with pytest.raises(ValidationError) as refused:
        requests.send_request(
            uow, staff(P), form_id=form_id, requester_id=P, target_kind=COMMUNE,
            deadline=deadline, title="X", now=NOW, today=TODAY,
        )  # fmt: skip
    assert refused.value.code == "survey_deadline_past"


def test_late_submission_is_accepted_and_flagged() -> None:
    uow, _, _ = sent()
    aid = next(a.id for a in uow.surveys.assignments.values() if a.unit_id == A)
    late = DEADLINE + dt.timedelta(days=1)
    submissions.submit(uow, staff(A), aid, {"n": "3"}, now=NOW, today=late)
    (stored,) = uow.surveys.submissions
    assert stored.late and stored.answers == {"n": 3} and stored.version == 1


def test_out_of_range_is_refused_naming_the_field_and_nothing_is_stored() -> None:
    uow, _, _ = sent()
    aid = AssignmentId(1)
    with pytest.raises(ValidationError) as refused:
        submissions.submit(uow, staff(A), aid, {"n": 11}, now=NOW, today=TODAY)
    assert refused.value.fields["errors"][0]["field"] == "n"
    assert not uow.surveys.submissions and "survey.submit" not in uow.audit.actions


def test_submit_twice_is_a_conflict_and_a_correction_needs_a_reason() -> None:
    uow, _, _ = sent()
    aid = AssignmentId(1)
    actor = staff(uow.surveys.assignments[aid].unit_id)
    submissions.submit(uow, actor, aid, {"n": 1}, now=NOW, today=TODAY)
    with pytest.raises(Conflict):
        submissions.submit(uow, actor, aid, {"n": 2}, now=NOW, today=TODAY)
    with pytest.raises(ValidationError):
        submissions.correct(uow, actor, aid, {"n": 2}, reason="", now=NOW, today=TODAY)
    submissions.correct(uow, actor, aid, {"n": 2}, reason="Sai số", now=NOW, today=TODAY)
    assert [(s.version, s.reason) for s in uow.surveys.submissions] == [(1, ""), (2, "Sai số")]


def test_another_commune_cannot_see_or_answer_the_assignment() -> None:
    uow, _, _ = sent()
    aid = next(a.id for a in uow.surveys.assignments.values() if a.unit_id == B)
    with pytest.raises(NotFound):
        submissions.submit(uow, staff(A), aid, {"n": 1}, now=NOW, today=TODAY)


def test_a_cell_secretary_of_the_unit_may_submit() -> None:
    uow, _, _ = sent()
    aid = next(a.id for a in uow.surveys.assignments.values() if a.unit_id == A)
    submissions.submit(uow, staff(A, Role.CELL_SECRETARY), aid, {"n": 1}, now=NOW, today=TODAY)
    assert len(uow.surveys.submissions) == 1


def test_reminders_go_only_to_units_that_have_not_submitted() -> None:
    uow, _, request_id = sent()
    aid = next(a.id for a in uow.surveys.assignments.values() if a.unit_id == A)
    submissions.submit(uow, staff(A), aid, {"n": 1}, now=NOW, today=TODAY)
    assert requests.remind(uow, staff(P), request_id, now=NOW, today=TODAY) == 1
    assert [r[0] for r in uow.surveys.reminders] != [aid]
    with pytest.raises(PermissionDenied):
        requests.remind(uow, staff(P, Role.VIEWER), request_id, now=NOW, today=TODAY)


def test_a_request_received_twice_is_stored_once() -> None:
    uow = FakeSurveyUnitOfWork(UNITS)
    system = Actor(None, "system", (Grant(Role.ADMIN, None),))
    form_id, new = forms.receive_form(uow, system, P, SPEC, NOW)
    assert new
    args = dict(origin_key="TU-08:1", form_id=form_id, requester_id=P, target_kind=COMMUNE,
                as_of=TODAY, deadline=DEADLINE, title="Khảo sát", now=NOW)  # fmt: skip
    first = requests.receive_request(uow, system, **args)  # type: ignore[arg-type]
    again = requests.receive_request(uow, system, **args)  # type: ignore[arg-type]
    assert first == (again[0], True) and again[1] is False
    assert len(uow.surveys.requests) == 1
    assert forms.receive_form(uow, system, P, SPEC, NOW) == (form_id, False)
