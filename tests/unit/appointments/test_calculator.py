"""The calculator's reading of a people file: every bad row and column named, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.appointments.calculator import (
    REQUIRED,
    check_csv_text,
    parse_people,
    plain,
)
from canbo.core.appointments.model import Purpose
from canbo.core.errors import ImportRejected
from canbo.core.types import Sex

ON = dt.date(2026, 11, 2)


def _row(**cells: str) -> dict[str, str]:
    base = {c: "" for c in REQUIRED}
    base.update(id="A1", name="Nguyễn Văn An", sex="M", birth_date="1980-01-01", kind="appointment")
    base.update(cells)
    return base


@pytest.mark.parametrize(
    ("written", "form"),
    [("khiển trách", "khien_trach"), ("Cảnh cáo", "canh_cao"), ("cach chuc", "cach_chuc"),
     ("hạ bậc lương", "ha_bac_luong"), ("GIÁNG CHỨC", "giang_chuc")],
)  # fmt: skip
def test_forms_of_discipline_in_vietnamese_with_or_without_diacritics(written, form):
    assert plain(written) == form


def test_a_row_becomes_facts_and_a_proposal():
    [(facts, proposal)] = parse_people(
        [_row(sex="nữ", kind="planning", party_discipline="cảnh cáo",
              party_discipline_date="15/03/2024", confidence_band="B",
              confidence_date="2026-05-01", higher_post="có", in_planning="no",
              classification_kht_year="2023;2025", post="GD_SO")],
        ON,
    )  # fmt: skip
    assert facts.sex is Sex.FEMALE and proposal.purpose is Purpose.PLANNING
    assert facts.disciplines[0].form == "canh_cao" and facts.disciplines[0].party
    assert facts.disciplines[0].effective == dt.date(2024, 3, 15)
    assert facts.confidence_bands == (("B", dt.date(2026, 5, 1)),)
    assert proposal.higher_post is True and proposal.in_planning is False
    assert [y for y, _ in facts.classifications] == [2023, 2025]
    assert proposal.post is not None and proposal.post.code == "GD_SO"


def test_every_problem_is_named_with_row_and_column_before_anything_is_checked():
    rows = [
        _row(),
        _row(id="A2", sex="X", party_discipline="khai trừ"),  # no date
        _row(id="A1", state_discipline="khai trừ", state_discipline_date="2025-01-01"),
        _row(id="A4", confidence_band="B", post="NOPE", open_complaints="-1"),
    ]
    with pytest.raises(ImportRejected) as refused:
        parse_people(rows, ON)
    where = {(e.row, e.column) for e in refused.value.errors}
    assert where == {
        (3, "sex"), (3, "party_discipline_date"), (4, "state_discipline"), (4, "id"),
        (5, "confidence_date"), (5, "post"), (5, "open_complaints"),
    }  # fmt: skip
    assert all(e.message_vi and e.message_en for e in refused.value.errors)


def test_a_missing_or_unknown_column_is_refused_on_the_header_row():
    text = "id,name,sex\nA1,An,M\n"
    with pytest.raises(ImportRejected) as refused:
        check_csv_text(text, ON)
    assert {e.column for e in refused.value.errors if e.row == 1} >= {"birth_date", "kind"}
    extra = ",".join(REQUIRED) + ",shoe_size\n"
    with pytest.raises(ImportRejected) as unknown:
        check_csv_text(extra, ON)
    assert [(e.row, e.column) for e in unknown.value.errors] == [(1, "shoe_size")]


def test_the_special_case_column_overrides_the_planning_check():
    result = check_csv_text(
        ",".join((*REQUIRED, "special_case", "dossier_verified", "health_certificate_date"))
        + "\nA1,An,M,1980-01-01,appointment,yes,no,no,2019-01-01,2026-10-01,,,,,none,,"
        "QĐ 7-QĐ/TU 01/10/2026,yes,2026-09-01\n",
        ON,
    )
    [person] = result["persons"]
    planning = next(c for c in person["checks"] if c["key"] == "planning")
    assert not planning["ok"] and planning["overridden_by"] == "QĐ 7-QĐ/TU 01/10/2026"
    assert person["eligible"]


def test_a_row_longer_than_the_header_is_refused():
    text = ",".join(REQUIRED) + "\nA1,An,M,1980-01-01,appointment" + "," * 11 + ",extra,cells\n"
    with pytest.raises(ImportRejected) as refused:
        check_csv_text(text, ON)
    assert [(e.row, e.code) for e in refused.value.errors] == [(2, "cell_count")]
