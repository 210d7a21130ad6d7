"""Use cases: open a classification cycle and compute every proposal (CL-03 … CL-21).

Opening derives the subjects from the registry as of the cycle date: collectives (Party
committees and organizations, agencies) and individuals (Party members, leaders and managers),
minus the exempt, each exemption stored with its code (the engine gives its reason and
citation, CL-04, CL-18). Computing every proposal is ``classification_compute`` (re-exported
here: ``compute_proposals``, ``load_cycle``, ``engine_of``, ``row_subject``, ``rules_of``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from canbo.core.classification.model import Exemption, SubjectKind
from canbo.core.classification.params import Parameters
from canbo.core.classification.rulebook import rulebook_for_cycle
from canbo.core.errors import Citation, PermissionDenied, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId, UnitKind
from canbo.services.access import can_reach
from canbo.services.classification.compute import (
    compute_proposals,
    engine_of,
    load_cycle,
    params_of,
    row_subject,
    rules_of,
)
from canbo.services.classification.ports import (
    NEW_ORG,
    ClassificationUnitOfWork,
    CycleData,
    CycleId,
    CycleSettings,
    NewSubject,
    PersonFacts,
    UnitFacts,
)
from canbo.services.ports import Actor

GRASSROOTS_KINDS = frozenset(
    {UnitKind.GRASSROOTS_COMMITTEE, UnitKind.GRASSROOTS_CELL, UnitKind.COMMUNE_PARTY_COMMITTEE}
)
"""Tổ chức cơ sở đảng: the default quota group and decider of Party members (CL-14, CL-17)."""

NOT_SUBJECTS = frozenset({UnitKind.PARTY_GROUP})
"""Tổ đảng are not collectives of their own (CL-03 lists committees, organizations, agencies)."""

OPEN_ROLES = roles_for(Action.OPEN_CYCLE)
CL03 = Citation("QĐ 366-QĐ/TW; HD 43-HD/BTCTW", rule_id="CL-03")
SICK_DAYS_PER_MONTH = 30

__all__ = [
    "compute_proposals",
    "engine_of",
    "load_cycle",
    "open_cycle",
    "params_of",
    "row_subject",
    "rules_of",
]


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (0 if ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


class PlacedUnit(NamedTuple):
    """A unit of the cycle with its grassroots Party organization and its top unit."""

    unit: UnitFacts
    grassroots: UnitId
    top: UnitId


def annotate_units(units: Iterable[UnitFacts], root_id: UnitId) -> dict[UnitId, PlacedUnit]:
    """Each unit with its grassroots Party organization and its top unit under the root.

    The grassroots organization (CL-14 ``grassroots_party_org``) is the nearest unit, itself
    included, of a grassroots kind, else the cell's parent; the top unit is the ancestor whose
    parent is the cycle's root (the province in a national cycle), used for statistics.
    """
    by_id = {u.unit_id: u for u in units}
    out: dict[UnitId, PlacedUnit] = {}

    def resolve(uid: UnitId) -> tuple[UnitId, UnitId]:
        if uid in out:
            return out[uid].grassroots, out[uid].top
        u = by_id[uid]
        parent = u.parent_id if u.parent_id in by_id and uid != root_id else None
        grassroots, top = uid, uid
        if parent is not None:
            p_grassroots, p_top = resolve(parent)
            top = uid if parent == root_id else p_top
            if u.kind not in GRASSROOTS_KINDS and by_id[p_grassroots].kind in GRASSROOTS_KINDS:
                grassroots = p_grassroots
        out[uid] = PlacedUnit(u, grassroots, top)
        return grassroots, top

    for uid in by_id:
        resolve(uid)
    return out


def collective_subject(
    u: UnitFacts, grassroots: UnitId, top: UnitId, as_of: dt.date, params: Parameters
) -> NewSubject:
    """CL-03 collective; not classified when formed under ``cl_new_org_min_months`` (CL-18); a
    successor by merger counts from its predecessors when ``cl_merger_successor_classified``.

    The competent level is the immediate superior (CL-22); the quota group is the peer group of
    the same kind under the same superior (CL-14 ``cl_quota_grouping_others``).
    """
    merged = u.merged_from if params.cl_merger_successor_classified else None
    months = months_between(min(u.valid_from, merged or u.valid_from), as_of)
    decider = u.parent_id or u.unit_id
    return NewSubject(
        kind=str(SubjectKind.COLLECTIVE),
        unit_id=u.unit_id,
        person_id=None,
        parent_unit_id=u.parent_id,
        decider_id=decider,
        top_id=top,
        group=f"{u.kind}@{decider}",
        group_unit_id=decider,
        exemption=NEW_ORG if months < params.cl_new_org_min_months else "",
        months_in_operation=min(months, 1200),
    )


def person_exemption(p: PersonFacts, as_of: dt.date, params: Parameters) -> str:
    """CL-04: excused from Party work, suspended, or admitted less than 6 months before."""
    found: list[Exemption] = []
    if p.excused:
        found.append(Exemption.EXCUSED)
    if p.suspended:
        found.append(Exemption.SUSPENDED)
    if p.admission_date is not None and months_between(p.admission_date, as_of) < 6:
        found.append(Exemption.ADMITTED_LT_6_MONTHS)
    chosen = [e for e in found if e in params.cl_exempt_categories]
    return str(chosen[0]) if chosen else ""


def person_subject(
    p: PersonFacts, grassroots: UnitId, top: UnitId, as_of: dt.date, params: Parameters
) -> NewSubject:
    """CL-03 individual: leader or manager, Party member, or member outside the system.

    Decided by the grassroots committee (``cl_member_decider``) and counted in the grassroots
    organization's quota group (``cl_quota_grouping_members``); leaders in their own group.
    """
    if p.leads_unit is not None:
        kind = SubjectKind.LEADER
    elif p.retired:
        kind = SubjectKind.MEMBER_OUTSIDE
    else:
        kind = SubjectKind.INDIVIDUAL
    label = "lanh-dao" if kind is SubjectKind.LEADER else "dang-vien"
    return NewSubject(
        kind=str(kind),
        unit_id=p.unit_id,
        person_id=p.person_id,
        parent_unit_id=p.unit_id,
        decider_id=grassroots,
        top_id=top,
        group=f"{label}@{grassroots}",
        group_unit_id=grassroots,
        exemption=person_exemption(p, as_of, params),
        head_unit_id=p.heads_unit,
        discipline=str(p.discipline or ""),
        discipline_self_remedied=p.discipline_self_remedied,
        sick_leave_months=min(12, p.sick_days // SICK_DAYS_PER_MONTH),
    )


def _derive(
    uow: ClassificationUnitOfWork, data: CycleData, params: Parameters
) -> Iterator[NewSubject]:
    units = annotate_units(uow.registry.units(data.root_id, data.as_of), data.root_id)
    for u, grassroots, top in units.values():
        if u.kind not in NOT_SUBJECTS:
            yield collective_subject(u, grassroots, top, data.as_of, params)
    facts = uow.registry.people(
        data.root_id, data.as_of, data.year, data.settings.cl_discipline_date_basis
    )
    for p in facts:
        entry = units.get(p.unit_id)
        if entry is not None:
            yield person_subject(p, entry.grassroots, entry.top, data.as_of, params)


def open_cycle(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    year: int,
    root_id: UnitId,
    as_of: dt.date,
    name: str,
    overrides: Mapping[str, str] | None = None,
    settings: CycleSettings | None = None,
    now: dt.datetime | None = None,
) -> CycleId:
    """Open the cycle of ``year`` over ``root_id``'s subtree as of ``as_of`` (CL-03, CL-04).

    The rulebook comes from the year (GEN-01, CL-01) and is stored with the parameter values
    used. Only the organization commission (ORG_STAFF) of the root may open a cycle.
    """
    info = rulebook_for_cycle(year)
    params = Parameters().with_overrides(overrides or {})
    if not can_reach(actor, root_id, uow.tree, as_of, OPEN_ROLES):
        raise PermissionDenied(
            "cycle_open_denied",
            "Chỉ Ban Tổ chức của cấp mở đợt mới được mở đợt đánh giá. / Only the organization "
            "commission of the unit may open a cycle.",
            citation=CL03,
            unit_id=root_id,
        )
    if not name.strip():
        raise ValidationError("name_required", "Cần đặt tên đợt. / A name is required.")
    data = CycleData(
        year=year,
        as_of=as_of,
        root_id=root_id,
        name=name.strip(),
        rulebook=str(info.id),
        parameters=params.as_dict(),
        settings=settings or CycleSettings(),
        opened_by=actor.label,
        opened_at=now,
    )
    with uow:
        cycle_id = uow.cycles.add(data)
        count = uow.subjects.add_all(cycle_id, _derive(uow, data, params))
        uow.audit.append(
            actor,
            "classification.open",
            "cycle",
            str(cycle_id),
            None,
            {"year": year, "root": root_id, "rulebook": data.rulebook, "subjects": count},
        )
        uow.commit()
    return cycle_id
