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
    bundles whose period overlaps ``period`` (any when None), oldest bundle first."""
    rows = _current(kind)
    if unit_ids is not None:
        rows = rows.filter(unit_id__in=list(unit_ids))
    if period is not None:
        rows = rows.filter(receipt__period_start__lte=period[1], receipt__period_end__gte=period[0])
    return [
        ReceivedView(
            r.kind,
            r.unit_id,
            r.unit.code,
            r.key,
            r.payload,
            r.receipt.sender.name,
            r.receipt_id,
            r.receipt.sha256,
            r.receipt.received_at,
            r.receipt.period_start,
            r.receipt.period_end,
        )
        for r in rows.order_by("receipt__received_at", "id")
    ]


def _current(kind: str) -> QuerySet[ReceivedRecord]:
    return ReceivedRecord.objects.filter(kind=kind, receipt__status="current").select_related(
        "unit", "receipt__sender"
    )


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
