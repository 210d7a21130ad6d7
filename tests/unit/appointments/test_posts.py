"""The post catalogue (AP-20): higher, equivalent and lower posts are computed from grades."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.appointments.posts import (
    KL35_2022,
    QD368_2025,
    PostGrade,
    PostGroup,
    catalogue_on,
    compare,
    level_jump,
)
from canbo.core.errors import NotFound


def test_compare_by_grade():
    cat = QD368_2025
    assert compare(cat.grade_of("GD_SO"), cat.grade_of("PGD_SO")) == 1
    assert compare(cat.grade_of("GD_SO"), cat.grade_of("BT_HU")) == 0
    assert compare(cat.grade_of("PTP"), cat.grade_of("TP")) == -1


def test_the_catalogue_follows_the_date_and_group_iv_is_data():
    assert catalogue_on(dt.date(2025, 9, 8)) is QD368_2025
    assert catalogue_on(dt.date(2025, 9, 7)) is KL35_2022 and not KL35_2022.covered
    with pytest.raises(NotFound) as missing:
        QD368_2025.grade_of("TRUONG_BAN_X")
    assert missing.value.code == "post_not_in_catalogue"
    extra = PostGrade("TRUONG_BAN_X", "Trưởng ban X", PostGroup.LOCAL, 2, 50)
    assert QD368_2025.with_entries([extra]).grade_of("TRUONG_BAN_X") == extra
    assert "TRUONG_BAN_X" not in QD368_2025.entries


def test_level_jump_counts_distinct_grades_climbed():
    cat = QD368_2025
    assert level_jump(cat.grade_of("PTP"), cat.grade_of("TP"), cat) == 1
    assert level_jump(cat.grade_of("TP"), cat.grade_of("PTP"), cat) == 0
    assert level_jump(cat.grade_of("GD_SO"), cat.grade_of("THU_TRUONG"), cat) == 0
    assert level_jump(cat.grade_of("PTP"), cat.grade_of("GD_SO"), cat) > 2
