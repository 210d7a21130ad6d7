"""Signed bundles between installations on the database: a lower installation's bundle is
verified against its registered key and subtree, imported once, superseded by a newer one
(both kept) and refused by name when tampered, truncated, expired, out of scope, signed
with an unknown or revoked key or written in an unknown version; nothing is written then."""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from canbo.audit.models import AuditEntry
from canbo.bundles import selectors
from canbo.bundles.keystore import FileKeyStore
from canbo.bundles.models import BundleReceipt, ReceivedRecord
from canbo.bundles.uow import DjangoBundleUnitOfWork
from canbo.core.bundles import manifest as mf
from canbo.core.bundles import signing
from canbo.core.errors import DomainError, PermissionDenied, ValidationError
from canbo.core.types import AccountId, Role, UnitKind
from canbo.registry.models import OrgUnit
from canbo.services.bundles import keys, receive, send
from canbo.services.bundles.ports import Direction, Relation
from canbo.services.ports import SYSTEM, Actor, Grant
from tests import bundle_builders as b
from tests import factories as f

pytestmark = pytest.mark.django_db

KIND = "test_results"


@dataclass
class World:
    province: str
    commune: str
    cell: str
    stranger: str  # a commune of another province
    lower: b.Sender
    codec: b.EchoCodec
    store: FileKeyStore

    @property
    def codecs(self) -> dict[str, b.EchoCodec]:
        return {KIND: self.codec}

    def rows(self, *units: str, value: int = 1) -> list[dict[str, object]]:
        return [{"unit": u, "key": f"{u}:2025", "value": value} for u in units]

    def up(self, **kw: object) -> bytes:
        rows = kw.pop("rows", None) or self.rows(self.commune, self.cell)
        return b.bundle(self.lower, self.commune, {KIND: rows}, **kw)  # type: ignore[arg-type]


def code(unit_id: int) -> str:
    return OrgUnit.objects.get(pk=unit_id).code


@pytest.fixture
def world(tmp_path: Path) -> World:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    commune = f.unit("Đảng bộ xã Minh Quang", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ thôn Khuôn Khương", UnitKind.CELL, commune)
    other = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    stranger = f.unit("Đảng bộ xã Bát Xát", UnitKind.COMMUNE_PARTY_COMMITTEE, other)
    store = FileKeyStore(tmp_path / "keys")
    keys.init_own(
        DjangoBundleUnitOfWork(), SYSTEM, store, "Tỉnh Tuyên Quang", code(province), b.NOW
    )
    lower = b.sender("Xã Minh Quang")
    keys.register(
        DjangoBundleUnitOfWork(), SYSTEM, lower.name, Relation.LOWER, code(commune),
        lower.public_text, b.NOW - dt.timedelta(days=1),
    )  # fmt: skip
    codec = b.EchoCodec(KIND, Direction.UP)
    return World(code(province), code(commune), code(cell), code(stranger), lower, codec, store)


def run_import(
    w: World, raw: bytes, actor: Actor = SYSTEM, now: dt.datetime = b.NOW
) -> receive.ImportOutcome:
    return receive.import_bundle(DjangoBundleUnitOfWork(), actor, raw, w.codecs, now)


def counts() -> tuple[int, int, int]:
    return BundleReceipt.objects.count(), ReceivedRecord.objects.count(), AuditEntry.objects.count()


def refused(w: World, raw: bytes, code: str, **kw: object) -> DomainError:
    before = counts()
    with pytest.raises(DomainError) as caught:
        run_import(w, raw, **kw)  # type: ignore[arg-type]
    assert caught.value.code == code, caught.value.as_dict()
    assert counts() == before, "a refused bundle wrote something"
    return caught.value


def test_a_lower_installations_bundle_is_imported_with_its_records_and_one_audit_entry(
    world: World,
) -> None:
    raw = world.up()
    audits = AuditEntry.objects.count()
    outcome = run_import(world, raw)
    assert outcome.changed and outcome.rows == 2
    got = selectors.received_records(KIND, None, b.PERIOD)
    assert [(r.unit_code, r.key, r.payload) for r in got] == [
        (world.commune, f"{world.commune}:2025", {"value": 1}),
        (world.cell, f"{world.cell}:2025", {"value": 1}),
    ]
    assert got[0].sender == "Xã Minh Quang" and got[0].receipt_hash == outcome.receipt.sha256
    entry = AuditEntry.objects.order_by("-id").first()
    assert AuditEntry.objects.count() == audits + 1 and entry is not None
    assert entry.action == "bundle.import" and outcome.receipt.sha256 in json.dumps(entry.details)


def test_importing_the_same_bundle_twice_changes_nothing(world: World) -> None:
    raw = world.up()
    first = run_import(world, raw)
    before = counts()
    again = run_import(world, raw)
    assert not again.changed and again.receipt.id == first.receipt.id
    assert counts() == before


def test_a_newer_bundle_of_the_same_scope_and_period_supersedes_the_older_and_both_are_kept(
    world: World,
) -> None:
    old = run_import(world, world.up())
    new = run_import(
        world,
        world.up(rows=world.rows(world.commune, value=7), created=b.NOW + dt.timedelta(hours=2)),
    )
    assert new.superseded == old.receipt.id
    rows = {r.id: r for r in BundleReceipt.objects.all()}
    assert (
        rows[old.receipt.id].status == "superseded"
        and rows[old.receipt.id].superseded_by_id == new.receipt.id
    )
    assert rows[new.receipt.id].status == "current"
    assert [
        (r.unit_code, r.payload["value"]) for r in selectors.received_records(KIND, None, None)
    ] == [(world.commune, 7)]


def test_an_older_bundle_arriving_after_a_newer_one_is_kept_as_superseded(world: World) -> None:
    new = run_import(
        world,
        world.up(rows=world.rows(world.commune, value=7), created=b.NOW + dt.timedelta(hours=2)),
    )
    late = run_import(world, world.up(created=b.NOW))
    assert late.changed and late.receipt.status == "superseded"
    assert BundleReceipt.objects.get(pk=late.receipt.id).superseded_by_id == new.receipt.id
    assert [r.payload["value"] for r in selectors.received_records(KIND, None, None)] == [7]


def test_received_records_are_cut_by_unit_and_period(world: World) -> None:
    run_import(world, world.up())
    cell_id = OrgUnit.objects.get(code=world.cell).id
    assert [r.unit_code for r in selectors.received_records(KIND, [cell_id], None)] == [world.cell]
    assert (
        selectors.received_records(KIND, None, (dt.date(2026, 1, 1), dt.date(2026, 12, 31))) == []
    )
    assert selectors.received_records("other_kind", None, None) == []


def test_a_changed_data_file_is_refused_as_altered(world: World) -> None:
    raw = world.up(edit_data=lambda kind, data: data.replace(b'"value":1', b'"value":9', 1))
    error = refused(world, raw, "bundle_file_hash_mismatch")
    assert error.fields["kind"] == KIND


def test_a_changed_manifest_breaks_the_signature(world: World) -> None:
    def widen(data: dict[str, object]) -> None:
        data["scope"] = world.province

    refused(world, world.up(edit_manifest=widen), "bundle_signature_invalid")


def test_a_bundle_signed_by_another_key_is_refused(world: World) -> None:
    impostor = b.Sender("Xã Minh Quang", b.sender("x").private)
    raw = b.bundle(impostor, world.commune, {KIND: world.rows(world.commune)})
    assert refused(world, raw, "bundle_key_unknown").fields["key_id"] == impostor.key_id


def test_a_truncated_bundle_is_refused(world: World) -> None:
    raw = world.up()
    refused(world, raw[: len(raw) // 2], "bundle_not_a_zip")
    refused(world, b"", "bundle_not_a_zip")


def test_a_bundle_with_a_member_cut_short_is_refused_as_truncated(world: World) -> None:
    parts = b.members(world.up())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    raw = bytearray(out.getvalue())
    start = raw.find(b"data/")  # first local header of the data file: damage its stream
    raw[start + 40 : start + 60] = b"\x00" * 20
    refused(world, bytes(raw), "bundle_truncated")


def test_an_expired_bundle_is_refused(world: World) -> None:
    raw = world.up(expires=b.NOW + dt.timedelta(days=1))
    refused(world, raw, "bundle_expired", now=b.NOW + dt.timedelta(days=2))


def test_a_record_outside_the_senders_subtree_is_refused_naming_the_line(world: World) -> None:
    raw = world.up(rows=world.rows(world.commune, world.stranger))
    error = refused(world, raw, "bundle_out_of_scope")
    assert error.fields == {"kind": KIND, "line": 2, "unit": world.stranger}
    assert error.citation is not None and error.citation.rule_id == "OR-19"


def test_a_scope_outside_the_senders_subtree_is_refused(world: World) -> None:
    raw = b.bundle(world.lower, world.province, {KIND: world.rows(world.commune)})
    refused(world, raw, "bundle_scope_outside_sender")


def test_an_unknown_schema_or_format_version_is_refused(world: World) -> None:
    error = refused(world, world.up(schema=2), "bundle_schema_unknown")
    assert (error.fields["version"], error.fields["expected"]) == (2, 1)

    def future(data: dict[str, object]) -> None:
        data["format_version"] = 9

    refused(world, world.up(edit_manifest=future), "bundle_format_unknown")


def test_an_unknown_kind_is_refused(world: World) -> None:
    raw = b.bundle(world.lower, world.commune, {"weather": world.rows(world.commune)})
    refused(world, raw, "bundle_kind_unknown")


def test_a_revoked_key_is_refused_even_for_a_bundle_made_before(world: World) -> None:
    raw = world.up()
    keys.revoke(DjangoBundleUnitOfWork(), SYSTEM, world.lower.key_id, "máy tính bị mất", b.NOW)
    refused(world, raw, "bundle_key_revoked")


def test_a_rotated_key_signs_the_next_bundles_once_registered(world: World) -> None:
    rotated = b.Sender(world.lower.name, signing.new_private_key())
    raw = b.bundle(rotated, world.commune, {KIND: world.rows(world.commune)})
    refused(world, raw, "bundle_key_unknown")
    commune = world.commune
    keys.register(
        DjangoBundleUnitOfWork(),
        SYSTEM,
        rotated.name,
        Relation.LOWER,
        commune,
        rotated.public_text,
        b.NOW,
    )
    assert run_import(world, raw).changed


def test_an_upward_bundle_from_an_upper_installation_is_refused(world: World) -> None:
    upper = b.sender("Trung ương")
    keys.register(
        DjangoBundleUnitOfWork(),
        SYSTEM,
        upper.name,
        Relation.UPPER,
        world.province,
        upper.public_text,
        b.NOW,
    )
    raw = b.bundle(upper, world.commune, {KIND: world.rows(world.commune)})
    refused(world, raw, "bundle_direction_mismatch")


def test_a_downward_bundle_from_the_upper_installation_is_applied_by_its_codec(
    world: World,
) -> None:
    upper = b.sender("Trung ương")
    keys.register(
        DjangoBundleUnitOfWork(),
        SYSTEM,
        upper.name,
        Relation.UPPER,
        world.province,
        upper.public_text,
        b.NOW,
    )
    down = b.EchoCodec("test_reference", Direction.DOWN)
    rows = [{"unit": world.commune, "key": "a"}, {"unit": "NEW-COMMUNE", "key": "b"}]
    raw = b.bundle(upper, world.province, {"test_reference": rows}, direction="down")
    outcome = receive.import_bundle(
        DjangoBundleUnitOfWork(), SYSTEM, raw, {"test_reference": down}, b.NOW
    )
    assert outcome.rows == 2 and down.applied == [(outcome.receipt.id, rows)]
    assert ReceivedRecord.objects.count() == 0
    stranger = b.bundle(
        upper,
        world.province,
        {"test_reference": [{"unit": world.stranger, "key": "c"}]},
        direction="down",
    )
    with pytest.raises(ValidationError, match="bundle_out_of_scope"):
        receive.import_bundle(
            DjangoBundleUnitOfWork(), SYSTEM, stranger, {"test_reference": down}, b.NOW
        )


def test_a_count_that_does_not_match_the_manifest_is_refused(world: World) -> None:
    # A bundle signed with a manifest whose count is wrong (a faulty exporter).
    rows = world.rows(world.commune)
    encoded = b.archive.encode_kind(KIND, 1, rows)
    entry = mf.KindEntry(KIND, 1, 5, encoded.sha256)
    m = mf.Manifest(
        world.lower.name, world.lower.key_id, "up", world.commune, *b.PERIOD, b.NOW,
        b.NOW + dt.timedelta(days=3), (entry,),
    )  # fmt: skip
    data = m.as_dict()
    out = io.BytesIO()
    b.archive.write(
        out, data, signing.sign(world.lower.private, mf.canonical_bytes(data)), [encoded]
    )
    error = refused(world, out.getvalue(), "bundle_count_mismatch")
    assert (error.fields["expected"], error.fields["found"]) == (5, 1)


def test_only_the_commission_of_the_scope_may_import(world: World) -> None:
    province_id = OrgUnit.objects.get(code=world.province).id
    stranger_root = OrgUnit.objects.get(code=world.stranger).id
    reader = Actor(AccountId(7), "doc", (Grant(Role.VIEWER, province_id),))
    outsider = Actor(AccountId(8), "lc", (Grant(Role.ORG_STAFF, stranger_root),))
    staff = Actor(AccountId(9), "tq", (Grant(Role.ORG_STAFF, province_id),))
    refused(world, world.up(), "action_denied", actor=reader)
    with pytest.raises(PermissionDenied):
        run_import(world, world.up(), actor=outsider)
    assert run_import(world, world.up(), actor=staff).changed


def test_export_writes_a_bundle_signed_with_this_installations_key(
    world: World, tmp_path: Path
) -> None:
    world.codec.rows = world.rows(world.commune, world.cell)
    out = io.BytesIO()
    request = send.ExportRequest((KIND,), world.province, *b.PERIOD)
    m = send.export_bundle(
        DjangoBundleUnitOfWork(), SYSTEM, world.store, world.codecs, request, out, b.NOW
    )
    parts = b.members(out.getvalue())
    own = world.store.current()
    assert own is not None
    sig = __import__("base64").b64decode(parts[mf.SIGNATURE_NAME])
    assert signing.is_valid_signature(signing.public_key_of(own), parts[mf.MANIFEST_NAME], sig)
    read = mf.parse(json.loads(parts[mf.MANIFEST_NAME]))
    assert read == m and read.counts == {KIND: 2} and read.sender == "Tỉnh Tuyên Quang"
    assert len(parts[mf.data_name(KIND)].splitlines()) == 2
    assert AuditEntry.objects.filter(action="bundle.export").count() == 1


def test_the_private_key_is_kept_owner_only_in_the_data_folder(world: World) -> None:
    files = [p for p in world.store.folder.iterdir() if p.suffix == ".ed25519"]
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_export_refuses_mixed_directions_and_unknown_kinds(world: World) -> None:
    codecs: dict[str, b.EchoCodec] = {KIND: world.codec, "ref": b.EchoCodec("ref", Direction.DOWN)}
    uow = DjangoBundleUnitOfWork
    for kinds, code_ in (((KIND, "ref"), "bundle_kinds_mixed"), (("nope",), "bundle_kind_unknown")):
        request = send.ExportRequest(kinds, world.province, *b.PERIOD)
        with pytest.raises(ValidationError, match=code_):
            send.export_bundle(uow(), SYSTEM, world.store, codecs, request, io.BytesIO(), b.NOW)


def _call(*args: str) -> tuple[int, str, str]:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("bundle", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_the_command_line_imports_once_and_refuses_a_tampered_copy_with_status_2(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from canbo.bundles.kinds import CODECS, load_all

    load_all()
    monkeypatch.setitem(CODECS, KIND, world.codec)
    raw = world.up()
    good = tmp_path / "good.canbo"
    good.write_bytes(raw)
    bad = tmp_path / "bad.canbo"
    bad.write_bytes(world.up(edit_data=lambda k, d: d + b'{"unit":"X","key":"x"}\n'))
    now = ["--now", b.NOW.isoformat()]
    assert _call(*now, "verify", str(good))[0] == 0
    status, out, _ = _call(*now, "import", str(good))
    assert status == 0 and "imported" in out
    status, out, _ = _call(*now, "import", str(good))
    assert status == 0 and "nothing changed" in out
    status, _, err = _call(*now, "import", str(bad))
    assert status == 2 and "bundle_file_hash_mismatch" in err and "đã bị sửa" in err
    assert BundleReceipt.objects.count() == 1
