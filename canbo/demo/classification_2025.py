"""The demo's last finished review: the classification cycle of the year before the one in
progress (2025 when the demo runs in late 2026), over the commune that held the demo cell on
31 December of that year, taken through every step by the people whose step it is and
published (QĐ 366-QĐ/TW; HD 43-HD/BTCTW).

The organization commission opens it; the cells' secretaries self-assess each subject and
record the collective's comments; the commission appraises at the proposal; the standing
committee decides in order (CL-21: cells before the commune, collectives before their
members and heads); a group over the HTXS quota (CL-13) is resolved by lowering, with a
reason; then the standing committee publishes (CL-27). The levels are spread as a real year
ends: most subjects HTT, some HTXS within the quota, some HT, a few KHT — the scores entered
give the level, and the rules (discipline, caps) lower it where they must.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from canbo.classification.models import CycleSubject
from canbo.classification.store import DjangoClassificationUnitOfWork as UoW
from canbo.core.classification.model import Level
from canbo.core.errors import RuleViolation
from canbo.core.types import Role, UnitId
from canbo.registry.models import UnitVersion
from canbo.services.classification import bulk, compute, results, steps
from canbo.services.classification import cycle as cycles
from canbo.services.classification.ports import CycleId, SubjectPk
from canbo.services.ports import Actor, Grant

SHARE_KHT = 0.02
SHARE_HT = 0.10
SHARE_HTXS = 0.15
"""The planned spread of each peer group; HTXS is kept within the quota (CL-13)."""
QUOTA_PCT = 20
"""``cl_quota_pct`` default: HTXS at most 20% of HTT in a peer group."""


@dataclass(frozen=True, slots=True)
class Published:
    """The published cycle and its final levels, for the tests and the printed summary."""

    cycle: int
    year: int
    root: int
    levels: dict[str, int]
    lowered: int

    def __str__(self) -> str:
        spread = ", ".join(f"{k} {v}" for k, v in self.levels.items())
        return f"năm {self.year}: {spread}; hạ theo tỷ lệ {self.lowered}"


def review_year(today: dt.date) -> int:
    """The year before the one in progress (the open cycle's year is ``activity``'s rule)."""
    in_progress = today.year if today.month >= 11 else today.year - 1
    return in_progress - 1


def _commune_on(cell: int, day: dt.date) -> UnitId | None:
    parent = (
        UnitVersion.objects.filter(unit_id=cell, valid_from__lte=day, valid_to__gte=day)
        .values_list("parent_id", flat=True)
        .first()
    )
    return None if parent is None else UnitId(parent)


def _parent_of(unit: UnitId, day: dt.date) -> UnitId:
    parent = (
        UnitVersion.objects.filter(unit_id=unit, valid_from__lte=day, valid_to__gte=day)
        .values_list("parent_id", flat=True)
        .first()
    )
    return UnitId(parent or unit)


def _actor(label: str, role: Role, unit: UnitId) -> Actor:
    return Actor(None, label, (Grant(role, unit),))


def _plan(rng: random.Random, pks: list[int], collective: bool) -> dict[int, Level]:
    """Levels for one peer group: a few KHT and HT, HTXS within the quota, the rest HTT."""
    order = sorted(pks)
    rng.shuffle(order)
    n = len(order)
    kht = 0 if collective and n < 20 else round(n * SHARE_KHT)
    ht = round(n * SHARE_HT)
    rest = n - kht - ht
    htxs = min(round(n * SHARE_HTXS), rest * QUOTA_PCT // (100 + QUOTA_PCT))
    levels = [Level.KHT] * kht + [Level.HT] * ht + [Level.HTXS] * htxs
    levels += [Level.HTT] * (n - len(levels))
    return dict(zip(order, levels, strict=True))


def _scores(rng: random.Random, level: Level, leader: bool) -> dict[str, str]:
    """Scores and tasks a cell would enter for a subject of ``level`` (CL-05 … CL-10)."""
    total = rng.randint(8, 14)
    if level is Level.HTXS:
        general, result = rng.randint(27, 30), rng.randint(64, 70)
        on_time, exceeded, late, led = total, -(-3 * total // 10) + rng.randint(0, 2), 0, 40
    elif level is Level.HTT:
        general, result = rng.randint(23, 27), rng.randint(50, 62)
        on_time, exceeded, late, led = total, rng.randint(0, 2), 0, rng.randint(5, 25)
    elif level is Level.HT:
        general, result = rng.randint(18, 22), rng.randint(35, 45)
        on_time, exceeded, late, led = total - 1, 0, 1, 0
    else:
        general, result = rng.randint(12, 18), rng.randint(25, 30)
        on_time, exceeded, late, led = total - 4, 0, 4, 0
    values = {
        "score_general": str(general),
        "score_results": str(result),
        "tasks_total": str(total),
        "tasks_on_time": str(on_time),
        "tasks_exceeded": str(min(exceeded, total)),
        "tasks_late": str(late),
    }
    if leader:
        values |= {"led_units_tasks_pct": "100", "led_units_exceeded_pct": str(led)}
    return values


GRADES = {Level.HTXS: "xuat_sac", Level.HTT: "tot", Level.HT: "trung_binh", Level.KHT: "kem"}
"""The grades entered instead of points under QĐ 124-QĐ/TW (``grade_results``)."""

COMMENTS = {
    Level.HTXS: "Chi bộ nhất trí: tiêu biểu, hoàn thành vượt mức nhiều nhiệm vụ.",
    Level.HTT: "Chi bộ nhất trí với bản tự kiểm điểm.",
    Level.HT: "Chi bộ nhất trí; còn một số nhiệm vụ chậm tiến độ, cần khắc phục.",
    Level.KHT: "Chi bộ góp ý: nhiều nhiệm vụ không hoàn thành đúng hạn.",
}


def _depths(units: set[int], root: UnitId, day: dt.date) -> dict[int, int]:
    parents = dict(
        UnitVersion.objects.filter(
            unit_id__in=units, valid_from__lte=day, valid_to__gte=day
        ).values_list("unit_id", "parent_id")
    )

    def depth(u: int) -> int:
        d = 0
        while u != root and parents.get(u) is not None and d < 32:
            u, d = parents[u], d + 1
        return d

    return {u: depth(u) for u in units}


class _Clerks:
    """The people taking the steps, by the unit whose step it is."""

    def __init__(self, commune: UnitId, above: UnitId) -> None:
        self.commune, self.above = commune, above
        self.secretary = _actor("Bí thư chi bộ", Role.CELL_SECRETARY, commune)
        self.staff = {
            commune: _actor("Ban Tổ chức Đảng ủy xã", Role.ORG_STAFF, commune),
            above: _actor("Ban Tổ chức Tỉnh ủy", Role.ORG_STAFF, above),
        }
        self.standing = {
            commune: _actor("Ban Thường vụ Đảng ủy xã", Role.STANDING_COMMITTEE, commune),
            above: _actor("Ban Thường vụ Tỉnh ủy", Role.STANDING_COMMITTEE, above),
        }

    def of(self, table: dict[UnitId, Actor], decider: int) -> Actor:
        return table.get(UnitId(decider), table[self.commune])


def _self_assess(
    cycle_id: CycleId, unit: int, targets: dict[int, Level], clerks: _Clerks,
    rng: random.Random, day: dt.datetime,
) -> None:  # fmt: skip
    """The unit's self-assessments in one upload of its generated template (CL-20, CL-24)."""
    own = clerks.staff[clerks.commune] if unit == clerks.commune else clerks.secretary
    header, rows = bulk.template(UoW(), own, cycle_id, UnitId(unit))
    filled = []
    for row in rows:
        values = dict(zip(header, row, strict=True))
        leader = values["kind"] == "leader"
        values |= _scores(rng, targets[int(values["id"])], leader)
        if "grade_results" in header:  # the QĐ 124 regime (cycles before 2025) grades
            grade = GRADES[targets[int(values["id"])]]
            values |= {"grade_results": grade, "grade_other_min": grade}
            del values["score_general"], values["score_results"]
        values["evidence"] = "Bản tự kiểm điểm, báo cáo kết quả thực hiện nhiệm vụ năm"
        filled.append(values)
    if filled:
        bulk.import_scores(UoW(), own, cycle_id, UnitId(unit), header, filled, day)


def _take_steps(row: CycleSubject, clerks: _Clerks, day: dt.datetime) -> None:
    """The collective's comment, the appraisal at the proposal and the decision of one subject;
    a level the rules cap once the unit is decided (CL-15) is lowered as the refusal says."""
    pk = SubjectPk(row.pk)
    own = clerks.staff[clerks.commune] if row.unit_id == clerks.commune else clerks.secretary
    proposed = CycleSubject.objects.values_list("proposal__level", flat=True).get(pk=pk)
    level = Level.KHT if proposed is None else Level(proposed)
    steps.comment(UoW(), own, pk, COMMENTS[level], day + dt.timedelta(days=2))
    staff = clerks.of(clerks.staff, row.decider_id)
    try:
        steps.appraise(UoW(), staff, pk, level, "", day + dt.timedelta(days=6))
    except RuleViolation as refused:
        if refused.code != "level_forbidden_by_rule":
            raise
        level = Level[str(refused.fields["highest_allowed"])]
        reason = "Theo mức xếp loại của tập thể do đồng chí đứng đầu."
        steps.appraise(UoW(), staff, pk, level, reason, day + dt.timedelta(days=6))
    standing = clerks.of(clerks.standing, row.decider_id)
    steps.decide(UoW(), standing, pk, level, "", day + dt.timedelta(days=12))


def _resolve_quota(cycle_id: CycleId, clerks: _Clerks, now: dt.datetime) -> int:
    """Lower the excess HTXS of any group over the quota, lowest scores first (CL-13)."""
    lowered = 0
    for line in results.quota_lines(UoW(), cycle_id):
        if not line.over_by:
            continue
        rows = CycleSubject.objects.filter(
            cycle_id=cycle_id, group=line.group, final_level=int(Level.HTXS)
        ).order_by("score_results", "score_general", "pk")
        over, chosen = line.over_by, list[SubjectPk]()
        while over > 0:
            chosen.append(SubjectPk(rows[len(chosen)].pk))
            limit = (line.htt + len(chosen)) * QUOTA_PCT // 100
            over = line.htxs - len(chosen) - limit
        reason = "Vượt tỷ lệ đạt mức HTXS; Ban Thường vụ xét và xếp mức HTT."
        standing = clerks.of(clerks.standing, line.group_unit_id)
        results.resolve_quota(UoW(), standing, cycle_id, line.group, chosen, reason, now)
        lowered += len(chosen)
    return lowered


def build_published_cycle(cell: int, today: dt.date, seed: int) -> Published | None:
    """The year's cycle over the demo cell's commune, every step taken and published; None
    when the cell had no commune on 31 December of that year."""
    year = review_year(today)
    as_of = dt.date(year, 12, 31)
    commune = _commune_on(cell, as_of)
    if commune is None:
        return None
    rng = random.Random(seed * 31 + year)
    clerks = _Clerks(commune, _parent_of(commune, as_of))
    opened = dt.datetime(year, 12, 1, 8, tzinfo=dt.UTC)
    name = f"Đánh giá, xếp loại chất lượng năm {year}"
    opener = clerks.staff[commune]
    cycle_id = cycles.open_cycle(UoW(), opener, year, commune, as_of, name, now=opened)
    subjects = list(CycleSubject.objects.filter(cycle_id=cycle_id, exemption="").order_by("pk"))
    groups: dict[str, list[int]] = defaultdict(list)
    for s in subjects:
        groups[s.group].append(s.pk)
    plan: dict[int, Level] = {}
    kinds = {s.pk: s.kind for s in subjects}
    for pks in groups.values():
        plan |= _plan(rng, pks, kinds[pks[0]] == "collective")
    collectives = [s for s in subjects if s.kind == "collective"]
    depth = _depths({s.unit_id for s in collectives}, commune, as_of)
    collectives.sort(key=lambda s: (-depth[s.unit_id], s.pk))
    people = [s for s in subjects if s.kind != "collective"]
    day = dt.datetime(year, 12, 8, 8, tzinfo=dt.UTC)
    for unit in dict.fromkeys(s.unit_id for s in (*collectives, *people)):
        _self_assess(cycle_id, unit, plan, clerks, rng, day)
    for row in (*collectives, *people):
        _take_steps(row, clerks, day)
    compute.compute_proposals(UoW(), opener, cycle_id, workers=1)
    published_at = dt.datetime(year + 1, 1, 12, 8, tzinfo=dt.UTC)
    lowered = _resolve_quota(cycle_id, clerks, published_at - dt.timedelta(days=3))
    results.publish(UoW(), clerks.standing[commune], cycle_id, published_at)
    levels = {lv.code: 0 for lv in (Level.HTXS, Level.HTT, Level.HT, Level.KHT)}
    decided = CycleSubject.objects.filter(cycle_id=cycle_id, exemption="")
    for final in decided.values_list("final_level", flat=True):
        if final is not None:
            levels[Level(final).code] += 1
    return Published(int(cycle_id), year, int(commune), levels, lowered)
