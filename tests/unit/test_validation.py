"""One set of field rules: what the import refuses, every entry point refuses, with one message."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core import formulas, importing, validation
from canbo.core.registry import PersonData, UnitVersionData
from canbo.core.types import Interval, Sex, UnitKind
from canbo.core.validation import InvalidField

TODAY = dt.date(2026, 1, 15)
GOOD = PersonData("HG-001", "Nguyễn Văn An", dt.date(1980, 5, 17), Sex.MALE, "Kinh", "Hà Giang")

HOSTILE = {
    "script tag": ("full_name", "<script>alert(1)</script>", "markup"),
    "formula name": ("full_name", '=HYPERLINK("http://x","An")', "formula_like"),
    "formula hometown": ("hometown", "=1+1", "formula_like"),
    "at formula": ("hometown", "@SUM(A1)", "formula_like"),
    "sql in code": ("code", "'; drop table x;--", "bad_code"),
    "right-to-left override": ("hometown", "Hà \u202eGiang", "format_character"),
    "zero-width space": ("ethnicity", "Ki\u200bnh", "format_character"),
    "nul byte": ("full_name", "Nguyễn\x00 An", "control_character"),
    "escape": ("party_card_number", "12\x1b[2J", "control_character"),
    "national id letters": ("national_id", "00108000A123", "bad_national_id"),
    "too long": ("hometown", "x" * 256, "too_long"),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_person_field_is_refused_naming_the_field(case: tuple[str, str, str]) -> None:
    field, value, code = case
    data = PersonData(**{**_fields(GOOD), field: value})
    with pytest.raises(InvalidField) as err:
        validation.clean_person(data, TODAY)
    assert err.value.code == code
    assert err.value.fields["field"] == field
    assert err.value.message_vi and err.value.message_en
    assert "\x00" not in err.value.message_en and "\u202e" not in err.value.message_vi


def _fields(data: PersonData) -> dict[str, object]:
    return {name: getattr(data, name) for name in PersonData.__dataclass_fields__}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_import_refuses_the_same_values_with_the_same_message(
    case: tuple[str, str, str],
) -> None:
    field, value, code = case
    data = PersonData(**{**_fields(GOOD), field: value})
    with pytest.raises(InvalidField) as err:
        validation.clean_person(data, TODAY)
    cells = ["HG-001", "Nguyễn Văn An", "17/05/1980", "Nam", "Kinh", "Hà Giang", "", "",
             "", "", "HG-C1", "02/03/2015"]  # fmt: skip
    cells[[c.name for c in importing.PEOPLE_COLUMNS].index(field)] = value
    row, errors = importing.parse_person(7, cells, TODAY)
    assert row is None
    assert [(e.row, e.column, e.code) for e in errors] == [(7, field, code)]
    assert (errors[0].message_vi, errors[0].message_en) == (
        err.value.message_vi,
        err.value.message_en,
    )


def test_a_birth_date_in_year_one_is_refused_everywhere() -> None:
    data = PersonData(**{**_fields(GOOD), "birth_date": dt.date(1, 1, 1)})
    with pytest.raises(InvalidField) as err:
        validation.clean_person(data, TODAY)
    assert (err.value.code, err.value.fields["field"]) == ("date_too_early", "birth_date")


def test_a_unit_with_markup_a_sql_code_or_an_ancient_start_is_refused() -> None:
    base = UnitVersionData("HG-C9", "Chi bộ thôn Nà Lầu", UnitKind.CELL, Interval(TODAY))
    for changes, field, code in [
        ({"code": "'; drop table x;--"}, "code", "bad_code"),
        ({"name": "<b>Chi bộ</b>"}, "name", "markup"),
        ({"legal_basis": "Quyết định \u202e12"}, "legal_basis", "format_character"),
        ({"valid": Interval(dt.date(1, 1, 1))}, "valid_from", "date_too_early"),
    ]:
        data = UnitVersionData(**{**_unit_fields(base), **changes})
        with pytest.raises(InvalidField) as err:
            validation.clean_unit(data)
        assert (err.value.fields["field"], err.value.code) == (field, code)


def _unit_fields(data: UnitVersionData) -> dict[str, object]:
    return {name: getattr(data, name) for name in UnitVersionData.__dataclass_fields__}


def test_clean_values_are_stored_in_one_canonical_form() -> None:
    data = PersonData(
        **{**_fields(GOOD), "full_name": "  nguyễn   VĂN  an ", "hometown": " Hà  Giang"}
    )
    cleaned = validation.clean_person(data, TODAY)
    assert (cleaned.full_name, cleaned.hometown) == ("Nguyễn Văn An", "Hà Giang")


@given(st.text(max_size=40))
def test_any_text_is_either_refused_with_a_named_field_or_clean(text: str) -> None:
    try:
        cleaned = validation.check_text("hometown", text, 255)
    except InvalidField as err:
        assert err.fields["field"] == "hometown"
        assert err.message_vi and err.message_en
        assert validation.shown(err.fields["value"]).isprintable() or "…" in err.fields["value"]
    else:
        assert cleaned.isprintable()
        assert "<" not in cleaned and ">" not in cleaned
        assert not cleaned.startswith(("=", "+", "@"))


@given(st.text(max_size=40))
def test_the_import_and_the_services_agree_on_every_text(text: str) -> None:
    try:
        validation.check_text("hometown", text, 255)
        service = None
    except InvalidField as err:
        service = err.code
    r = importing._Row(2, TODAY)
    r.text("hometown", text, 255)
    assert [e.code for e in r.errors] == ([] if service is None else [service])


@given(st.text(max_size=30))
def test_the_csv_escape_is_undone_exactly(value: str) -> None:
    escaped = formulas.neutralize(value)
    assert formulas.restore(escaped) == value
    if formulas.needs_escape(value):
        assert escaped.startswith("'")


@given(st.text(max_size=30))
def test_no_escaped_cell_starts_with_a_formula_character(value: str) -> None:
    escaped = formulas.neutralize(value)
    if escaped[:1] in formulas.TRIGGERS:
        assert formulas._NUMBER.match(escaped)  # a plain number such as -5 is not a formula
