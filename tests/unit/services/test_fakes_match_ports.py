"""The fakes keep up with the ports: a method added to or changed on a port fails here until
the fake has it too, so the service tests never run against a stale picture of storage."""

from __future__ import annotations

import inspect

import pytest

from canbo.services.appointments.complaints import ComplaintRepository, ComplaintsUnitOfWork
from canbo.services.appointments.control import ControlReader, ControlUnitOfWork
from canbo.services.appointments.ports import (
    AppointmentRepository,
    FactsReader,
    MeetingEngine,
    RelationsReader,
)
from canbo.services.appointments.ports import RegistryWriter as AppointmentRegistryWriter
from canbo.services.appointments.power import PowerRepository
from canbo.services.bundles.ports import BundleRepository, BundleUnitOfWork, KeyStore
from canbo.services.congresses.ports import CongressRepository, RosterReader
from canbo.services.elections.ports import (
    BallotEngine,
    CongressReader,
    ElectionRepository,
    ElectionsUnitOfWork,
    RegistryWriter,
)
from canbo.services.planning.ports import (
    AppointmentFacts,
    GradeRepository,
    PlanningUnitOfWork,
    PlanRepository,
    RegistryFactsRepository,
)
from canbo.services.ports import AuditLog, TreeReader
from canbo.services.programme.ports import ProgrammeRepository, ProgrammeUnitOfWork, UnitTree
from canbo.services.registry.ports import (
    PersonRepository,
    RecordRepository,
    RegistryUnitOfWork,
    UnitRepository,
)
from canbo.services.reports.ports import ResultsReader
from canbo.services.stats.ports import StatsReader
from canbo.services.surveys.ports import SurveyRepository, UnitDirectory
from canbo.services.voting.ports import (
    CodeAuthority,
    ConferenceRepository,
    VoteRepository,
    VotingUnitOfWork,
)
from tests.fakes.bundles import FakeBundleRepository, FakeBundleUnitOfWork, FakeKeyStore
from tests.fakes.complaints import FakeComplaints, FakeComplaintsUnitOfWork
from tests.fakes.congresses import FakeCongressRepository, FakeRoster
from tests.fakes.elections import (
    FakeBallotEngine,
    FakeCongressReader,
    FakeElectionRepository,
    FakeElectionsUnitOfWork,
    FakeRegistryWriter,
    FakeTree,
)
from tests.fakes.kernel import FakeAuditLog
from tests.fakes.planning import (
    FakeAppointmentFacts,
    FakeGrades,
    FakePlanningUnitOfWork,
    FakePlanRepository,
    FakeRegistryFacts,
)
from tests.fakes.power import (
    FakeControl,
    FakeFacts,
    FakeMeetings,
    FakePower,
    FakePowerUnitOfWork,
    FakeProcesses,
    FakeRelations,
)
from tests.fakes.power import FakeRegistryWriter as FakeAppointmentRegistryWriter
from tests.fakes.programme import FakeProgrammeRepository, FakeProgrammeUnitOfWork, FakeUnitTree
from tests.fakes.registry import (
    FakePersonRepository,
    FakeRecordRepository,
    FakeRegistryUnitOfWork,
    FakeTreeReader,
    FakeUnitRepository,
)
from tests.fakes.reports import FakeResultsReader
from tests.fakes.stats import FakeStatsReader
from tests.fakes.surveys import FakeSurveyRepository, FakeUnitDirectory
from tests.fakes.voting import (
    FakeCodes,
    FakeConferenceRepository,
    FakeVoteRepository,
    FakeVotingUnitOfWork,
)

PAIRS = [
    (BundleRepository, FakeBundleRepository),
    (KeyStore, FakeKeyStore),
    (StatsReader, FakeStatsReader),
    (ResultsReader, FakeResultsReader),
    (ComplaintRepository, FakeComplaints),
    (AuditLog, FakeAuditLog),
    (TreeReader, FakeTreeReader),
    (UnitRepository, FakeUnitRepository),
    (PersonRepository, FakePersonRepository),
    (RecordRepository, FakeRecordRepository),
    (ConferenceRepository, FakeConferenceRepository),
    (VoteRepository, FakeVoteRepository),
    (CodeAuthority, FakeCodes),
    (CongressRepository, FakeCongressRepository),
    (RosterReader, FakeRoster),
    (ElectionRepository, FakeElectionRepository),
    (CongressReader, FakeCongressReader),
    (BallotEngine, FakeBallotEngine),
    (RegistryWriter, FakeRegistryWriter),
    (PowerRepository, FakePower),
    (ControlReader, FakeControl),
    (AppointmentRepository, FakeProcesses),
    (RelationsReader, FakeRelations),
    (MeetingEngine, FakeMeetings),
    (FactsReader, FakeFacts),
    (AppointmentRegistryWriter, FakeAppointmentRegistryWriter),
    (RegistryFactsRepository, FakeRegistryFacts),
    (GradeRepository, FakeGrades),
    (PlanRepository, FakePlanRepository),
    (AppointmentFacts, FakeAppointmentFacts),
    (ProgrammeRepository, FakeProgrammeRepository),
    (UnitTree, FakeUnitTree),
    (SurveyRepository, FakeSurveyRepository),
    (UnitDirectory, FakeUnitDirectory),
]


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize(("port", "fake"), PAIRS, ids=[p.__name__ for p, _ in PAIRS])
def test_the_fake_has_every_method_of_its_port_with_the_same_parameters(
    port: type, fake: type
) -> None:
    wanted, found = _methods(port), _methods(fake)
    assert wanted
    assert sorted(set(wanted) - set(found)) == []
    for name, signature in wanted.items():
        assert list(found[name].parameters) == list(signature.parameters), name


def test_the_fake_units_of_work_offer_every_member_of_their_ports() -> None:
    registry = FakeRegistryUnitOfWork()
    voting = FakeVotingUnitOfWork(registry.tree, {})
    elections = FakeElectionsUnitOfWork(FakeTree({}))
    pairs = ((RegistryUnitOfWork, registry), (VotingUnitOfWork, voting))
    contexts = (
        (ControlUnitOfWork, FakePowerUnitOfWork({})),
        (ComplaintsUnitOfWork, FakeComplaintsUnitOfWork({})),
        (PlanningUnitOfWork, FakePlanningUnitOfWork({})),
        (ProgrammeUnitOfWork, FakeProgrammeUnitOfWork({})),
        (BundleUnitOfWork, FakeBundleUnitOfWork({})),
    )
    for port, fake in (*pairs, (ElectionsUnitOfWork, elections), *contexts):
        members = [n for n, m in inspect.getmembers(port) if isinstance(m, property)]
        members += [n for k in port.__mro__ for n in getattr(k, "__annotations__", {})]
        assert members, port
        assert [
            n for n in [*members, "commit", "__enter__", "__exit__"] if not hasattr(fake, n)
        ] == []
