"""The election fakes keep up with their ports: a method added to or changed on a port fails
here until the fake has it too."""

from __future__ import annotations

import inspect

import pytest

from canbo.services.elections.ports import (
    BallotEngine,
    CongressReader,
    ElectionRepository,
    ElectionsUnitOfWork,
    RegistryWriter,
)
from tests.fakes.elections import (
    FakeBallotEngine,
    FakeCongressReader,
    FakeElectionRepository,
    FakeElectionsUnitOfWork,
    FakeRegistryWriter,
    FakeTree,
)

PAIRS = [
    (ElectionRepository, FakeElectionRepository),
    (CongressReader, FakeCongressReader),
    (BallotEngine, FakeBallotEngine),
    (RegistryWriter, FakeRegistryWriter),
]


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize(("port", "fake"), PAIRS, ids=[p.__name__ for p, _ in PAIRS])
def test_the_election_fake_has_every_method_of_its_port(port: type, fake: type) -> None:
    wanted, found = _methods(port), _methods(fake)
    assert wanted
    assert sorted(set(wanted) - set(found)) == []
    for name, signature in wanted.items():
        assert list(found[name].parameters) == list(signature.parameters), name


def test_the_fake_unit_of_work_offers_every_member_of_the_port() -> None:
    fake = FakeElectionsUnitOfWork(FakeTree({}))
    members = [n for n, m in inspect.getmembers(ElectionsUnitOfWork) if isinstance(m, property)]
    assert len(members) == 6
    assert [n for n in [*members, "commit", "__enter__", "__exit__"] if not hasattr(fake, n)] == []
