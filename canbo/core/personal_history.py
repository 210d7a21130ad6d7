"""The fuller record of a person (sơ yếu lý lịch): education, training, work history, awards.

Each item is a dated entry that is added and, when it no longer holds, ended; nothing is
overwritten. The values follow the form conventions of the handbook (FRM-06): general
education as grades completed over the system length ("12/12", "10/10" in the old system);
political theory sơ cấp, trung cấp, cao cấp, cử nhân; State management chuyên viên cao cấp,
chuyên viên chính, chuyên viên, cán sự; foreign language and IT as a name and a level text.
The photo is checked here by its size and its first bytes (JPEG or PNG); the adapter that
stores it may decode it too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from .errors import ValidationError
from .validation import check_date, check_text


class HistoryKind(StrEnum):
    """The kinds of items of the personal history form, in the form's order."""

    EDUCATION = "education"  # trình độ giáo dục phổ thông
    QUALIFICATION = "qualification"  # trình độ chuyên môn
    THEORY = "theory"  # lý luận chính trị
    STATE_MANAGEMENT = "state_management"  # quản lý nhà nước
    LANGUAGE = "language"  # ngoại ngữ
    IT = "it"  # tin học
    WORK = "work"  # quá trình công tác
    AWARD = "award"  # khen thưởng


THEORY_LEVELS = ("so_cap", "trung_cap", "cao_cap", "cu_nhan")
"""Sơ cấp, trung cấp, cao cấp, cử nhân (FRM-06), lowest first."""
STATE_LEVELS = ("can_su", "chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_cao_cap")
"""Cán sự, chuyên viên, chuyên viên chính, chuyên viên cao cấp (FRM-06), lowest first."""
QUALIFICATION_LEVELS = ("so_cap", "trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si")
"""Professional qualifications: sơ cấp to tiến sĩ."""
LEVELS: dict[HistoryKind, tuple[str, ...]] = {
    HistoryKind.THEORY: THEORY_LEVELS,
    HistoryKind.STATE_MANAGEMENT: STATE_LEVELS,
    HistoryKind.QUALIFICATION: QUALIFICATION_LEVELS,
}
"""Kinds whose level comes from a closed list; the others hold a level as text."""

LEVEL_LABELS = {
    "so_cap": "Sơ cấp",
    "trung_cap": "Trung cấp",
    "cao_cap": "Cao cấp",
    "cu_nhan": "Cử nhân",
    "can_su": "Cán sự",
    "chuyen_vien": "Chuyên viên",
    "chuyen_vien_chinh": "Chuyên viên chính",
    "chuyen_vien_cao_cap": "Chuyên viên cao cấp",
    "cao_dang": "Cao đẳng",
    "dai_hoc": "Đại học",
    "thac_si": "Thạc sĩ",
    "tien_si": "Tiến sĩ",
}
"""How each level is written on the printed form (Vietnamese, as the form is)."""

_GRADES = re.compile(r"(\d{1,2})/(\d{1,2})\Z")
SYSTEM_LENGTHS = (10, 12)
"""General education systems: 10 years (the old system in the North) and 12 years."""
EARLIEST_YEAR = 1900

PHOTO_MAX_BYTES = 2 * 1024 * 1024
"""A 4 × 6 cm photo needs far less; larger files are refused."""
PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def check_grades(value: str) -> None:
    """General education as "grades completed/system length": 12/12, 9/12, 10/10."""
    match = _GRADES.match(value.strip())
    if match is None:
        raise ValidationError("education_format", field="level", value=value)
    done, length = int(match[1]), int(match[2])
    if length not in SYSTEM_LENGTHS or not 1 <= done <= length:
        raise ValidationError("education_format", field="level", value=value)


@dataclass(frozen=True, slots=True)
class HistoryItemData:
    """One entry of the personal history form.

    ``level``: a grade ("12/12"), a level code from :data:`LEVELS`, or a level text (foreign
    language, IT, a qualification's title); ``field_name``: the subject, the language or the
    post held; ``institution``: the school, or the unit worked in; ``year``: the year of the
    diploma or of the award; ``starts``/``ends``: the period of study or of work;
    ``decision_ref``: the award's decision or the certificate number."""

    kind: HistoryKind
    declared_on: dt.date
    level: str = ""
    field_name: str = ""
    institution: str = ""
    year: int | None = None
    starts: dt.date | None = None
    ends: dt.date | None = None
    decision_ref: str = ""
    note: str = ""

    def check(self, today: dt.date) -> None:
        check_date("declared_on", self.declared_on, today)
        check_date("starts", self.starts, today)
        check_date("ends", self.ends, today, future=True)
        for field, value, limit in (
            ("level", self.level, 64),
            ("field_name", self.field_name, 255),
            ("institution", self.institution, 255),
            ("decision_ref", self.decision_ref, 128),
            ("note", self.note, 255),
        ):
            check_text(field, value, limit)
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError("dates_out_of_order", field="ends")
        if self.year is not None and not EARLIEST_YEAR <= self.year <= today.year:
            raise ValidationError("out_of_range", field="year", value=self.year)
        self._check_kind()

    def _check_kind(self) -> None:
        kind = self.kind
        if kind == HistoryKind.EDUCATION:
            check_grades(self.level)
        elif kind in LEVELS:
            if self.level not in LEVELS[kind]:
                raise ValidationError("invalid_choice", field="level", value=self.level)
        elif kind in (HistoryKind.LANGUAGE, HistoryKind.IT):
            if not self.level.strip():
                raise ValidationError("required", field="level")
            if kind == HistoryKind.LANGUAGE and not self.field_name.strip():
                raise ValidationError("required", field="field_name")
        elif kind == HistoryKind.WORK:
            if self.starts is None:
                raise ValidationError("required", field="starts")
            if not self.institution.strip():
                raise ValidationError("required", field="institution")
        elif kind == HistoryKind.AWARD:
            if self.year is None:
                raise ValidationError("required", field="year")
            if not self.level.strip():
                raise ValidationError("required", field="level")


def check_ended(item: HistoryItemData, ended_on: dt.date, today: dt.date) -> None:
    """An entry ends on or after the day it was declared, and not in the future."""
    check_date("ended_on", ended_on, today)
    if ended_on < item.declared_on:
        raise ValidationError("dates_out_of_order", field="ended_on")


def photo_type(head: bytes, size: int) -> str:
    """The media type of a photo from its first bytes (JPEG or PNG), within the size limit;
    anything else is refused on the ``photo`` field."""
    if size <= 0 or size > PHOTO_MAX_BYTES:
        raise ValidationError("photo_too_large", field="photo", value=size)
    for magic, media in PHOTO_TYPES.items():
        if head.startswith(magic):
            return media
    raise ValidationError("photo_not_image", field="photo")


def level_label(kind: HistoryKind | str, level: str) -> str:
    """A level as printed: a label for a coded level, the text itself otherwise."""
    if HistoryKind(kind) in LEVELS:
        return LEVEL_LABELS.get(level, level)
    return level


def highest(items: list[HistoryItemData], kind: HistoryKind) -> HistoryItemData | None:
    """The highest entry of a coded kind (statistics count the highest diploma only, FRM-06);
    for other kinds the latest declared."""
    chosen = [i for i in items if i.kind == kind]
    if not chosen:
        return None
    order = LEVELS.get(kind)
    if order is None:
        return max(chosen, key=lambda i: i.declared_on)
    return max(chosen, key=lambda i: order.index(i.level) if i.level in order else -1)
