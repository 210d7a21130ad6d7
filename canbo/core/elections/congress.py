"""Congress-level rules: which congress, the cell committee, committee sizes, further rounds
and attendance (EL-24, EL-31, EL-37, EL-38, GEN-08).

Every answer is a :class:`~canbo.core.elections.model.Decision` (or a plain value where the
contract asks for one) citing its rule in the rulebook's document or the directive it comes
from. Pure: no Django, no I/O.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from canbo.core.elections.model import CongressKind, Decision, ElectionKind
from canbo.core.elections.params import (
    MERGE_CLASSES,
    commune_sizes,
    int_param,
    shortfall_policy,
)
from canbo.core.errors import Citation, ValidationError
from canbo.core.rulebook import Rulebook

QD294_FROM = dt.date(2025, 7, 1)
"""QĐ 294-QĐ/TW applies from 01/07/2025 (EL-24 cell secretary, EL-31 pilot, EL-37)."""
QD294 = "QĐ 294-QĐ/TW"
CT45 = "Chỉ thị 45-CT/TW"
CHARTER = "Điều lệ Đảng"


def _cite(document: str, rule_id: str, rulebook: Rulebook, *params: str) -> Citation:
    known = {s.name for s in rulebook.specs}
    return Citation(
        document,
        rule_id=rule_id,
        unconfirmed=rulebook.unconfirmed(*(p for p in params if p in known)),
    )


def _non_negative(**figures: int) -> None:
    for name, value in figures.items():
        if value < 0:
            raise ValidationError("figure_negative", name=name, value=value)


# --- EL-31: members' or delegates' congress --------------------------------------------------
def congress_kind(official_members: int, is_cell: bool, rulebook: Rulebook) -> CongressKind:
    """The congress a Party organization holds (EL-31): a cell holds a cell congress; a Party
    committee with at most ``el_members_congress_max`` (199) members a members' congress, with
    more a delegates' congress. The 200-member line is confirmed for 2020–2025 only."""
    _non_negative(official_members=official_members)
    if is_cell:
        return CongressKind.CELL
    if official_members <= int_param(rulebook, "el_members_congress_max"):
        return CongressKind.MEMBERS
    return CongressKind.DELEGATES


def congress_kind_allowed(
    chosen: CongressKind,
    official_members: int,
    is_cell: bool,
    rulebook: Rulebook,
    *,
    higher_consent: bool = False,
) -> Decision:
    """Whether ``chosen`` may be held (EL-31): the kind of :func:`congress_kind`; a committee
    under the line may hold a delegates' congress with the higher committee's consent
    (``higher_consent``), when a members' congress is impractical."""
    expected = congress_kind(official_members, is_cell, rulebook)
    citation = _cite(rulebook.document, "EL-31", rulebook, "el_members_congress_max")
    fields: dict[str, Any] = {
        "chosen": str(chosen),
        "expected": str(expected),
        "official_members": official_members,
        "max_members": int_param(rulebook, "el_members_congress_max"),
    }
    if chosen == expected or chosen == CongressKind.CONFERENCE:
        return Decision(True, "ok", citation, fields)
    if expected == CongressKind.MEMBERS and chosen == CongressKind.DELEGATES and higher_consent:
        return Decision(True, "ok", citation, fields)
    return Decision(False, "congress_kind_not_for_size", citation, fields)


# --- EL-37: cell committee or secretary only ------------------------------------------------
def cell_committee_required(official_members: int, on: dt.date, rulebook: Rulebook) -> bool:
    """A cell with at least ``el_cell_committee_min_official_members`` (9) official members on
    the congress date ``on`` elects a cell committee (EL-37, QĐ 294-QĐ/TW from 01/07/2025); a
    smaller cell elects a secretary and, if needed, one deputy. Before 01/07/2025 the rule is
    not confirmed and the same line is applied (see :func:`cell_committee_decision`)."""
    _non_negative(official_members=official_members)
    return official_members >= int_param(rulebook, "el_cell_committee_min_official_members")


def cell_committee_decision(official_members: int, on: dt.date, rulebook: Rulebook) -> Decision:
    """:func:`cell_committee_required` with its citation: ``allowed`` is whether the cell
    elects a committee; code ``ok`` or ``cell_elects_secretary_only``."""
    required = cell_committee_required(official_members, on, rulebook)
    citation = _cite(
        QD294 if on >= QD294_FROM else rulebook.document,
        "EL-37",
        rulebook,
        "el_cell_committee_min_official_members",
    )
    fields = {
        "official_members": official_members,
        "min_members": int_param(rulebook, "el_cell_committee_min_official_members"),
        "max_committee": int_param(rulebook, "el_cell_committee_max"),
        "confirmed": on >= QD294_FROM,
    }
    return Decision(required, "ok" if required else "cell_elects_secretary_only", citation, fields)


def cell_seats_check(
    kind: ElectionKind, seats: int, official_members: int, on: dt.date, rulebook: Rulebook
) -> Decision:
    """Seats at a cell congress (EL-37): a cell committee of at most ``el_cell_committee_max``
    (7), only in a cell that elects one; one secretary; one deputy secretary at most.
    Refusals: ``cell_committee_not_elected``, ``cell_committee_over_max``,
    ``cell_secretary_one_seat``, ``cell_deputy_over_one``."""
    _non_negative(seats=seats)
    required = cell_committee_required(official_members, on, rulebook)
    cap = int_param(rulebook, "el_cell_committee_max")
    citation = _cite(
        QD294 if on >= QD294_FROM else rulebook.document,
        "EL-37",
        rulebook,
        "el_cell_committee_max",
    )
    fields = {"seats": seats, "max_seats": cap, "official_members": official_members}
    if kind == ElectionKind.CELL_COMMITTEE:
        if not required:
            return Decision(False, "cell_committee_not_elected", citation, fields)
        if seats > cap:
            return Decision(False, "cell_committee_over_max", citation, fields)
    elif kind == ElectionKind.SECRETARY and seats != 1:
        return Decision(False, "cell_secretary_one_seat", citation, {**fields, "max_seats": 1})
    elif kind == ElectionKind.DEPUTY_SECRETARY and seats > 1:
        return Decision(False, "cell_deputy_over_one", citation, {**fields, "max_seats": 1})
    return Decision(True, "ok", citation, fields)


# --- EL-38: commune-level committee sizes (warnings) -----------------------------------------
def committee_size_check(
    kind: ElectionKind, seats: int, merge_class: str | None, rulebook: Rulebook
) -> Decision:
    """The number to elect at a commune, ward or special-zone Party committee's congress or
    first conference, against Chỉ thị 45-CT/TW (EL-38, ``el_commune_committee_sizes_2025``): the
    executive committee at most 27 (not merged, or formed from 2 communes) or 33 (from 3 or
    more), the standing committee 9 to 11, 2 deputy secretaries. A number outside is a warning
    (``allowed`` stays true; code ``committee_size_outside_guidance``): the congress's decision
    stands and is recorded. ``merge_class`` None (not a commune-level committee) checks nothing.
    """
    _non_negative(seats=seats)
    citation = _cite(CT45, "EL-38", rulebook, "el_commune_committee_sizes_2025")
    if merge_class is None:
        return Decision(True, "ok", citation, {"seats": seats})
    if merge_class not in MERGE_CLASSES:
        raise ValidationError("unknown_merge_class", merge_class=merge_class, known=MERGE_CLASSES)
    sizes = commune_sizes(rulebook)
    low, high = 1, seats
    if kind == ElectionKind.COMMITTEE:
        high = sizes.exec_max[merge_class]
    elif kind == ElectionKind.STANDING_COMMITTEE:
        low, high = sizes.standing_min, sizes.standing_max
    elif kind == ElectionKind.DEPUTY_SECRETARY:
        low = high = sizes.deputy_secretaries
    fields = {"seats": seats, "low": low, "high": high, "merge_class": merge_class}
    if low <= seats <= high:
        return Decision(True, "ok", citation, fields)
    return Decision(True, "committee_size_outside_guidance", citation, fields)


# --- EL-24: further rounds -------------------------------------------------------------------
def _policy_key(kind: ElectionKind, congress_kind: CongressKind | None) -> str:
    if kind == ElectionKind.SECRETARY and congress_kind == CongressKind.CELL:
        return "cell_secretary"
    return str(kind)


def _round_limit(policy: str) -> int | None:
    if policy == "max_rounds_3_then_higher_committee_appoints":
        return 3
    if policy.startswith("stop_after_round_"):
        try:
            return int(policy.removeprefix("stop_after_round_"))
        except ValueError:
            raise ValidationError(
                "parameter_not_a_map", name="el_shortfall_policy", value=policy
            ) from None
    return None


def round_allowed(
    kind: ElectionKind,
    round_no: int,
    on: dt.date,
    decision_recorded: bool,
    rulebook: Rulebook,
    *,
    congress_kind: CongressKind | None = None,
) -> Decision:
    """Whether round ``round_no`` (1-based) may open (EL-24, ``el_shortfall_policy``).

    The first round always may. A further round (seats unfilled, or a tie, EL-25) needs a
    recorded congress decision (``further_round_needs_congress_decision``). A cell secretary
    (``kind`` SECRETARY with ``congress_kind`` CELL) from 01/07/2025 (QĐ 294-QĐ/TW) has at most 3
    rounds; after a third failed round the higher committee appoints the secretary
    (``cell_secretary_rounds_exhausted``: the election closes unfilled). A policy
    ``stop_after_round_<n>`` refuses rounds after ``n`` (``rounds_exhausted``).
    """
    if round_no < 1:
        raise ValidationError("round_number_not_positive", round_no=round_no)
    key = _policy_key(kind, congress_kind)
    policy = shortfall_policy(rulebook, key)
    if key == "cell_secretary" and on < QD294_FROM:
        policy = shortfall_policy(rulebook, "other")  # before QĐ 294: not confirmed
    limit = _round_limit(policy)
    document = QD294 if key == "cell_secretary" and on >= QD294_FROM else rulebook.document
    citation = _cite(document, "EL-24", rulebook, "el_shortfall_policy")
    fields: dict[str, Any] = {"round": round_no, "policy": policy, "max_rounds": limit}
    if limit is not None and round_no > limit:
        code = "cell_secretary_rounds_exhausted" if key == "cell_secretary" else "rounds_exhausted"
        return Decision(False, code, citation, fields)
    if round_no > 1 and not decision_recorded:
        return Decision(False, "further_round_needs_congress_decision", citation, fields)
    return Decision(True, "ok", citation, fields)


def closes_unfilled(
    kind: ElectionKind,
    failed_rounds: int,
    on: dt.date,
    rulebook: Rulebook,
    *,
    congress_kind: CongressKind | None = None,
) -> bool:
    """True when, after ``failed_rounds`` rounds that left seats unfilled, no further round is
    allowed (EL-24): the election ends ``CLOSED_UNFILLED`` (a cell secretary is then appointed by
    the higher committee, recorded as appointed, not elected)."""
    return not round_allowed(
        kind, failed_rounds + 1, on, True, rulebook, congress_kind=congress_kind
    ).allowed


# --- GEN-08: attendance ----------------------------------------------------------------------
def attendance_check(present: int, convened: int, rulebook: Rulebook) -> Decision:
    """Attendance at the congress (``el_congress_quorum``, GEN-08; no congress quorum rule is
    confirmed): by default a warning below 2/3 of those convened (``3 * present < 2 * convened``,
    code ``congress_attendance_below_two_thirds``, ``allowed`` true); ``require_2/3`` refuses it
    (``congress_attendance_below_quorum``); ``none`` checks nothing."""
    _non_negative(present=present, convened=convened)
    if present > convened:
        raise ValidationError("present_above_convened", present=present, convened=convened)
    policy = rulebook.param_str("el_congress_quorum")
    citation = _cite(rulebook.document, "GEN-08", rulebook, "el_congress_quorum")
    fields = {"present": present, "convened": convened, "policy": policy}
    if policy == "none" or 3 * present >= 2 * convened:
        return Decision(True, "ok", citation, fields)
    if policy == "require_2/3":
        return Decision(False, "congress_attendance_below_quorum", citation, fields)
    return Decision(True, "congress_attendance_below_two_thirds", citation, fields)
