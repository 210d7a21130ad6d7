"""The bundle manifest: canonical bytes that do not depend on key order, a signature that
breaks on any change, and a reader that names the missing or unknown field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.bundles import manifest as mf
from canbo.core.bundles import signing
from canbo.core.errors import ValidationError

NOW = dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC)


def sample() -> mf.Manifest:
    kinds = (
        mf.KindEntry("congress_results", 1, 3, "a" * 64),
        mf.KindEntry("statistics", 2, 1, "b" * 64),
    )
    return mf.Manifest(
        "Xã Minh Quang",
        "k" * 32,
        "up",
        "MQ",
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        NOW,
        NOW + dt.timedelta(days=30),
        kinds,
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)


@given(st.dictionaries(st.text(max_size=6), json_values, max_size=6))
def test_canonical_bytes_do_not_depend_on_the_order_of_keys(data: dict[str, Any]) -> None:
    reordered = dict(reversed(list(data.items())))
    assert mf.canonical_bytes(data) == mf.canonical_bytes(reordered)


def test_a_manifest_reads_back_as_itself() -> None:
    m = sample()
    assert mf.parse(m.as_dict()) == m
    assert m.kind_names == ("congress_results", "statistics")


@given(st.binary(min_size=1, max_size=200), st.data())
def test_a_signature_breaks_when_any_byte_changes(data: bytes, draw: st.DataObject) -> None:
    private = signing.new_private_key()
    public = signing.public_key_of(private)
    signature = signing.sign(private, data)
    assert signing.is_valid_signature(public, data, signature)
    at = draw.draw(st.integers(0, len(data) - 1))
    changed = bytearray(data)
    changed[at] ^= draw.draw(st.integers(1, 255))
    assert not signing.is_valid_signature(public, bytes(changed), signature)


def test_a_key_id_is_the_fingerprint_of_the_public_key() -> None:
    private = signing.new_private_key()
    public = signing.public_key_of(private)
    assert signing.key_id(public) == signing.key_id(signing.decode_key(signing.encode_key(public)))
    assert len(signing.key_id(public)) == 32
    with pytest.raises(ValidationError, match="bundle_key_malformed"):
        signing.decode_key("không phải khóa")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("scope"), "scope"),
        (lambda d: d["period"].update(start="31/12/2025"), "period.start"),
        (lambda d: d.update(created="2026-01-10T09:00:00"), "created"),
        (lambda d: d.update(direction="sideways"), "direction"),
        (lambda d: d.update(kinds=[]), "kinds"),
        (lambda d: d["kinds"][0].update(sha256="x"), "kinds.congress_results.sha256"),
        (lambda d: d["period"].update(start="2026-01-01"), "period"),
    ],
)
def test_a_bad_field_is_refused_by_name(change: Any, field: str) -> None:
    data = sample().as_dict()
    change(data)
    with pytest.raises(ValidationError) as caught:
        mf.parse(data)
    assert caught.value.code == "bundle_manifest_invalid" and caught.value.fields["field"] == field


def test_an_unknown_format_version_is_refused_as_such() -> None:
    data = sample().as_dict() | {"format_version": 2}
    with pytest.raises(ValidationError) as caught:
        mf.parse(data)
    assert caught.value.code == "bundle_format_unknown" and caught.value.fields["version"] == "2"
