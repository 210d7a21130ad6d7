"""Structure of the plans against the targets (PL-07): women, young cadres (under the
level's age: 45 at central level, 40 below) and ethnic minorities, per unit. Warnings only,
never a block; the targets are the rulebook's ``pl_structure_targets``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core.appointments.rulebooks import planning_rulebook
from canbo.core.errors import Citation
from canbo.core.permissions import Action
from canbo.core.types import PersonId, UnitId
from canbo.services.access import access_unit, require
from canbo.services.ports import Actor

from .ports import PlanningUnitOfWork

CITATION = Citation("QĐ 50-QĐ/TW", rule_id="PL-07")
YOUNG_UNDER = {"central": 45}  # TitleLevel value -> age; every other level: 40 (PL-07)
YOUNG_UNDER_DEFAULT = 40
MAJORITY = frozenset({"", "kinh"})


@dataclass(frozen=True, slots=True)
class Share:
    key: str  # "women" | "young" | "ethnic"
    count: int
    total: int
    target_pct: int | None

    @property
    def pct(self) -> float:
        return 100.0 * self.count / self.total if self.total else 0.0

    @property
    def below(self) -> bool:
        return self.target_pct is not None and self.total > 0 and self.pct < self.target_pct


@dataclass(frozen=True, slots=True)
class UnitStructure:
    unit_id: UnitId
    people: int
    shares: tuple[Share, ...]
    citation: Citation = CITATION

    @property
    def warnings(self) -> tuple[Share, ...]:
        return tuple(s for s in self.shares if s.below)


def targets(values: tuple[str, ...]) -> dict[str, int]:
    """``("young_min_pct=15", "women_min_pct=25")`` -> ``{"young": 15, "women": 25}``."""
    out: dict[str, int] = {}
    for item in values:
        key, _, value = item.partition("=")
        if value.strip().isdigit():
            out[key.strip().removesuffix("_min_pct")] = int(value)
    return out


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def young(birth: dt.date, level: str, on: dt.date) -> bool:
    return age_on(birth, on) < YOUNG_UNDER.get(level, YOUNG_UNDER_DEFAULT)


def structure(
    uow: PlanningUnitOfWork, actor: Actor, unit_id: UnitId, on: dt.date
) -> list[UnitStructure]:
    """One line per unit of the subtree that has plans: the shares of the distinct people in
    its active plans, against the targets."""
    access_unit(actor, unit_id, uow.tree, on)
    require(actor, Action.READ, unit_id, uow.tree, on)
    raw = planning_rulebook(on).param("pl_structure_targets")
    goal = targets(tuple(str(v) for v in raw) if isinstance(raw, tuple) else ())
    plans = {p.id: p for p in uow.plans.of_subtree(unit_id, on)}
    entries = [e for e in uow.plans.entries(plans) if e.active_on(on)]
    records = uow.registry.records({e.person_id for e in entries}, on)
    people: dict[UnitId, dict[PersonId, str]] = {}
    for entry in entries:
        plan = plans[entry.plan_id]
        level = people.setdefault(plan.unit_id, {})
        # A person planned for several posts counts once, young by the highest level.
        if level.get(entry.person_id) != "central":
            level[entry.person_id] = plan.title.level
    out = []
    for unit, persons in sorted(people.items()):
        recs = [(records[p], lvl) for p, lvl in persons.items() if p in records]
        total = len(recs)
        women = sum(1 for r, _ in recs if r.sex == "F")
        young_n = sum(1 for r, lvl in recs if young(r.birth_date, lvl, on))
        ethnic = sum(1 for r, _ in recs if r.ethnicity.strip().lower() not in MAJORITY)
        out.append(
            UnitStructure(
                unit,
                total,
                (
                    Share("women", women, total, goal.get("women")),
                    Share("young", young_n, total, goal.get("young")),
                    Share("ethnic", ethnic, total, goal.get("ethnic")),
                ),
            )
        )
    return out
