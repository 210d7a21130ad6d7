"""Named parameters of the statistics, with their documented defaults (handbook Part D).

- ``frm_stats_age_bands`` (FRM-10): 18–30, 31–35, 36–40, 41–45, 46–50, 51–55, 56–60, over
  60 — the bands of :data:`canbo.core.member_stats.AGE_BANDS` (the first also holds the rare
  member under 18).
- ``frm_age_basis`` (FRM-10): ``completed_years_at_as_of`` (default) or
  ``year_minus_birth_year`` (the age reached in the as-of year, i.e. completed years on 31/12).
- ``frm_stats_size_bands`` (FRM-11, canbo's choice: the handbook gives no bands): grassroots
  organizations by number of members, under 30, 30–99, 100–299, 300–499, 500 and over.
- ``frm_stats_local_rows`` (FRM-11): the local rows of Biểu 5 by as-of date — commune, ward,
  township before 01/07/2025; commune, ward, special zone from then on (one row here, the
  commune-level Party committees, labelled by the date).
- ``or_split_allocation`` (OR-21): ``explicit_weights`` in canbo (a PART lineage link counts
  by its recorded share; a PART link without a share is not comparable). The handbook's
  default ``not_comparable`` counts no split unit at all; ``population_weights`` is not
  implemented (no population data) and behaves as ``not_comparable``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from canbo.core import member_stats as ms


class AgeBasis(StrEnum):
    COMPLETED_YEARS_AT_AS_OF = "completed_years_at_as_of"
    YEAR_MINUS_BIRTH_YEAR = "year_minus_birth_year"


class SplitAllocation(StrEnum):
    NOT_COMPARABLE = "not_comparable"
    POPULATION_WEIGHTS = "population_weights"
    EXPLICIT_WEIGHTS = "explicit_weights"


@dataclass(frozen=True, slots=True)
class SizeBand:
    """Grassroots organizations of ``low`` to ``high`` members (``high=None``: open)."""

    low: int
    high: int | None


SIZE_BANDS: tuple[SizeBand, ...] = (
    SizeBand(0, 29),
    SizeBand(30, 99),
    SizeBand(100, 299),
    SizeBand(300, 499),
    SizeBand(500, None),
)

REORGANIZATION_DAY = dt.date(2025, 7, 1)
"""The 2025 reorganization: districts end, communes merge (FRM-11 local rows change)."""


@dataclass(frozen=True, slots=True)
class StatsParams:
    """The parameter choices a report was computed with (stored in its notes)."""

    age_bands: tuple[ms.AgeBand, ...] = ms.AGE_BANDS
    age_basis: AgeBasis = AgeBasis.COMPLETED_YEARS_AT_AS_OF
    size_bands: tuple[SizeBand, ...] = SIZE_BANDS
    split_allocation: SplitAllocation = SplitAllocation.EXPLICIT_WEIGHTS

    def age_reference(self, as_of: dt.date) -> dt.date:
        """The day on which completed years are counted (``frm_age_basis``)."""
        if self.age_basis is AgeBasis.YEAR_MINUS_BIRTH_YEAR:
            return dt.date(as_of.year, 12, 31)
        return as_of


DEFAULT_PARAMS = StatsParams()


def size_band_index(members: int, bands: tuple[SizeBand, ...] = SIZE_BANDS) -> int:
    """The position of a grassroots organization of ``members`` members in ``bands``."""
    for i, band in enumerate(bands):
        if band.high is None or members <= band.high:
            return i
    raise AssertionError("unreachable: the last band is open")  # pragma: no cover


def local_row_label(as_of: dt.date) -> tuple[str, str]:
    """``frm_stats_local_rows``: the commune-level row's words on the as-of date."""
    if as_of < REORGANIZATION_DAY:
        return "Đảng bộ xã, phường, thị trấn", "Commune, ward and township committees"
    return "Đảng bộ xã, phường, đặc khu", "Commune, ward and special zone committees"
