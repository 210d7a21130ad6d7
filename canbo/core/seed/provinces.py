"""Provincial units before and after the 2025 reorganization (handbook OR-11, OR-12, OR-16).

Before 01/07/2025 there were 63 provincial units (tỉnh, thành phố trực thuộc Trung ương); from
01/07/2025 there are 34: 11 unchanged and 23 established "on the basis of merging" 52 former
ones (NQ 60-NQ/TW of 12/04/2025; NQ 202/2025/QH15 of 12/06/2025). This table is the default of
the parameter ``or_province_lineage_2025``: rows not marked ``text`` are to be checked against
NQ 202/2025/QH15 before release.

Codes are the two-digit administrative codes (mã đơn vị hành chính) of the General Statistics
Office list; from 01/07/2025 the list of QĐ 19/2025/QĐ-TTg, in which each merged unit carries
the code of the former province that holds its seat. The new codes were cross-checked against
two independent public datasets (confidence: summary). Đồng Nai is listed as a province, as
established on 01/07/2025; a later change to a centrally governed city is not covered here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from canbo.core.errors import Citation
from canbo.core.types import Confidence

REORGANIZED_ON = dt.date(2025, 7, 1)
"""Effective date of NQ 202/2025/QH15 and of the Politburo decisions on the new committees."""
OLD_VALID_TO = dt.date(2025, 6, 30)
"""Last day of the 63 former provinces and their Party committees (OR-16)."""
STATE_BASIS = "NQ 202/2025/QH15"
PARTY_BASIS_DEFAULT = "NQ 60-NQ/TW"
"""Party basis used where the Politburo decision establishing the committee is not confirmed."""
LINEAGE_CITATION = Citation(
    document=STATE_BASIS,
    article="Điều 1",
    rule_id="OR-12",
    unconfirmed=("or_province_lineage_2025",),
)


class ProvinceKind(StrEnum):
    """Tỉnh (province) or thành phố trực thuộc Trung ương (centrally governed city)."""

    PROVINCE = "province"
    CENTRAL_CITY = "central_city"

    @property
    def prefix(self) -> str:
        return "Tỉnh" if self is ProvinceKind.PROVINCE else "Thành phố"


@dataclass(frozen=True, slots=True)
class OldProvince:
    """A provincial unit as it stood on 30/06/2025.

    ``former_name``/``kind_since``/``kind_basis`` record a change of status earlier in the
    unit's life (Thừa Thiên Huế became the centrally governed city of Huế on 01/01/2025).
    """

    code: str
    name: str
    kind: ProvinceKind = ProvinceKind.PROVINCE
    former_name: str = ""
    kind_since: dt.date | None = None
    kind_basis: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.kind.prefix} {self.name}"


@dataclass(frozen=True, slots=True)
class NewProvince:
    """A provincial unit from 01/07/2025, with its predecessors (OR-12 row ``row``).

    ``predecessors`` and ``centre`` are codes of :data:`PROVINCES_BEFORE_2025_07`; ``centre``
    is the former province whose seat became the new seat. ``confidence`` is the row's mark;
    ``centre_confidence`` the mark of the centre alone. ``party_basis`` is the Politburo
    decision that established the provincial Party committee, where confirmed (OR-04).
    """

    row: int
    code: str
    name: str
    kind: ProvinceKind
    predecessors: tuple[str, ...]
    centre: str
    confidence: Confidence
    centre_confidence: Confidence
    party_basis: str = PARTY_BASIS_DEFAULT
    legal_basis: str = STATE_BASIS

    @property
    def full_name(self) -> str:
        return f"{self.kind.prefix} {self.name}"

    @property
    def is_merged(self) -> bool:
        """True for the 23 units established by merging; they are new units (OR-16)."""
        return len(self.predecessors) > 1


_P, _C = ProvinceKind.PROVINCE, ProvinceKind.CENTRAL_CITY
_T, _S, _U = Confidence.TEXT, Confidence.SUMMARY, Confidence.UNCONFIRMED

PROVINCES_BEFORE_2025_07: tuple[OldProvince, ...] = (
    OldProvince("01", "Hà Nội", _C),
    OldProvince("02", "Hà Giang"),
    OldProvince("04", "Cao Bằng"),
    OldProvince("06", "Bắc Kạn"),
    OldProvince("08", "Tuyên Quang"),
    OldProvince("10", "Lào Cai"),
    OldProvince("11", "Điện Biên"),
    OldProvince("12", "Lai Châu"),
    OldProvince("14", "Sơn La"),
    OldProvince("15", "Yên Bái"),
    OldProvince("17", "Hòa Bình"),
    OldProvince("19", "Thái Nguyên"),
    OldProvince("20", "Lạng Sơn"),
    OldProvince("22", "Quảng Ninh"),
    OldProvince("24", "Bắc Giang"),
    OldProvince("25", "Phú Thọ"),
    OldProvince("26", "Vĩnh Phúc"),
    OldProvince("27", "Bắc Ninh"),
    OldProvince("30", "Hải Dương"),
    OldProvince("31", "Hải Phòng", _C),
    OldProvince("33", "Hưng Yên"),
    OldProvince("34", "Thái Bình"),
    OldProvince("35", "Hà Nam"),
    OldProvince("36", "Nam Định"),
    OldProvince("37", "Ninh Bình"),
    OldProvince("38", "Thanh Hóa"),
    OldProvince("40", "Nghệ An"),
    OldProvince("42", "Hà Tĩnh"),
    OldProvince("44", "Quảng Bình"),
    OldProvince("45", "Quảng Trị"),
    # Status change: NQ 175/2024/QH15 (from memory, not checked against the text: unconfirmed).
    OldProvince(
        "46",
        "Huế",
        _C,
        former_name="Tỉnh Thừa Thiên Huế",
        kind_since=dt.date(2025, 1, 1),
        kind_basis="NQ 175/2024/QH15",
    ),
    OldProvince("48", "Đà Nẵng", _C),
    OldProvince("49", "Quảng Nam"),
    OldProvince("51", "Quảng Ngãi"),
    OldProvince("52", "Bình Định"),
    OldProvince("54", "Phú Yên"),
    OldProvince("56", "Khánh Hòa"),
    OldProvince("58", "Ninh Thuận"),
    OldProvince("60", "Bình Thuận"),
    OldProvince("62", "Kon Tum"),
    OldProvince("64", "Gia Lai"),
    OldProvince("66", "Đắk Lắk"),
    OldProvince("67", "Đắk Nông"),
    OldProvince("68", "Lâm Đồng"),
    OldProvince("70", "Bình Phước"),
    OldProvince("72", "Tây Ninh"),
    OldProvince("74", "Bình Dương"),
    OldProvince("75", "Đồng Nai"),
    OldProvince("77", "Bà Rịa - Vũng Tàu"),
    OldProvince("79", "Hồ Chí Minh", _C),
    OldProvince("80", "Long An"),
    OldProvince("82", "Tiền Giang"),
    OldProvince("83", "Bến Tre"),
    OldProvince("84", "Trà Vinh"),
    OldProvince("86", "Vĩnh Long"),
    OldProvince("87", "Đồng Tháp"),
    OldProvince("89", "An Giang"),
    OldProvince("91", "Kiên Giang"),
    OldProvince("92", "Cần Thơ", _C),
    OldProvince("93", "Hậu Giang"),
    OldProvince("94", "Sóc Trăng"),
    OldProvince("95", "Bạc Liêu"),
    OldProvince("96", "Cà Mau"),
)

# Rows of OR-12: (row, code, name, kind, predecessors, centre, confidence, centre confidence).
PROVINCES_FROM_2025_07: tuple[NewProvince, ...] = (
    NewProvince(1, "01", "Hà Nội", _C, ("01",), "01", _T, _T),
    NewProvince(2, "46", "Huế", _C, ("46",), "46", _T, _T),
    NewProvince(3, "12", "Lai Châu", _P, ("12",), "12", _T, _T),
    NewProvince(4, "11", "Điện Biên", _P, ("11",), "11", _T, _T),
    NewProvince(5, "14", "Sơn La", _P, ("14",), "14", _T, _T),
    NewProvince(6, "20", "Lạng Sơn", _P, ("20",), "20", _T, _T),
    NewProvince(7, "22", "Quảng Ninh", _P, ("22",), "22", _T, _T),
    NewProvince(8, "38", "Thanh Hóa", _P, ("38",), "38", _T, _T),
    NewProvince(9, "40", "Nghệ An", _P, ("40",), "40", _T, _T),
    NewProvince(10, "42", "Hà Tĩnh", _P, ("42",), "42", _T, _T),
    NewProvince(11, "04", "Cao Bằng", _P, ("04",), "04", _T, _T),
    NewProvince(12, "08", "Tuyên Quang", _P, ("08", "02"), "08", _T, _T),
    NewProvince(13, "15", "Lào Cai", _P, ("10", "15"), "15", _T, _T),
    NewProvince(14, "19", "Thái Nguyên", _P, ("19", "06"), "19", _T, _T),
    NewProvince(15, "25", "Phú Thọ", _P, ("25", "26", "17"), "25", _T, _T),
    NewProvince(16, "24", "Bắc Ninh", _P, ("27", "24"), "24", _T, _T),
    NewProvince(17, "33", "Hưng Yên", _P, ("33", "34"), "33", _T, _T),
    NewProvince(18, "31", "Hải Phòng", _C, ("31", "30"), "31", _T, _T),
    NewProvince(19, "37", "Ninh Bình", _P, ("37", "35", "36"), "37", _S, _S),
    NewProvince(20, "44", "Quảng Trị", _P, ("45", "44"), "44", _S, _S),
    NewProvince(21, "48", "Đà Nẵng", _C, ("48", "49"), "48", _S, _U),
    NewProvince(22, "51", "Quảng Ngãi", _P, ("51", "62"), "51", _U, _U),
    NewProvince(23, "52", "Gia Lai", _P, ("64", "52"), "52", _S, _U),
    NewProvince(24, "56", "Khánh Hòa", _P, ("56", "58"), "56", _U, _U),
    NewProvince(25, "68", "Lâm Đồng", _P, ("68", "67", "60"), "68", _S, _U),
    NewProvince(26, "66", "Đắk Lắk", _P, ("66", "54"), "66", _S, _U),
    NewProvince(27, "79", "Hồ Chí Minh", _C, ("79", "74", "77"), "79", _T, _T, "321-QĐ/TW"),
    NewProvince(28, "75", "Đồng Nai", _P, ("75", "70"), "75", _S, _U),
    NewProvince(29, "80", "Tây Ninh", _P, ("72", "80"), "80", _S, _S),
    NewProvince(30, "92", "Cần Thơ", _C, ("92", "94", "93"), "92", _S, _U),
    NewProvince(31, "86", "Vĩnh Long", _P, ("86", "83", "84"), "86", _S, _U),
    NewProvince(32, "82", "Đồng Tháp", _P, ("87", "82"), "82", _S, _U, "326-QĐ/TW"),
    NewProvince(33, "96", "Cà Mau", _P, ("96", "95"), "96", _S, _U, "327-QĐ/TW"),
    NewProvince(34, "91", "An Giang", _P, ("89", "91"), "91", _S, _S, "328-QĐ/TW"),
)

_OLD_BY_CODE = {p.code: p for p in PROVINCES_BEFORE_2025_07}
_NEW_BY_CODE = {p.code: p for p in PROVINCES_FROM_2025_07}
_SUCCESSOR = {old: new for new in PROVINCES_FROM_2025_07 for old in new.predecessors}


def old_province(code: str) -> OldProvince:
    """The provincial unit that had ``code`` on 30/06/2025 (KeyError if none)."""
    return _OLD_BY_CODE[code]


def new_province(code: str) -> NewProvince:
    """The provincial unit that has ``code`` from 01/07/2025 (KeyError if none)."""
    return _NEW_BY_CODE[code]


def successor_of(old_code: str) -> NewProvince:
    """The unit that a former province went into on 01/07/2025, whole (OR-12, OR-14)."""
    return _SUCCESSOR[old_code]


def lineage_problems() -> list[str]:
    """Every inconsistency in the tables (empty when sound); run by the tests and at import.

    Checks OR-11 and OR-12: 63 old and 34 new units, unique codes, each former province a
    predecessor of exactly one new unit, each centre among its unit's predecessors.
    """
    problems: list[str] = []
    if len(_OLD_BY_CODE) != len(PROVINCES_BEFORE_2025_07):
        problems.append("duplicate code among the former provinces")
    if len(_NEW_BY_CODE) != len(PROVINCES_FROM_2025_07):
        problems.append("duplicate code among the new provincial units")
    listed = [old for new in PROVINCES_FROM_2025_07 for old in new.predecessors]
    for code in sorted(set(listed) ^ set(_OLD_BY_CODE)):
        problems.append(f"former province {code} is unknown or has no successor")
    for code in sorted({c for c in listed if listed.count(c) > 1}):
        problems.append(f"former province {code} has more than one successor")
    for new in PROVINCES_FROM_2025_07:
        if new.centre not in new.predecessors:
            problems.append(f"{new.name}: centre {new.centre} is not a predecessor")
    return problems


_PROBLEMS = lineage_problems()
if _PROBLEMS:  # pragma: no cover - guards edits to the tables above
    raise ValueError("; ".join(_PROBLEMS))
