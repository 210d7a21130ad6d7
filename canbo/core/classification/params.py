"""Named parameters of the classification rulebooks (classification.md, "Parameters").

Everything the texts leave open is a named parameter with a documented default, set per cycle.
Names are the handbook names (``cl_quota_pct`` ...). ``cl_quota_rounding`` is new here: the
handbook states the 20% cap (CL-13) but not how a fractional maximum is rounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from canbo.core.classification.kht_cases import COLLECTIVE_CASES, INDIVIDUAL_CASES
from canbo.core.classification.model import Exemption
from canbo.core.errors import ValidationError


class ConditionFailurePolicy(StrEnum):
    """``cl_condition_failure_policy`` (CL-12)."""

    DROP_TO_HIGHEST_LEVEL_MET = "drop_to_highest_level_met"
    DROP_TO_KHT = "drop_to_kht"


class HtConditionIndividual(StrEnum):
    """``cl_ht_condition_individual`` (CL-10)."""

    ALL_TASKS_DONE_LATE_LE_20PCT = "all_tasks_done_late_le_20pct"
    NONE = "none"


class HttConditionOutside(StrEnum):
    """``cl_htt_condition_outside_members`` (CL-08)."""

    SAME_AS_NON_LEADERS = "same_as_non_leaders"
    NONE = "none"


class BasicTargetsPolicy(StrEnum):
    """``cl_basic_targets_policy`` (CL-09)."""

    FLAG_FOR_DECISION = "flag_for_decision"
    ANY_APPLICABLE_MISSED = "any_applicable_missed"
    ALL_APPLICABLE_MISSED = "all_applicable_missed"


class QuotaRounding(StrEnum):
    """``cl_quota_rounding`` (CL-13): how ``pct × HTT / 100`` becomes a whole maximum."""

    FLOOR = "floor"  # max = ⌊pct·HTT/100⌋, the same as the exact test 100·HTXS ≤ pct·HTT
    HALF_UP = "half_up"  # max = ⌊pct·HTT/100 + ½⌋; looser than the text, for local practice


class Cl124Individual(StrEnum):
    """``cl124_htt_individual`` / ``cl124_ht_individual`` (CL124-04, CL124-05)."""

    DEFAULT = "default"  # the handbook default wording for each level
    NONE = "none"  # no condition beyond the forced cases


TRIGGERS_COLLECTIVE = frozenset(case.key for case in COLLECTIVE_CASES)
"""CL-11 default: the QĐ 124 collective list (CL124-06) applied under QĐ 366."""

TRIGGERS_INDIVIDUAL = frozenset(case.key for case in INDIVIDUAL_CASES)
"""CL-11 default: the QĐ 124 individual list (CL124-06) applied under QĐ 366."""

DEFAULT_EXEMPT = frozenset(Exemption)


@dataclass(frozen=True, slots=True)
class Parameters:
    """Parameter values for one cycle; ``as_dict`` gives them under their handbook names."""

    cl_score_precision: int = 5  # in tenths of a point: 10 (=1), 5 (=0.5), 1 (=0.1)
    cl_condition_failure_policy: ConditionFailurePolicy = (
        ConditionFailurePolicy.DROP_TO_HIGHEST_LEVEL_MET
    )
    cl_ht_condition_individual: HtConditionIndividual = (
        HtConditionIndividual.ALL_TASKS_DONE_LATE_LE_20PCT
    )
    cl_htt_condition_outside_members: HttConditionOutside = HttConditionOutside.SAME_AS_NON_LEADERS
    cl_basic_targets_policy: BasicTargetsPolicy = BasicTargetsPolicy.FLAG_FOR_DECISION
    cl_kht_triggers_collective: frozenset[str] = TRIGGERS_COLLECTIVE
    cl_kht_triggers_individual: frozenset[str] = TRIGGERS_INDIVIDUAL
    cl_quota_pct: int | None = 20
    cl_quota_rounding: QuotaRounding = QuotaRounding.FLOOR
    cl_head_cap: bool = True
    cl_member_civil_service_link: bool = True
    cl_new_org_min_months: int = 6
    cl_merger_successor_classified: bool = True
    cl_sick_leave_cap_months: int | None = 3
    cl_exempt_categories: frozenset[Exemption] = field(default=DEFAULT_EXEMPT)
    cl124_htt_individual: Cl124Individual = Cl124Individual.DEFAULT
    cl124_ht_individual: Cl124Individual = Cl124Individual.DEFAULT

    def __post_init__(self) -> None:
        for name, enum_type in _ENUM_FIELDS.items():
            value = getattr(self, name)
            try:
                object.__setattr__(self, name, enum_type(value))
            except ValueError as exc:
                raise _bad(name, str(value)) from exc
        exempt = frozenset(Exemption(str(x)) for x in self.cl_exempt_categories)
        object.__setattr__(self, "cl_exempt_categories", exempt)
        if self.cl_score_precision not in (1, 5, 10):
            raise _bad("cl_score_precision", str(self.cl_score_precision / 10))
        if self.cl_quota_pct is not None and not 0 <= self.cl_quota_pct <= 100:
            raise _bad("cl_quota_pct", str(self.cl_quota_pct))
        if not self.cl_kht_triggers_collective <= TRIGGERS_COLLECTIVE:
            raise _bad("cl_kht_triggers_collective", ",".join(self.cl_kht_triggers_collective))
        if not self.cl_kht_triggers_individual <= TRIGGERS_INDIVIDUAL:
            raise _bad("cl_kht_triggers_individual", ",".join(self.cl_kht_triggers_individual))
        if self.cl_new_org_min_months < 0:
            raise _bad("cl_new_org_min_months", str(self.cl_new_org_min_months))
        if self.cl_sick_leave_cap_months is not None and self.cl_sick_leave_cap_months < 0:
            raise _bad("cl_sick_leave_cap_months", str(self.cl_sick_leave_cap_months))

    def as_dict(self) -> dict[str, Any]:
        """The values used, under their handbook names, for the result record (GEN-01)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "cl_score_precision":
                value = {10: "1", 5: "0.5", 1: "0.1"}[value]
            elif isinstance(value, frozenset):
                value = sorted(str(v) for v in value)
            out[f.name] = value
        return out

    def with_overrides(self, overrides: Mapping[str, str]) -> Parameters:
        """Return a copy with ``name=value`` overrides as typed on the command line.

        Lists are comma-separated; ``none`` disables an optional number. Unknown names and bad
        values are refused with ``ValidationError`` (code ``bad_parameter``).
        """
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, text in overrides.items():
            if name not in known:
                raise _bad(name, text)
            changes[name] = _convert(name, text.strip())
        return replace(self, **changes)


_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "cl_condition_failure_policy": ConditionFailurePolicy,
    "cl_ht_condition_individual": HtConditionIndividual,
    "cl_htt_condition_outside_members": HttConditionOutside,
    "cl_basic_targets_policy": BasicTargetsPolicy,
    "cl_quota_rounding": QuotaRounding,
    "cl124_htt_individual": Cl124Individual,
    "cl124_ht_individual": Cl124Individual,
}


def _convert(name: str, text: str) -> Any:
    converters: dict[str, Any] = {
        "cl_score_precision": lambda t: {"1": 10, "0.5": 5, "0.1": 1}[t],
        "cl_condition_failure_policy": ConditionFailurePolicy,
        "cl_ht_condition_individual": HtConditionIndividual,
        "cl_htt_condition_outside_members": HttConditionOutside,
        "cl_basic_targets_policy": BasicTargetsPolicy,
        "cl_kht_triggers_collective": _name_set,
        "cl_kht_triggers_individual": _name_set,
        "cl_quota_pct": _optional_int,
        "cl_quota_rounding": QuotaRounding,
        "cl_head_cap": _bool,
        "cl_member_civil_service_link": _bool,
        "cl_new_org_min_months": int,
        "cl_merger_successor_classified": _bool,
        "cl_sick_leave_cap_months": _optional_int,
        "cl_exempt_categories": lambda t: frozenset(Exemption(x) for x in _name_set(t)),
        "cl124_htt_individual": Cl124Individual,
        "cl124_ht_individual": Cl124Individual,
    }
    try:
        return converters[name](text)
    except (KeyError, ValueError) as exc:
        raise _bad(name, text) from exc


def _name_set(text: str) -> frozenset[str]:
    return frozenset(x.strip() for x in text.split(",") if x.strip())


def _optional_int(text: str) -> int | None:
    return None if text.lower() == "none" else int(text)


def _bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in {"true", "yes", "1"}:
        return True
    if lowered in {"false", "no", "0"}:
        return False
    raise ValueError(text)


def _bad(name: str, value: str) -> ValidationError:
    return ValidationError(
        "bad_parameter",
        f"Unknown parameter or bad value: {name}={value} / "
        f"Tham số không có hoặc giá trị không hợp lệ: {name}={value}",
        parameter=name,
        value=value,
    )
