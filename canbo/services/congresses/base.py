"""The base of the majority test at a congress: who is convened, who is subtracted and why
(EL-19 at a members' or cell congress, EL-20 at a delegates' congress), and the denominator
computed by the core (:func:`canbo.core.elections.denominator.denominator`).

Convened: the official members on the roll (members' and cell congress; probationary members
attend but are not the base, EL-18), or the official delegates and the convening committee's
members on the roll (delegates' congress) less those the credentials committee disqualified.
The people not convened (EL-35) are never on the roll, so never convened nor subtracted.
"""

from __future__ import annotations

from collections.abc import Sequence

from canbo.core.ballots.catalog import default_registry
from canbo.core.elections.denominator import (
    Denominator,
    Removed,
    allowed_reasons,
    base_citation,
    denominator,
)
from canbo.core.elections.model import CongressKind, DelegateStatus, Subtraction
from canbo.core.errors import Citation, NotFound, RuleViolation, ValidationError
from canbo.core.rulebook import Rulebook
from canbo.core.types import PersonId
from canbo.services.ports import Actor

from .congress import _require_status, load
from .ports import (
    OFFICIAL_ROLES,
    CongressData,
    CongressId,
    CongressStatus,
    CongressUnitOfWork,
    RollEntryData,
    RollRole,
    SubtractionData,
)

NOT_CONVENED = Citation("HD 04-HD/TW", rule_id="EL-35")


def _rulebook(data: CongressData) -> Rulebook:
    return default_registry().get(data.rulebook_id)


def in_base(kind: CongressKind, entry: RollEntryData) -> bool:
    """True when the roll entry counts among those convened for the base (EL-19, EL-20)."""
    if kind is CongressKind.DELEGATES:
        return entry.role in OFFICIAL_ROLES and entry.status is not DelegateStatus.DISQUALIFIED
    return entry.role is RollRole.MEMBER and entry.official


def propose_subtractions(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId
) -> list[SubtractionData]:
    """Subtractions the roll, the registry, the check-in and the credentials report suggest,
    for people in the base not yet subtracted. Nothing is written; absence is read from the
    check-in now, so the list is for the convening committee to confirm."""
    with uow:
        data = load(uow, actor, congress_id)
        roll = [e for e in uow.congresses.roll(congress_id) if in_base(data.kind, e)]
        taken = {s.person_id for s in uow.congresses.subtractions(congress_id)}
        roll = [e for e in roll if e.person_id not in taken]
        if data.kind is CongressKind.DELEGATES:
            seated = {
                e.seated_for
                for e in uow.congresses.roll(congress_id)
                if e.status is DelegateStatus.ALTERNATE_SEATED
            }
            return _delegate_proposals(uow, data, roll, seated)
        return _member_proposals(uow, data, roll)


def _attendance(uow: CongressUnitOfWork, data: CongressData) -> tuple[set[PersonId], bool]:
    if data.conference_id is None or data.status is CongressStatus.PREPARING:
        return set(), False
    return set(uow.conferences.attendance(data.conference_id).present_person_ids), True


def _member_proposals(
    uow: CongressUnitOfWork, data: CongressData, roll: Sequence[RollEntryData]
) -> list[SubtractionData]:
    present, known = _attendance(uow, data)
    facts = uow.roster.facts(data.unit_id, [e.person_id for e in roll], data.opens_on)
    out: list[SubtractionData] = []
    for f in facts:
        absent = known and f.person_id not in present
        if f.temp_elsewhere_on is not None and f.temp_elsewhere_on <= data.opens_on:
            out.append(SubtractionData(f.person_id, f.full_name, Subtraction.TEMP_ELSEWHERE))
        elif f.suspended_on is not None and f.suspended_on <= data.closes_on:
            out.append(SubtractionData(f.person_id, f.full_name, Subtraction.SUSPENDED))
        elif absent and f.exempt_on is not None and f.exempt_on <= data.opens_on:
            out.append(SubtractionData(f.person_id, f.full_name, Subtraction.EXEMPT_ABSENT))
        elif absent and _excused(uow, data, f.person_id):
            out.append(SubtractionData(f.person_id, f.full_name, Subtraction.ABSENT_ACCEPTED))
    return out


def _excused(uow: CongressUnitOfWork, data: CongressData, person: PersonId) -> bool:
    assert data.conference_id is not None  # noqa: S101 - only read once the roll is fixed
    conv = uow.conferences.find_convocation(data.conference_id, person_id=person, qr_token=None)
    return conv is not None and conv.excused


def _delegate_proposals(
    uow: CongressUnitOfWork,
    data: CongressData,
    roll: Sequence[RollEntryData],
    seated: set[PersonId | None],
) -> list[SubtractionData]:
    present, known = _attendance(uow, data)
    out: list[SubtractionData] = []
    for e in roll:
        reported_absent = e.status is DelegateStatus.ABSENT_WHOLE_CONGRESS
        if e.role is RollRole.CONVENING_COMMITTEE:
            if reported_absent or (known and e.person_id not in present):
                out.append(SubtractionData(e.person_id, e.full_name, Subtraction.COMMITTEE_ABSENT))
        elif reported_absent and e.person_id not in seated:
            out.append(SubtractionData(e.person_id, e.full_name, Subtraction.ABSENT_NO_ALTERNATE))
    return out


def set_subtractions(
    uow: CongressUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    lines: Sequence[SubtractionData],
) -> None:
    """Replace the list of people subtracted from the base, each with the reason (EL-19,
    EL-20). Refused, nothing stored: a reason not allowed at this kind of congress, a person
    not among those convened for the base, a person on the not-convened list (EL-35), a person
    subtracted twice; the denominator is then computed by the core, which refuses a base of
    zero or less."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, CongressStatus.ROLL_FIXED, CongressStatus.OPEN)
        roll = {e.person_id: e for e in uow.congresses.roll(congress_id)}
        excluded = {n.person_id: n.full_name for n in uow.congresses.not_convened(congress_id)}
        _check_lines(data, lines, roll, excluded)
        stored = [
            SubtractionData(s.person_id, roll[s.person_id].full_name, s.reason, s.note.strip())
            for s in lines
        ]
        before = uow.congresses.subtractions(congress_id)
        uow.congresses.set_subtractions(congress_id, stored)
        base = _denominator(uow, data, congress_id)
        uow.audit.append(
            actor,
            "congress.subtractions",
            "congress",
            str(congress_id),
            {"lines": [_line(s) for s in before]},
            {"lines": [_line(s) for s in stored]},
            {"denominator": base.value, "convened": base.convened},
        )
        uow.commit()


def _line(s: SubtractionData) -> dict[str, object]:
    return {"person": int(s.person_id), "reason": str(s.reason), "note": s.note}


def _check_lines(
    data: CongressData,
    lines: Sequence[SubtractionData],
    roll: dict[PersonId, RollEntryData],
    excluded: dict[PersonId, str],
) -> None:
    kind = data.kind
    allowed = allowed_reasons(kind, _rulebook(data))
    cite = base_citation(kind, _rulebook(data))
    seen: set[PersonId] = set()
    for s in lines:
        pid = s.person_id
        if pid in excluded:
            raise RuleViolation(
                "subtracted_not_convened", citation=NOT_CONVENED, person_id=pid,
                name=excluded[pid],
            )  # fmt: skip
        if s.reason not in allowed:
            raise RuleViolation(
                "subtraction_reason_not_allowed", citation=cite,
                reason=str(s.reason), kind=str(kind),
            )  # fmt: skip
        if pid not in roll or not in_base(kind, roll[pid]):
            raise ValidationError("subtracted_not_in_base", citation=cite, person_id=pid)
        if pid in seen:
            name = roll[pid].full_name
            raise RuleViolation("subtracted_twice", citation=cite, person_id=pid, name=name)
        seen.add(pid)


def subtractions(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId
) -> list[SubtractionData]:
    """The people subtracted from the base, with their reasons."""
    with uow:
        load(uow, actor, congress_id)
        return uow.congresses.subtractions(congress_id)


def _denominator(
    uow: CongressUnitOfWork, data: CongressData, congress_id: CongressId
) -> Denominator:
    roll = uow.congresses.roll(congress_id)
    convened = sum(1 for e in roll if in_base(data.kind, e))
    removed = [
        Removed(s.reason, s.person_id, s.full_name)
        for s in uow.congresses.subtractions(congress_id)
    ]
    not_convened = frozenset(int(n.person_id) for n in uow.congresses.not_convened(congress_id))
    return denominator(
        data.kind, convened, removed, not_convened_ids=not_convened, rulebook=_rulebook(data)
    )


def congress_denominator(uow: CongressUnitOfWork, congress_id: CongressId) -> Denominator:
    """The denominator D of the congress's elections, with every subtraction by name and
    reason (EL-19, EL-20; computed by the core). No access check: the caller (an election use
    case) has loaded the congress already."""
    with uow:
        data = uow.congresses.get(congress_id)
        if data is None:
            raise NotFound("congress_not_found", congress_id=congress_id)
        return _denominator(uow, data, congress_id)
