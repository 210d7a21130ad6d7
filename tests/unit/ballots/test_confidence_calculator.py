import csv
import datetime as dt
import io
import json

import pytest

from canbo.core.ballots.results import SessionFigures
from canbo.core.errors import ImportRejected, ValidationError
from canbo.services.voting.calculator import (
    CalculatorRequest,
    calculate,
    parse_counts,
    render_csv,
    render_json,
    to_dict,
)

HEADER = "order,name,position,high,mid,low,invalid\n"
CV24 = HEADER + "1,Nguyễn Văn An,Bí thư,8,6,15,2\n2,Trần Thị Bình,Phó Bí thư,10,5,16,0\n"


def party(text=CV24, **figures):
    figures.setdefault("collected", 31)
    return CalculatorRequest(
        text, body="party", vote_date=dt.date(2024, 6, 1), figures=SessionFigures(**figures)
    )


def test_a_party_vote_in_2024_is_computed_under_qd96_with_bands_and_citations():
    data = to_dict(calculate(party(issued=31, convened=45)))
    assert data["rulebook"]["id"] == "QD96_2023"
    first, second = data["persons"]
    assert first["percent"] == {"high": 25.81, "mid": 19.35, "low": 48.39}
    assert first["band"] == "none" and second["band"] == "B"
    assert second["consequences"][0]["citation"]["rule_id"] == "CV-17"
    assert second["unconfirmed"] == ["cv_band_denominator"]
    assert data["quorum"]["met"] is True and data["quorum"]["convened"] == 45


def test_a_bom_and_a_missing_invalid_column_are_accepted():
    text = "\ufefforder,name,position,high,mid,low\n1,Nguyễn Văn An,Bí thư,8,6,15\n"
    [row] = parse_counts(text)
    assert row.name == "Nguyễn Văn An" and row.counts.invalid is None
    data = to_dict(calculate(party(text)))
    assert data["persons"][0]["counts"]["invalid"] == 2
    assert data["persons"][0]["invalid_given"] is False


def test_every_bad_cell_is_reported_with_its_row_and_column():
    text = HEADER + "1,A,B,3,-1,x,0\n1,C,D,1,1,1,0\n3,E,F,1,1\n"
    with pytest.raises(ImportRejected) as err:
        parse_counts(text)
    found = {(e.row, e.column, e.code) for e in err.value.errors}
    assert found == {
        (2, "mid", "negative_number"),
        (2, "low", "not_an_integer"),
        (4, "", "wrong_field_count"),
    }


def test_a_duplicate_order_and_an_unknown_column_are_refused():
    with pytest.raises(ImportRejected) as err:
        parse_counts(HEADER + "1,A,B,1,1,1,0\n1,C,D,1,1,1,0\n")
    assert err.value.errors[0].code == "duplicate_order" and err.value.errors[0].row == 3
    with pytest.raises(ImportRejected) as err:
        parse_counts("order,name,position,high,mid,low,hgih\n")
    assert err.value.errors[0].column == "hgih"


def test_counts_exceeding_the_ballots_collected_name_the_row():
    with pytest.raises(ImportRejected) as err:
        calculate(party(collected=30))
    assert [(e.row, e.column) for e in err.value.errors] == [
        (2, "high+mid+low+invalid"),
        (3, "high+mid+low+invalid"),
    ]
    assert "vượt quá" in err.value.errors[0].message_vi


def test_missing_inputs_are_named_in_vietnamese_and_english():
    request = CalculatorRequest(CV24, rulebook_id="NQ85_2014")
    with pytest.raises(ValidationError) as err:
        calculate(request)
    assert err.value.fields["missing"] == ["--members"]
    assert "tổng số đại biểu" in err.value.fields["message_vi"]
    assert "total deputies" in err.value.fields["message_en"]


def test_a_rulebook_or_a_body_and_date_is_required():
    with pytest.raises(ValidationError) as err:
        calculate(CalculatorRequest(CV24, figures=SessionFigures(collected=31)))
    assert err.value.code == "rulebook_required"


def test_parameter_overrides_are_validated_and_recorded():
    request = CalculatorRequest(
        CV24,
        rulebook_id="QD96_2023",
        figures=SessionFigures(collected=31),
        parameters={"cv_band_denominator": "valid_for_person"},
    )
    data = to_dict(calculate(request))
    assert data["rulebook"]["parameters"]["cv_band_denominator"] == "valid_for_person"
    assert data["persons"][0]["band_denominator"] == {"kind": "valid_for_person", "value": 29}
    assert data["persons"][0]["band"] == "B"


def test_the_csv_form_flattens_the_same_table():
    rows = list(csv.DictReader(io.StringIO(render_csv(calculate(party())))))
    assert rows[1]["band"] == "B"
    assert rows[1]["consequences"] == "remove_from_higher_planning;consider_measure"
    assert rows[0]["pct_low_text"] == "48,39%" and rows[0]["pct_low"] == "48.39"


def test_the_json_form_is_valid_utf8_json_keeping_vietnamese():
    text = render_json(calculate(party()))
    assert "Nguyễn Văn An" in text
    assert json.loads(text)["format_version"] == 1
