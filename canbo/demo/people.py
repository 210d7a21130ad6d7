"""Synthetic Party members with complete records, generated as raw rows in batches.

Every member has split names with their collation key (official lists sort by given name),
birth date, sex, ethnicity, hometown, identity and card numbers, admission and official dates
(official = admission + 12 months, Điều lệ Đảng, Điều 5) and a membership history (some
transfers). The hot loop avoids the ORM and recomputation: names come from a pool whose sort
keys are computed once, dates are day ordinals turned into ISO text through a table.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from canbo.core.collation import sort_key
from canbo.core.names import split_name
from canbo.core.seed.provinces import PROVINCES_BEFORE_2025_07
from canbo.core.seed.vn_names import COMMUNE_STEMS, make_name, pick_ethnicity
from canbo.core.types import Sex

from .bulk import IdAllocator, Row
from .catalog import EPOCH, FOREVER_ISO, MOUNTAIN_PROVINCES
from .records import RecordMaker
from .scales import (
    AGENCY_CELL_MEMBERS,
    GRASSROOTS_CELL_MEMBERS,
    VILLAGE_MEMBERS,
    Scale,
    scaled,
)
from .tree import CellPlan, Post

PERSON_COLUMNS = (
    "id",
    "code",
    "full_name",
    "family_name",
    "middle_name",
    "given_name",
    "sort_key",
    "birth_date",
    "sex",
    "ethnicity",
    "hometown",
    "national_id",
    "party_card_number",
    "party_admission_date",
    "official_membership_date",
    "party_exit_date",
    "death_date",
)
MEMBERSHIP_COLUMNS = ("id", "person_id", "unit_id", "valid_from", "valid_to", "end_reason")
TRANSFER_SHARE = 0.08
"""Share of members whose history has an earlier cell (chuyển sinh hoạt đảng)."""
BATCH_PEOPLE = 25_000
_BASE = dt.date(1920, 1, 1).toordinal()
_ISO = [dt.date.fromordinal(_BASE + i).isoformat() for i in range(45_000)]
_AGES = {"village": (24, 86), "agency": (23, 60), "grassroots": (23, 60)}
_LEADER_AGES = (38, 57)


def _year_later(day: str) -> str:
    """The official date: twelve months after admission (Điều lệ Đảng, Điều 5), as ISO text;
    a 29 February admission becomes official on 28 February."""
    later = f"{int(day[:4]) + 1}{day[4:]}"
    return later if not later.endswith("-02-29") else later[:-2] + "28"


class NamePool:
    """Names drawn once with :func:`make_name`; each with its split parts and sort key."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.entries: dict[Sex, list[tuple[str, str, str, str, str]]] = {}
        for sex in (Sex.MALE, Sex.FEMALE):
            seen: dict[str, tuple[str, str, str, str, str]] = {}
            for _ in range(size):
                full = make_name(rng, sex)
                if full not in seen:
                    parts = split_name(full)
                    seen[full] = (full, parts.family, parts.middle, parts.given, sort_key(full))
            self.entries[sex] = list(seen.values())


@dataclass(slots=True)
class Batch:
    """Rows of a batch of people, by table."""

    tables: dict[str, list[Row]] = field(default_factory=dict)
    people: int = 0

    def add(self, table: str, row: Row) -> None:
        self.tables.setdefault(table, []).append(row)


class PeopleGenerator:
    """Fills every cell plan with members and their records (complete at every scale)."""

    def __init__(
        self,
        rng: random.Random,
        scale: Scale,
        today: dt.date,
        ids: IdAllocator,
        titles: dict[str, int],
    ) -> None:
        self.rng, self.scale, self.today = rng, scale, today
        self.today_ord = today.toordinal()
        self.today_iso = today.isoformat()
        pool_size = 60_000 if scale.name == "national" else 6_000
        self.names = NamePool(random.Random(rng.random()), pool_size)
        self._pid = itertools.count(ids.take("registry_person", 0))
        self._mid = itertools.count(ids.take("registry_membership", 0))
        self.records = RecordMaker(rng, today, ids, titles, self.names.entries)
        self._serials: dict[str, int] = {}
        self._cells_by_province: dict[str, list[int]] = {}
        self._ethnic = [pick_ethnicity(rng) for _ in range(4000)]
        self._ethnic_mountain = [
            rng.choice(("Tày", "Nùng", "Dao", "Mông", "Thái", "Mường", "Giáy", "Sán Chay"))
            if rng.random() < 0.5
            else e
            for e in self._ethnic
        ]
        self._hometowns = [
            f"Xã {rng.choice(COMMUNE_STEMS)}, {rng.choice(PROVINCES_BEFORE_2025_07).full_name}"
            for _ in range(500)
        ]
        self._bounds = {
            "village": scaled(VILLAGE_MEMBERS, scale.members_factor),
            "agency": scaled(AGENCY_CELL_MEMBERS, scale.members_factor),
            "grassroots": scaled(GRASSROOTS_CELL_MEMBERS, scale.members_factor),
        }

    def batches(self, cells: list[CellPlan]) -> Iterator[Batch]:
        """Members cell by cell, in batches of about ``BATCH_PEOPLE`` people."""
        batch = Batch()
        for cell in cells:
            lo, hi = self._bounds[cell.flavour]
            count = max(self.rng.randint(lo, hi), len(cell.slots) + 3)
            for k in range(count):
                slots = cell.slots[k] if k < len(cell.slots) else None
                self._member(batch, cell, slots)
            self._cells_by_province.setdefault(cell.province, []).append(cell.unit_id)
            if batch.people >= BATCH_PEOPLE:
                yield batch
                batch = Batch()
        if batch.people:
            yield batch

    def _member(self, batch: Batch, cell: CellPlan, slots: list[Post] | None) -> None:
        # One function on purpose: it runs millions of times and calls cost.
        r = self.rng.random
        sex = Sex.MALE if r() < 0.56 else Sex.FEMALE
        pool = self.names.entries[sex]
        full, family, middle, given, key = pool[int(r() * len(pool))]
        lo, hi = _LEADER_AGES if slots else _AGES[cell.flavour]
        birth = self.today_ord - int((lo + r() * (hi - lo)) * 365.25)
        span = min(self.today_ord - 60 - (birth + 6575), 25 * 365)
        admitted = birth + 6575 + int(r() * span)
        official: str | None = _year_later(_ISO[admitted - _BASE])
        if official is not None and official > self.today_iso:
            official = None
        pid = next(self._pid)
        prefix = f"0{cell.province}{(0 if sex is Sex.MALE else 1) + (2 if birth >= 730120 else 0)}"
        prefix += _ISO[birth - _BASE][2:4]
        serial = self._serials.get(prefix, 0) + 1
        self._serials[prefix] = serial
        ethnic = self._ethnic_mountain if cell.province in MOUNTAIN_PROVINCES else self._ethnic
        hometown = cell.hometown if r() < 0.7 else self._hometowns[int(r() * 500)]
        died = self._died(birth) if cell.flavour == "village" else None
        batch.add(
            "registry_person",
            (
                pid,
                f"DV{pid:09d}",
                full,
                family,
                middle,
                given,
                key,
                _ISO[birth - _BASE],
                str(sex),
                ethnic[int(r() * 4000)],
                hometown,
                f"{prefix}{serial:06d}",
                f"{pid:010d}",
                _ISO[admitted - _BASE],
                official,
                None,
                _ISO[died - _BASE] if died else None,
            ),
        )
        batch.people += 1
        start = max(admitted, _EPOCH_ORD)
        earlier = self._cells_by_province.get(cell.province)
        if (
            not (slots or died)
            and earlier
            and r() < TRANSFER_SHARE
            and self.today_ord - start > 400
        ):
            moved = start + 200 + int(r() * (self.today_ord - start - 400))
            batch.add(
                "registry_membership",
                (
                    next(self._mid),
                    pid,
                    earlier[int(r() * len(earlier))],
                    _ISO[start - _BASE],
                    _ISO[moved - 1 - _BASE],
                    "Chuyển sinh hoạt đảng",
                ),
            )
            start = moved
        end, reason = (_ISO[died - _BASE], "Từ trần") if died else (FOREVER_ISO, "")
        batch.add(
            "registry_membership",
            (next(self._mid), pid, cell.unit_id, _ISO[start - _BASE], end, reason),
        )
        self.records.person(batch, (pid, sex, birth, full, family, cell), slots, self.scale)

    def _died(self, birth: int) -> int | None:
        """A few elderly members died in the last three years (membership ends that day)."""
        if self.today_ord - birth < 75 * 365 or self.rng.random() > 0.02:
            return None
        return self.today_ord - self.rng.randrange(30, 1000)


_EPOCH_ORD = EPOCH.toordinal()
