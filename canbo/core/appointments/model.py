"""Values of planning and appointment eligibility (handbook PL, AP, TR): one rule applied to one
person (:class:`Check`), the verdict (:class:`Eligibility`), and the facts it is computed from
(:class:`CandidateFacts`, :class:`Proposal`). Pure data, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from canbo.core.appointments.posts import PostGrade
from canbo.core.errors import Citation
from canbo.core.types import Sex


class Purpose(StrEnum):
    PLANNING = "planning"  # quy hoạch
    APPOINTMENT = "appointment"  # bổ nhiệm, giới thiệu ứng cử
    REAPPOINTMENT = "reappointment"  # bổ nhiệm lại, giới thiệu tái cử


class Severity(StrEnum):
    BLOCK = "block"  # a failed check makes the person ineligible (unless overridden)
    WARN = "warn"  # shown, never blocks


@dataclass(frozen=True, slots=True)
class Check:
    """One rule applied to one person: ``key`` is stable (``discipline``, ``age_full_term``
    ...), ``rule`` the handbook ID, ``overridden_by`` the special-case decision (number, date,
    body) that lets a failed check pass (AP-02, PC-12)."""

    key: str
    rule: str
    ok: bool
    citation: Citation
    message_vi: str
    message_en: str
    severity: Severity = Severity.BLOCK
    overridden_by: str = ""

    def passes(self) -> bool:
        """True when the check holds, is overridden, or only warns."""
        return self.ok or bool(self.overridden_by) or self.severity is Severity.WARN

    def as_dict(self, english: bool = False) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "key": self.key,
            "ok": self.ok,
            "severity": str(self.severity),
            "citation": str(self.citation),
            "message": self.message_en if english else self.message_vi,
            "overridden_by": self.overridden_by,
        }


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The verdict for one person and one proposal, rule by rule, under ``rulebook_id``."""

    person_id: str
    purpose: Purpose
    rulebook_id: str
    retirement_month: tuple[int, int]
    months_left: int
    checks: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        """All blocking checks pass (hold or are overridden)."""
        return all(c.passes() for c in self.checks)

    @property
    def failed(self) -> tuple[Check, ...]:
        """The blocking checks that do not hold and are not overridden."""
        return tuple(c for c in self.checks if not c.passes())

    def check(self, key: str) -> Check | None:
        for found in self.checks:
            if found.key == key:
                return found
        return None

    def as_dict(self, english: bool = False) -> dict[str, Any]:
        year, month = self.retirement_month
        return {
            "id": self.person_id,
            "eligible": self.eligible,
            "retirement_month": f"{year:04d}-{month:02d}",
            "months_left": self.months_left,
            "checks": [c.as_dict(english) for c in self.checks],
        }


@dataclass(frozen=True, slots=True)
class Discipline:
    """A disciplinary decision: ``form`` a :class:`canbo.core.types.DisciplineForm` value for
    the Party (``khien_trach``, ``canh_cao``, ``cach_chuc``, ``khai_tru``) or a State form
    (``khien_trach``, ``canh_cao``, ``ha_bac_luong``, ``giang_chuc``, ``cach_chuc``)."""

    form: str
    party: bool
    effective: dt.date


PARTY_FORMS = ("khien_trach", "canh_cao", "cach_chuc", "khai_tru")
STATE_FORMS = ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc")


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """What the registry knows about a person on the decision date (assembled by the planning
    services, or read from a calculator row)."""

    person_id: str
    name: str
    sex: Sex
    birth_date: dt.date
    disciplines: tuple[Discipline, ...] = ()
    confidence_bands: tuple[tuple[str, dt.date], ...] = ()  # ("B" | "C", vote date), QĐ 96
    classifications: tuple[tuple[int, str], ...] = ()  # (year, level code, e.g. "kht")
    open_complaints: int = 0
    under_investigation: bool = False
    current_post: PostGrade | None = None
    post_since: dt.date | None = None
    planned_for: tuple[PostGrade, ...] = ()  # active plans on the decision date
    dossier_verified: bool | None = None  # None: not known (calculator)
    health_certificate_on: dt.date | None = None


def _frozen(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class Proposal:
    """The step asked about: planning for, appointing to or reappointing to ``post``."""

    purpose: Purpose
    decision_date: dt.date
    post: PostGrade | None = None
    higher_post: bool | None = None  # None: computed from grades
    first_time: bool = False
    dossier_received: dt.date | None = None
    term_start: dt.date | None = None  # planning: start of the planned term (PL-08)
    in_planning: bool | None = None  # None: computed from planned_for
    overrides: Mapping[str, str] = field(default_factory=dict)  # check key -> decision text

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", _frozen(self.overrides))
