"""The candidate's dossier as the registry holds it (AP-04): identity, the posts held, the
classification results, the confidence-vote results, discipline, planning, training and the
dossier items of the process with who verified them. Read-only; the process (and so the
candidate) is loaded through the power-control use case, which checks the actor's scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from canbo.classification.choices import Level
from canbo.classification.models import CycleSubject
from canbo.core.appointments.params import DOSSIER_ITEMS
from canbo.core.personal_history import HistoryKind, level_label
from canbo.core.types import PersonId
from canbo.planning.models import PlanEntry
from canbo.registry import choices as reg_choices
from canbo.registry import models as reg
from canbo.services.appointments import power
from canbo.services.appointments.ports import ProcessData, ProcessId
from canbo.services.ports import Actor
from canbo.voting.models import ResultLine

from . import models as m
from .control_repository import DjangoControlUnitOfWork

TRAINING_KINDS = tuple(
    str(k) for k in HistoryKind if k not in (HistoryKind.WORK, HistoryKind.AWARD)
)
"""Education and training items of the personal history form (not work periods, awards)."""
ITEM_WORDS = {str(v): vi for v, vi, _en in DOSSIER_ITEMS}
BAND_WORDS = {"none": "", "B": "trên 50% phiếu tín nhiệm thấp", "C": "từ 2/3 phiếu tín nhiệm thấp"}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a dossier table: its cells as the document prints them."""

    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CandidateDossier:
    person_id: int
    full_name: str
    facts: tuple[tuple[str, str], ...]
    positions: tuple[Row, ...] = ()
    classifications: tuple[Row, ...] = ()
    confidence: tuple[Row, ...] = ()
    discipline: tuple[Row, ...] = ()
    planning: tuple[Row, ...] = ()
    training: tuple[Row, ...] = ()
    items: tuple[Row, ...] = ()


@dataclass(frozen=True, slots=True)
class Dossier:
    process_id: int
    title_name: str
    unit_name: str
    parent_name: str
    started_on: dt.date
    dossier_received_on: dt.date | None
    today: dt.date
    candidates: tuple[CandidateDossier, ...] = field(default_factory=tuple)


def _d(day: dt.date | None) -> str:
    if day is None or day >= dt.date(9999, 1, 1):
        return ""
    return f"{day:%d/%m/%Y}"


def _unit_name(unit_id: int | None, on: dt.date) -> str:
    if unit_id is None:
        return ""
    versions = reg.UnitVersion.objects.filter(unit_id=unit_id)
    row = versions.filter(valid_from__lte=on, valid_to__gte=on).first()
    row = row or versions.order_by("-valid_from").first()
    return row.name if row else ""


def _parent_name(unit_id: int, on: dt.date) -> str:
    row = reg.UnitVersion.objects.filter(
        unit_id=unit_id, valid_from__lte=on, valid_to__gte=on
    ).first()
    return _unit_name(row.parent_id, on) if row and row.parent_id else ""


def _facts(p: reg.Person) -> tuple[tuple[str, str], ...]:
    sex = str(reg_choices.Sex(p.sex).label) if p.sex else ""
    return (
        (_("Họ và tên"), p.full_name),
        (_("Ngày sinh"), _d(p.birth_date)),
        (_("Giới tính"), sex),
        (_("Dân tộc"), p.ethnicity),
        (_("Quê quán"), p.hometown),
        (_("Ngày vào Đảng"), _d(p.party_admission_date)),
        (_("Ngày chính thức"), _d(p.official_membership_date)),
    )


def _positions(pid: int, on: dt.date) -> tuple[Row, ...]:
    rows = reg.PositionHolding.objects.filter(person_id=pid).select_related("title")
    return tuple(
        Row(
            (
                _d(h.valid_from),
                _d(h.valid_to),
                h.title.name,
                _unit_name(h.unit_id, on),
                h.decision_ref,
            )
        )
        for h in rows.order_by("valid_from", "id")
    )


def _classifications(pid: int) -> tuple[Row, ...]:
    rows = CycleSubject.objects.filter(
        person_id=pid, cycle__status="published", final_level__isnull=False
    ).values_list("cycle__year", "final_level")
    return tuple(
        Row((str(year), str(Level(int(level)).label)))
        for year, level in sorted(rows)
        if level is not None
    )


def _confidence(pid: int) -> tuple[Row, ...]:
    latest: dict[int, tuple[int, ResultLine]] = {}
    rows = ResultLine.objects.filter(person_id=pid, version__certified=True).select_related(
        "version__session__conference"
    )
    for line in rows:
        seen = latest.get(line.version.session_id)
        if seen is None or line.version.number > seen[0]:
            latest[line.version.session_id] = (line.version.number, line)
    out = []
    for _n, line in sorted(latest.values(), key=lambda x: x[1].version.session.conference.held_on):
        session = line.version.session
        out.append(
            Row(
                (
                    _d(session.conference.held_on),
                    session.title,
                    str(line.high),
                    str(line.mid),
                    str(line.low),
                    BAND_WORDS.get(line.band, line.band),
                )
            )
        )
    return tuple(out)


def _discipline(pid: int) -> tuple[Row, ...]:
    rows = reg.DisciplineRecord.objects.filter(person_id=pid).order_by("decision_date")
    return tuple(
        Row(
            (
                _d(r.decision_date),
                str(reg_choices.DisciplineForm(r.form).label),
                r.authority,
                r.decision_ref,
            )
        )
        for r in rows
    )


def _planning(pid: int) -> tuple[Row, ...]:
    rows = PlanEntry.objects.filter(person_id=pid).select_related("plan__title")
    return tuple(
        Row(
            (
                e.plan.title.name,
                _unit_name(e.plan.unit_id, e.added_on),
                e.plan.term_label,
                _d(e.added_on),
                _d(e.removed_on),
            )
        )
        for e in rows.order_by("added_on", "id")
    )


def _training(pid: int) -> tuple[Row, ...]:
    rows = reg.HistoryItem.objects.filter(person_id=pid, ended_on__isnull=True)
    out = []
    for h in rows.filter(kind__in=TRAINING_KINDS).order_by("starts", "year", "id"):
        when = " – ".join(x for x in (_d(h.starts), _d(h.ends)) if x) or (str(h.year or ""))
        out.append(Row((when, level_label(h.kind, h.level), h.field_name, h.institution)))
    return tuple(out)


def _items(process_id: int, pid: int) -> tuple[Row, ...]:
    rows = m.DossierItem.objects.filter(process_id=process_id).filter(
        Q(person_id=pid) | Q(person__isnull=True)
    )
    names = dict(
        reg.Person.objects.filter(
            pk__in=[r.verified_by_id for r in rows if r.verified_by_id]
        ).values_list("pk", "full_name")
    )
    return tuple(
        Row(
            (
                ITEM_WORDS.get(r.item, r.item),
                names.get(r.verified_by_id or 0, ""),
                _d(r.verified_on),
                r.note,
            )
        )
        for r in rows.order_by("id")
    )


def _candidate(process_id: int, pid: int, on: dt.date) -> CandidateDossier:
    person = reg.Person.objects.get(pk=pid)
    return CandidateDossier(
        person_id=pid,
        full_name=person.full_name,
        facts=_facts(person),
        positions=_positions(pid, on),
        classifications=_classifications(pid),
        confidence=_confidence(pid),
        discipline=_discipline(pid),
        planning=_planning(pid),
        training=_training(pid),
        items=_items(process_id, pid),
    )


def dossier(
    actor: Actor, process_id: ProcessId, today: dt.date, person_id: PersonId | None = None
) -> Dossier:
    """The dossier of the process's active candidates (or of one of them) on ``today``."""
    uow = DjangoControlUnitOfWork()
    with uow:
        data: ProcessData = power.load_process(uow, actor, process_id, today)
        active = [c for c in uow.processes.candidates(process_id) if c.active]
        if person_id is not None:
            active = [c for c in active if c.person_id == person_id]
        title = uow.processes.title(data.title_id)
        return Dossier(
            process_id=int(process_id),
            title_name=title.name if title else "",
            unit_name=_unit_name(data.unit_id, today),
            parent_name=_parent_name(data.unit_id, today),
            started_on=data.started_on,
            dossier_received_on=data.dossier_received_on,
            today=today,
            candidates=tuple(_candidate(process_id, int(c.person_id), today) for c in active),
        )
