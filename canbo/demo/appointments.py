"""Nomination and appointment in the demo commune, run through the appointment services as the
organization commission would, with every ballot cast on phones through the voting engine:

- a five-step in-place appointment completed (AP-11 to AP-17): a voter of the wider meeting
  declared the candidate's sibling and recused before the ballots were issued (PC-10); the
  dossier verified, the special-case decisions recorded, the decision writing the post with its
  term end (TR-01);
- a five-step in-place process in progress: steps 1 and 2 closed (step 2 sealed, AP-13), step 3
  convened today with its people checked in: the clerk opens its ballot in the browser;
- an outside-source appointment completed (AP-18, ST-04), decided by a provincial leader who
  already has a retirement notice (flagged, PC-09);
- reappointment cases opened by the timer (TR-02) for posts whose term ends soon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from canbo.appointments import models as am
from canbo.appointments.control_repository import DjangoControlUnitOfWork as ControlUoW
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as AUoW
from canbo.conferences.models import Site
from canbo.core.records import RelativeData, RetirementNoticeData
from canbo.core.types import PersonId, RelationKind, Role, UnitId
from canbo.registry.models import Membership, PositionHolding, Title, UnitVersion
from canbo.registry.uow import DjangoRegistryUnitOfWork as RegistryUoW
from canbo.services.appointments import power, processes, reappointment
from canbo.services.appointments.ports import OverrideData, ProcessId, ProcessKind
from canbo.services.appointments.ports import StepKindValue as K
from canbo.services.ports import Actor, Grant
from canbo.services.registry import records
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import CommitteeMember, Medium, SessionId, SiteId
from canbo.voting.uow import DjangoVotingUnitOfWork as VotingUoW

from . import activity
from .planning import Planning

DAY = dt.timedelta(days=1)
SPECIAL_CASE = "Trường hợp đặc biệt do yêu cầu công tác cán bộ, Ban Thường vụ Tỉnh ủy đồng ý"
RECUSAL_REASON = "Là anh, chị, em ruột của người được giới thiệu: không tham gia bỏ phiếu"


@dataclass
class Appointments:
    """Ids of the processes made, for the tests and the printed summary."""

    completed: ProcessId | None = None
    in_progress: ProcessId | None = None
    outside: ProcessId | None = None
    reappointments: list[ProcessId] = field(default_factory=list)
    recusals: int = 0


@dataclass
class _Run:
    staff: Actor
    counters: list[Actor]
    pid: ProcessId
    recusals: int = 0


def _holder(unit: int, code: str, day: dt.date) -> PersonId | None:
    row = (
        PositionHolding.objects.filter(
            unit_id=unit, title__code=code, valid_from__lte=day, valid_to__gte=day
        )
        .order_by("pk")
        .values_list("person_id", flat=True)
        .first()
    )
    return PersonId(row) if row is not None else None


def _oldest(unit: int, codes: Sequence[str], day: dt.date) -> PersonId | None:
    row = (
        PositionHolding.objects.filter(
            unit_id=unit, title__code__in=codes, valid_from__lte=day, valid_to__gte=day
        )
        .order_by("person__birth_date", "pk")
        .values_list("person_id", flat=True)
        .first()
    )
    return PersonId(row) if row is not None else None


def _members(commune: int, day: dt.date) -> list[PersonId]:
    cells = UnitVersion.objects.filter(
        parent_id=commune, valid_from__lte=day, valid_to__gte=day
    ).values("unit_id")
    rows = Membership.objects.filter(unit_id__in=cells, valid_from__lte=day, valid_to__gte=day)
    return [PersonId(p) for p in rows.order_by("person_id").values_list("person_id", flat=True)]


def _convene(
    run: _Run, kind: K, persons: Sequence[PersonId], day: dt.date, absent: int = 0
) -> None:
    """Convene the step; a related voter is asked to recuse before the ballots (PC-10) and
    stays out of the hall; everyone else but the last ``absent`` checks in."""
    cid = processes.convene_step(AUoW(), run.staff, run.pid, kind, persons, day)
    asked = {
        PersonId(int(c.participant.person_id))
        for c in power.voters_to_ask(AUoW(), run.pid, str(kind), day)
    }
    for person in sorted(asked):
        power.record_recusal(
            ControlUoW(), run.staff, run.pid, str(kind), person, "recused", RECUSAL_REASON, day,
            role="voter",
        )  # fmt: skip
        run.recusals += 1
    site = SiteId(Site.objects.filter(conference_id=cid).values_list("pk", flat=True)[0])
    here = [p for p in persons if p not in asked]
    for person in here[: len(here) - absent]:
        conf_svc.check_in(VotingUoW(), run.staff, site, person_id=person)


def _ballot(run: _Run, kind: K, marks: Sequence[Mapping[int, str]], day: dt.date) -> None:
    """Open the step's ballot, hand codes to those present, cast ``marks`` on phones, close,
    count and sign; then close the step from the certified tally."""
    sid = SessionId(processes.open_ballot(AUoW(), run.staff, run.pid, kind))
    committee = [CommitteeMember(account_id=c.account_id) for c in run.counters]
    vote_svc.set_committee(VotingUoW(), run.staff, sid, committee)
    vote_svc.mark_ready(VotingUoW(), run.staff, sid)
    shares = vote_svc.make_ballot_key(VotingUoW(), run.counters[0], sid).shares
    vote_svc.open_vote(VotingUoW(), run.staff, sid)
    given = conf_svc.hand_out(
        VotingUoW(), run.staff, sid, medium=Medium.ELECTRONIC, preprinted=False
    )
    for i, code in enumerate(given.codes):
        vote_svc.cast_ballot(VotingUoW(), sid, code, dict(marks[i % len(marks)]))
    vote_svc.close_vote(VotingUoW(), run.staff, sid)
    count_svc.count(VotingUoW(), run.counters[0], sid, shares)
    for counter in run.counters:
        count_svc.sign(VotingUoW(), counter, sid)
    processes.close_step(AUoW(), run.staff, run.pid, kind, day)


def _keep(person: PersonId, names: Sequence[PersonId]) -> dict[int, str]:
    return {int(p): "struck" for p in names if p != person}


def _active(pid: ProcessId) -> list[PersonId]:
    rows = am.ProcessCandidate.objects.filter(process_id=pid, active=True).order_by("pk")
    return [PersonId(p) for p in rows.values_list("person_id", flat=True)]


def _nominate(names: Sequence[PersonId]) -> list[dict[int, str]]:
    """Ballots keeping one name: most keep the first, some the second."""
    if len(names) < 2:
        return [{int(names[0]): "agree"}] * 7 + [{int(names[0]): "disagree"}]
    return [_keep(names[0], names)] * 6 + [_keep(names[1], names)] * 2


def _agree(person: PersonId, against: int = 1) -> list[dict[int, str]]:
    return [{int(person): "agree"}] * 9 + [{int(person): "disagree"}] * against


def _decide(
    run: _Run, person: PersonId, decider: PersonId, level: str, unit: UnitId, number: str,
    received: dt.date, decided: dt.date, verifier: PersonId,
) -> None:  # fmt: skip
    """The dossier received and verified item by item, a special-case decision for each
    condition still failing, any conflict left recorded, then the decision."""
    processes.receive_dossier(AUoW(), run.staff, run.pid, received)
    data = AUoW().processes.get(run.pid)
    assert data is not None  # noqa: S101 - just opened
    for item in processes.dossier_items_required(processes.rulebook_of(data)):
        processes.verify_dossier_item(AUoW(), run.staff, run.pid, person, item, verifier, received)
    found = processes.conditions(AUoW(), run.staff, run.pid, decided)[person]
    for check in found.failed:
        processes.record_override(
            AUoW(), run.staff,
            OverrideData(run.pid, person, check.key, check.rule, "12-QĐ/TU",
                         "Ban Thường vụ Tỉnh ủy", SPECIAL_CASE, decided),
        )  # fmt: skip
    decision = processes.DecisionData(
        person_id=person, decision_ref=number, decided_on=decided, signed_on=decided,
        effective_on=decided, decider_id=decider, decider_level=level,
        deciding_unit_id=unit,
    )  # fmt: skip
    processes.decide(AUoW(), run.staff, run.pid, decision, decided)
    power.freeze_flags(ControlUoW(), run.staff, run.pid, decided)  # as the decision page does


def _in_place(
    run: _Run, candidates: Sequence[PersonId], leaders: Sequence[PersonId],
    wider: Sequence[PersonId], start: dt.date, *, through: int,
) -> None:  # fmt: skip
    """Run the five steps from ``start``, one day apart, up to step ``through`` (step
    ``through`` is only convened when it is not the fifth)."""
    day = start + 2 * DAY
    _convene(run, K.LEADERSHIP_FIRST, leaders, day)
    processes.close_step(AUoW(), run.staff, run.pid, K.LEADERSHIP_FIRST, day)
    _convene(run, K.WIDER, wider, day + DAY, absent=1)
    _ballot(run, K.WIDER, _nominate(candidates), day + DAY)
    if through == 3:
        return
    _convene(run, K.LEADERSHIP_NOMINATE, leaders, day + 2 * DAY)
    _ballot(run, K.LEADERSHIP_NOMINATE, _nominate(_active(run.pid)), day + 2 * DAY)
    chosen = _active(run.pid)[0]
    _convene(run, K.KEY_CADRES, wider, day + 3 * DAY, absent=1)
    _ballot(run, K.KEY_CADRES, _agree(chosen, 2), day + 3 * DAY)
    _convene(run, K.LEADERSHIP_DECIDE, leaders, day + 4 * DAY)
    _ballot(run, K.LEADERSHIP_DECIDE, _agree(chosen), day + 4 * DAY)


def _open(
    staff: Actor, kind: ProcessKind, title: int, unit: UnitId, start: dt.date,
    candidates: Sequence[PersonId], proposer: PersonId | None, appraiser: PersonId | None,
) -> ProcessId:  # fmt: skip
    new = processes.NewProcess(
        kind=kind, title_id=title, unit_id=unit, started_on=start, candidates=list(candidates),
        proposer_id=proposer, appraiser_id=appraiser, policy_approved_on=start - 7 * DAY,
    )  # fmt: skip
    return processes.open_process(AUoW(), staff, new)


def _outside_unit(commune: UnitId, day: dt.date) -> tuple[UnitId, PersonId] | None:
    """A unit of the commune with a head (THU_TRUONG): the post the outside candidate takes."""
    units = UnitVersion.objects.filter(
        parent_id=commune, valid_from__lte=day, valid_to__gte=day
    ).values_list("unit_id", flat=True)
    for unit in sorted(units):
        head = _holder(unit, "THU_TRUONG", day)
        if head is not None:
            return UnitId(unit), head
    return None


def _term_ends_soon(province: UnitId, commune: UnitId, today: dt.date) -> None:
    """Two appointed posts under the commune whose five-year term (TR-01) ends soon: their
    decisions' term ends recorded, as the registry's clerk enters them."""
    units = [commune, *UnitVersion.objects.filter(
        parent_id=commune, valid_from__lte=today, valid_to__gte=today
    ).values_list("unit_id", flat=True)]  # fmt: skip
    rows = PositionHolding.objects.filter(
        unit_id__in=units, how="appointed", valid_from__lte=today, valid_to__gte=today,
        term_ends__isnull=True,
    ).order_by("pk")[:2]  # fmt: skip
    for days, row in zip((40, 75), rows, strict=False):
        row.term_ends = today + days * DAY
        row.save(update_fields=["term_ends"])


def build_appointments(planning: Planning, today: dt.date) -> Appointments:
    """The processes of the demo commune (see the module's docstring)."""
    commune, province = planning.commune, planning.province
    staff = Actor(None, "demo.tinh", (Grant(Role.ORG_STAFF, province),))
    out = Appointments()
    start = today - 110 * DAY
    counters = activity._counters(commune, start)
    secretary = _holder(commune, "BT_DUX", start)
    committee = [
        PersonId(p)
        for p in dict.fromkeys(PositionHolding.objects.filter(
            unit_id=commune, title__code__in=("UV_BCH", "BT_CU", "BT_DUX"),
            valid_from__lte=start, valid_to__gte=start,
        ).order_by("pk").values_list("person_id", flat=True))
    ]  # fmt: skip
    members = _members(commune, start)
    titles = dict(
        Title.objects.filter(code__in=("CVP_DU", "TB_XDD", "THU_TRUONG")).values_list("code", "pk")
    )
    if secretary is None or len(committee) < 6 or len(titles) < 3:
        return out
    # 1. In place, completed: the chief of the committee's office.
    candidates = planning.planned.get("CVP_DU", [])[:3]
    if len(candidates) >= 2:
        leaders = [p for p in committee if p not in candidates]
        wider = [p for p in dict.fromkeys([*leaders, *members]) if p not in candidates][:16]
        related = wider[-2]
        records.add_record(
            RegistryUoW(), staff, related,
            RelativeData(RelationKind.SIBLING, start - 30 * DAY, linked_person_id=candidates[0]),
            start,
        )  # fmt: skip
        appraiser = next(p for p in leaders if p != secretary)
        pid = _open(staff, ProcessKind.IN_PLACE, titles["CVP_DU"], commune, start, candidates,
                    secretary, appraiser)  # fmt: skip
        run = _Run(staff, counters, pid)
        _in_place(run, candidates, leaders, wider, start, through=5)
        chosen = _active(pid)[0]
        _decide(run, chosen, secretary, "commune", commune, "35-QĐ/ĐU", start + 10 * DAY,
                start + 14 * DAY, appraiser)  # fmt: skip
        out.completed, out.recusals = pid, run.recusals
    # 2. In place, in progress: step 3 convened today.
    candidates = planning.planned.get("TB_XDD", [])[:3]
    if len(candidates) >= 2:
        begun = today - 15 * DAY
        leaders = [p for p in committee if p not in candidates]
        wider = [p for p in dict.fromkeys([*leaders, *members]) if p not in candidates][:16]
        appraiser = next(p for p in leaders if p != secretary)
        pid = _open(staff, ProcessKind.IN_PLACE, titles["TB_XDD"], commune, begun, candidates,
                    secretary, appraiser)  # fmt: skip
        run = _Run(staff, counters, pid)
        _in_place(run, candidates, leaders, wider, begun, through=3)
        _convene(run, K.LEADERSHIP_NOMINATE, leaders, today)
        out.in_progress = pid
    # 3. Outside source, completed: a department head of the province takes a unit's head post.
    found = _outside_unit(commune, start)
    outsiders = planning.planned.get("THU_TRUONG", [])
    if found is not None and outsiders:
        unit, head = found
        begun = today - 70 * DAY
        decider = _oldest(province, ("PBT_TU", "BT_TU"), begun) or secretary
        records.add_record(
            RegistryUoW(), staff, decider,
            RetirementNoticeData(begun - 20 * DAY, today + 60 * DAY, "88-TB/TU"), begun,
        )  # fmt: skip
        pid = _open(staff, ProcessKind.OUTSIDE, titles["THU_TRUONG"], unit, begun,
                    outsiders[:1], head, None)  # fmt: skip
        run = _Run(staff, counters, pid)
        leaders = [p for p in committee if p not in outsiders][:7]
        _convene(run, K.RECEIVING_TALKS, leaders, begun + DAY)
        processes.close_step(AUoW(), staff, pid, K.RECEIVING_TALKS, begun + DAY)
        _convene(run, K.SENDING_VOTE, leaders, begun + 3 * DAY)
        _ballot(run, K.SENDING_VOTE, _agree(outsiders[0]), begun + 3 * DAY)
        _convene(run, K.REPORT, leaders[:3], begun + 5 * DAY)
        processes.close_step(AUoW(), staff, pid, K.REPORT, begun + 5 * DAY)
        _decide(run, outsiders[0], decider, "provincial", province, "1650-QĐ/TU",
                begun + 8 * DAY, begun + 12 * DAY, secretary)  # fmt: skip
        out.outside = pid
    # 4. Reappointment cases opened by the timer.
    _term_ends_soon(province, commune, today)
    out.reappointments = reappointment.open_due_cases(AUoW(), staff, today)
    return out
