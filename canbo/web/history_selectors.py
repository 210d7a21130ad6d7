"""Read side of the personal history form (sơ yếu lý lịch): the entries shown on the person
page, the choices of the form that ends an entry, the photo, and the values the printed forms
are filled with. Every reader goes through the person's scope first (NotFound alike)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from canbo.accounts import scope
from canbo.core import personal_history as ph
from canbo.core.permissions import Action
from canbo.core.types import UnitId
from canbo.registry import models as m
from canbo.registry.history_repo import photo_root
from canbo.services.ports import Actor

from .history_forms import FORMS, KIND_LABELS, LEVEL_CHOICES
from .record_selectors import person_cell


@dataclass(frozen=True)
class Group:
    kind: ph.HistoryKind
    label: str
    slug: str
    items: list[m.HistoryItem]


@dataclass(frozen=True)
class HistorySection:
    person_id: int
    can_write: bool
    groups: list[Group]
    photo: m.PersonPhoto | None


def level_text(item: m.HistoryItem) -> str:
    """A level as words: the label of a coded level, the text itself otherwise."""
    if ph.HistoryKind(item.kind) in ph.LEVELS:
        return str(LEVEL_CHOICES.get(item.level, item.level))
    return item.level


def _items(person_id: int) -> list[m.HistoryItem]:
    return list(
        m.HistoryItem.objects.filter(person_id=person_id).order_by(
            "kind", "starts", "year", "declared_on", "pk"
        )
    )


def latest_photo(person_id: int) -> m.PersonPhoto | None:
    return m.PersonPhoto.objects.filter(person_id=person_id).order_by("-pk").first()


def section(actor: Actor, person_id: int, today: dt.date) -> HistorySection:
    """The entries of a person the actor may read, by kind in the form's order."""
    scope.load_person(actor, person_id, today)
    cell = person_cell(person_id, today)
    can_write = cell is not None and scope.can_do(actor, Action.WRITE_RECORDS, cell, today)
    items = _items(person_id)
    slugs = {cls.kind: slug for slug, cls in FORMS.items()}
    groups = [
        Group(kind, str(KIND_LABELS[kind]), slugs[kind], [i for i in items if i.kind == kind])
        for kind in ph.HistoryKind
    ]
    return HistorySection(person_id, can_write, groups, latest_photo(person_id))


def open_item_choices(person_id: int) -> list[tuple[int, str]]:
    """The entries not yet ended, as "kind: level, subject, place (year)"."""
    out = []
    for item in _items(person_id):
        if item.ended_on is not None:
            continue
        words = [level_text(item), item.field_name, item.institution]
        when = item.year or (item.starts and f"{item.starts:%d/%m/%Y}") or ""
        text = ", ".join(w for w in words if w)
        label = f"{KIND_LABELS[ph.HistoryKind(item.kind)]}: {text}"
        out.append((int(item.pk), f"{label} ({when})" if when else label))
    return out


def photo_file(actor: Actor, person_id: int, today: dt.date) -> tuple[Path, str] | None:
    """The newest photo's file and media type, for an actor who may read the person."""
    scope.load_person(actor, person_id, today)
    photo = latest_photo(person_id)
    if photo is None:
        return None
    path = (photo_root().parent / photo.path).resolve()
    if not path.is_relative_to(photo_root().resolve()) or not path.is_file():
        return None
    return path, photo.media_type


@dataclass
class Sheet:
    """What the printed forms are filled with (current entries only)."""

    person: m.Person
    units: list[str]
    """The organization chain from the top down to the cell, names as of ``today``."""
    posts: list[str]
    items: dict[ph.HistoryKind, list[m.HistoryItem]]
    photo: Path | None
    today: dt.date
    events: list[m.PartyEvent] = field(default_factory=list)
    relatives: list[m.Relative] = field(default_factory=list)
    disciplines: list[m.DisciplineRecord] = field(default_factory=list)
    memberships: list[tuple[m.Membership, str]] = field(default_factory=list)


CENTRAL_KINDS = frozenset({"central_committee", "politburo", "secretariat", "central_inspection"})
"""Bodies above every provincial committee: not part of a form's "Tỉnh ủy ... Cơ sở" lines."""


def _unit_names(ids: list[UnitId], today: dt.date) -> dict[int, str]:
    """Each unit's latest name up to ``today`` (a unit ended by a merger keeps its last name);
    central bodies are left out."""
    rows = m.UnitVersion.objects.filter(unit_id__in=ids, valid_from__lte=today)
    names: dict[int, str] = {}
    for row in rows.order_by("valid_from"):
        names[row.unit_id] = row.name
        if row.kind in CENTRAL_KINDS:
            names.pop(row.unit_id)
    return names


def _names_on(pairs: list[tuple[int, dt.date]]) -> list[str]:
    """Each unit's name as of its day (the name it had then)."""
    out = []
    for unit_id, day in pairs:
        row = m.UnitVersion.objects.filter(
            unit_id=unit_id, valid_from__lte=day, valid_to__gte=day
        ).first()
        out.append(row.name if row else "")
    return out


def sheet(actor: Actor, person_id: int, today: dt.date) -> Sheet:
    """The person's values for the personal history form and the Party member's record."""
    scope.load_person(actor, person_id, today)
    person = m.Person.objects.get(pk=person_id)
    cell = person_cell(person_id, today)
    chain: list[UnitId] = []
    if cell is not None:
        chain = scope.tree().ancestors(UnitId(cell), today) or [UnitId(cell)]
    names = _unit_names(chain, today)
    posts_rows = (
        m.PositionHolding.objects.filter(
            person_id=person_id, valid_from__lte=today, valid_to__gte=today
        )
        .select_related("title")
        .order_by("valid_from", "pk")
    )
    post_units = _unit_names([UnitId(p.unit_id) for p in posts_rows], today)
    posts = [f"{p.title.name} {post_units.get(p.unit_id, '')}".strip() for p in posts_rows]
    items: dict[ph.HistoryKind, list[m.HistoryItem]] = {k: [] for k in ph.HistoryKind}
    for item in _items(person_id):
        if item.ended_on is None:
            items[ph.HistoryKind(item.kind)].append(item)
    photo = photo_file(actor, person_id, today)
    cells = list(m.Membership.objects.filter(person_id=person_id).order_by("valid_from", "pk"))
    cell_names = _names_on([(c.unit_id, c.valid_from) for c in cells])
    return Sheet(
        person=person,
        memberships=[(c, cell_names[i]) for i, c in enumerate(cells)],
        units=[names[u] for u in reversed(chain) if u in names],
        posts=posts,
        items=items,
        photo=photo[0] if photo else None,
        today=today,
        events=list(m.PartyEvent.objects.filter(person_id=person_id).order_by("date", "pk")),
        relatives=list(
            m.Relative.objects.filter(person_id=person_id)
            .select_related("linked_person")
            .order_by("declared_on", "pk")
        ),
        disciplines=list(
            m.DisciplineRecord.objects.filter(person_id=person_id).order_by("decision_date")
        ),
    )
