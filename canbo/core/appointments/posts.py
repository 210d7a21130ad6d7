"""The catalogue of leadership posts by group and tier (QĐ 368-QĐ/TW, handbook AP-20).

"Higher", "equivalent" and "lower" post are computed from a post's ``grade`` in the catalogue in
force on the date of the step, never typed. QĐ 368 (from 08/09/2025) has four groups: (I) key
and senior leaders, (II) posts managed by the Politburo in two tiers, (III) posts managed by the
Secretariat, (IV) the framework managing bodies fill in as data (:meth:`PostCatalogue.
with_entries`). Earlier steps use Kết luận 35-KL/TW (2022), which the handbook does not cover:
the same default entries are used for it and the documents say so. Pure data, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from canbo.core.errors import Citation, NotFound

CATALOGUE_CITATION = Citation("QĐ 368-QĐ/TW", rule_id="AP-20")


class PostGroup(StrEnum):
    """The four groups of QĐ 368 (AP-20)."""

    KEY = "I"  # chức danh lãnh đạo chủ chốt, lãnh đạo cấp cao
    POLITBURO = "II"  # do Bộ Chính trị quản lý
    SECRETARIAT = "III"  # do Ban Bí thư quản lý
    LOCAL = "IV"  # do cấp ủy, tổ chức đảng, cơ quan, đơn vị quản lý


@dataclass(frozen=True, slots=True)
class PostGrade:
    """One post of the catalogue: a larger ``grade`` is a higher post; equal grades are
    equivalent posts (AP-20)."""

    code: str
    name: str
    group: PostGroup
    tier: int
    grade: int


def compare(a: PostGrade, b: PostGrade) -> int:
    """-1 when ``a`` is lower than ``b``, 0 when equivalent, 1 when higher (by grade, AP-20)."""
    return (a.grade > b.grade) - (a.grade < b.grade)


@dataclass(frozen=True)
class PostCatalogue:
    """One version of the catalogue, in force ``valid_from``..``valid_to`` (AP-20)."""

    catalogue_id: str
    document: str
    valid_from: dt.date
    valid_to: dt.date | None
    entries: Mapping[str, PostGrade] = field(default_factory=dict)
    covered: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))

    def grade_of(self, code: str) -> PostGrade:
        """The post ``code`` (a registry title code), or ``NotFound("post_not_in_catalogue")``."""
        found = self.entries.get(code)
        if found is None:
            raise NotFound(
                "post_not_in_catalogue",
                title_code=code,
                catalogue=self.catalogue_id,
                citation=CATALOGUE_CITATION,
            )
        return found

    def with_entries(self, extra: Iterable[PostGrade]) -> PostCatalogue:
        """A copy with group IV posts (or corrections) entered as data by a managing body."""
        return replace(self, entries={**self.entries, **{p.code: p for p in extra}})

    @property
    def grades(self) -> tuple[int, ...]:
        """The distinct grades of the catalogue, lowest first."""
        return tuple(sorted({p.grade for p in self.entries.values()}))


def level_jump(current: PostGrade, new: PostGrade, catalogue: PostCatalogue) -> int:
    """How many distinct grades of ``catalogue`` the step from ``current`` to ``new`` climbs:
    1 for the next grade up, 0 for an equivalent or lower post (PC-18 flags more than 1)."""
    if new.grade <= current.grade:
        return 0
    return sum(1 for g in catalogue.grades if current.grade < g <= new.grade)


def _p(code: str, name: str, group: PostGroup, tier: int, grade: int) -> PostGrade:
    return PostGrade(code, name, group, tier, grade)


G1, G2, G3, G4 = PostGroup.KEY, PostGroup.POLITBURO, PostGroup.SECRETARIAT, PostGroup.LOCAL

DEFAULT_POSTS: tuple[PostGrade, ...] = (
    _p("TBT", "Tổng Bí thư", G1, 1, 100),
    _p("BT_TU", "Bí thư Tỉnh ủy, Thành ủy", G2, 2, 90),
    _p("PBT_TU", "Phó Bí thư Tỉnh ủy, Thành ủy", G3, 1, 80),
    _p("CT_UBND_T", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố", G3, 1, 80),
    _p("PCT_UBND_T", "Phó Chủ tịch Ủy ban nhân dân tỉnh", G3, 1, 70),
    _p("GD_SO", "Giám đốc Sở", G4, 1, 60),
    _p("BT_HU", "Bí thư Huyện ủy, Quận ủy, Thị ủy", G4, 1, 60),
    _p("THU_TRUONG", "Thủ trưởng cơ quan, đơn vị", G4, 1, 60),
    _p("CT_UBND_H", "Chủ tịch Ủy ban nhân dân huyện", G4, 1, 55),
    _p("PGD_SO", "Phó Giám đốc Sở", G4, 2, 50),
    _p("BT_DUX", "Bí thư Đảng ủy xã, phường, đặc khu", G4, 2, 50),
    _p("BT_CU", "Bí thư cấp ủy cơ sở", G4, 2, 45),
    _p("CT_UBND_X", "Chủ tịch Ủy ban nhân dân xã, phường", G4, 2, 45),
    _p("BT_DUCS", "Bí thư Đảng ủy cơ sở", G4, 2, 45),
    _p("BT_CBCS", "Bí thư Chi bộ cơ sở", G4, 3, 40),
    _p("TP", "Trưởng phòng", G4, 3, 40),
    _p("PBT_CU", "Phó Bí thư cấp ủy cơ sở", G4, 4, 30),
    _p("CN_UBKT", "Chủ nhiệm Ủy ban Kiểm tra", G4, 4, 30),
    _p("PTP", "Phó Trưởng phòng", G4, 4, 30),
    _p("UV_BTV", "Ủy viên Ban Thường vụ", G4, 4, 30),
    _p("BT_CB", "Bí thư chi bộ", G4, 4, 20),
    _p("UV_BCH", "Ủy viên Ban Chấp hành", G4, 4, 20),
    _p("UV_UBKT", "Ủy viên Ủy ban Kiểm tra", G4, 5, 15),
    _p("PBT_CB", "Phó Bí thư chi bộ", G4, 5, 10),
    _p("CUV", "Chi ủy viên", G4, 5, 10),
    _p("CV", "Chuyên viên", G4, 9, 0),
)
"""Default entries for the registry's title codes (the demo's titles and the posts approved
election results write). Grades are canbo's data, not the text of QĐ 368: each managing body
corrects or adds its group IV posts with :meth:`PostCatalogue.with_entries`."""

QD368_2025 = PostCatalogue(
    "QD368_2025",
    "QĐ 368-QĐ/TW",
    dt.date(2025, 9, 8),
    None,
    {p.code: p for p in DEFAULT_POSTS},
)
KL35_2022 = PostCatalogue(
    "KL35_2022",
    "KL 35-KL/TW",
    dt.date(2022, 5, 5),
    dt.date(2025, 9, 7),
    {p.code: p for p in DEFAULT_POSTS},
    covered=False,
)
"""Before QĐ 368: Kết luận 35-KL/TW, not covered by the handbook; canbo uses the same default
entries (and for steps before 05/05/2022 too), and says so (``covered`` is false)."""


def catalogue_on(day: dt.date) -> PostCatalogue:
    """The catalogue in force on ``day`` (AP-20): QĐ 368 from 08/09/2025, else KL 35."""
    return QD368_2025 if day >= QD368_2025.valid_from else KL35_2022
