"""Template filters that turn stored machine values into the words people read: rulebooks as
their documents, unit and subject kinds, classification peer groups, any choice's label.

A page loads them with ``{% load labels %}``; an unknown value reads as itself, so a new value
shows (and the crawler in ``tests/e2e/test_crawler.py`` names it) instead of vanishing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from canbo.classification import choices as cl_choices
from canbo.classification.store import unit_names
from canbo.core.clock import SystemClock
from canbo.core.rulebook import ParamSpec
from canbo.core.rulebook_catalog import ALL_RULEBOOKS
from canbo.core.types import Confidence
from canbo.registry import choices as reg_choices
from canbo.web.rules_page import value_text

register = template.Library()


@functools.cache
def _documents() -> dict[str, str]:
    return {
        str(book.rulebook_id): "; ".join(getattr(book, "documents", ()) or (book.document,))
        for book in ALL_RULEBOOKS
    }


@register.filter
def rulebook_name(rulebook_id: object) -> str:
    """A rulebook as the regulations it applies: ``QD366_HD43`` reads as QĐ 366 and HD 43."""
    return _documents().get(str(rulebook_id), str(rulebook_id))


@register.filter
def unit_kind(value: object) -> str:
    """A unit kind's label (Chi bộ cơ sở, Đảng bộ xã, ...)."""
    try:
        return str(reg_choices.UnitKind(str(value)).label)
    except ValueError:
        return str(value)


@register.filter
def subject_kind(value: object) -> str:
    """Who is classified: Tập thể, Cá nhân lãnh đạo, quản lý, Đảng viên, ..."""
    try:
        return str(cl_choices.SubjectKind(str(value)).label)
    except ValueError:
        return str(value)


@register.filter
def peer_group(key: object) -> str:
    """A peer group key ``kind@unit`` as words: "Chi bộ cơ sở — Đảng bộ xã Yên Minh".

    The kind is a unit kind for collectives, or leaders / members of the grassroots unit
    (CL-13 quota groups); the unit is named as it stands today.
    """
    kind, sep, unit = str(key).partition("@")
    if not sep:
        return str(key)
    words = {"lanh-dao": _("Lãnh đạo, quản lý"), "dang-vien": _("Đảng viên")}.get(kind)
    label = words or unit_kind(kind)
    today = SystemClock().today()
    name = unit_names([int(unit)], today).get(int(unit), "") if unit.isdigit() else ""
    return f"{label} — {name}" if name else label


@register.filter
def vote_status(value: object) -> str:
    """A confidence vote's status: Dự thảo, Đang bỏ phiếu, Đã công bố, ..."""
    from canbo.voting.choices import Status

    try:
        return str(Status(str(value)).label)
    except ValueError:
        return str(value)


@register.filter
def record_kind(value: object) -> str:
    """A classification record: self-assessment, collective comment, appraisal, decision."""
    try:
        return str(cl_choices.RecordKind(str(value)).label)
    except ValueError:
        return str(value)


@functools.cache
def _specs() -> dict[str, ParamSpec]:
    return {spec.name: spec for book in ALL_RULEBOOKS for spec in getattr(book, "specs", ())}


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


@register.filter
def param_label(name: object) -> str:
    """A rulebook parameter as what it decides (its ParamSpec label), never its machine name."""
    spec = _specs().get(str(name))
    if spec is None:
        return str(name)
    return (spec.label_en if _english() else spec.label_vi) or spec.label_vi or str(name)


@register.inclusion_tag("web/_basis.html")
def basis(
    rulebook_id: object,
    parameters: Mapping[str, Any] | None,
    unconfirmed: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The section "Căn cứ áp dụng": the regulations, and each parameter a result used as a
    sentence (what it decides: the value in words), marked when its default is unconfirmed."""
    listed = None if unconfirmed is None else set(unconfirmed)
    lines = []
    for name, value in sorted((parameters or {}).items()):
        spec = _specs().get(name)
        if spec is None:
            continue
        plain = tuple(value) if isinstance(value, list) else value
        lines.append(
            {
                "text": f"{param_label(name)}: {value_text(spec, plain)}",
                "unconfirmed": _doubtful(spec, listed),
            }
        )
    return {"rulebook": rulebook_name(rulebook_id), "lines": lines}


def _doubtful(spec: ParamSpec, listed: set[str] | None) -> bool:
    """Unconfirmed as the result recorded it, else as the rulebook marks the parameter."""
    if listed is not None:
        return spec.name in listed
    return spec.confidence is Confidence.UNCONFIRMED
