"""Every PDF canbo makes prints user text literally: reportlab markup in a name, a place, a title
or a reason is shown as typed; it never embeds a file, adds a link, hides text or fails the
render. Covers the counting minutes, the classification list and statistics, and the
confidence results table of ``canbo confidence results --format pdf``."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from canbo import spreadsheets as xl
from canbo.classification.outputs import Form, pdf_bytes
from canbo.core.ballots.rulebooks import Body
from canbo.pdf_text import REPLACEMENT, literal
from canbo.voting.exports import minutes_pdf

LONG = "Nguyễn" + "x" * 6000 + "Cuối"
RTL = "Lê\u202eVăn Tám"


def hostile(image: Path) -> list[str]:
    """Values an attacker can type into a name, place, title or reason."""
    return [
        f'<img src="{image}" width="200" height="200"/>',
        '<img src="/etc/passwd"/>',
        '<a href="https://ke-gian.example/">bấm vào đây</a>',
        "<font size=0>chữ ẩn</font>",
        '<font color="white">trắng</font>',
        "<b>không đóng thẻ",
        "A & B",
        "1 < 2 > 0",
        "]]>",
        "&nbsp;&#60;&amp;",
        "Trần\x00Văn",
        RTL,
        "{0} {name} %s",
        LONG,
    ]


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "bi-mat.png"
    Image.new("RGB", (8, 8), "red").save(path)
    return path


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages)


def _squash(text: str) -> str:
    """Wrapping breaks lines anywhere; compare without whitespace."""
    return re.sub(r"\s+", "", text)


def _expected(value: str) -> str:
    return _squash(value.replace("\x00", REPLACEMENT))


def _assert_literal(pdf: bytes, values: list[str]) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert "/Annots" not in page, "a link was added"
        xobjects = page["/Resources"].get("/XObject")
        assert not xobjects, "an image was embedded"
    text = _squash(_text(pdf))
    for value in values:
        if value == LONG:
            # A cell taller than a page continues on the next one, after the repeated header.
            assert text.count("x") >= LONG.count("x")
            assert "Nguyễnxxx" in text and "xxxCuối" in text
        else:
            assert _expected(value) in text, value[:40]


def _person(name: str, position: str, rule: str) -> dict[str, Any]:
    return {
        "full_name": name,
        "position": position,
        "valid": 30,
        "invalid": 0,
        "high": 5,
        "mid": 5,
        "low": 20,
        "percent": {"high": "16,67", "mid": "16,67", "low": "66,67"},
        "percent_citation": {"text": f"QĐ 96-QĐ/TW, Điều 11 {rule}"},
        "band": "C",
        "band_denominator": {"value": 30},
        "band_citation": {"text": f"QĐ 96-QĐ/TW, Điều 13 {rule}"},
        "consequences": [{"text_vi": f"Cho thôi giữ chức vụ {rule}"}],
    }


def _minutes(values: list[str], rule: str = "") -> dict[str, Any]:
    """The minutes' data with ``values`` in every user field and ``rule`` in the rulebook's
    texts (which come from canbo's own rulebooks, and are escaped all the same)."""
    return {
        "conference": SimpleNamespace(
            title=" ".join(values[:4]),
            body=Body.PARTY,
            place=values[0],
            held_on=dt.date(2026, 2, 5),
        ),
        "session": SimpleNamespace(
            pk=7, title=values[1], ballot_key="", key_threshold=None, key_shares=None
        ),
        "anchor": "",  # no audit chain in these tests
        "version": SimpleNamespace(number=2, reason=" | ".join(values), certified=True),
        "data": {
            "rulebook": {"document": f"QĐ 96-QĐ/TW {rule}"},
            "figures": {"issued": 30, "collected": 30, "electronic": 29, "paper": 1},
            "quorum": {"convened": 31, "present": 30, "met": True, "citation": {"text": "CV-07"}},
            "persons": [_person(v, v, rule) for v in values],
        },
        "unit_name": "",
        "issued": {"electronic": 29, "paper": 1},
        "committee": [
            {"full_name": values[2], "is_head": True, "signed": True},
            {"full_name": values[5], "is_head": False, "signed": False},
        ],
        "counting_place": values[3],
    }


def test_the_minutes_print_hostile_names_place_title_and_reason_literally(image: Path) -> None:
    values = hostile(image)
    pdf = minutes_pdf(_minutes(values, rule="<b> & <ngày>"))
    _assert_literal(pdf, values)
    assert _squash("QĐ 96-QĐ/TW <b> & <ngày>") in _squash(_text(pdf))


def test_the_place_line_of_the_minutes_is_not_markup(image: Path) -> None:
    values = hostile(image)
    for place in values[:6]:
        m = _minutes(["Hội nghị", "Lấy phiếu", "Kp Một", "a", "b", "Kp Hai"])
        m["conference"].place = place
        _assert_literal(minutes_pdf(m), [place])


def test_the_classification_list_prints_hostile_names_literally(image: Path) -> None:
    values = hostile(image)
    columns = [xl.Column("STT", xl.INTEGER), xl.Column("Họ và tên / Tập thể"), xl.Column("Loại")]
    rows: list[list[Any]] = [[i, v, "Cá nhân"] for i, v in enumerate(values, start=1)]
    form = Form(values[3], values[2], values[4], columns, rows, "T/M CHI BỘ", dt.date(2026, 1, 5))
    pdf = pdf_bytes(form)
    _assert_literal(pdf, values)


def test_the_confidence_results_table_prints_hostile_names_literally(
    image: Path, tmp_path: Path
) -> None:
    values = [v for v in hostile(image) if "\x00" not in v and "\n" not in v]
    lines = ["order,name,position,high,mid,low,invalid"]
    for i, v in enumerate(values, start=1):
        quoted = '"' + v.replace('"', '""') + '"'
        lines.append(f"{i},{quoted},{quoted},10,5,15,0")
    counts = tmp_path / "counts.csv"
    counts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "ket-qua.pdf"
    call_command(
        "confidence_results",
        counts=counts,
        rulebook="QD96_2023",
        collected=30,
        format="pdf",
        output=str(out),
    )
    _assert_literal(out.read_bytes(), values)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("<b>", "&lt;b&gt;"),
        ("a & b", "a &amp; b"),
        ("a\x00b\x1bc", f"a{REPLACEMENT}b{REPLACEMENT}c"),
        ("\ud800", REPLACEMENT),
        ("\ufffe", REPLACEMENT),
        ("dòng\nmới\ttab", "dòng\nmới\ttab"),
        (RTL, RTL),
        (None, ""),
        (12, "12"),
    ],
)
def test_literal_escapes_markup_and_replaces_what_cannot_be_printed(
    value: object, shown: str
) -> None:
    assert literal(value) == shown
