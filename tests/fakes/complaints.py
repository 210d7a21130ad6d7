"""In-memory unit of work of complaints about persons (AP-19, PC-06)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from canbo.core.types import PersonId, UnitId
from canbo.services.appointments.complaints import ComplaintData
from tests.fakes.elections import FakeTree
from tests.fakes.kernel import FakeAuditLog, FakeTransaction


class FakeComplaints:
    def __init__(self) -> None:
        self.rows: dict[int, ComplaintData] = {}
        self.units: dict[PersonId, UnitId] = {}
        self.names: dict[int, str] = {}

    def add(self, data: ComplaintData) -> int:
        key = len(self.rows) + 1
        self.rows[key] = dataclasses.replace(data, complaint_id=key)
        return key

    def get(self, complaint_id: int, *, lock: bool = False) -> ComplaintData | None:
        return self.rows.get(complaint_id)

    def update(self, data: ComplaintData) -> None:
        assert data.complaint_id is not None
        self.rows[data.complaint_id] = data

    def recent(self, limit: int) -> list[ComplaintData]:
        rows = sorted(self.rows.values(), key=lambda r: (r.received_on, r.complaint_id or 0))
        return list(reversed(rows))[:limit]

    def person_unit(self, person_id: PersonId, on: dt.date) -> UnitId | None:
        return self.units.get(person_id)

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        return {int(p): self.names[int(p)] for p in person_ids if int(p) in self.names}


class FakeComplaintsUnitOfWork(FakeTransaction):
    def __init__(self, parents: Mapping[UnitId, UnitId | None]) -> None:
        super().__init__()
        self.tree = FakeTree(parents)
        self.complaints = FakeComplaints()
        self.audit = FakeAuditLog()

    def _repositories(self) -> list[object]:
        return [self.complaints, self.audit]

    def _shared(self) -> list[object]:
        return [self.tree]
