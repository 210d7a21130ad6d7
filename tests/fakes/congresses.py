"""In-memory congresses behind the ``CongressUnitOfWork`` port: the voting fakes (conference,
check-in, attendance) with a congress repository and a roster of the registry's people."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from canbo.core.collation import sort_key
from canbo.core.elections.model import DelegateStatus
from canbo.core.types import PersonId, UnitId
from canbo.services.congresses.ports import (
    BodyApproval,
    CongressData,
    CongressId,
    CongressStatus,
    NotConvenedData,
    PersonFacts,
    RollEntryData,
    SubtractionData,
)
from canbo.services.ports import TreeReader
from tests.fakes.voting import FakeVotingUnitOfWork


class FakeCongressRepository:
    def __init__(self) -> None:
        self.congresses: dict[CongressId, CongressData] = {}
        self.scopes: dict[CongressId, list[UnitId]] = {}
        self.committees: dict[CongressId, list[PersonId]] = {}
        self.rolls: dict[CongressId, dict[PersonId, RollEntryData]] = {}
        self.excluded: dict[CongressId, dict[PersonId, NotConvenedData]] = {}
        self.bodies: dict[CongressId, dict[str, BodyApproval]] = {}
        self.lines: dict[CongressId, list[SubtractionData]] = {}

    def add(self, data: CongressData, scope: Sequence[UnitId]) -> CongressId:
        cid = CongressId(len(self.congresses) + 1)
        self.congresses[cid] = dataclasses.replace(data, congress_id=cid)
        self.scopes[cid] = list(scope)
        return cid

    def get(self, congress_id: CongressId) -> CongressData | None:
        return self.congresses.get(congress_id)

    def set_status(self, congress_id: CongressId, status: CongressStatus) -> None:
        data = self.congresses[congress_id]
        self.congresses[congress_id] = dataclasses.replace(data, status=status)

    def convening_committee(self, congress_id: CongressId) -> list[PersonId]:
        return list(self.committees.get(congress_id, []))

    def set_convening_committee(
        self, congress_id: CongressId, person_ids: Sequence[PersonId]
    ) -> None:
        self.committees[congress_id] = list(person_ids)

    def roll(self, congress_id: CongressId) -> list[RollEntryData]:
        entries = self.rolls.get(congress_id, {}).values()
        return sorted(entries, key=lambda e: sort_key(e.full_name))

    def add_to_roll(self, congress_id: CongressId, entries: Sequence[RollEntryData]) -> int:
        roll = self.rolls.setdefault(congress_id, {})
        added = 0
        for e in entries:
            if e.person_id not in roll:
                roll[e.person_id] = e
                added += 1
        return added

    def remove_from_roll(self, congress_id: CongressId, person_ids: Sequence[PersonId]) -> int:
        roll = self.rolls.setdefault(congress_id, {})
        return sum(1 for p in person_ids if roll.pop(p, None) is not None)

    def set_statuses(
        self,
        congress_id: CongressId,
        statuses: Mapping[PersonId, tuple[DelegateStatus, PersonId | None]],
    ) -> None:
        roll = self.rolls[congress_id]
        for person, (status, seated_for) in statuses.items():
            roll[person] = dataclasses.replace(roll[person], status=status, seated_for=seated_for)

    def not_convened(self, congress_id: CongressId) -> list[NotConvenedData]:
        entries = self.excluded.get(congress_id, {}).values()
        return sorted(entries, key=lambda e: sort_key(e.full_name))

    def add_not_convened(self, congress_id: CongressId, data: NotConvenedData) -> None:
        self.excluded.setdefault(congress_id, {})[data.person_id] = data

    def remove_not_convened(self, congress_id: CongressId, person_id: PersonId) -> bool:
        return self.excluded.get(congress_id, {}).pop(person_id, None) is not None

    def working_bodies(self, congress_id: CongressId) -> list[BodyApproval]:
        return list(self.bodies.get(congress_id, {}).values())

    def set_working_body(self, congress_id: CongressId, approval: BodyApproval) -> None:
        self.bodies.setdefault(congress_id, {})[str(approval.body)] = approval

    def subtractions(self, congress_id: CongressId) -> list[SubtractionData]:
        return list(self.lines.get(congress_id, []))

    def set_subtractions(self, congress_id: CongressId, lines: Sequence[SubtractionData]) -> None:
        self.lines[congress_id] = list(lines)


class FakeRoster:
    """The registry's people as a congress reads them: each person's facts and cell."""

    def __init__(
        self,
        tree: TreeReader,
        unit_names: Mapping[UnitId, str],
        cells: frozenset[UnitId] = frozenset(),
    ) -> None:
        self.tree = tree
        self.unit_names = dict(unit_names)
        self.cells = cells
        self.people: dict[PersonId, PersonFacts] = {}
        self.cell_of: dict[PersonId, UnitId] = {}

    def add(self, facts: PersonFacts, cell: UnitId) -> None:
        self.people[facts.person_id] = facts
        self.cell_of[facts.person_id] = cell

    def _within(self, person: PersonId, root: UnitId, as_of: dt.date) -> bool:
        cell = self.cell_of.get(person)
        return cell is not None and root in self.tree.ancestors(cell, as_of)

    def members(self, root: UnitId, as_of: dt.date) -> list[PersonFacts]:
        found = [f for p, f in self.people.items() if f.in_subtree and self._within(p, root, as_of)]
        return sorted(found, key=lambda f: sort_key(f.full_name))

    def facts(
        self, root: UnitId, person_ids: Sequence[PersonId], as_of: dt.date
    ) -> list[PersonFacts]:
        return [self.people[p] for p in person_ids if p in self.people]

    def is_cell(self, unit_id: UnitId, as_of: dt.date) -> bool:
        return unit_id in self.cells

    def unit_name(self, unit_id: UnitId, as_of: dt.date) -> str:
        return self.unit_names.get(unit_id, "")


class FakeCongressUnitOfWork(FakeVotingUnitOfWork):
    """The ``CongressUnitOfWork`` port in memory."""

    def __init__(self, tree: TreeReader, names: Mapping[PersonId, str], roster: FakeRoster) -> None:
        super().__init__(tree, names)
        self.congresses = FakeCongressRepository()
        self.roster = roster

    def _repositories(self) -> list[object]:
        return [*super()._repositories(), self.congresses]

    def _shared(self) -> list[object]:
        return [*super()._shared(), self.roster]
