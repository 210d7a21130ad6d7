"""Identifiers and enumerations of the organization registry and personnel record.

Django ``TextChoices`` in the apps derive their values from these enums, so the core and the
database always agree. Vietnamese terms of art are given in the docstrings; labels for display
live in the apps' ``choices.py`` (translated).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import NewType

UnitId = NewType("UnitId", int)
PersonId = NewType("PersonId", int)
AccountId = NewType("AccountId", int)


class Confidence(StrEnum):
    """Handbook confidence marks (README, "Confidence marks")."""

    TEXT = "text"
    SUMMARY = "summary"
    UNCONFIRMED = "unconfirmed"


class Pillar(StrEnum):
    """OR-01: the three pillars of the political system."""

    PARTY = "party"
    STATE = "state"
    FRONT = "front"


class UnitKind(StrEnum):
    """Node types of the tree (OR-02 to OR-07, OR-10, OR-13)."""

    # Party
    CENTRAL_COMMITTEE = "central_committee"  # Ban Chấp hành Trung ương
    POLITBURO = "politburo"  # Bộ Chính trị
    SECRETARIAT = "secretariat"  # Ban Bí thư
    CENTRAL_INSPECTION = "central_inspection"  # Ủy ban Kiểm tra Trung ương
    CENTRAL_ADVISORY_BODY = "central_advisory_body"  # Ban Tổ chức Trung ương, ...
    DIRECTLY_UNDER_CENTRAL = "directly_under_central"  # Đảng ủy Quân ủy TW, Đảng bộ Chính phủ...
    PROVINCIAL_PARTY_COMMITTEE = "provincial_party_committee"  # Tỉnh ủy, Thành ủy
    DISTRICT_PARTY_COMMITTEE = "district_party_committee"  # Huyện ủy, Quận ủy (to 30/06/2025)
    COMMUNE_PARTY_COMMITTEE = "commune_party_committee"  # Đảng bộ xã, phường, đặc khu
    PROVINCIAL_AFFILIATE_COMMITTEE = "provincial_affiliate_committee"  # Đảng bộ các cơ quan tỉnh
    GRASSROOTS_COMMITTEE = "grassroots_committee"  # Đảng bộ cơ sở
    GRASSROOTS_CELL = "grassroots_cell"  # Chi bộ cơ sở
    SUB_COMMITTEE = "sub_committee"  # Đảng ủy bộ phận
    CELL = "cell"  # Chi bộ trực thuộc
    PARTY_GROUP = "party_group"  # Tổ đảng
    # State
    NATIONAL_ASSEMBLY = "national_assembly"
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    PROVINCE = "province"  # Tỉnh / Thành phố trực thuộc TW
    DISTRICT = "district"  # Huyện / Quận / Thị xã (to 30/06/2025)
    COMMUNE = "commune"  # Xã / Phường / Đặc khu
    PEOPLES_COUNCIL = "peoples_council"  # Hội đồng nhân dân
    PEOPLES_COMMITTEE = "peoples_committee"  # Ủy ban nhân dân
    AGENCY = "agency"  # Sở, ngành, cơ quan
    AGENCY_UNIT = "agency_unit"  # Phòng, ban thuộc cơ quan
    # Front
    FRONT_COMMITTEE = "front_committee"  # Ủy ban MTTQ
    MASS_ORGANIZATION = "mass_organization"  # Đoàn thể


class LevelClass(StrEnum):
    """OR-08: the level class a rule reads, a versioned attribute (never derived from a name)."""

    CENTRAL = "central"
    DIRECTLY_UNDER_CENTRAL = "directly_under_central"
    UPPER_GRASSROOTS = "upper_grassroots"
    GRASSROOTS = "grassroots"
    SUB_COMMITTEE = "sub_committee"
    CELL = "cell"
    GROUP = "group"
    STATE_CENTRAL = "state_central"
    STATE_PROVINCE = "state_province"
    STATE_DISTRICT = "state_district"
    STATE_COMMUNE = "state_commune"
    STATE_UNIT = "state_unit"


class LineageKind(StrEnum):
    """OR-16: the kinds of change a reorganization makes."""

    ESTABLISH = "establish"
    MERGE = "merge"
    ABSORB = "absorb"
    SPLIT = "split"
    TRANSFER = "transfer"
    RENAME = "rename"
    DISSOLVE = "dissolve"


class Share(StrEnum):
    """OR-14: whether a predecessor went whole into a successor or only in part."""

    WHOLE = "whole"
    PART = "part"


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class MembershipStatus(StrEnum):
    """Đảng viên dự bị (probationary) or chính thức (official)."""

    PROBATIONARY = "probationary"
    OFFICIAL = "official"


class DisciplineForm(StrEnum):
    """Party discipline forms, lightest first: khiển trách, cảnh cáo, cách chức, khai trừ.

    ``severity`` orders them for the rules that read "the heaviest form decided in the year".
    """

    KHIEN_TRACH = "khien_trach"
    CANH_CAO = "canh_cao"
    CACH_CHUC = "cach_chuc"
    KHAI_TRU = "khai_tru"

    @property
    def severity(self) -> int:
        return _DISCIPLINE_ORDER.index(self) + 1


_DISCIPLINE_ORDER = [
    DisciplineForm.KHIEN_TRACH,
    DisciplineForm.CANH_CAO,
    DisciplineForm.CACH_CHUC,
    DisciplineForm.KHAI_TRU,
]


class LeaveKind(StrEnum):
    SICK = "sick"  # nghỉ ốm
    MATERNITY = "maternity"  # nghỉ thai sản
    EXCUSED_FROM_PARTY_WORK = "excused"  # miễn sinh hoạt đảng
    SUSPENDED = "suspended"  # đình chỉ sinh hoạt đảng
    OTHER = "other"


class RelationKind(StrEnum):
    """Declared relatives (Luật Hôn nhân và gia đình 2014, "người thân thích"; QĐ 114)."""

    SPOUSE = "spouse"
    PARENT = "parent"
    PARENT_IN_LAW = "parent_in_law"
    CHILD = "child"
    CHILD_IN_LAW = "child_in_law"
    SIBLING = "sibling"
    SIBLING_IN_LAW = "sibling_in_law"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    OTHER = "other"


class TitleLevel(StrEnum):
    """Level of a post in the title catalogue (who manages it)."""

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    COMMUNE = "commune"
    GRASSROOTS = "grassroots"
    DEPARTMENT = "department"


class Role(StrEnum):
    """Roles of accounts, each scoped to a subtree of the organization tree."""

    ADMIN = "admin"  # system administrator (reference data, accounts)
    ORG_STAFF = "org_staff"  # cán bộ Ban Tổ chức: reads and writes the subtree's records
    VIEWER = "viewer"  # reads the subtree
    INSPECTOR = "inspector"  # Ủy ban Kiểm tra: reads records and the audit log
    CELL_SECRETARY = "cell_secretary"  # bí thư chi bộ: the cell's members
    COUNTING_COMMITTEE = "counting_committee"  # ban kiểm phiếu
    STANDING_COMMITTEE = "standing_committee"  # thường trực cấp ủy: decides levels (CL-22)


WRITE_ROLES = frozenset({Role.ADMIN, Role.ORG_STAFF})
READ_ROLES = frozenset(
    {
        Role.ADMIN,
        Role.ORG_STAFF,
        Role.VIEWER,
        Role.INSPECTOR,
        Role.CELL_SECRETARY,
        Role.STANDING_COMMITTEE,
    }
)


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed validity interval ``[valid_from, valid_to]``; ``valid_to=None`` is open-ended.

    Dates are calendar dates in Vietnam. ``valid_to`` is the last day the fact holds (the day
    before a successor takes effect: provinces merged on 01/07/2025 end on 30/06/2025).
    """

    valid_from: dt.date
    valid_to: dt.date | None = None

    def __post_init__(self) -> None:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")

    def overlaps(self, other: Interval) -> bool:
        self_end = self.valid_to or dt.date.max
        other_end = other.valid_to or dt.date.max
        return self.valid_from <= other_end and other.valid_from <= self_end
