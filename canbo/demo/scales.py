"""Sizes of the synthetic demo datasets.

``national`` follows the published orders of magnitude of the 2025 reorganization (handbook
OR-10 to OR-13): about 10,035 communes before 01/07/2025 and 3,321 after, about 696 districts,
about 52,000 grassroots Party organizations after the reorganization and about 5.3 million
members in cells of 25 to 35 on average. ``small`` and ``tiny`` keep every provincial unit and
its lineage but build the lower tree and people only in a few provinces.
"""

from __future__ import annotations

from dataclasses import dataclass

OLD_COMMUNES_NATIONAL = 10_035
NEW_COMMUNES_NATIONAL = 3_321
DISTRICTS_NATIONAL = 696


@dataclass(frozen=True, slots=True)
class Scale:
    """How much of the tree and how many people a demo builds.

    ``provinces`` are codes of the former provinces (before 01/07/2025) whose lower tree is
    built; empty means all 63. ``commune_factor`` scales the national commune counts;
    ``members_factor`` scales the members per cell; ``agencies_per_commune`` is the number of
    agency, enterprise and school grassroots organizations per former commune.
    ``relatives_share`` is the share of people with declared relatives.
    """

    name: str
    provinces: tuple[str, ...]
    commune_factor: float
    village_cells: tuple[int, int]
    agencies_per_commune: float
    central_grassroots: int
    members_factor: float
    relatives_share: float
    check_foreign_keys: bool

    def builds(self, old_code: str) -> bool:
        return not self.provinces or old_code in self.provinces


VILLAGE_MEMBERS = (18, 42)
"""Members of a village or residential cell (chi bộ thôn, tổ dân phố) at national scale."""
AGENCY_CELL_MEMBERS = (10, 30)
"""Members of a cell under an agency grassroots committee."""
GRASSROOTS_CELL_MEMBERS = (12, 38)
"""Members of a grassroots cell (chi bộ cơ sở) of an agency, school or enterprise."""
CELLS_PER_AGENCY_COMMITTEE = (3, 5)
AGENCY_COMMITTEE_SHARE = 0.4
"""Share of agency grassroots organizations that are committees (with cells) not cells."""

SCALES: dict[str, Scale] = {
    "tiny": Scale(
        name="tiny",
        provinces=("08", "02"),
        commune_factor=0.03,
        village_cells=(2, 3),
        agencies_per_commune=1.0,
        central_grassroots=2,
        members_factor=0.3,
        relatives_share=1.0,
        check_foreign_keys=True,
    ),
    "small": Scale(
        name="small",
        provinces=("08", "02", "37", "35", "36"),
        commune_factor=0.06,
        village_cells=(3, 5),
        agencies_per_commune=1.5,
        central_grassroots=4,
        members_factor=0.5,
        relatives_share=1.0,
        check_foreign_keys=True,
    ),
    "national": Scale(
        name="national",
        provinces=(),
        commune_factor=1.0,
        village_cells=(8, 12),
        agencies_per_commune=4.65,
        central_grassroots=2_000,
        members_factor=1.0,
        relatives_share=0.05,
        check_foreign_keys=False,
    ),
}


def scaled(bounds: tuple[int, int], factor: float) -> tuple[int, int]:
    """Member-count bounds scaled down for the smaller demos (at least 3: OR-07)."""
    lo, hi = bounds
    return max(3, round(lo * factor)), max(4, round(hi * factor))
