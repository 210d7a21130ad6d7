"""The decider named before the decision (PC-10, PC-14): a related decider is flagged at once,
the decision check refuses them until a recusal, another decider is then named, and the one who
stood aside cannot be named again; each naming is one audit entry."""

from __future__ import annotations

import dataclasses

import pytest

from canbo.core.errors import Conflict, NotFound, RuleViolation
from canbo.core.power.model import Role
from canbo.services.appointments import power, processes
from canbo.services.appointments.ports import ProcessStatus
from tests.unit.services.test_power_control import (
    COMMUNE,
    DUC,
    DUNG,
    HOA,
    OTHER,
    OUTSIDER,
    STAFF,
    TODAY,
    VIEWER,
    _family,
    _world,
)


def _undecided():  # type: ignore[no-untyped-def]
    uow, pid = _world()
    row = uow.processes.get(pid)
    assert row is not None
    uow.processes.update(dataclasses.replace(row, decider_id=None))
    return uow, pid


def test_a_related_decider_is_flagged_when_named_and_replaced_after_recusal() -> None:
    uow, pid = _undecided()
    _family(uow, DUC, "spouse", HOA)
    power.check_before_decision(uow, pid, TODAY)  # nobody named yet: nothing to flag
    processes.set_decider(uow, STAFF, pid, DUC, COMMUNE, TODAY)
    (c,) = power.open_conflicts(uow, pid, TODAY)
    assert (c.participant.person_id, c.participant.role) == (str(DUC), Role.DECIDER)
    with pytest.raises(RuleViolation) as refused:
        power.check_before_decision(uow, pid, TODAY)
    assert (refused.value.code, refused.value.fields["role"]) == ("conflict_unresolved", "decider")
    power.record_recusal(uow, STAFF, pid, "", DUC, "recused", "", TODAY, role="decider")
    processes.set_decider(uow, STAFF, pid, DUNG, COMMUNE, TODAY)
    power.check_before_decision(uow, pid, TODAY)
    row = uow.processes.get(pid)
    assert row is not None and (row.decider_id, row.deciding_unit_id) == (DUNG, COMMUNE)
    with pytest.raises(RuleViolation) as again:
        processes.set_decider(uow, STAFF, pid, DUC, COMMUNE, TODAY)
    assert again.value.code == "decider_recused" and again.value.citation is not None
    named = [e for e in uow.audit.entries if e.action == "appointment.decider"]
    assert [e.after for e in named] == [
        {"decider": int(DUC), "deciding_unit": int(COMMUNE)},
        {"decider": int(DUNG), "deciding_unit": int(COMMUNE)},
    ]
    assert named[1].before == {"decider": int(DUC), "deciding_unit": int(COMMUNE)}


def test_naming_a_decider_is_refused_out_of_scope_read_only_or_after_the_decision() -> None:
    uow, pid = _undecided()
    with pytest.raises(NotFound):
        processes.set_decider(uow, OUTSIDER, pid, DUC, None, TODAY)
    with pytest.raises(NotFound):
        processes.set_decider(uow, VIEWER, pid, DUC, None, TODAY)
    with pytest.raises(NotFound):  # a deciding body the clerk cannot see
        processes.set_decider(uow, STAFF, pid, DUC, OTHER, TODAY)
    row = uow.processes.get(pid)
    assert row is not None
    uow.processes.update(dataclasses.replace(row, status=ProcessStatus.DECIDED))
    with pytest.raises(Conflict):
        processes.set_decider(uow, STAFF, pid, DUC, None, TODAY)
    assert not [e for e in uow.audit.entries if e.action == "appointment.decider"]
