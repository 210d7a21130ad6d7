"""Voter codes carry their own keyed tag: recognised without being stored."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.services.voting import voter_codes as vc

KEY = b"k" * 32


@settings(max_examples=50)
@given(st.integers(1, 2**31))
def test_a_minted_code_is_genuine_for_its_vote_only(session: int) -> None:
    code = vc.mint_code(KEY, session)
    assert len(code) == vc.CODE_LENGTH == 20 and set(code) <= set(vc.ALPHABET)
    assert vc.is_genuine(KEY, session, code)
    assert vc.is_genuine(KEY, session, vc.normalize(vc.grouped(code).lower()))
    assert not vc.is_genuine(KEY, session + 1, code)
    assert not vc.is_genuine(b"x" * 32, session, code)


@settings(max_examples=100)
@given(st.integers(0, 19), st.sampled_from(vc.ALPHABET))
def test_changing_any_symbol_makes_a_code_unknown(position: int, symbol: str) -> None:
    code = vc.mint_code(KEY, 7)
    changed = code[:position] + symbol + code[position + 1 :]
    assert vc.is_genuine(KEY, 7, changed) is (changed == code)


def test_codes_keep_sixty_random_bits_and_forty_bits_of_tag() -> None:
    assert 5 * vc.RANDOM_LENGTH == 60 and 5 * vc.TAG_LENGTH == 40
    codes = {vc.mint_code(KEY, 1) for _ in range(2000)}
    assert len({c[: vc.RANDOM_LENGTH] for c in codes}) == 2000


def test_malformed_codes_are_not_genuine() -> None:
    for text in ("", "A" * 19, "A" * 21, "I" * 20, "0" * 20, "\x00" * 20):
        assert not vc.is_genuine(KEY, 1, text)


def test_the_spent_hash_depends_on_vote_code_and_key() -> None:
    code = vc.mint_code(KEY, 3)
    digest = vc.spent_digest(KEY, 3, code)
    assert len(digest) == 64
    assert digest != vc.spent_digest(KEY, 4, code) != vc.spent_digest(b"y" * 32, 3, code)
