"""An appointment process on the database: a commune committee, its people, a post, the
counting committee's two accounts, and helpers that run a step's meeting and its ballot through
the voting engine exactly as the staff pages do (check-in, committee, key, hand-out of codes,
phones, close, count, the committee's signatures)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.conferences.models import Site
from canbo.core.types import LevelClass, PersonId, UnitId, UnitKind
from canbo.registry import models as reg
from canbo.services.appointments import processes
from canbo.services.appointments.ports import ProcessId, ProcessKind, StepKindValue
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import ConferenceId, Medium, SessionId, SiteId
from canbo.voting.uow import DjangoVotingUnitOfWork as V
from tests import factories as f

from .voting_builders import NAMES, counter

START = dt.date(2026, 3, 2)


@dataclass
class Office:
    unit: UnitId
    people: list[PersonId]
    title_id: int
    counters: list[Actor]


def office(n: int = 12) -> Office:
    central = f.unit(
        "Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, level=LevelClass.CENTRAL
    )
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    commune = f.unit("Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ thôn Na Pô", UnitKind.CELL, commune)
    people = [f.person(name, cell) for name in NAMES[:n]]
    title = reg.Title.objects.create(
        code="PCT_UBND_XA", name="Phó Chủ tịch Ủy ban nhân dân xã", level="commune"
    )
    counters = [counter(f"kiemphieu{i}", commune) for i in (1, 2)]
    return Office(commune, people, title.pk, counters)


def open_in_place(o: Office, candidates: Sequence[PersonId], **kw: object) -> ProcessId:
    values: dict[str, object] = {
        "kind": ProcessKind.IN_PLACE,
        "title_id": o.title_id,
        "unit_id": o.unit,
        "started_on": START,
        "candidates": list(candidates),
        "proposer_id": o.people[-1],
        "appraiser_id": o.people[-2],
    }
    values.update(kw)
    return processes.open_process(A(), SYSTEM, processes.NewProcess(**values))  # type: ignore[arg-type]


def convene(
    pid: ProcessId,
    kind: StepKindValue,
    persons: Sequence[PersonId],
    present: Sequence[PersonId],
    on: dt.date,
) -> ConferenceId:
    cid = ConferenceId(processes.convene_step(A(), SYSTEM, pid, kind, persons, on))
    site = SiteId(Site.objects.filter(conference_id=cid).values_list("pk", flat=True)[0])
    for p in present:
        conf_svc.check_in(V(), SYSTEM, site, person_id=p)
    return cid


def ballot(
    o: Office,
    pid: ProcessId,
    kind: StepKindValue,
    marks: Sequence[Mapping[int, str]],
) -> SessionId:
    """Open the step's ballot, hand codes to those present, cast ``marks`` by phone, close,
    count and sign."""
    committee = [int(c.account_id) for c in o.counters if c.account_id is not None]
    sid = SessionId(processes.open_ballot(A(), SYSTEM, pid, kind, committee=committee))
    vote_svc.mark_ready(V(), SYSTEM, sid)
    shares = vote_svc.make_ballot_key(V(), o.counters[0], sid).shares
    vote_svc.open_vote(V(), SYSTEM, sid)
    given = conf_svc.hand_out(V(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    for code, m in zip(given.codes, marks, strict=False):
        vote_svc.cast_ballot(V(), sid, code, dict(m))
    vote_svc.close_vote(V(), SYSTEM, sid)
    count_svc.count(V(), o.counters[0], sid, shares)
    for c in o.counters:
        count_svc.sign(V(), c, sid)
    return sid


def strike_all_but(keep: PersonId, names: Sequence[PersonId]) -> dict[int, str]:
    return {int(p): "struck" for p in names if p != keep}
