"""The words of the statistics tables, Vietnamese first, then English (each row carries both,
so that a page, a spreadsheet and a received bundle show the same words)."""

from __future__ import annotations

import datetime as dt

from canbo.core.member_stats import AgeBand
from canbo.core.personal_history import LEVEL_LABELS, QUALIFICATION_LEVELS, THEORY_LEVELS
from canbo.core.types import DisciplineForm, UnitKind

from .params import SizeBand, local_row_label

TITLES: dict[str, tuple[str, str]] = {
    "bieu1": ("Biểu 1-BTCTW: Tăng, giảm đảng viên", "Table 1: Members' movement"),
    "bieu2": ("Biểu 2-BTCTW: Đảng viên mới kết nạp", "Table 2: Members admitted"),
    "bieu3": ("Biểu 3-BTCTW: Chất lượng đội ngũ đảng viên", "Table 3: Composition of members"),
    "bieu4": (
        "Biểu 4-BTCTW: Đảng viên là người dân tộc thiểu số, có tôn giáo",
        "Table 4: Members by ethnic group and religion",
    ),
    "bieu5": ("Biểu 5-BTCTW: Tổ chức cơ sở đảng", "Table 5: Party organizations"),
}
"""Table titles; "Biểu x-BTCTW" names the table of HD 11-HD/BTCTW (FRM-08)."""

MOVEMENT_ROWS: tuple[tuple[str, str, str, int], ...] = (
    ("A", "A. Đảng viên đầu kỳ", "A. Members at the start of the period", 0),
    ("B", "B. Tăng trong kỳ", "B. Increases in the period", 0),
    ("B1", "Kết nạp", "Admitted", 1),
    ("B2", "Chuyển đến", "Transferred in", 1),
    ("B3", "Phục hồi đảng tịch", "Membership restored", 1),
    ("C", "C. Giảm trong kỳ", "C. Decreases in the period", 0),
    ("C1", "Từ trần", "Died", 1),
    ("C2", "Khai trừ", "Expelled", 1),
    ("C3", "Xóa tên, xin ra khỏi Đảng", "Removed from the roll or left", 1),
    ("C4", "Chuyển đi", "Transferred out", 1),
    ("D", "D. Đảng viên cuối kỳ (D = A + B − C)", "D. Members at the end (D = A + B − C)", 0),
    ("E", "Công nhận đảng viên chính thức trong kỳ", "Recognized as official in the period", 0),
    ("K", "Đảng viên bị kỷ luật trong kỳ", "Members disciplined in the period", 0),
)
DISCIPLINE_FORMS: tuple[tuple[str, str, str], ...] = (
    (DisciplineForm.KHIEN_TRACH, "Khiển trách", "Reprimand"),
    (DisciplineForm.CANH_CAO, "Cảnh cáo", "Warning"),
    (DisciplineForm.CACH_CHUC, "Cách chức", "Dismissal"),
    (DisciplineForm.KHAI_TRU, "Khai trừ", "Expulsion"),
)
LEVEL_TITLES: dict[str, tuple[str, str]] = {
    "education": ("Trình độ giáo dục phổ thông", "General education"),
    "qualification": ("Trình độ chuyên môn", "Professional qualification"),
    "theory": ("Trình độ lý luận chính trị", "Political theory"),
}
_LEVEL_EN = {
    "primary": "Primary",
    "lower_secondary": "Lower secondary",
    "upper_secondary": "Upper secondary",
    "so_cap": "Elementary",
    "trung_cap": "Intermediate",
    "cao_dang": "College",
    "dai_hoc": "University",
    "thac_si": "Master's",
    "tien_si": "Doctorate",
    "cao_cap": "Advanced",
    "cu_nhan": "Bachelor",
}
_LEVEL_VI = {
    "primary": "Tiểu học",
    "lower_secondary": "Trung học cơ sở",
    "upper_secondary": "Trung học phổ thông",
}
NOT_DECLARED = ("Chưa khai báo", "Not declared")
NO_RELIGION = ("Không tôn giáo", "No religion")
BY_ETHNICITY = ("Chia theo dân tộc", "By ethnic group")
BY_RELIGION = ("Chia theo tôn giáo", "By religion")

GRASSROOTS_KINDS = (
    str(UnitKind.COMMUNE_PARTY_COMMITTEE),
    str(UnitKind.GRASSROOTS_COMMITTEE),
    str(UnitKind.GRASSROOTS_CELL),
)
"""The kinds a grassroots organization has (a commune committee of grassroots level)."""
OTHER_KINDS = (
    str(UnitKind.PROVINCIAL_PARTY_COMMITTEE),
    str(UnitKind.DISTRICT_PARTY_COMMITTEE),
    str(UnitKind.COMMUNE_PARTY_COMMITTEE),
    str(UnitKind.PROVINCIAL_AFFILIATE_COMMITTEE),
    str(UnitKind.SUB_COMMITTEE),
    str(UnitKind.CELL),
    str(UnitKind.PARTY_GROUP),
)
_KINDS = {
    str(UnitKind.GRASSROOTS_COMMITTEE): ("Đảng bộ cơ sở", "Grassroots committees"),
    str(UnitKind.GRASSROOTS_CELL): ("Chi bộ cơ sở", "Grassroots cells"),
    str(UnitKind.PROVINCIAL_PARTY_COMMITTEE): ("Đảng bộ tỉnh, thành phố", "Provincial committees"),
    str(UnitKind.DISTRICT_PARTY_COMMITTEE): ("Đảng bộ huyện, quận", "District committees"),
    str(UnitKind.PROVINCIAL_AFFILIATE_COMMITTEE): (
        "Đảng bộ các cơ quan, doanh nghiệp tỉnh",
        "Provincial agencies' committees",
    ),
    str(UnitKind.SUB_COMMITTEE): ("Đảng bộ bộ phận", "Sub-committees"),
    str(UnitKind.CELL): ("Chi bộ trực thuộc", "Subordinate cells"),
    str(UnitKind.PARTY_GROUP): ("Tổ đảng", "Party groups"),
}
GRASSROOTS_TITLE = ("Tổ chức cơ sở đảng", "Grassroots Party organizations")
OTHER_KINDS_TITLE = ("Tổ chức đảng khác", "Other Party organizations")
SIZE_TITLE = (
    "Tổ chức cơ sở đảng chia theo số đảng viên",
    "Grassroots organizations by number of members",
)


def kind_label(kind: str, as_of: dt.date) -> tuple[str, str]:
    """A unit kind's row words; the commune row per ``frm_stats_local_rows`` (FRM-11)."""
    if kind == UnitKind.COMMUNE_PARTY_COMMITTEE:
        return local_row_label(as_of)
    return _KINDS[kind]


def band_label(band: AgeBand) -> tuple[str, str]:
    if band.high is None:
        return f"Trên {band.low - 1} tuổi", f"Over {band.low - 1}"
    low = max(band.low, 18)
    return f"Từ {low} đến {band.high} tuổi", f"{low} to {band.high}"


def size_label(band: SizeBand) -> tuple[str, str]:
    if band.high is None:
        return f"Từ {band.low} đảng viên trở lên", f"{band.low} members and over"
    if band.low == 0:
        return f"Dưới {band.high + 1} đảng viên", f"Under {band.high + 1} members"
    return f"Từ {band.low} đến {band.high} đảng viên", f"{band.low} to {band.high} members"


def level_label(level: str) -> tuple[str, str]:
    return _LEVEL_VI.get(level, LEVEL_LABELS.get(level, level)), _LEVEL_EN.get(level, level)


EDUCATION_LEVELS = ("primary", "lower_secondary", "upper_secondary")


def _education_ranks() -> dict[str, int]:
    """General education as grades over the system length (FRM-06): 12-year system, primary
    to grade 5, lower secondary to 9; 10-year system, primary to 4, lower secondary to 7."""
    ranks: dict[str, int] = {}
    for length, primary, lower in ((12, 5, 9), (10, 4, 7)):
        for done in range(1, length + 1):
            ranks[f"{done}/{length}"] = 1 if done <= primary else 2 if done <= lower else 3
    return ranks


LEVEL_ORDERS: dict[str, tuple[str, ...]] = {
    "education": EDUCATION_LEVELS,
    "qualification": QUALIFICATION_LEVELS,
    "theory": THEORY_LEVELS,
}
LEVEL_RANKS: dict[str, dict[str, int]] = {
    "education": _education_ranks(),
    "qualification": {lv: i + 1 for i, lv in enumerate(QUALIFICATION_LEVELS)},
    "theory": {lv: i + 1 for i, lv in enumerate(THEORY_LEVELS)},
}
"""For the storage adapter: each declared level text → its rank within its kind (1 lowest);
a person counts once per kind, at the highest rank (``level_for_rank``)."""


def level_for_rank(kind: str, rank: int) -> str:
    order = LEVEL_ORDERS[kind]
    return order[rank - 1] if 1 <= rank <= len(order) else ""
