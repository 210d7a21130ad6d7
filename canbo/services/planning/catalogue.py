"""The post catalogue as of a day (AP-20): the core catalogue of QĐ 368 (groups I to III and
the demo's title codes) with the group IV grades the managing bodies entered, so that a
"higher", "equivalent" or "lower" post is computed from the registry's titles."""

from __future__ import annotations

import datetime as dt

from canbo.core.appointments.posts import PostCatalogue, PostGrade, PostGroup, catalogue_on
from canbo.core.errors import NotFound, ValidationError
from canbo.core.types import UnitId
from canbo.services.access import require_admin
from canbo.services.ports import Actor

from .ports import GradeRow, PlanningUnitOfWork


def catalogue(uow: PlanningUnitOfWork, on: dt.date) -> PostCatalogue:
    """The core catalogue in force on ``on`` with the group IV entries valid that day."""
    extra = [
        PostGrade(row.title_code, row.title_name, PostGroup(row.group), row.tier, row.grade)
        for row in uow.grades.group_iv(on)
    ]
    return catalogue_on(on).with_entries(extra)


def grade_of(uow: PlanningUnitOfWork, title_code: str, on: dt.date) -> PostGrade:
    """The grade of a registry title on ``on`` (NotFound ``post_not_in_catalogue``)."""
    return catalogue(uow, on).grade_of(title_code)


def grade_or_none(cat: PostCatalogue, title_code: str) -> PostGrade | None:
    """The grade, or None for a title the catalogue does not grade."""
    return cat.entries.get(title_code)


def add_group_iv_grade(
    uow: PlanningUnitOfWork,
    actor: Actor,
    *,
    title_code: str,
    tier: int,
    grade: int,
    valid_from: dt.date,
    managing_unit_id: int,
) -> int:
    """Enter a group IV post's grade (AP-20); reference data, so administrators only."""
    require_admin(actor)
    if grade < 1 or tier < 1:
        raise ValidationError("out_of_range", field="grade", value=grade)
    with uow:
        title = uow.registry.title_by_code(title_code)
        if title is None:
            raise NotFound("record_not_found", field="title", value=title_code)
        row = GradeRow(
            title.code,
            title.name,
            PostGroup.LOCAL.value,
            tier,
            grade,
            valid_from,
            dt.date(9999, 12, 31),
            UnitId(managing_unit_id),
        )
        new_id = uow.grades.add(row)
        uow.audit.append(
            actor,
            "planning.grade.add",
            "post_grade",
            str(new_id),
            None,
            {"title": title.code, "tier": tier, "grade": grade, "from": valid_from.isoformat()},
        )
        uow.commit()
    return new_id
