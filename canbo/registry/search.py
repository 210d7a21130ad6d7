"""The one search of people and units, for the header box, the results page, the type-ahead
pickers and the API.

``search(actor, text, kinds, within, limit)`` folds the query (tones, capitals and Vietnamese
letter modifiers ignored: "nguyen van a" and "ngu" find "Nguyễn Văn An"), asks the search
index (FTS5 on SQLite, GIN full-text on PostgreSQL; :mod:`canbo.registry.search_index`) for
entries whose words start with every query word, inside the actor's readable subtrees
(``canbo.accounts.scope``) or inside one unit's subtree (``within``), and describes the few
it found: a person by name, birth year and current cell with its parent; a unit by name,
kind, parent and code. A unit is found by every name it has had (OR-18); an old name is shown
as such, with the date to open it on. Codes, national IDs and birth years are words of the
index too: "1980 nguyen" finds the Nguyễns born in 1980.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.db.models import Q

from canbo.accounts import scope
from canbo.core.clock import SystemClock
from canbo.core.search_text import fold, is_searchable, matches, query_words
from canbo.services.ports import Actor

from . import choices, models, search_index
from .constants import FOREVER

PERSON = "person"
UNIT = "unit"
KINDS = frozenset({PERSON, UNIT})
MAX_LIMIT = 1000
_INDEX_KIND = {PERSON: search_index.KIND_PERSON, UNIT: search_index.KIND_UNIT}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One person or one unit (one of its names, for a renamed unit) that matched."""

    kind: str
    id: int
    name: str
    code: str
    birth_year: int | None = None
    unit_name: str = ""
    parent_name: str = ""
    kind_label: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    day: dt.date | None = None
    is_current: bool = True
    is_ambiguous: bool = False
    sort_key: str = ""

    @property
    def is_person(self) -> bool:
        return self.kind == PERSON

    @property
    def label(self) -> str:
        """One line that tells this hit apart from its namesakes, for a picker's option."""
        if self.is_person:
            year = f" ({self.birth_year})" if self.birth_year else ""
            where = ", ".join(p for p in (self.unit_name, self.parent_name) if p)
            return f"{self.name}{year}" + (f" – {where}" if where else "")
        parent = f" – {self.parent_name}" if self.parent_name else ""
        return f"{self.name}{parent} ({self.code})"


def search(
    actor: Actor,
    text: str,
    kinds: Iterable[str] = KINDS,
    within: int | None = None,
    limit: int = 20,
    today: dt.date | None = None,
) -> list[SearchHit]:
    """People and units matching ``text`` that ``actor`` may read, at most ``limit``.

    ``within`` keeps the search to one unit's subtree (``NotFound`` if the actor may not read
    that unit). People come first, in official order (given name, middle, family); then
    units, those whose name holds every word first (a quarter of the places at least when
    both kinds are asked). Fewer than two letters find nothing.
    """
    day = today or SystemClock().today()
    words = query_words(text)
    wanted = [_INDEX_KIND[k] for k in sorted(set(kinds) & KINDS)]
    if not is_searchable(text) or not wanted:
        return []
    roots: Iterable[int] | None
    if within is not None:
        roots = [scope.load_unit(actor, within, day).pk]
    else:
        roots = scope.readable_roots(actor)
    limit = max(1, min(limit, MAX_LIMIT))
    found = search_index.match(words, wanted, roots, limit=max(limit, min(limit * 5, 500)))
    people = [i for k, i in found if k == search_index.KIND_PERSON]
    units = [i for k, i in found if k == search_index.KIND_UNIT]
    found_people = _person_hits(people, day, limit)
    found_units = _unit_hits(units[: limit * 2], words, day)
    # Both kinds asked: units keep a quarter of the places when people would fill them all.
    shown_units = found_units[: max(limit - len(found_people), limit // 4)]
    return found_people[: limit - len(shown_units)] + shown_units


# People -------------------------------------------------------------------------------------


_PEOPLE = """
SELECT p.id, p.full_name, p.code, p.birth_date, p.sort_key,
       (SELECT m.unit_id FROM registry_membership m WHERE m.person_id = p.id
        ORDER BY CASE WHEN m.valid_from <= %s AND m.valid_to >= %s THEN 0 ELSE 1 END,
                 m.valid_from DESC LIMIT 1)
FROM registry_person p WHERE p.id IN ({ids}) ORDER BY p.sort_key, p.id LIMIT %s
"""
_CELLS = """
SELECT v.unit_id, v.name, pv.name FROM registry_unitversion v
LEFT JOIN registry_unitversion pv
       ON pv.unit_id = v.parent_id AND pv.valid_from <= %s AND pv.valid_to >= %s
WHERE v.unit_id IN ({ids}) AND v.valid_from <= %s AND v.valid_to >= %s
"""


def _marks(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


def _person_hits(ids: Sequence[int], day: dt.date, limit: int) -> list[SearchHit]:
    """The first ``limit`` of these people in official order, with their cell on ``day``
    (else their last cell) and its parent, in two queries."""
    if not ids:
        return []
    with connection.cursor() as cur:
        cur.execute(_PEOPLE.format(ids=_marks(ids)), [day, day, *ids, limit])
        rows = cur.fetchall()
        cells = sorted({row[5] for row in rows if row[5] is not None})
        names = _cell_names(cur, cells, day)
    hits = []
    for pk, name, code, birth, key, cell in rows:
        born = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(str(birth))
        cell_name, parent_name = names.get(cell, ("", ""))
        hits.append(
            SearchHit(
                kind=PERSON,
                id=pk,
                name=name,
                code=code,
                birth_year=born.year,
                unit_name=cell_name,
                parent_name=parent_name,
                sort_key=key,
            )
        )
    return hits


def _cell_names(
    cur: CursorWrapper, cells: Sequence[int], day: dt.date
) -> dict[int, tuple[str, str]]:
    """Name and parent's name of each unit on ``day``; a unit ended by then is named as on
    its last day."""
    if not cells:
        return {}
    cur.execute(_CELLS.format(ids=_marks(cells)), [day, day, *cells, day, day])
    found = {u: (name, parent or "") for u, name, parent in cur.fetchall()}
    for unit_id in set(cells) - found.keys():
        last = models.UnitVersion.objects.filter(unit_id=unit_id).order_by("-valid_from").first()
        if last is not None:
            found.update(_cell_names(cur, [unit_id], last.valid_to))
    return found


# Units --------------------------------------------------------------------------------------


def _has_words(words: Sequence[str], text: str) -> bool:
    return matches(words, fold(text))


def _version_day(v: models.UnitVersion, day: dt.date) -> dt.date:
    """The day a version is looked at: ``day`` if in force then, else its nearest end."""
    return min(max(day, v.valid_from), v.valid_to)


def _unit_hits(ids: Sequence[int], words: Sequence[str], day: dt.date) -> list[SearchHit]:
    if not ids:
        return []
    versions = list(
        models.UnitVersion.objects.filter(unit_id__in=ids)
        .select_related("unit")
        .order_by("unit_id", "-valid_from")
    )
    chosen: list[tuple[models.UnitVersion, bool]] = []
    by_unit: dict[int, list[models.UnitVersion]] = {}
    for v in versions:
        by_unit.setdefault(v.unit_id, []).append(v)
    for unit_versions in by_unit.values():
        named = {}
        for v in unit_versions:  # newest first: each name shown once, at its last version
            if _has_words(words, v.name) and v.name not in named:
                named[v.name] = v
        current = next(
            (v for v in unit_versions if v.valid_from <= day <= v.valid_to), unit_versions[0]
        )
        picks = list(named.values()) or [current]
        chosen.extend((v, not named) for v in picks)
    parent_names = _parent_names([v for v, _ in chosen], day)
    names = [fold(v.name) for v, _ in chosen]
    hits = [
        SearchHit(
            kind=UNIT,
            id=v.unit_id,
            name=v.name,
            code=v.unit.code,
            parent_name=parent_names.get(v.pk, ""),
            kind_label=str(choices.UnitKind(v.kind).label),
            valid_from=v.valid_from,
            valid_to=None if v.valid_to == FOREVER else v.valid_to,
            day=_version_day(v, day),
            is_current=v.valid_from <= day <= v.valid_to,
            is_ambiguous=names.count(fold(v.name)) > 1,
            sort_key=("1" if by_context else "0") + v.sort_key,
        )
        for v, by_context in chosen
    ]
    return sorted(hits, key=lambda h: (h.sort_key, h.id))


def _parent_names(versions: Sequence[models.UnitVersion], day: dt.date) -> dict[int, str]:
    """The parent's name of each version as it stood on the version's own day."""
    match = Q(pk__in=[])
    for v in versions:
        if v.parent_id is not None:
            on = _version_day(v, day)
            match |= Q(unit_id=v.parent_id, valid_from__lte=on, valid_to__gte=on)
    rows = list(
        models.UnitVersion.objects.filter(match).values_list(
            "unit_id", "name", "valid_from", "valid_to"
        )
    )
    found: dict[int, str] = {}
    for v in versions:
        on = _version_day(v, day)
        for unit_id, name, start, end in rows:
            if unit_id == v.parent_id and start <= on <= end:
                found[v.pk] = name
    return found


def describe(kind: str, ids: Sequence[int], day: dt.date) -> list[SearchHit]:
    """The hits a picker shows for items already chosen (no scope check: the caller has
    checked each id): people with their birth year and cell, units by their name on ``day``
    (else their nearest name) with parent and code; one hit per id, in the order given."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    if kind == PERSON:
        found = {h.id: h for h in _person_hits(ids, day, len(ids))}
    else:
        found = {}
        for hit in _unit_hits(ids, [], day):
            if hit.id not in found or hit.is_current:
                found[hit.id] = hit
    return [found[i] for i in ids if i in found]
