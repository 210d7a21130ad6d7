"""Every refusal code raised anywhere in canbo has a Vietnamese and an English message.

The codes are collected from the source tree itself: the first argument of every
``DomainError``/``ValidationError``/``NotFound``/``RuleViolation``/``PermissionDenied``/
``Conflict`` call and of every lifecycle ``Refusal``, so a new refusal without words in
:mod:`canbo.refusals` fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.utils import translation

from canbo import refusals
from canbo.core.errors import Conflict, NotFound, ValidationError

SOURCE = Path(__file__).resolve().parents[2] / "canbo"
RAISERS = frozenset(
    {
        "DomainError",
        "ValidationError",
        "NotFound",
        "RuleViolation",
        "PermissionDenied",
        "Conflict",
        "Refusal",
        "OutOfOrder",
        "TooManyWrongCodes",
    }
)


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def raised_codes() -> dict[str, str]:
    """Every literal refusal code in canbo's source, with one file that raises it."""
    codes: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _called_name(node) not in RAISERS:
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.setdefault(first.value, str(path.relative_to(SOURCE.parent)))
    return codes


def test_the_source_tree_raises_many_codes_and_the_collector_finds_them() -> None:
    codes = raised_codes()
    assert len(codes) > 100
    assert {"unit_not_found", "vote_wrong_status", "step_out_of_order"} <= set(codes)


def test_every_code_raised_in_the_source_tree_has_words_in_the_catalogue() -> None:
    missing = {
        code: where for code, where in raised_codes().items() if not refusals.is_catalogued(code)
    }
    assert not missing, f"refusal codes without a message in canbo/refusals.py: {missing}"


@pytest.mark.parametrize("code", sorted(refusals.CATALOGUE))
def test_each_entry_has_a_vietnamese_and_a_distinct_english_message(code: str) -> None:
    vi, en = refusals.wording(code) or ("", "")
    assert vi.strip() and en.strip()
    assert vi != en
    assert not refusals._VIETNAMESE.search(en), "the English message has Vietnamese letters"


def test_a_message_follows_the_chosen_language_and_fills_its_fields() -> None:
    exc = ValidationError("key_share_repeated", position=3)
    assert refusals.message(exc, "vi") == "Mảnh khóa thứ 3 bị nhập trùng."
    assert refusals.message(exc, "en") == "Key share 3 was entered twice."
    with translation.override("vi"):
        assert refusals.message(NotFound("unit_not_found")) == "Không tìm thấy đơn vị."


def test_a_detailed_code_keeps_what_the_service_said_in_each_language() -> None:
    exc = Conflict("undecided_subjects", "Còn 3 đối tượng chưa được quyết định. / 3 subject(s) ...")
    assert refusals.bilingual(exc) == ("Còn 3 đối tượng chưa được quyết định.", "3 subject(s) ...")
    plain = Conflict("undecided_subjects")
    assert refusals.bilingual(plain)[0] == "Còn đối tượng chưa được quyết định."


def test_an_uncatalogued_code_falls_back_to_its_own_text_and_the_cli_shows_both_languages() -> None:
    assert refusals.bilingual(Conflict("made_up", "Something.")) == ("Something.", "Something.")
    assert refusals.cli_text(NotFound("unit_not_found")) == (
        "unit_not_found: Không tìm thấy đơn vị. / Unit not found."
    )
