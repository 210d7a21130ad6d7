"""The lower tree of a former province before 01/07/2025: districts, communes, cells, agencies.

District committees (đảng bộ huyện) and districts end on 30/06/2025 with a DISSOLVE event
(OR-10, OR-16); commune committees end the same day and merge into the new communes
(see :mod:`canbo.demo.reorg`). Names are synthetic: real-looking stems with the right type word.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from canbo.core.seed.provinces import OldProvince
from canbo.core.types import LevelClass, LineageKind, UnitKind

from . import places
from .catalog import (
    DISTRICT_END_BASIS,
    EPOCH,
    LAST_OLD_DAY,
    LOCAL_AGENCIES,
    PROVINCIAL_AGENCIES,
    VILLAGE_WORDS,
)
from .grassroots import grassroots, village_cell
from .scales import Scale
from .tree import CellPlan, Post, TreeBuilder

OLD_TERM = ("Nhiệm kỳ 2020–2025", dt.date(2020, 7, 1))
PROVINCIAL_AGENCY_SHARE = 0.3
"""Share of a province's agency grassroots organizations under the provincial bloc committee;
the others are under the district committees."""


@dataclass(slots=True)
class OldCommune:
    party: int
    state: int
    district: int
    is_urban: bool
    stem: str
    cells: list[CellPlan]


@dataclass(slots=True)
class OldLocal:
    """What the reorganization of 01/07/2025 needs from a former province's lower tree."""

    affiliate: int
    office: CellPlan
    communes: list[OldCommune] = field(default_factory=list)
    district_orgs: list[tuple[int, int]] = field(default_factory=list)
    affiliate_orgs: list[tuple[int, bool]] = field(default_factory=list)


class LocalBuilder:
    """Builds the lower tree of one former province (built only for the scale's provinces)."""

    def __init__(self, b: TreeBuilder, rng: random.Random, scale: Scale, old: OldProvince) -> None:
        self.b, self.rng, self.scale, self.old = b, rng, scale, old

    def build(self, units: tuple[int, int], sizes: tuple[int, int]) -> OldLocal:
        """Districts, communes and grassroots organizations under the province's ``units``
        (party committee, State province); ``sizes`` are (districts, communes)."""
        b, rng, old = self.b, self.rng, self.old
        party, state = units
        n_districts, n_communes = sizes
        affiliate = b.unit(
            f"Đảng bộ Khối các cơ quan {old.name}",
            UnitKind.PROVINCIAL_AFFILIATE_COMMITTEE,
            party,
            EPOCH,
            LAST_OLD_DAY,
            level=LevelClass.UPPER_GRASSROOTS,
        )
        agencies = max(2, round(n_communes * self.scale.agencies_per_commune))
        upper = max(1, round(agencies * PROVINCIAL_AGENCY_SHARE))
        office_org, office = self._office(affiliate)
        local = OldLocal(affiliate, office)
        local.affiliate_orgs.append((office_org, True))
        for i in range(upper):
            name = PROVINCIAL_AGENCIES[i % len(PROVINCIAL_AGENCIES)]
            head = "GD_SO" if name.startswith("Sở") else "THU_TRUONG"
            org, _ = grassroots(
                b, rng, f"{name} {old.name}", affiliate, old.code, old.full_name, head_title=head
            )
            local.affiliate_orgs.append((org, "Tỉnh ủy" in name))
        per_district = _split(n_communes, n_districts)
        stems = places.pick_districts(rng, old.code, n_districts)
        for d in range(n_districts):
            stem = stems[d % len(stems)] if d or old.kind == "central_city" else old.name
            share = round((agencies - upper) * per_district[d] / max(1, n_communes))
            self._district(local, (party, state), (d, stem), (per_district[d], share))
        return local

    def _office(self, affiliate: int) -> tuple[int, CellPlan]:
        """Văn phòng Tỉnh ủy: its first cell holds the provincial leaders (OR-17)."""
        b, old = self.b, self.old
        org = b.unit(
            f"Đảng bộ Văn phòng Tỉnh ủy {old.name}",
            UnitKind.GRASSROOTS_COMMITTEE,
            affiliate,
            EPOCH,
            level=LevelClass.GRASSROOTS,
        )
        cell = b.unit("Chi bộ Lãnh đạo", UnitKind.CELL, org, EPOCH, level=LevelClass.CELL)
        plan = b.cell(CellPlan(cell, "agency", old.code, old.full_name))
        plan.slots = [[Post("BT_CB", cell, dt.date(2022, 6, 15))]]
        return org, plan

    def _district(
        self,
        local: OldLocal,
        parents: tuple[int, int],
        which: tuple[int, str],
        sizes: tuple[int, int],
    ) -> None:
        b, rng, old = self.b, self.rng, self.old
        index, stem = which
        n_communes, n_agencies = sizes
        party_word, state_word, urban = _district_type(old, index)
        code = b.next_code("D")
        party = b.unit(
            f"Đảng bộ {party_word} {stem}",
            UnitKind.DISTRICT_PARTY_COMMITTEE,
            parents[0],
            EPOCH,
            LAST_OLD_DAY,
            level=LevelClass.UPPER_GRASSROOTS,
            code=code,
            short_name=f"{_SHORT.get(party_word, 'Huyện ủy')} {stem}",
        )
        state = b.unit(
            f"{state_word} {stem}",
            UnitKind.DISTRICT,
            parents[1],
            EPOCH,
            LAST_OLD_DAY,
            level=LevelClass.STATE_DISTRICT,
            admin_code=f"{old.code}{index:03d}",
        )
        b.correspond(party, state, EPOCH, LAST_OLD_DAY)
        term = b.term(party, OLD_TERM[0], dt.date(2020, 8, 1), LAST_OLD_DAY)
        b.event(
            str(LineageKind.DISSOLVE),
            LAST_OLD_DAY + dt.timedelta(days=1),
            DISTRICT_END_BASIS,
            [],
            note=f"Kết thúc hoạt động: {code} {party_word} {stem}",
        )
        first = len(local.communes)
        pool = [s for s in places.commune_stems([old.code]) if s != stem]
        for stem_c in rng.sample(pool, min(n_communes, len(pool))):
            self._commune(local, (party, state), (index, stem_c), urban)
        lead = local.communes[first].cells
        lead[0].slots.append([Post("BT_HU", party, dt.date(2020, 8, 1), LAST_OLD_DAY, term)])
        lead[-1].slots.append(
            [Post("CT_UBND_H", state, dt.date(2020, 8, 1), LAST_OLD_DAY, how="elected")]
        )
        for _ in range(n_agencies):
            at = rng.randrange(first, len(local.communes))
            template = rng.choice(LOCAL_AGENCIES)
            name = template.format(c=local.communes[at].stem, d=f"{party_word} {stem}")
            org, _ = grassroots(b, rng, name, party, old.code, old.full_name)
            local.district_orgs.append((org, at))

    def _commune(
        self, local: OldLocal, parents: tuple[int, int], which: tuple[int, str], urban: bool
    ) -> None:
        b, rng, old = self.b, self.rng, self.old
        district, stem = which
        is_ward = urban and rng.random() < 0.8
        party_word, state_word = ("phường", "Phường") if is_ward else ("xã", "Xã")
        party = b.unit(
            f"Đảng bộ {party_word} {stem}",
            UnitKind.GRASSROOTS_COMMITTEE,
            parents[0],
            EPOCH,
            LAST_OLD_DAY,
            level=LevelClass.GRASSROOTS,
            short_name=f"Đảng ủy {party_word} {stem}",
        )
        state = b.unit(
            f"{state_word} {stem}",
            UnitKind.COMMUNE,
            parents[1],
            EPOCH,
            LAST_OLD_DAY,
            level=LevelClass.STATE_COMMUNE,
        )
        b.correspond(party, state, EPOCH, LAST_OLD_DAY)
        term = b.term(party, OLD_TERM[0], OLD_TERM[1], LAST_OLD_DAY)
        hometown = f"{state_word} {stem}, {old.full_name}"
        cells = []
        for i in range(rng.randint(*self.scale.village_cells)):
            name = (
                f"Chi bộ tổ dân phố số {i + 1}"
                if is_ward
                else f"Chi bộ thôn {VILLAGE_WORDS[i % len(VILLAGE_WORDS)]}"
            )
            cells.append(village_cell(b, rng, name, party, old.code, hometown))
        cells[0].slots.append([Post("BT_DUX", party, OLD_TERM[1], LAST_OLD_DAY, term)])
        cells[-1].slots.append([Post("CT_UBND_X", state, OLD_TERM[1], LAST_OLD_DAY, how="elected")])
        local.communes.append(OldCommune(party, state, district, is_ward, stem, cells))


_SHORT = {"quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _district_type(old: OldProvince, index: int) -> tuple[str, str, bool]:
    """(party word, state word, is urban) of a district; the first is the provincial city."""
    if old.kind == "central_city":
        return ("quận", "Quận", True) if index % 2 == 0 else ("huyện", "Huyện", False)
    if index == 0:
        return "thành phố", "Thành phố", True
    if index % 9 == 4:
        return "thị xã", "Thị xã", True
    return "huyện", "Huyện", False
