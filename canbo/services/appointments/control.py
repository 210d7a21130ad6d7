"""The control report of cadre processes for the inspection committees (QĐ 114-QĐ/TW; PC-15,
PC-19): per process and per unit, the flags, the conflicts of interest and how each was answered
(recusal or reasoned override), the special-case decisions on conditions, the competent level's
decisions on unconfirmed cases, each with its citation, and the record of each personnel
decision read back from the tamper-evident audit log: who proposed, who appraised, how many
voted (a count, never a ballot), who decided and when (PC-14, PC-19).

The report only reads: the actor needs the inspection role (or the administrator's) over the
unit (``Action.SEE_CONTROL``), and sees the processes of that unit's subtree. The same
:class:`ProcessControl` feeds the control panel of a process page, for whoever may read the
process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast

from canbo.core.collation import sort_key
from canbo.core.errors import Citation, PermissionDenied, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.appointments import power
from canbo.services.appointments.ports import ProcessData, ProcessId, RecusalOutcome
from canbo.services.ports import Actor

DECIDE_ACTION = "appointment.decide"
MAX_DAYS = 366 * 10


def _cite(document: str, rule: str) -> Citation:
    return Citation(document, rule_id=rule)


PC19 = _cite("QĐ 114-QĐ/TW", "PC-19")


@dataclass(frozen=True, slots=True)
class AuditView:
    """One audit entry as the report reads it back (the chain itself is verified by
    ``canbo audit verify``)."""

    seq: int
    at: dt.datetime
    actor_label: str
    details: Mapping[str, Any]


class ControlReader(Protocol):
    """What the report reads beyond the processes (``DjangoPowerRepository``)."""

    def processes_under(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[ProcessId]:
        """Processes of the unit's subtree started or decided within [start, end]."""
        ...

    def unit_name(self, unit_id: UnitId, on: dt.date) -> str: ...

    def audit_entries(self, action: str, object_id: str) -> list[AuditView]: ...


class ControlUnitOfWork(power.PowerUnitOfWork, Protocol):
    @property
    def control(self) -> ControlReader: ...


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """A participant related to a candidate (PC-10, PC-21) and how it was answered."""

    person: str
    role: str
    step: str
    candidate: str
    person_id: int
    relationship_class: str  # family | close_acquaintance, kept apart (PC-21)
    relation: str
    action: str  # recuse | ask_recusal | record
    answer: str  # recused | overridden | "" (open)
    reason: str
    citation: Citation

    @property
    def is_open(self) -> bool:
        return not self.answer and self.action != "record"


@dataclass(frozen=True, slots=True)
class FlagLine:
    key: str
    rule: str
    message: str
    severity: str
    citation: Citation
    stored_on: dt.date | None = None  # frozen as a ProcessFlag at the decision


@dataclass(frozen=True, slots=True)
class RecusalLine:
    person: str
    role: str
    step: str
    outcome: str
    reason: str
    recorded_by: str
    recorded_on: dt.date
    citation: Citation


@dataclass(frozen=True, slots=True)
class OverrideLine:
    person: str
    check_key: str
    rule: str
    decision_ref: str
    body: str
    reason: str
    recorded_on: dt.date
    citation: Citation


@dataclass(frozen=True, slots=True)
class ReferralLine:
    step: str
    decision: str
    body: str
    on: dt.date
    citation: Citation


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """The record of a personnel decision as the audit chain holds it (PC-14, PC-19)."""

    proposer: str
    appraiser: str
    voters: int | None
    decider: str
    decided_on: dt.date | None
    recorded_at: dt.datetime
    recorded_by: str
    seq: int
    citation: Citation = PC19


@dataclass(frozen=True, slots=True)
class ProcessControl:
    """Everything an inspector needs about one process (PC-19)."""

    process_id: int
    unit_id: UnitId
    unit_name: str
    title_name: str
    kind: str
    status: str
    started_on: dt.date
    decided_on: dt.date | None
    decision_ref: str
    candidates: tuple[str, ...]
    conflicts: tuple[ConflictLine, ...]
    hard_blocks: tuple[tuple[str, Citation], ...]
    flags: tuple[FlagLine, ...]
    recusals: tuple[RecusalLine, ...]
    overrides: tuple[OverrideLine, ...]
    referrals: tuple[ReferralLine, ...]
    decision: DecisionRecord | None
    ballots_out: tuple[str, ...] = ()  # steps whose ballots are issued: voters can no longer recuse

    @property
    def open_conflicts(self) -> tuple[ConflictLine, ...]:
        return tuple(c for c in self.conflicts if c.is_open)


@dataclass(frozen=True, slots=True)
class UnitControl:
    """The counts per unit (PC-15): processes, flags, open conflicts, recusals, overrides and
    referrals."""

    unit_id: UnitId
    unit_name: str
    processes: int
    flags: int
    open_conflicts: int
    recusals: int
    overrides: int
    referrals: int


@dataclass(frozen=True, slots=True)
class ControlReport:
    unit_id: UnitId
    unit_name: str
    start: dt.date
    end: dt.date
    today: dt.date
    processes: tuple[ProcessControl, ...]
    units: tuple[UnitControl, ...]
    citation: Citation = PC19


def _recusal_citation() -> Citation:
    return _cite("QĐ 114-QĐ/TW", "PC-10")


def _conflict_lines(
    uow: ControlUnitOfWork, process_id: ProcessId, names: Mapping[int, str], today: dt.date
) -> tuple[ConflictLine, ...]:
    found = power.process_conflicts(uow, process_id, today)
    answers = power.resolutions(uow.processes.recusals(process_id))
    lines = []
    for c in found:
        answer = answers.get(c.participant.key, "")
        outcome, _, reason = answer.partition(":")
        lines.append(
            ConflictLine(
                person=names.get(int(c.participant.person_id), ""),
                role=str(c.participant.role),
                step=c.participant.step,
                candidate=names.get(int(c.candidate_id), ""),
                person_id=int(c.participant.person_id),
                relationship_class=str(c.relationship.cls),
                relation=c.relationship.relation,
                action=str(c.action),
                answer=outcome,
                reason=reason,
                citation=c.citation,
            )
        )
    return tuple(lines)


def _flags(uow: ControlUnitOfWork, process_id: ProcessId, today: dt.date) -> tuple[FlagLine, ...]:
    stored = {f.key: f for f in uow.power.stored_flags(process_id)}
    out = []
    for f in power.process_flags(uow, process_id, today):
        kept = stored.pop(f.key, None)
        out.append(
            FlagLine(
                f.key,
                f.rule,
                f.message_vi,
                str(f.severity),
                f.citation,
                kept.raised_on if kept else None,
            )
        )
    for s in stored.values():  # frozen earlier and no longer computed: still shown
        out.append(
            FlagLine(
                s.key, s.rule, s.message, s.severity, _cite("QĐ 114-QĐ/TW", s.rule), s.raised_on
            )
        )
    return tuple(out)


def _person(value: Any, names: Mapping[int, str]) -> str:
    if isinstance(value, Mapping):
        return str(value.get("name") or value.get("full_name") or "")
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        return names.get(int(value), str(value))
    return "" if value is None else str(value)


def _voters(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Mapping):
        return _voters(value.get("count"))
    return None


def decision_record(uow: ControlUnitOfWork, process_id: ProcessId) -> DecisionRecord | None:
    """The newest "appointment.decide" entry of the process, read back from the audit log:
    who proposed, appraised, how many voted, who decided, and when (PC-19)."""
    entries = uow.control.audit_entries(DECIDE_ACTION, str(process_id))
    if not entries:
        return None
    entry = max(entries, key=lambda e: e.seq)
    d = entry.details
    ids = [
        int(v)
        for v in (d.get("proposer"), d.get("appraiser"), d.get("decider"))
        if isinstance(v, int) or (isinstance(v, str) and v.isdigit())
    ]
    for key in ("proposer_id", "appraiser_id", "decider_id"):
        if isinstance(d.get(key), int):
            ids.append(int(d[key]))
    names = uow.processes.person_names(ids) if ids else {}
    decided = d.get("decided_on")
    return DecisionRecord(
        proposer=_person(d.get("proposer", d.get("proposer_id")), names),
        appraiser=_person(d.get("appraiser", d.get("appraiser_id")), names),
        voters=_voters(d.get("voters", d.get("voters_count"))),
        decider=_person(d.get("decider", d.get("decider_id")), names),
        decided_on=dt.date.fromisoformat(decided) if isinstance(decided, str) else None,
        recorded_at=entry.at,
        recorded_by=entry.actor_label,
        seq=entry.seq,
    )


class _Memo:
    """Answers each read of the wrapped repository once per report (the report asks the same
    rows of a process from several rules)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._seen: dict[tuple[str, tuple[Any, ...]], Any] = {}

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._inner, name)

        def read(*args: Any) -> Any:
            key = (name, tuple(tuple(a) if isinstance(a, list) else a for a in args))
            if key not in self._seen:
                self._seen[key] = method(*args)
            return self._seen[key]

        return read


class _ReadOnce:
    """The unit of work as the report reads it: the processes and relationships memoised."""

    def __init__(self, uow: ControlUnitOfWork) -> None:
        self.processes = _Memo(uow.processes)
        self.relations = _Memo(uow.relations)
        self.power = uow.power
        self.control = uow.control
        self.facts = uow.facts
        self.meetings = uow.meetings
        self.registry = uow.registry
        self.tree = uow.tree
        self.audit = uow.audit


def _process_control(uow: ControlUnitOfWork, data: ProcessData, today: dt.date) -> ProcessControl:
    uow = cast(ControlUnitOfWork, _ReadOnce(uow))
    pid = power.process_id_of(data)
    candidates = [c for c in uow.processes.candidates(pid) if c.active]
    recusals = uow.processes.recusals(pid)
    overrides = uow.processes.overrides(pid)
    people = {int(p.person_id) for p in power.participants_of(uow, data)}
    people |= {int(c.person_id) for c in candidates}
    people |= {int(r.person_id) for r in recusals} | {int(o.person_id) for o in overrides}
    names = uow.processes.person_names(sorted(people))
    steps = {s.step_id: str(s.kind) for s in uow.processes.steps(pid)}
    title = uow.processes.title(data.title_id)
    return ProcessControl(
        process_id=int(pid),
        unit_id=data.unit_id,
        unit_name=uow.control.unit_name(data.unit_id, data.decided_on or today),
        title_name=title.name if title else "",
        kind=str(data.kind),
        status=str(data.status),
        started_on=data.started_on,
        decided_on=data.decided_on,
        decision_ref=data.decision_ref,
        candidates=tuple(sorted((c.full_name for c in candidates), key=sort_key)),
        conflicts=_conflict_lines(uow, pid, names, today),
        hard_blocks=tuple(
            (c.message_vi, c.citation) for c in power.hard_block_checks(uow, pid, today)
        ),
        flags=_flags(uow, pid, today),
        recusals=tuple(
            RecusalLine(
                person=names.get(int(r.person_id), ""),
                role=str(r.role),
                step=r.step,
                outcome=str(r.outcome),
                reason=r.reason,
                recorded_by=r.recorded_by,
                recorded_on=r.recorded_on,
                citation=_recusal_citation(),
            )
            for r in recusals
        ),
        overrides=tuple(
            OverrideLine(
                person=names.get(int(o.person_id), ""),
                check_key=o.check_key,
                rule=o.rule,
                decision_ref=o.decision_ref,
                body=o.body,
                reason=o.reason,
                recorded_on=o.recorded_on,
                citation=_override_citation(o.rule, data.started_on),
            )
            for o in overrides
        ),
        referrals=tuple(
            ReferralLine(
                step=steps.get(r.step_id, ""),
                decision=r.decision,
                body=r.decided_by_body,
                on=r.on,
                citation=_cite(_appointment_document(data.started_on), "AP-17"),
            )
            for r in uow.processes.referrals(pid)
        ),
        decision=decision_record(uow, pid),
        ballots_out=tuple(
            str(s.kind) for s in uow.processes.steps(pid) if str(s.status) in power.BALLOTS_ISSUED
        ),
    )


def _appointment_document(on: dt.date) -> str:
    from canbo.core.appointments.rulebooks import appointment_rulebook

    return appointment_rulebook(on).document


def _override_citation(rule: str, started_on: dt.date) -> Citation:
    """The rule the special-case decision lifted (AP-02, PL-..., PC-12), cited in the document
    it sits in; a rule of neither handbook part cites the override rule itself (PC-12)."""
    if rule.startswith("PC-"):
        return _cite("QĐ 114-QĐ/TW", rule)
    if rule[:3] in ("AP-", "PL-", "TR-", "ST-"):
        return _cite(_appointment_document(started_on), rule)
    return _cite("QĐ 114-QĐ/TW", "PC-12")


def process_control(
    uow: ControlUnitOfWork, actor: Actor, process_id: ProcessId, today: dt.date
) -> ProcessControl:
    """The control panel of one process, for whoever may read the process."""
    with uow:
        data = power.load_process(uow, actor, process_id, today)
        return _process_control(uow, data, today)


def require_report_role(actor: Actor) -> None:
    """Refuse the control report (``control_report_denied``, PC-19) to an account holding no
    role that reads it anywhere (the inspection committee, an administrator): it is told it
    lacks the role, not asked for a unit it could never choose."""
    if not access.roots_for(actor, roles_for(Action.SEE_CONTROL)):
        raise PermissionDenied("control_report_denied", citation=PC19)


def control_report(
    uow: ControlUnitOfWork,
    actor: Actor,
    unit_id: UnitId,
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> ControlReport:
    """The control report of the unit's subtree for processes started or decided between
    ``start`` and ``end`` (PC-15, PC-19)."""
    if end < start:
        raise ValidationError("control_period_invalid", field="end")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("control_period_too_long", field="start", days=MAX_DAYS)
    require_report_role(actor)
    with uow:
        access.access_unit(actor, unit_id, uow.tree, today)
        access.require(actor, Action.SEE_CONTROL, unit_id, uow.tree, today, citation=PC19)
        rows = []
        for pid in uow.control.processes_under(unit_id, start, end):
            data = uow.processes.get(pid)
            if data is not None:
                rows.append(_process_control(uow, data, today))
        rows.sort(key=lambda p: (sort_key(p.unit_name), p.started_on, p.process_id))
        return ControlReport(
            unit_id=unit_id,
            unit_name=uow.control.unit_name(unit_id, today),
            start=start,
            end=end,
            today=today,
            processes=tuple(rows),
            units=per_unit(rows),
        )


def per_unit(rows: Sequence[ProcessControl]) -> tuple[UnitControl, ...]:
    """The report's counts per unit, units in Vietnamese order."""
    by: dict[UnitId, list[ProcessControl]] = {}
    for p in rows:
        by.setdefault(p.unit_id, []).append(p)
    out = [
        UnitControl(
            unit_id=unit,
            unit_name=ps[0].unit_name,
            processes=len(ps),
            flags=sum(len(p.flags) for p in ps),
            open_conflicts=sum(len(p.open_conflicts) for p in ps),
            recusals=sum(1 for p in ps for r in p.recusals if r.outcome == RecusalOutcome.RECUSED),
            overrides=sum(
                len(p.overrides)
                + sum(1 for r in p.recusals if r.outcome == RecusalOutcome.OVERRIDDEN)
                for p in ps
            ),
            referrals=sum(len(p.referrals) for p in ps),
        )
        for unit, ps in by.items()
    ]
    return tuple(sorted(out, key=lambda u: sort_key(u.unit_name)))
