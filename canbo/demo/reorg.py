"""The 01/07/2025 reorganization below a new province (OR-05, OR-13, OR-14, OR-17).

New commune Party committees are each formed by merging about three former commune committees
(MERGE events, WHOLE links, and PART links where a former commune was divided between two new
ones); the former committees end on 30/06/2025. Cells and agency grassroots organizations are
transferred: a new version with the new parent from 01/07/2025. Members never change cell
because of the reorganization (OR-17).
"""

from __future__ import annotations

import datetime as dt
import random

from canbo.core.seed.provinces import NewProvince
from canbo.core.types import LevelClass, LineageKind, Share, UnitKind

from . import places
from .catalog import AFFILIATE_BASIS, COMMUNE_BASIS, REORG
from .local import OldCommune, OldLocal
from .tree import CellPlan, Post, TreeBuilder

NEW_TERM = ("Nhiệm kỳ 2025–2030", dt.date(2030, 9, 30))
OR_COMMUNE_COMMITTEE_LEVEL = LevelClass.GRASSROOTS
"""Parameter ``or_commune_committee_level`` (OR-05, unconfirmed): level class of the new commune
Party committees. Default GRASSROOTS, as press reports call them grassroots committees."""
PART_SHARE = 0.03
"""Share of boundaries between new communes where a former commune is divided (PART, OR-14)."""

Piece = tuple[OldCommune, Share, list[CellPlan]]


def _shares(sizes: list[int], total: int) -> list[int]:
    """``total`` new communes split in proportion to each former province's communes; each
    former province with communes gets at least one and never more than it had."""
    whole = sum(sizes) or 1
    shares = [min(n, max(1 if n else 0, round(total * n / whole))) for n in sizes]
    return shares


class Reorganizer:
    """Builds the lower tree of one new province from its built predecessors' lower trees."""

    def __init__(
        self,
        b: TreeBuilder,
        rng: random.Random,
        new: NewProvince,
        units: tuple[int, int],
        term: int,
    ) -> None:
        self.b, self.rng, self.new = b, rng, new
        self.party, self.state = units
        self.term = term
        self._stems: set[str] = set()

    def run(self, built: list[tuple[str, OldLocal]], count: int) -> None:
        """Affiliates, communes and posts; ``built`` lists predecessors, the centre first."""
        self._affiliates([local for _, local in built])
        successor: dict[int, int] = {}
        sizes = [len(local.communes) for _, local in built]
        for (_, local), share in zip(built, _shares(sizes, count), strict=True):
            # A new commune is merged from communes of one former province: each former
            # province arranged its own communes before the provinces merged (Long An kept 60
            # communes and wards before joining Tây Ninh; handbook OR-13, OR-21 sources).
            for group in self._groups(local.communes, share):
                new_id = self._commune(group)
                for commune, _, _ in group:
                    successor.setdefault(commune.party, new_id)
        for _, local in built:
            for org, at in local.district_orgs:
                target = successor[local.communes[at].party]
                self.b.move(org, target, REORG, COMMUNE_BASIS)
        self._provincial_posts(built)

    def _affiliates(self, locals_: list[OldLocal]) -> None:
        """Two provincial affiliate committees replace each former bloc committee (OR-05,
        form unconfirmed): party agencies and State agencies; PART links from each former."""
        b, lowered = self.b, self.new.full_name[0].lower() + self.new.full_name[1:]
        targets = []
        for title in ("Đảng bộ các cơ quan Đảng", "Đảng bộ Ủy ban nhân dân"):
            unit_id = b.unit(
                f"{title} {lowered}",
                UnitKind.PROVINCIAL_AFFILIATE_COMMITTEE,
                self.party,
                REORG,
                level=LevelClass.UPPER_GRASSROOTS,
                basis=AFFILIATE_BASIS,
            )
            links = [(local.affiliate, unit_id, Share.PART) for local in locals_]
            b.event(str(LineageKind.MERGE), REORG, AFFILIATE_BASIS, links)
            targets.append(unit_id)
        for local in locals_:
            for org, is_party in local.affiliate_orgs:
                b.move(org, targets[0] if is_party else targets[1], REORG, AFFILIATE_BASIS)

    def _groups(self, olds: list[OldCommune], count: int) -> list[list[Piece]]:
        """Consecutive former communes, about three per new commune; a few divided in two."""
        base, extra = divmod(len(olds), count)
        sizes = [base + 1] * extra + [base] * (count - extra)
        self.rng.shuffle(sizes)
        groups: list[list[Piece]] = []
        at = 0
        for size in sizes:
            groups.append([(c, Share.WHOLE, c.cells) for c in olds[at : at + size]])
            at += size
        for g in range(len(groups) - 1):
            commune = groups[g][-1][0]
            if len(groups[g]) > 1 and len(commune.cells) > 1 and self.rng.random() < PART_SHARE:
                half = len(commune.cells) // 2
                groups[g][-1] = (commune, Share.PART, commune.cells[:half])
                groups[g + 1].insert(0, (commune, Share.PART, commune.cells[half:]))
        return groups

    def _name(self, group: list[Piece]) -> tuple[str, str, str]:
        """(party word, state word, stem): a ward if most former units were wards."""
        wards = sum(1 for c, _, _ in group if c.is_urban)
        words = ("phường", "Phường") if wards * 2 > len(group) else ("xã", "Xã")
        stem = next((c.stem for c, _, _ in group if c.stem not in self._stems), "")
        pool = places.commune_stems(self.new.predecessors)
        while not stem or stem in self._stems:
            stem = self.rng.choice(pool)
            if len(self._stems) >= len(pool):
                stem = f"{stem} {len(self._stems)}"
        self._stems.add(stem)
        return words[0], words[1], stem

    def _commune(self, group: list[Piece]) -> int:
        """A new commune Party committee and commune, their lineage, cells and leaders."""
        b = self.b
        party_word, state_word, stem = self._name(group)
        party = b.unit(
            f"Đảng bộ {party_word} {stem}",
            UnitKind.COMMUNE_PARTY_COMMITTEE,
            self.party,
            REORG,
            level=OR_COMMUNE_COMMITTEE_LEVEL,
            short_name=f"Đảng ủy {party_word} {stem}",
            basis=COMMUNE_BASIS,
        )
        state = b.unit(
            f"{state_word} {stem}",
            UnitKind.COMMUNE,
            self.state,
            REORG,
            level=LevelClass.STATE_COMMUNE,
            basis=COMMUNE_BASIS,
        )
        b.correspond(party, state, REORG, None)
        term = b.term(party, NEW_TERM[0], REORG, NEW_TERM[1])
        for pillar, succ in ((0, party), (1, state)):
            links = [((c.party, c.state)[pillar], succ, share) for c, share, _ in group]
            b.event(str(LineageKind.MERGE), REORG, COMMUNE_BASIS, links)
        for _, _, cells in group:
            for cell in cells:
                b.move(cell.unit_id, party, REORG, COMMUNE_BASIS)
        self._commune_posts(group, (party, state), term)
        return party

    def _commune_posts(self, group: list[Piece], units: tuple[int, int], term: int) -> None:
        """Secretary (half the time the former secretary of the first commune) and chair."""
        first = group[0][2][0]
        secretary = Post("BT_DUX", units[0], REORG, None, term, "designated", NEW_TERM[1])
        former = next((s for s in first.slots if s[0].title == "BT_DUX"), None)
        if former is not None and self.rng.random() < 0.5:
            former.append(secretary)
        else:
            first.slots.append([secretary])
        chair_cell = group[-1][2][-1]
        chair_cell.slots.append([Post("CT_UBND_X", units[1], REORG, None, None, "approved")])

    def _provincial_posts(self, built: list[tuple[str, OldLocal]]) -> None:
        """The centre's former secretary and chair lead the new province; other former
        secretaries become deputy secretaries (designated, OR-04)."""
        for i, (_, local) in enumerate(built):
            slots = local.office.slots
            if len(slots) < 4:
                continue
            if i == 0:
                slots[1].append(
                    Post("BT_TU", self.party, REORG, None, self.term, "designated", NEW_TERM[1])
                )
                slots[3].append(Post("CT_UBND_T", self.state, REORG, None, None, "approved"))
            else:
                slots[1].append(
                    Post("PBT_TU", self.party, REORG, None, self.term, "designated", NEW_TERM[1])
                )
