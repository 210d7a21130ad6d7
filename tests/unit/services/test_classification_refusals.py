"""The refusals of the classification cycle's lifecycle, run on the in-memory unit of work:
each refusal names its code and rule, and leaves nothing written (no subject moved, no record,
no audit entry)."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from canbo.core.classification.model import Level
from canbo.core.errors import Conflict, DomainError, PermissionDenied, RuleViolation
from canbo.core.types import Role
from canbo.services.classification import bulk, compute, results, steps
from canbo.services.classification import cycle as cycles
from canbo.services.classification.ports import (
    ClassificationUnitOfWork,
    ComplaintRepository,
    CycleRepository,
    ProposalRepository,
    QuotaRepository,
    RegistryFactsRepository,
    StepRecordRepository,
    SubjectRepository,
)
from canbo.services.ports import TreeReader
from tests.fakes.classification import (
    FakeClassificationUnitOfWork,
    FakeComplaintRepository,
    FakeCycleRepository,
    FakeProposalRepository,
    FakeQuotaRepository,
    FakeRegistryFacts,
    FakeStepRecordRepository,
    FakeSubjectRepository,
    FakeTree,
)
from tests.unit.services import classification_world as w

GROUP = f"dang-vien@{w.COMMUNE}"
E = TypeVar("E", bound=DomainError)


def _stored(uow: FakeClassificationUnitOfWork) -> list[Any]:
    return copy.deepcopy(
        [
            uow.cycles.cycles,
            uow.subjects.states,
            uow.subjects.rules,
            uow.records.records,
            uow.complaints.complaints,
            uow.quotas.resolutions,
            uow.audit.entries,
        ]
    )


def _refused(
    kind: type[E], uow: FakeClassificationUnitOfWork, call: Callable[..., object], *args: object
) -> E:
    """The call is refused with ``kind`` and leaves every repository as it was."""
    before = _stored(uow)
    with pytest.raises(kind) as refused:
        call(uow, *args)
    assert _stored(uow) == before
    return refused.value


def test_only_the_commission_of_the_root_opens_a_cycle() -> None:
    uow = w.unit_of_work()
    secretary = w.actor("bi-thu", Role.CELL_SECRETARY, w.PROVINCE)
    refused = _refused(
        PermissionDenied, uow, cycles.open_cycle, secretary, 2025, w.PROVINCE, w.AS_OF, "Đợt"
    )
    assert refused.code == "cycle_open_denied"
    assert refused.citation is not None and refused.citation.rule_id == "CL-03"
    assert uow.commits == 0


def test_steps_out_of_order_exempt_subjects_and_missing_roles_are_refused() -> None:
    uow = w.unit_of_work()
    w.open_cycle(uow)
    pk = w.subject_of(uow, person=w.MEMBER_B)
    secretary = w.actor("bi-thu", Role.CELL_SECRETARY, w.CELL_B)
    early = _refused(Conflict, uow, steps.comment, secretary, pk, "Nhất trí", w.NOW)
    assert (early.code, dict(early.fields)) == (
        "step_out_of_order",
        {"step": "comment", "current": 0},
    )
    newcomer = w.subject_of(uow, person=w.NEWCOMER)
    exempt = _refused(
        RuleViolation, uow, steps.submit_self_assessment, secretary, newcomer, w.GOOD, "", w.NOW
    )
    assert exempt.code == "subject_exempt"
    viewer = w.actor("xem", Role.VIEWER, w.CELL_B)
    no_role = _refused(
        PermissionDenied, uow, steps.submit_self_assessment, viewer, pk, w.GOOD, "", w.NOW
    )
    assert (no_role.code, no_role.fields["step"]) == ("step_role_required", "self")
    outside = w.actor("bi-thu-khac", Role.CELL_SECRETARY, w.CELL_A)
    hidden = _refused(
        DomainError, uow, steps.submit_self_assessment, outside, pk, w.GOOD, "", w.NOW
    )
    assert hidden.code == "subject_not_found"  # outside the actor's scope: as if missing


def test_a_member_is_not_decided_before_the_cell_and_never_above_a_forced_cap() -> None:
    uow = w.unit_of_work()
    w.open_cycle(uow)
    pk = w.subject_of(uow, person=w.MEMBER_B)
    w.through_appraisal(uow, pk, w.FAIR)
    sc = w.actor("thuong-truc", Role.STANDING_COMMITTEE, w.COMMUNE)
    order = _refused(RuleViolation, uow, steps.decide, sc, pk, Level.HTT, "", w.NOW)
    assert (order.code, order.fields["waiting"]) == ("order_violation", ["Chi bộ thôn Phìn Ngan"])
    w.decide(uow, w.subject_of(uow, unit=w.CELL_B), w.FAIR)
    disciplined = w.subject_of(uow, person=w.DISCIPLINED)
    w.through_appraisal(uow, disciplined, w.GOOD)
    capped = _refused(RuleViolation, uow, steps.decide, sc, disciplined, Level.HTT, "Lý do", w.NOW)
    assert (capped.code, capped.fields["rule"]) == ("level_forbidden_by_rule", "CL-11")
    steps.decide(uow, sc, pk, Level.HTT, "", w.NOW)
    assert uow.subjects.states[pk].final_level is Level.HTT


def test_an_open_cycle_refuses_complaints_and_publication_with_subjects_undecided() -> None:
    uow = w.unit_of_work()
    cycle_id = w.open_cycle(uow)
    pk = w.subject_of(uow, person=w.MEMBER_B)
    viewer = w.actor("xem", Role.VIEWER, w.CELL_B)
    early = _refused(Conflict, uow, results.complain, viewer, pk, "Chưa đúng", w.NOW)
    assert early.code == "cycle_not_published"
    assert early.citation is not None and early.citation.rule_id == "CL-27"
    sc = w.actor("tt-tinh", Role.STANDING_COMMITTEE, w.PROVINCE)
    waiting = _refused(Conflict, uow, results.publish, sc, cycle_id, w.NOW)
    assert (waiting.code, waiting.fields["waiting_count"]) == ("undecided_subjects", 12)


def test_a_published_cycle_refuses_every_step_of_an_open_one() -> None:
    uow = w.unit_of_work()
    cycle_id = w.open_cycle(uow)
    w.decide_everyone(uow)
    commune_sc = w.actor("tt-xa", Role.STANDING_COMMITTEE, w.COMMUNE)
    first = w.subject_of(uow, person=w.MEMBERS_A[0])
    results.resolve_quota(uow, commune_sc, cycle_id, GROUP, [first], "Lý do", w.NOW)
    province_sc = w.actor("tt-tinh", Role.STANDING_COMMITTEE, w.PROVINCE)
    results.publish(uow, province_sc, cycle_id, w.NOW)
    pk = w.subject_of(uow, person=w.MEMBER_B)
    secretary = w.actor("bt", Role.CELL_SECRETARY, w.CELL_B)
    refusals = [
        _refused(Conflict, uow, steps.comment, secretary, pk, "Nhất trí", w.NOW),
        _refused(Conflict, uow, steps.decide, commune_sc, pk, Level.HT, "Lý do", w.NOW),
        _refused(Conflict, uow, results.publish, province_sc, cycle_id, w.NOW),
        _refused(
            Conflict, uow, results.resolve_quota, commune_sc, cycle_id, GROUP, [], "Lý do", w.NOW
        ),
        _refused(
            Conflict, uow, bulk.import_scores, secretary, cycle_id, w.CELL_B, ["id"], [], w.NOW
        ),
        _refused(Conflict, uow, compute.compute_proposals, w.COMMISSION, cycle_id, 1),
    ]
    for refused in refusals:
        assert refused.code == "cycle_published"
        assert refused.citation is not None and refused.citation.rule_id == "CL-27"
    no_complaint = _refused(
        Conflict, uow, results.reclassify, province_sc, pk, Level.HT, "Lý do", w.NOW
    )
    assert no_complaint.code == "no_complaint"


PORTS = [
    (CycleRepository, FakeCycleRepository),
    (RegistryFactsRepository, FakeRegistryFacts),
    (SubjectRepository, FakeSubjectRepository),
    (ProposalRepository, FakeProposalRepository),
    (StepRecordRepository, FakeStepRecordRepository),
    (ComplaintRepository, FakeComplaintRepository),
    (QuotaRepository, FakeQuotaRepository),
    (TreeReader, FakeTree),
]


def _methods(cls: type) -> dict[str, list[str]]:
    return {
        name: list(inspect.signature(member).parameters)
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize(("port", "fake"), PORTS, ids=[p.__name__ for p, _ in PORTS])
def test_each_fake_has_every_method_of_its_port_with_the_same_parameters(
    port: type, fake: type
) -> None:
    wanted, found = _methods(port), _methods(fake)
    assert wanted
    assert {name: found.get(name) for name in wanted} == wanted


def test_the_fake_unit_of_work_offers_every_member_of_its_port() -> None:
    uow: ClassificationUnitOfWork = w.unit_of_work()  # and type-checks as the port (mypy)
    members = [
        n for n, m in inspect.getmembers(ClassificationUnitOfWork) if isinstance(m, property)
    ]
    assert len(members) == 9
    wanted = [*members, *_methods(ClassificationUnitOfWork), "commit", "__enter__", "__exit__"]
    assert [n for n in wanted if not hasattr(uow, n)] == []
