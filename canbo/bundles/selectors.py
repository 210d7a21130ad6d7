"""Read side of the bundle exchange, for the pages, the CLI and other apps (reports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from .models import BundleReceipt, Installation, InstallationKey, ReceivedRecord


@dataclass(frozen=True, slots=True)
class ReceivedView:
    """One record received from a lower installation, with where it came from."""

    kind: str
    unit_id: int
    unit_code: str
    key: str
    payload: dict[str, Any]
    sender: str
    receipt_id: int
    receipt_hash: str
    received_at: dt.datetime
    period_start: dt.date
    period_end: dt.date


def received_records(
    kind: str,
    unit_ids: Iterable[int] | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> list[ReceivedView]:
    """Current (not superseded) records of ``kind`` for these units (all when None), from
    bundles whose period overlaps ``period`` (any when None), oldest bundle first.

    One query of plain values (a province's bundle is 300,000 records)."""
    rows = ReceivedRecord.objects.filter(kind=kind, receipt__status="current")
    if unit_ids is not None:
        rows = rows.filter(unit_id__in=list(unit_ids))
    if period is not None:
        rows = rows.filter(receipt__period_start__lte=period[1], receipt__period_end__gte=period[0])
    fields = (
        "unit_id", "unit__code", "key", "payload", "receipt__sender__name", "receipt_id",
        "receipt__sha256", "receipt__received_at", "receipt__period_start",
        "receipt__period_end",
    )  # fmt: skip
    return [
        ReceivedView(kind, u, code, key, payload, sender, rid, sha, at, start, end)
        for u, code, key, payload, sender, rid, sha, at, start, end in rows.order_by(
            "receipt__received_at", "id"
        ).values_list(*fields)
    ]


def installations() -> list[Installation]:
    return list(
        Installation.objects.select_related("root_unit")
        .prefetch_related("keys")
        .order_by("relation", "name")
    )


def keys() -> list[InstallationKey]:
    return list(InstallationKey.objects.select_related("installation").order_by("valid_from"))


def receipts(limit: int = 200) -> list[BundleReceipt]:
    return list(
        BundleReceipt.objects.select_related("sender", "superseded_by").order_by(
            "-received_at", "-id"
        )[:limit]
    )


def receipt(receipt_id: int) -> BundleReceipt | None:
    return (
        BundleReceipt.objects.select_related("sender", "superseded_by")
        .filter(id=receipt_id)
        .first()
    )


def record_counts() -> dict[str, int]:
    """Current received records per kind."""
    from django.db.models import Count

    rows = (
        ReceivedRecord.objects.filter(receipt__status="current")
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("kind")
    )
    return {r["kind"]: r["n"] for r in rows}


def unit_code(unit_id: int) -> str:
    """The code of a unit chosen with the picker (the services take codes, as bundles do)."""
    from canbo.registry.models import OrgUnit

    return OrgUnit.objects.filter(pk=unit_id).values_list("code", flat=True).first() or ""


def unit_names(unit_ids: Iterable[int]) -> dict[int, str]:
    """Each unit's latest name."""
    from canbo.registry.models import UnitVersion

    names: dict[int, str] = {}
    rows = UnitVersion.objects.filter(unit_id__in=set(unit_ids)).order_by("unit_id", "-valid_from")
    for unit_id, name in rows.values_list("unit_id", "name"):
        names.setdefault(unit_id, name)
    return names


def _in_scope(rows: QuerySet[BundleReceipt], scope: list[int] | None) -> QuerySet[BundleReceipt]:
    return rows if scope is None else rows.filter(scope_unit_id__in=scope)


def overview(scope: list[int] | None) -> dict[str, Any]:
    """What the index page shows: installations and keys, receipts and record counts."""
    from django.db.models import Count

    insts = installations()
    shown = list(_in_scope(BundleReceipt.objects.select_related("sender"), scope)[:100])
    names = unit_names(
        [i.root_unit_id for i in insts] + [r.scope_unit_id for r in shown if r.scope_unit_id]
    )
    receipts_in_scope = _in_scope(BundleReceipt.objects.filter(status="current"), scope)
    counts = (
        ReceivedRecord.objects.filter(receipt__in=receipts_in_scope)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("kind")
    )
    own = next((i for i in insts if i.relation == "self"), None)
    return {
        "own": own,
        "own_keys": [k for k in own.keys.all() if k.revoked_at is None] if own else [],
        "installations": [i for i in insts if i.relation != "self"],
        "receipts": shown,
        "names": names,
        "kinds": [(r["kind"], r["n"]) for r in counts],
    }


def receipt_for(receipt_id: int, scope: list[int] | None) -> BundleReceipt | None:
    rows = BundleReceipt.objects.select_related("sender", "superseded_by").filter(id=receipt_id)
    return _in_scope(rows, scope).first()


def records_page(kind: str, scope: list[int] | None, limit: int = 500) -> list[dict[str, Any]]:
    """Current received records of a kind in the scope (first ``limit``), with unit names."""
    rows = ReceivedRecord.objects.filter(kind=kind, receipt__status="current").select_related(
        "receipt__sender"
    )
    if scope is not None:
        rows = rows.filter(unit_id__in=scope)
    page = list(rows.order_by("unit_id", "key")[:limit])
    names = unit_names(r.unit_id for r in page)
    return [
        {"unit": names.get(r.unit_id, ""), "key": r.key, "payload": r.payload,
         "sender": r.receipt.sender.name, "receipt": r.receipt_id,
         "received_at": r.receipt.received_at}
        for r in page
    ]  # fmt: skip
