"""Read queries of the congress pages (views never query models directly).

The overview answers a higher committee for its whole subtree with a few indexed queries:
the congresses of the subtree through ``CongressScope`` (the congress's unit and ancestors),
one ``GROUP BY`` for the counts by status and kind, one page of rows, and the people elected
at the congresses of that page from the elections context's one selector (the only import of
the elections app here, listed in the import contracts).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from canbo.accounts import scope
from canbo.conferences.models import Convocation
from canbo.elections.selectors import ElectedRow, elected_people
from canbo.services.congresses.overview import Composition, ElectedFacts, composition
from canbo.services.ports import Actor

from . import choices, models

PAGE_SIZE = 50


def _facts(row: ElectedRow) -> ElectedFacts:
    return ElectedFacts(
        congress_id=row.congress_id,
        person_id=row.person_id,
        birth_date=row.birth_date,
        sex=row.sex,
        ethnicity=row.ethnicity,
        re_elected=not row.first_time,
        approved=row.approved,
    )


def elected_by_congress(ids: Sequence[int]) -> dict[int, list[ElectedFacts]]:
    """The people elected at these congresses, from the elections context (one query)."""
    found: dict[int, list[ElectedFacts]] = defaultdict(list)
    for row in elected_people(list(ids)):
        facts = _facts(row)
        found[facts.congress_id].append(facts)
    return found


def visible(actor: Actor) -> QuerySet[models.Congress]:
    """The congresses of the actor's readable subtrees."""
    roots = scope.readable_roots(actor)
    qs = models.Congress.objects.all()
    if roots is None:
        return qs
    inside = models.CongressScope.objects.filter(unit_id__in=roots).values("congress_id")
    return qs.filter(pk__in=inside)


@dataclass(frozen=True, slots=True)
class OverviewRow:
    pk: int
    title: str
    term_label: str
    kind_label: str
    status_label: str
    opens_on: dt.date
    closes_on: dt.date
    composition: Composition


@dataclass(frozen=True, slots=True)
class Overview:
    total: int
    by_status: list[tuple[str, str, int]]  # value (for the filter link), label, count
    by_kind: list[tuple[str, int]]
    rows: list[OverviewRow]
    page: int
    pages: int
    page_totals: Composition


def overview(actor: Actor, page: int = 1, status: str = "") -> Overview:
    """Every congress of the actor's subtree: counts by status and kind, one page of congresses
    (latest opening first) with the composition of the people elected and approvals pending."""
    qs = visible(actor)
    counts = list(qs.values_list("status", "kind").annotate(n=Count("pk")).order_by())
    statuses: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for s, k, n in counts:
        statuses[s] += n
        kinds[k] += n
    total = sum(statuses.values())
    if status in choices.CongressStatus.values:
        qs = qs.filter(status=status)
        shown = statuses[status]
    else:
        shown = total
    pages = max(1, -(-shown // PAGE_SIZE))
    page = min(max(1, page), pages)
    start = (page - 1) * PAGE_SIZE
    fields = ("pk", "title", "term_label", "kind", "status", "opens_on", "closes_on")
    page_rows = list(
        qs.order_by("-opens_on", "-pk").values_list(*fields)[start : start + PAGE_SIZE]
    )
    elected = elected_by_congress([r[0] for r in page_rows])
    kind_label = dict(choices.CongressKind.choices)
    status_label = dict(choices.CongressStatus.choices)
    rows = [
        OverviewRow(
            pk,
            title,
            term,
            str(kind_label.get(kind, "")),
            str(status_label.get(st, "")),
            opens,
            closes,
            composition(elected.get(pk, []), opens),
        )
        for pk, title, term, kind, st, opens, closes in page_rows
    ]
    everyone = [p for r in page_rows for p in elected.get(r[0], [])]
    as_of = page_rows[0][5] if page_rows else dt.date.today()  # noqa: DTZ011
    return Overview(
        total,
        [(s, str(status_label[s]), statuses.get(s, 0)) for s in choices.CongressStatus.values],
        [(str(kind_label[k]), kinds.get(k, 0)) for k in choices.CongressKind.values],
        rows,
        page,
        pages,
        composition(everyone, as_of),
    )


def roll_options(congress_id: int, conference_id: int, present_only: bool) -> list[tuple[int, str]]:
    """The people on the roll (or only those checked in at the congress's conference) as the
    options of a picker, in Vietnamese order by given name."""
    rows = models.RollEntry.objects.filter(congress_id=congress_id)
    if present_only:
        here = Convocation.objects.filter(
            conference_id=conference_id, check_in__isnull=False
        ).values("person_id")
        rows = rows.filter(person_id__in=here)
    pairs = rows.order_by("person__sort_key").values_list("person_id", "person__full_name")
    return [(int(p), n) for p, n in pairs]
