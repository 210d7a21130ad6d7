"""Use cases: open a classification cycle and compute every proposal (issue 4; CL-03 … CL-21).

Opening derives the subjects from the registry as of the cycle date: collectives (Party
committees and organizations, agencies) and individuals (Party members, leaders and managers),
minus the exempt, each exemption stored with its code (the engine gives its reason and
citation, CL-04, CL-18). Computing streams the compact rows in chunks, calls the core's cheap
per-subject function (memoized on the facts, which repeat a lot), writes the levels back with
one ``executemany`` per chunk and counts the quota per peer group in memory (CL-13, CL-14).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from canbo.core.classification.common import head_cap
from canbo.core.classification.engine import Engine, engine_for_cycle
from canbo.core.classification.model import (
    Effect,
    Exemption,
    Grade,
    Level,
    Proposal,
    Subject,
    SubjectId,
    SubjectKind,
)
from canbo.core.classification.params import Parameters
from canbo.core.classification.quota import QuotaLine, max_htxs
from canbo.core.classification.rulebook import rulebook_for_cycle
from canbo.core.errors import Citation, NotFound, PermissionDenied, ValidationError
from canbo.core.types import DisciplineForm, Role, UnitId, UnitKind

from .access import can_reach
from .classification_model import (
    NEW_ORG,
    ClassificationStore,
    ComputeReport,
    ComputeRow,
    CycleData,
    CycleId,
    CycleSettings,
    NewSubject,
    PersonFacts,
    Step,
    UnitFacts,
)
from .ports import Actor

GRASSROOTS_KINDS = frozenset(
    {UnitKind.GRASSROOTS_COMMITTEE, UnitKind.GRASSROOTS_CELL, UnitKind.COMMUNE_PARTY_COMMITTEE}
)
"""Tổ chức cơ sở đảng: the default quota group and decider of Party members (CL-14, CL-17)."""

NOT_SUBJECTS = frozenset({UnitKind.PARTY_GROUP})
"""Tổ đảng are not collectives of their own (CL-03 lists committees, organizations, agencies)."""

OPEN_ROLES = frozenset({Role.ORG_STAFF})
CL03 = Citation("QĐ 366-QĐ/TW; HD 43-HD/BTCTW", rule_id="CL-03")
SICK_DAYS_PER_MONTH = 30
CHUNK = 20_000
MEMO_LIMIT = 500_000


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (0 if ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def annotate_units(
    units: Iterable[UnitFacts], root_id: UnitId
) -> dict[UnitId, tuple[UnitFacts, UnitId, UnitId]]:
    """Each unit with its grassroots Party organization and its top unit under the root.

    The grassroots organization (CL-14 ``grassroots_party_org``) is the nearest unit, itself
    included, of a grassroots kind, else the cell's parent; the top unit is the ancestor whose
    parent is the cycle's root (the province in a national cycle), used for statistics.
    """
    by_id = {u.unit_id: u for u in units}
    out: dict[UnitId, tuple[UnitFacts, UnitId, UnitId]] = {}

    def resolve(uid: UnitId) -> tuple[UnitId, UnitId]:
        if uid in out:
            return out[uid][1], out[uid][2]
        u = by_id[uid]
        parent = u.parent_id if u.parent_id in by_id and uid != root_id else None
        grassroots, top = uid, uid
        if parent is not None:
            p_grassroots, p_top = resolve(parent)
            top = uid if parent == root_id else p_top
            if u.kind not in GRASSROOTS_KINDS and by_id[p_grassroots].kind in GRASSROOTS_KINDS:
                grassroots = p_grassroots
        out[uid] = (u, grassroots, top)
        return grassroots, top

    for uid in by_id:
        resolve(uid)
    return out


def collective_subject(
    u: UnitFacts, grassroots: UnitId, top: UnitId, as_of: dt.date, params: Parameters
) -> NewSubject:
    """CL-03 collective; not classified when formed under ``cl_new_org_min_months`` (CL-18).

    The competent level is the immediate superior (CL-22); the quota group is the peer group of
    the same kind under the same superior (CL-14 ``cl_quota_grouping_others``).
    """
    months = months_between(u.valid_from, as_of)
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
    store: ClassificationStore, data: CycleData, params: Parameters
) -> Iterator[NewSubject]:
    units = annotate_units(store.units_for_cycle(data.root_id, data.as_of), data.root_id)
    for u, grassroots, top in units.values():
        if u.kind not in NOT_SUBJECTS:
            yield collective_subject(u, grassroots, top, data.as_of, params)
    facts = store.person_facts(
        data.root_id, data.as_of, data.year, data.settings.cl_discipline_date_basis
    )
    for p in facts:
        entry = units.get(p.unit_id)
        if entry is not None:
            yield person_subject(p, entry[1], entry[2], data.as_of, params)


def open_cycle(
    store: ClassificationStore,
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
    if not can_reach(actor, root_id, store.tree, as_of, OPEN_ROLES):
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
    with store:
        cycle_id = store.add_cycle(data)
        count = store.add_subjects(cycle_id, _derive(store, data, params))
        store.audit.append(
            actor,
            "classification.open",
            "cycle",
            str(cycle_id),
            None,
            {"year": year, "root": root_id, "rulebook": data.rulebook, "subjects": count},
        )
        store.commit()
    return cycle_id


def params_of(data: CycleData) -> Parameters:
    """The parameter values stored with the cycle (GEN-01), back as typed Parameters."""
    text = {k: _param_text(v) for k, v in data.parameters.items()}
    return Parameters().with_overrides(text)


def _param_text(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if value is None:
        return "none"
    return str(value)


def engine_of(data: CycleData) -> Engine:
    return engine_for_cycle(data.year, params_of(data))


def _level(value: int | None) -> Level | None:
    return None if value is None else Level(value)


def _grade(value: int | None) -> Grade | None:
    return None if value is None else Grade(value)


def row_subject(row: ComputeRow) -> Subject:
    """Build the core Subject of a compact row (layout: ``ComputeRow``)."""
    general, results = row[7], row[8]
    score = None if general is None or results is None else general + results
    return Subject(
        id=SubjectId(str(row[0])),
        kind=SubjectKind(row[1]),
        group=row[2],
        tasks_total=row[11],
        tasks_on_time=row[12],
        tasks_exceeded=row[13],
        tasks_late=row[14],
        score=score,
        grade_results=_grade(row[9]),
        grade_other_min=_grade(row[10]),
        discipline=DisciplineForm(row[19]) if row[19] else None,
        discipline_self_remedied=bool(row[20]),
        led_units_tasks=row[15],
        led_units_exceeded=row[16],
        led_units_kht=row[17],
        confidence_low=row[18],
        head_of=SubjectId(str(row[24])) if row[24] else None,
        exemption=Exemption(row[23]) if row[23] and row[23] != NEW_ORG else None,
        months_in_operation=row[22],
        sick_leave_months=row[21],
    )


_RULE_EFFECTS = frozenset({Effect.NOT_MET, Effect.FORCED_KHT, Effect.CAP, Effect.NOT_CLASSIFIED})


def rules_of(proposal: Proposal) -> str:
    """The rules that lowered or stopped the level, for the compact row (at most 64 chars)."""
    seen = dict.fromkeys(r.rule for r in proposal.reasons if r.effect in _RULE_EFFECTS)
    return ",".join(seen)[:64]


class _Runner:
    """One compute pass: memoized evaluation, head cap, quota counting (CL-12 … CL-15)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.memo: dict[tuple[object, ...], tuple[Level | None, str, Proposal]] = {}
        self.unit_levels: dict[SubjectId, Level | None] = {}
        self.counts: dict[str, list[int]] = {}
        self.evaluated = self.not_classified = self.skipped = 0

    def lines(self) -> list[QuotaLine]:
        """CL-13 per group, as ``QuotaAggregator.lines`` (counted inline: no object per row)."""
        pct, rounding = self.engine.params.cl_quota_pct, self.engine.params.cl_quota_rounding
        out = []
        for group, (htxs, htt) in sorted(self.counts.items()):
            limit = None if pct is None else max_htxs(htt, pct, rounding)
            out.append(
                QuotaLine(group, htxs, htt, limit, 0 if limit is None else max(0, htxs - limit))
            )
        return out

    def run(self, chunk: list[ComputeRow]) -> list[tuple[int | None, str, int]]:
        out: list[tuple[int | None, str, int]] = []
        capping = self.engine.params.cl_head_cap
        for row in chunk:
            if row[4] < Step.SELF and not row[23]:
                self.skipped += 1
                continue
            # The outcome depends on the total score (CL-05: general + results), not its parts,
            # nor on the id or group: the memo key drops them, so equal facts evaluate once.
            general, results = row[7], row[8]
            total = None if general is None or results is None else general + results
            key = (row[1], total, *row[9:24])
            hit = self.memo.get(key)
            if hit is None:
                if len(self.memo) >= MEMO_LIMIT:
                    self.memo.clear()
                proposal = self.engine.evaluate(row_subject(row))
                hit = self.memo[key] = (proposal.level, rules_of(proposal), proposal)
            level, rules, proposal = hit
            if capping and row[24] and level is not None:
                unit = SubjectId(str(row[24]))
                proposal = head_cap(proposal, self.unit_levels.get(unit), unit in self.unit_levels)
                level, rules = proposal.level, rules_of(proposal)
            if row[1] == SubjectKind.COLLECTIVE:
                self.unit_levels[SubjectId(str(row[3]))] = level
            self.evaluated += 1
            self.not_classified += level is None
            effective = row[6] if row[6] is not None else row[5]
            if effective is None:
                effective = level
            counts = self.counts.get(row[2])
            if counts is None:
                counts = self.counts[row[2]] = [0, 0]
            if effective == Level.HTXS:
                counts[0] += 1
            elif effective == Level.HTT:
                counts[1] += 1
            out.append((None if level is None else int(level), rules, row[0]))
        return out


def compute_proposals(store: ClassificationStore, actor: Actor, cycle_id: CycleId) -> ComputeReport:
    """CL-12 steps 1–6 for every subject of the cycle, streaming; nothing is cut (CL-13).

    Collectives first, so that heads are capped by their unit's level (CL-21, CL-15). The
    quota lines count the effective level: decided, else appraised, else proposed.
    """
    with store:
        data = load_cycle(store, cycle_id)
        runner = _Runner(engine_of(data))
        for collectives in (True, False):
            for chunk in store.stream_rows(cycle_id, collectives):
                store.save_proposals(runner.run(chunk))
        lines = runner.lines()
        store.audit.append(
            actor,
            "classification.compute",
            "cycle",
            str(cycle_id),
            None,
            {"evaluated": runner.evaluated, "groups": len(lines)},
        )
        store.commit()
    over = tuple((q.group, q.htxs, q.htt, q.max_htxs, q.over_by) for q in lines if q.over_by)
    return ComputeReport(runner.evaluated, runner.not_classified, runner.skipped, len(lines), over)


def load_cycle(store: ClassificationStore, cycle_id: CycleId) -> CycleData:
    """The cycle, or NotFound."""
    data = store.cycle(cycle_id)
    if data is None:
        raise NotFound("cycle_not_found", cycle_id=cycle_id)
    return data
