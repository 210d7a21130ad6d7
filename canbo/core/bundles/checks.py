"""The checks a receiver makes of a bundle, as pure functions over what it has read.

Each returns nothing or raises the refusal that names the problem; the service calls them in
order (format, key, signature, direction, expiry, kinds, scope, files) so that the first
problem met is the one reported, and nothing is written on any of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from canbo.core.citations.documents import DESIGN
from canbo.core.errors import Citation, ValidationError

# A record belongs to the sender's subtree as the receiver's tree stands on the period's end
# (OR-19: a rule over the tree uses the tree valid on the date it looks at).
OR19 = Citation(DESIGN, rule_id="OR-19")


def check_direction(direction: str, relation: str, sender: str) -> None:
    """Upward bundles come from a lower installation, downward ones from an upper one."""
    expected = {"up": "lower", "down": "upper"}[direction]
    if relation != expected:
        raise ValidationError("bundle_direction_mismatch", direction=direction, installation=sender)


def check_expiry(expires: dt.datetime, now: dt.datetime) -> None:
    if now > expires:
        raise ValidationError("bundle_expired", expires=expires.date().isoformat())


def check_kind(
    kind: str, schema_version: int, direction: str, known: Mapping[str, tuple[int, str]]
) -> None:
    """``known``: kind → (schema version this installation reads, direction)."""
    if kind not in known:
        raise ValidationError("bundle_kind_unknown", kind=kind)
    version, way = known[kind]
    if schema_version != version:
        raise ValidationError(
            "bundle_schema_unknown", kind=kind, version=schema_version, expected=version
        )
    if way != direction:
        raise ValidationError("bundle_kind_direction", kind=kind, direction=direction)


def check_count(kind: str, expected: int, found: int) -> None:
    if expected != found:
        raise ValidationError("bundle_count_mismatch", kind=kind, expected=expected, found=found)


def check_record_unit(
    kind: str,
    line: int,
    unit: str | None,
    allowed: Mapping[str, int],
    *,
    known: Mapping[str, int] | None,
) -> int | None:
    """The id of the record's unit when it lies in ``allowed`` (the sender's subtree on the
    period's end); else refused as ``bundle_out_of_scope`` naming the kind, line and unit.

    ``known`` (downward bundles only) is every unit the receiver has: reference data may name
    a unit the receiver does not have yet (a new commune of the tree it is being sent), which
    is allowed; a unit the receiver has outside the sender's subtree is not.
    """
    if unit and unit in allowed:
        return allowed[unit]
    if known is not None and (not unit or unit not in known):
        return None
    raise ValidationError(
        "bundle_out_of_scope", citation=OR19, kind=kind, line=line, unit=unit or "-"
    )
