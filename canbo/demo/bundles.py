"""Demo data of the bundle exchange: this installation is the Tuyên Quang provincial
committee's; the demo commune's offline laptop is registered below it, and one bundle from
it (the commune's congress and classification results) has been received and imported.

The commune's key pair is made here and its private half thrown away (the laptop is not part
of the demo); the bundle is built and signed exactly as ``canbo bundle export`` builds it at
the laptop, then imported through the import use case, so its receipt, records and audit
entry are the real ones.
"""

from __future__ import annotations

import datetime as dt
import io

from canbo.bundles.keystore import FileKeyStore
from canbo.bundles.kinds import load_all
from canbo.bundles.uow import DjangoBundleUnitOfWork
from canbo.core.bundles import manifest as mf
from canbo.core.bundles import signing
from canbo.registry.models import OrgUnit, UnitVersion
from canbo.services.bundles import archive, keys, receive
from canbo.services.bundles.ports import Relation
from canbo.services.ports import SYSTEM

UPWARD = ("classification_results", "congress_results")
PROVINCE_NAME = "Tỉnh ủy Tuyên Quang"


def _commune_of(cell_id: int, on: dt.date) -> int | None:
    version = (
        UnitVersion.objects.filter(unit_id=cell_id, valid_from__lte=on, valid_to__gte=on)
        .values_list("parent_id", flat=True)
        .first()
    )
    return version


def build_bundles(named: dict[str, int], today: dt.date) -> str:
    """This installation, the commune's registered laptop and one imported bundle."""
    if "province:08" not in named or "demo_cell" not in named:
        return "-"
    now = dt.datetime.combine(today, dt.time(1, 0), tzinfo=dt.UTC)
    province = OrgUnit.objects.get(pk=named["province:08"])
    commune_id = _commune_of(named["demo_cell"], today)
    if commune_id is None:
        return "-"
    commune = OrgUnit.objects.get(pk=commune_id)
    keys.init_own(
        DjangoBundleUnitOfWork(), SYSTEM, FileKeyStore(), PROVINCE_NAME, province.code, now
    )
    laptop = signing.new_private_key()
    name = "Máy tính đại hội " + str(
        UnitVersion.objects.filter(unit_id=commune_id)
        .order_by("-valid_from")
        .values_list("name", flat=True)
        .first()
    )
    keys.register(
        DjangoBundleUnitOfWork(), SYSTEM, name, Relation.LOWER, commune.code,
        signing.encode_key(signing.public_key_of(laptop)), now - dt.timedelta(days=30),
    )  # fmt: skip
    raw = _laptop_bundle(laptop, name, commune_id, commune.code, today, now - dt.timedelta(days=2))
    outcome = receive.import_bundle(DjangoBundleUnitOfWork(), SYSTEM, raw, load_all(), now)
    return f"{outcome.rows} bản ghi nhận từ {name}"


def _laptop_bundle(
    private: bytes, name: str, commune_id: int, code: str, today: dt.date, at: dt.datetime
) -> bytes:
    codecs = load_all()
    start = dt.date(today.year - 1, 1, 1)
    encoded = [
        archive.encode_kind(k, codecs[k].schema_version, codecs[k].export(commune_id, start, today))
        for k in UPWARD
        if k in codecs
    ]
    manifest = mf.Manifest(
        sender=name, key_id=signing.key_id(signing.public_key_of(private)), direction="up",
        scope=code, period_start=start, period_end=today, created=at,
        expires=at + dt.timedelta(days=30),
        kinds=tuple(mf.KindEntry(e.kind, e.schema_version, e.count, e.sha256) for e in encoded),
    )  # fmt: skip
    data = manifest.as_dict()
    out = io.BytesIO()
    archive.write(out, data, signing.sign(private, mf.canonical_bytes(data)), encoded)
    return out.getvalue()
