"""The bundle use cases on the in-memory unit of work: a lower installation's signed bundle is
imported once and superseded by a newer one; any change to a signed byte, a record outside
the sender's subtree or a revoked key refuses it with nothing written (the fake rolls back)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.bundles import signing
from canbo.core.errors import DomainError, PermissionDenied
from canbo.services.bundles import keys, receive, send
from canbo.services.bundles.ports import Direction, Relation
from canbo.services.ports import SYSTEM
from tests import bundle_builders as b
from tests.fakes.bundles import FakeBundleUnitOfWork, FakeKeyStore

UNITS = {
    "TW": (1, None),
    "TQ": (2, "TW"),
    "MQ": (3, "TQ"),
    "MQ-1": (4, "MQ"),
    "LC": (5, "TW"),
    "BX": (6, "LC"),
}
KIND = "test_results"


def setup() -> tuple[FakeBundleUnitOfWork, b.Sender, dict[str, b.EchoCodec]]:
    uow = FakeBundleUnitOfWork(UNITS)
    keys.init_own(uow, SYSTEM, FakeKeyStore(), "Tỉnh Tuyên Quang", "TQ", b.NOW)
    lower = b.sender("Xã Minh Quang")
    keys.register(uow, SYSTEM, lower.name, Relation.LOWER, "MQ", lower.public_text, b.NOW)
    return uow, lower, {KIND: b.EchoCodec(KIND, Direction.UP)}


def rows(*units: str, value: int = 1) -> list[dict[str, Any]]:
    return [{"unit": u, "key": u, "value": value} for u in units]


def test_a_bundle_is_imported_once_and_a_newer_one_supersedes_it() -> None:
    uow, lower, codecs = setup()
    first = b.bundle(lower, "MQ", {KIND: rows("MQ", "MQ-1")})
    done = receive.import_bundle(uow, SYSTEM, first, codecs, b.NOW)
    assert done.changed and len(uow.bundles.records) == 2
    assert not receive.import_bundle(uow, SYSTEM, first, codecs, b.NOW).changed
    newer = b.bundle(lower, "MQ", {KIND: rows("MQ")}, created=b.NOW + dt.timedelta(hours=1))
    again = receive.import_bundle(uow, SYSTEM, newer, codecs, b.NOW)
    assert again.superseded == done.receipt.id
    assert [r.status for r in uow.bundles.receipts.values()] == ["superseded", "current"]
    assert uow.audit.actions.count("bundle.import") == 2


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_changing_any_byte_of_a_signed_member_refuses_the_bundle_and_writes_nothing(
    data: st.DataObject,
) -> None:
    uow, lower, codecs = setup()
    parts = b.members(b.bundle(lower, "MQ", {KIND: rows("MQ", "MQ-1")}))
    name = data.draw(st.sampled_from(sorted(parts)))
    body = bytearray(parts[name])
    at = data.draw(st.integers(0, len(body) - 1))
    body[at] = (body[at] + data.draw(st.integers(1, 255))) % 256
    parts[name] = bytes(body)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    audit_before = list(uow.audit.entries)
    with pytest.raises(DomainError):
        receive.import_bundle(uow, SYSTEM, out.getvalue(), codecs, b.NOW)
    assert uow.bundles.receipts == {} and uow.bundles.records == []
    assert uow.audit.entries == audit_before


def test_a_record_of_a_neighbour_refuses_the_whole_bundle() -> None:
    uow, lower, codecs = setup()
    raw = b.bundle(lower, "MQ", {KIND: rows("MQ", "BX")})
    with pytest.raises(DomainError) as caught:
        receive.import_bundle(uow, SYSTEM, raw, codecs, b.NOW)
    assert caught.value.code == "bundle_out_of_scope" and caught.value.fields["line"] == 2
    assert uow.bundles.receipts == {}


def test_a_revoked_key_refuses_and_a_rotated_one_is_accepted_once_registered() -> None:
    uow, lower, codecs = setup()
    keys.revoke(uow, SYSTEM, lower.key_id, "mất máy", b.NOW)
    with pytest.raises(DomainError, match="bundle_key_revoked"):
        receive.import_bundle(uow, SYSTEM, b.bundle(lower, "MQ", {KIND: rows("MQ")}), codecs, b.NOW)
    new = b.sender(lower.name)
    keys.register(uow, SYSTEM, new.name, Relation.LOWER, "MQ", new.public_text, b.NOW)
    assert receive.import_bundle(
        uow, SYSTEM, b.bundle(new, "MQ", {KIND: rows("MQ")}), codecs, b.NOW
    ).changed


def test_registering_keys_is_for_the_administrator_only() -> None:
    from canbo.core.types import AccountId, Role
    from canbo.services.ports import Actor, Grant

    uow, lower, _ = setup()
    staff = Actor(AccountId(3), "btc", (Grant(Role.ORG_STAFF, 2),))  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        keys.register(uow, staff, "Xã khác", Relation.LOWER, "MQ", b.sender("x").public_text, b.NOW)
    with pytest.raises(PermissionDenied):
        keys.revoke(uow, staff, lower.key_id, "lý do", b.NOW)


def test_export_and_import_round_trip_between_two_installations() -> None:
    commune = FakeBundleUnitOfWork(UNITS)
    store = FakeKeyStore()
    key = keys.init_own(commune, SYSTEM, store, "Xã Minh Quang", "MQ", b.NOW)
    codec = b.EchoCodec(KIND, Direction.UP, rows=rows("MQ", "MQ-1"))
    out = io.BytesIO()
    request = send.ExportRequest((KIND,), "MQ", *b.PERIOD)
    send.export_bundle(commune, SYSTEM, store, {KIND: codec}, request, out, b.NOW)
    province = FakeBundleUnitOfWork(UNITS)
    keys.init_own(province, SYSTEM, FakeKeyStore(), "Tỉnh Tuyên Quang", "TQ", b.NOW)
    public = signing.encode_key(key.public_key)
    keys.register(province, SYSTEM, "Xã Minh Quang", Relation.LOWER, "MQ", public, b.NOW)
    done = receive.import_bundle(province, SYSTEM, out.getvalue(), {KIND: codec}, b.NOW)
    assert done.rows == 2 and [r[2] for r in province.bundles.records] == [3, 4]


@pytest.mark.parametrize("bad", [1, 4999, 5000, 5001, 12000])
def test_a_bad_line_is_named_wherever_it_falls(bad: int) -> None:
    from canbo.services.bundles import archive

    lines = [archive.record_line({"unit": "MQ", "key": str(i)}) for i in range(1, 12001)]
    lines[bad - 1] = b'{"unit": "MQ"}\n' if bad % 2 else b"{not json\n"
    with pytest.raises(DomainError) as caught:
        list(archive.records(KIND, b"".join(lines)))
    assert caught.value.code == "bundle_record_invalid" and caught.value.fields["line"] == bad
    assert [n for n, _ in archive.records(KIND, b"".join(lines[: bad - 1]))] == list(range(1, bad))
