"""The layout file and the sheet code: a JSON round trip, a refused version, a refused damaged
code."""

from __future__ import annotations

import json

import pytest

from canbo.core.errors import ValidationError
from canbo.paper.layout import (
    LAYOUT_VERSION,
    SERIAL_ALPHABET,
    SERIAL_LENGTH,
    BallotKind,
    Layout,
    code_payload,
    new_layout_id,
    new_serial,
    parse_code,
)
from canbo.paper.printing import BallotSpec, Candidate, plan


def _layout(kind: BallotKind = BallotKind.CONFIDENCE, paper: str = "a4") -> Layout:
    names = tuple(
        Candidate(i, f"Nguyễn Thị Ánh {i}", "Phó Bí thư Đảng ủy" if i % 2 else "")
        for i in range(1, 31)
    )
    return plan(BallotSpec(kind, names, title="Lấy phiếu năm 2026", seats=20, paper=paper))


@pytest.mark.parametrize("kind", list(BallotKind))
@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_a_layout_survives_its_json_unchanged(kind: BallotKind, paper: str) -> None:
    layout = _layout(kind, paper)
    text = layout.to_json()
    again = Layout.from_json(text)
    assert again == layout
    assert again.to_json() == text
    assert again.fingerprint() == layout.fingerprint()
    assert "Nguyễn Thị Ánh 1" in text  # UTF-8 text, not escapes
    assert json.loads(text)["version"] == LAYOUT_VERSION


def test_the_fingerprint_changes_with_any_box() -> None:
    layout = _layout()
    data = json.loads(layout.to_json())
    data["pages"][0]["rows"][0]["boxes"]["high"][0] += 0.5
    moved = Layout.from_json(json.dumps(data))
    assert moved.fingerprint() != layout.fingerprint()


@pytest.mark.parametrize("version", [None, 0, 2, "1"])
def test_a_layout_of_another_version_is_refused(version: object) -> None:
    data = json.loads(_layout().to_json())
    data["version"] = version
    with pytest.raises(ValidationError) as caught:
        Layout.from_json(json.dumps(data))
    assert caught.value.code == "paper_layout_version"


@pytest.mark.parametrize("text", ["", "[]", "{not json", '{"version": 1}'])
def test_a_file_that_is_not_a_layout_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Layout.from_json(text)
    assert caught.value.code == "paper_layout_invalid"


def test_a_sheet_code_reads_back_its_fields() -> None:
    layout_id, serial = new_layout_id(), new_serial()
    text = code_payload(layout_id, 3, serial)
    assert text.startswith(f"CB1|{layout_id}|3|{serial}|")
    code = parse_code(text)
    assert code is not None
    assert (code.layout_id, code.page, code.serial) == (layout_id, 3, serial)


def test_a_damaged_or_mistyped_code_is_refused() -> None:
    text = code_payload("0123456789abcdef", 1, "ABCDEFGHJKLM")
    assert parse_code(text) is not None
    fields = text.split("|")
    for i in range(1, 5):
        changed = list(fields)
        changed[i] = changed[i][:-1] + ("2" if changed[i][-1] != "2" else "3")
        assert parse_code("|".join(changed)) is None, i
    assert parse_code(text.replace("CB1", "CB2")) is None
    assert parse_code(text + "|x") is None
    assert parse_code("https://example.org") is None


def test_serials_are_random_base32_of_twelve() -> None:
    serials = {new_serial() for _ in range(2000)}
    assert len(serials) == 2000
    for s in serials:
        assert len(s) == SERIAL_LENGTH and set(s) <= set(SERIAL_ALPHABET)
