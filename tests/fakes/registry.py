"""An in-memory registry: units with dated versions and lineage, people with their cell
memberships, records and terms, behind the ``RegistryUnitOfWork`` port."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from canbo.core.records import PartyEventData, PositionData, RecordData, RelativeData, TermData
from canbo.core.registry import MembershipData, PersonData, UnitVersionData
from canbo.core.types import Interval, PersonId, UnitId, UnitKind
from tests.fakes.kernel import FakeAuditLog, FakeTransaction


def holds_on(valid: Interval, day: dt.date) -> bool:
    return valid.valid_from <= day and (valid.valid_to is None or day <= valid.valid_to)


def _ended(valid: Interval, last_day: dt.date) -> Interval | None:
    """The interval cut at ``last_day`` when it runs past that day, else None."""
    if valid.valid_from <= last_day and (valid.valid_to is None or valid.valid_to > last_day):
        return Interval(valid.valid_from, last_day)
    return None


class FakeUnitRepository:
    def __init__(self) -> None:
        self.versions: dict[UnitId, list[UnitVersionData]] = {}
        self.codes: dict[str, UnitId] = {}
        self.ended: dict[UnitId, dt.date] = {}
        self.links: list[tuple[int, str, dt.date, UnitId, UnitId, str]] = []
        self.events = 0

    def get_version(self, unit_id: UnitId, as_of: dt.date) -> UnitVersionData | None:
        found = [v for v in self.versions.get(unit_id, []) if holds_on(v.valid, as_of)]
        return found[0] if found else None

    def id_for_code(self, code: str) -> UnitId | None:
        return self.codes.get(code)

    def add(self, data: UnitVersionData) -> UnitId:
        unit_id = UnitId(len(self.codes) + 1)
        self.codes[data.code] = unit_id
        self.versions[unit_id] = [dataclasses.replace(data, unit_id=unit_id)]
        return unit_id

    def close_version(self, unit_id: UnitId, last_day: dt.date) -> None:
        versions = self.versions[unit_id]
        for i, v in enumerate(versions):
            cut = _ended(v.valid, last_day)
            if cut is not None:
                versions[i] = dataclasses.replace(v, valid=cut)

    def add_version(self, unit_id: UnitId, data: UnitVersionData) -> None:
        self.versions[unit_id].append(dataclasses.replace(data, unit_id=unit_id))

    def end_unit(self, unit_id: UnitId, last_day: dt.date) -> None:
        self.close_version(unit_id, last_day)
        self.ended[unit_id] = last_day

    def children(self, unit_id: UnitId, as_of: dt.date) -> list[UnitVersionData]:
        return [
            v
            for versions in self.versions.values()
            for v in versions
            if v.parent_id == unit_id and holds_on(v.valid, as_of)
        ]

    def add_lineage(
        self,
        kind: str,
        date: dt.date,
        legal_basis: str,
        links: Sequence[tuple[UnitId, UnitId, str]],
    ) -> int:
        self.events += 1
        event = self.events
        self.links.extend((event, kind, date, p, s, share) for p, s, share in links)
        return event


class FakeTreeReader:
    """The tree as of a date, read from the fake unit repository."""

    def __init__(self, units: FakeUnitRepository) -> None:
        self.units = units

    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        version = self.units.get_version(unit_id, as_of)
        if version is None:
            return []
        chain = [unit_id]
        while version is not None and version.parent_id is not None and len(chain) < 32:
            chain.append(version.parent_id)
            version = self.units.get_version(version.parent_id, as_of)
        return chain

    def unit_exists(self, unit_id: UnitId) -> bool:
        return unit_id in self.units.versions

    def predecessors(self, unit_id: UnitId) -> set[UnitId]:
        found: set[UnitId] = set()
        todo = [unit_id]
        while todo:
            current = todo.pop()
            for *_, pred, succ, _share in self.units.links:
                if succ == current and pred not in found:
                    found.add(pred)
                    todo.append(pred)
        return found


class FakePersonRepository:
    def __init__(self, units: FakeUnitRepository) -> None:
        self.units = units
        self.people: dict[PersonId, PersonData] = {}
        self.joined: list[MembershipData] = []
        self.versions: dict[PersonId, list[tuple[Interval, PersonData]]] = {}

    def get(self, person_id: PersonId) -> PersonData | None:
        return self.people.get(person_id)

    def id_for_code(self, code: str) -> PersonId | None:
        return next((p for p, d in self.people.items() if d.code == code), None)

    def add(self, data: PersonData) -> PersonId:
        person_id = PersonId(len(self.people) + 1)
        self.people[person_id] = dataclasses.replace(data, person_id=person_id)
        return person_id

    def update(self, person_id: PersonId, data: PersonData) -> None:
        self.people[person_id] = dataclasses.replace(data, person_id=person_id)

    def version_start(self, person_id: PersonId) -> dt.date | None:
        open_ = [v for v, _ in self.versions.get(person_id, []) if v.valid_to is None]
        return open_[0].valid_from if open_ else None

    def add_version(self, person_id: PersonId, data: PersonData, valid_from: dt.date) -> None:
        mine = [v for v in self.versions.setdefault(person_id, []) if v[0].valid_from != valid_from]
        self.versions[person_id] = mine
        eve = valid_from - dt.timedelta(days=1)
        for i, (valid, old) in enumerate(mine):
            cut = _ended(valid, eve)
            if cut is not None:
                mine[i] = (cut, old)
        mine.append((Interval(valid_from), data))

    def memberships(self, person_id: PersonId) -> list[MembershipData]:
        return [m for m in self.joined if m.person_id == person_id]

    def add_membership(self, data: MembershipData) -> None:
        self.joined.append(data)

    def end_membership(self, person_id: PersonId, last_day: dt.date, reason: str) -> None:
        for i, m in enumerate(self.joined):
            cut = _ended(m.valid, last_day) if m.person_id == person_id else None
            if cut is not None:
                self.joined[i] = dataclasses.replace(m, valid=cut, end_reason=reason)

    def current_unit(self, person_id: PersonId, as_of: dt.date) -> UnitId | None:
        mine = self.memberships(person_id)
        now = [m for m in mine if holds_on(m.valid, as_of)]
        latest = sorted(mine, key=lambda m: m.valid.valid_from, reverse=True)
        chosen = now or latest
        return chosen[0].unit_id if chosen else None

    def unit_kind(self, unit_id: UnitId, as_of: dt.date) -> UnitKind | None:
        version = self.units.get_version(unit_id, as_of)
        return version.kind if version else None


class FakeRecordRepository:
    def __init__(self) -> None:
        self.records: dict[int, tuple[PersonId, RecordData]] = {}
        self.terms: dict[int, TermData] = {}
        self.party_events: list[tuple[PersonId, PartyEventData]] = []

    def add(self, person_id: PersonId, data: RecordData) -> int:
        record_id = len(self.records) + 1
        self.records[record_id] = (person_id, data)
        return record_id

    def end_position(self, person_id: PersonId, record_id: int, last_day: dt.date) -> bool:
        holder, data = self.records.get(record_id, (None, None))
        if holder != person_id or not isinstance(data, PositionData):
            return False
        if data.valid.valid_from > last_day:
            return False
        ended = Interval(data.valid.valid_from, last_day)
        self.records[record_id] = (person_id, dataclasses.replace(data, valid=ended))
        return True

    def add_term(self, data: TermData) -> int:
        term_id = len(self.terms) + 1
        self.terms[term_id] = data
        return term_id

    def add_event(self, person_id: PersonId, data: PartyEventData) -> int:
        self.party_events.append((person_id, data))
        return len(self.party_events)

    def events(self, person_id: PersonId) -> list[PartyEventData]:
        mine = [e for p, e in self.party_events if p == person_id]
        return sorted(mine, key=lambda e: e.date)

    def relatives(self, person_id: PersonId) -> list[RelativeData]:
        return [
            d for p, d in self.records.values() if p == person_id and isinstance(d, RelativeData)
        ]

    def end_relative(self, person_id: PersonId, record_id: int, ended_on: dt.date) -> bool:
        holder, data = self.records.get(record_id, (None, None))
        if holder != person_id or not isinstance(data, RelativeData) or data.ended_on:
            return False
        self.records[record_id] = (person_id, dataclasses.replace(data, ended_on=ended_on))
        return True


class FakeRegistryUnitOfWork(FakeTransaction):
    """The ``RegistryUnitOfWork`` port in memory; keep one instance for a whole test."""

    def __init__(self) -> None:
        super().__init__()
        self.units = FakeUnitRepository()
        self.people = FakePersonRepository(self.units)
        self.records = FakeRecordRepository()
        self.tree = FakeTreeReader(self.units)
        self.audit = FakeAuditLog()

    def _repositories(self) -> list[object]:
        return [self.units, self.people, self.records, self.audit]
