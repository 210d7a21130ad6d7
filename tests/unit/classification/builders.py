"""Builders for classification subjects: a good year by default, changed per test."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from canbo.core.classification.model import Grade, Subject, SubjectId, SubjectKind


def member(**changes: Any) -> Subject:
    """Trần Thị Bình, a Party member without a post: 10 tasks, all on time, 4 exceeded, 92.5."""
    base = Subject(
        SubjectId("dv-binh"),
        SubjectKind.INDIVIDUAL,
        "chi-bo-1",
        tasks_total=10,
        tasks_on_time=10,
        tasks_exceeded=4,
        tasks_late=0,
        score=925,
        grade_results=Grade.XUAT_SAC,
        grade_other_min=Grade.TOT,
    )
    return replace(base, **changes)


def leader(**changes: Any) -> Subject:
    """Nguyễn Văn An, head of a department whose units did all their tasks, 40% exceeded."""
    base = member(
        id=SubjectId("ld-an"),
        kind=SubjectKind.LEADER,
        group="lanh-dao",
        led_units_tasks=10000,
        led_units_exceeded=4000,
        led_units_kht=0,
        confidence_low=1000,
    )
    return replace(base, **changes)


def collective(**changes: Any) -> Subject:
    """Chi bộ Phòng Tổ chức: a collective with a good year."""
    base = member(id=SubjectId("cb-to-chuc"), kind=SubjectKind.COLLECTIVE, group="chi-bo")
    return replace(base, **changes)


def outside(**changes: Any) -> Subject:
    """Lê Văn Cường, a retired member (not working in the political system)."""
    base = member(id=SubjectId("dv-cuong"), kind=SubjectKind.MEMBER_OUTSIDE)
    return replace(base, **changes)
