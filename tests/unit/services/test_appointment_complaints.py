"""Complaints about persons (AP-19, PC-06) on the in-memory unit of work: recorded open, in the
clerk's scope only; resolved, or referred with the receiving body and date; each change one
audit entry; an anonymous complaint is recorded and routed but blocks only when
``pc_anonymous_complaints`` says so."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.errors import NotFound, ValidationError
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.services.appointments import complaints as svc
from canbo.services.appointments.ports import ComplaintStatus
from canbo.services.ports import Actor, Grant
from tests.fakes.complaints import FakeComplaintsUnitOfWork

PROVINCE, COMMUNE, OTHER = UnitId(1), UnitId(2), UnitId(9)
STAFF = Actor(AccountId(1), "tochuc", (Grant(Role.ORG_STAFF, PROVINCE),))
OUTSIDER = Actor(AccountId(2), "ngoai", (Grant(Role.ORG_STAFF, OTHER),))
HOA = PersonId(10)
TODAY = dt.date(2026, 11, 20)


def _uow() -> FakeComplaintsUnitOfWork:
    uow = FakeComplaintsUnitOfWork({PROVINCE: None, COMMUNE: PROVINCE, OTHER: None})
    uow.complaints.units[HOA] = COMMUNE
    uow.complaints.names[int(HOA)] = "Lê Thị Hoa"
    return uow


def _record(uow: FakeComplaintsUnitOfWork, anonymous: bool = False) -> int:
    data = svc.ComplaintData(HOA, dt.date(2026, 11, 2), anonymous, note="Tố cáo kê khai tài sản")
    return svc.record_complaint(uow, STAFF, data, TODAY)


def test_a_named_complaint_blocks_until_referred_with_the_body_and_date() -> None:
    uow = _uow()
    cid = _record(uow)
    (row,) = svc.visible(uow, STAFF, TODAY)
    assert (row.name, row.blocks, row.data.status) == ("Lê Thị Hoa", True, ComplaintStatus.OPEN)
    with pytest.raises(ValidationError) as refused:
        svc.change_status(uow, STAFF, cid, ComplaintStatus.REFERRED, TODAY, TODAY)
    assert refused.value.code == "complaint_referred_to_required"
    svc.change_status(
        uow, STAFF, cid, ComplaintStatus.REFERRED, TODAY, TODAY,
        referred_to="Ủy ban Kiểm tra Tỉnh ủy",
    )  # fmt: skip
    (row,) = svc.visible(uow, STAFF, TODAY)
    assert not row.blocks and row.data.referred_to == "Ủy ban Kiểm tra Tỉnh ủy"
    assert svc.blocks(row.data, TODAY - dt.timedelta(days=1))  # still open the day before
    actions = [e.action for e in uow.audit.entries]
    assert actions == ["appointment.complaint", "appointment.complaint.status"]
    last = uow.audit.entries[-1]
    assert last.before == {"status": "open", "referred_to": "", "closed_on": None}
    assert last.after == {
        "status": "referred", "referred_to": "Ủy ban Kiểm tra Tỉnh ủy",
        "closed_on": TODAY.isoformat(),
    }  # fmt: skip


def test_an_anonymous_complaint_is_recorded_and_routed_but_does_not_block() -> None:
    uow = _uow()
    _record(uow, anonymous=True)
    (row,) = svc.visible(uow, STAFF, TODAY)
    assert row.data.anonymous and not row.blocks
    assert not svc.anonymous_blocks(TODAY)  # the default of pc_anonymous_complaints


def test_refusals_write_nothing() -> None:
    uow = _uow()
    future = svc.ComplaintData(HOA, TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        svc.record_complaint(uow, STAFF, future, TODAY)
    with pytest.raises(NotFound):
        svc.record_complaint(uow, OUTSIDER, svc.ComplaintData(HOA, TODAY), TODAY)
    with pytest.raises(NotFound):
        svc.record_complaint(uow, STAFF, svc.ComplaintData(PersonId(99), TODAY), TODAY)
    cid = _record(uow)
    with pytest.raises(NotFound):
        svc.change_status(uow, OUTSIDER, cid, ComplaintStatus.RESOLVED, TODAY, TODAY)
    with pytest.raises(ValidationError) as early:
        svc.change_status(uow, STAFF, cid, ComplaintStatus.RESOLVED, dt.date(2026, 11, 1), TODAY)
    assert early.value.code == "complaint_closed_before_received"
    assert len(uow.audit.entries) == 1 and not svc.visible(uow, OUTSIDER, TODAY)


@given(
    status=st.sampled_from(list(ComplaintStatus)),
    anonymous=st.booleans(),
    received=st.dates(dt.date(2024, 1, 1), dt.date(2027, 1, 1)),
    closed=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2027, 1, 1))),
    on=st.dates(dt.date(2024, 1, 1), dt.date(2027, 1, 1)),
)
def test_only_a_named_complaint_open_on_the_day_blocks(
    status: ComplaintStatus,
    anonymous: bool,
    received: dt.date,
    closed: dt.date | None,
    on: dt.date,
) -> None:
    data = svc.ComplaintData(HOA, received, anonymous, status, "", closed)
    open_then = received <= on and (
        status is ComplaintStatus.OPEN or (closed is not None and closed > on)
    )
    assert svc.blocks(data, on) == (open_then and not anonymous)
