"""The personal history form's values (pure): grades over the system length, levels from the
allowed lists, dates in order, required fields per kind, the photo's type and size."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core import personal_history as ph
from canbo.core.errors import ValidationError

TODAY = dt.date(2026, 6, 1)


def item(kind: ph.HistoryKind, **values: object) -> ph.HistoryItemData:
    return ph.HistoryItemData(kind=kind, declared_on=dt.date(2026, 1, 2), **values)  # type: ignore[arg-type]


def refused(data: ph.HistoryItemData) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        data.check(TODAY)
    return caught.value


@pytest.mark.parametrize("grades", ["12/12", "9/12", "10/10", "7/10"])
def test_general_education_is_grades_over_the_system_length(grades: str) -> None:
    item(ph.HistoryKind.EDUCATION, level=grades).check(TODAY)


@pytest.mark.parametrize("grades", ["13/12", "0/12", "12/11", "12", "lớp 12", "", "12/12/12"])
def test_other_education_values_are_refused_on_the_level(grades: str) -> None:
    error = refused(item(ph.HistoryKind.EDUCATION, level=grades))
    assert error.code == "education_format"
    assert error.fields["field"] == "level"


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        (ph.HistoryKind.THEORY, "so_cap"),
        (ph.HistoryKind.THEORY, "cu_nhan"),
        (ph.HistoryKind.STATE_MANAGEMENT, "chuyen_vien_cao_cap"),
        (ph.HistoryKind.STATE_MANAGEMENT, "can_su"),
    ],
)
def test_levels_from_the_allowed_list_pass(kind: ph.HistoryKind, level: str) -> None:
    item(kind, level=level).check(TODAY)


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        (ph.HistoryKind.THEORY, "tien_si"),
        (ph.HistoryKind.THEORY, "Cao cấp"),
        (ph.HistoryKind.STATE_MANAGEMENT, "cao_cap"),
        (ph.HistoryKind.QUALIFICATION, "chuyen_vien"),
        (ph.HistoryKind.THEORY, ""),
    ],
)
def test_a_level_outside_its_list_is_refused(kind: ph.HistoryKind, level: str) -> None:
    error = refused(item(kind, level=level, field_name="Luật"))
    assert (error.code, error.fields["field"]) == ("invalid_choice", "level")


def test_a_period_of_work_ends_after_it_starts() -> None:
    work = item(
        ph.HistoryKind.WORK,
        starts=dt.date(2016, 1, 1),
        ends=dt.date(2015, 12, 31),
        institution="UBND xã Yên Minh",
    )
    error = refused(work)
    assert (error.code, error.fields["field"]) == ("dates_out_of_order", "ends")


def test_a_period_of_work_needs_its_start_and_unit() -> None:
    assert refused(item(ph.HistoryKind.WORK, institution="UBND")).fields["field"] == "starts"
    no_unit = item(ph.HistoryKind.WORK, starts=dt.date(2016, 1, 1))
    assert refused(no_unit).fields["field"] == "institution"


def test_a_start_in_the_future_and_a_year_after_this_one_are_refused() -> None:
    future = item(ph.HistoryKind.WORK, starts=dt.date(2027, 1, 1), institution="UBND")
    assert refused(future).fields["field"] == "starts"
    award = item(ph.HistoryKind.AWARD, year=2027, level="Bằng khen")
    assert refused(award).fields["field"] == "year"


def test_languages_and_awards_need_their_words() -> None:
    assert refused(item(ph.HistoryKind.LANGUAGE, level="B1")).fields["field"] == "field_name"
    assert refused(item(ph.HistoryKind.IT)).fields["field"] == "level"
    assert refused(item(ph.HistoryKind.AWARD, level="Giấy khen")).fields["field"] == "year"


def test_markup_in_free_text_is_refused() -> None:
    award = item(ph.HistoryKind.AWARD, year=2020, level="<b>Bằng khen</b>")
    assert refused(award).fields["field"] == "level"


def test_an_entry_ends_on_or_after_the_day_it_was_declared() -> None:
    entry = item(ph.HistoryKind.IT, level="Cơ bản")
    ph.check_ended(entry, dt.date(2026, 1, 2), TODAY)
    with pytest.raises(ValidationError) as caught:
        ph.check_ended(entry, dt.date(2026, 1, 1), TODAY)
    assert caught.value.fields["field"] == "ended_on"
    with pytest.raises(ValidationError):
        ph.check_ended(entry, dt.date(2026, 7, 1), TODAY)


def test_a_photo_is_a_jpeg_or_a_png_within_the_size_limit() -> None:
    assert ph.photo_type(b"\xff\xd8\xff\xe0rest", 5000) == "image/jpeg"
    assert ph.photo_type(b"\x89PNG\r\n\x1a\nrest", 5000) == "image/png"
    for head, size, code in (
        (b"GIF89a", 100, "photo_not_image"),
        (b"%PDF-1.7", 100, "photo_not_image"),
        (b"\xff\xd8\xff", ph.PHOTO_MAX_BYTES + 1, "photo_too_large"),
        (b"", 0, "photo_too_large"),
    ):
        with pytest.raises(ValidationError) as caught:
            ph.photo_type(head, size)
        assert (caught.value.code, caught.value.fields["field"]) == (code, "photo")


def test_the_highest_political_theory_counts_not_the_latest() -> None:
    entries = [
        item(ph.HistoryKind.THEORY, level="cao_cap"),
        ph.HistoryItemData(ph.HistoryKind.THEORY, dt.date(2026, 3, 1), level="trung_cap"),
    ]
    top = ph.highest(entries, ph.HistoryKind.THEORY)
    assert top is not None and top.level == "cao_cap"
    assert ph.level_label(ph.HistoryKind.THEORY, "cao_cap") == "Cao cấp"
    assert ph.level_label(ph.HistoryKind.LANGUAGE, "B1") == "B1"
