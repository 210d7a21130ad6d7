"""Upward kind ``congress_results``: the Party congresses of the sender's subtree and the
results of their elections (QĐ 190-QĐ/TW; handbook EL-29, EL-30).

Election results are folded into this kind (there is no separate ``election_results``): an
election exists only at its congress, and the higher level reads them together. One record
per congress that opened in the period, held by a unit of the scope unit's subtree on the
period's end, once it has opened (a congress still in preparation has no result): the
congress (title, term, kind, dates, status), the number convened and, per election, its kind,
seats, status, the higher committee's approval, each round's computed result as stored
(``ElectionResult.as_dict()``, people named by person code) and the people elected with what
the composition figures need (sex, birth date, ethnicity, alternate, first time).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models import Count

from canbo.congresses import models as cg
from canbo.congresses.choices import CongressStatus
from canbo.elections import models as el
from canbo.registry.models import Person
from canbo.services.bundles.ports import Direction

from . import register
from ._common import rows, subtree_sql, unit_codes

HELD = (CongressStatus.OPEN, CongressStatus.CLOSED)
CONGRESSES = (
    "SELECT id FROM congresses_congress WHERE unit_id IN (SELECT unit_id FROM down)"
    " AND opens_on >= %s AND opens_on <= %s"
)


def _people(ids: set[int]) -> dict[int, dict[str, Any]]:
    fields = ("pk", "code", "full_name", "sex", "birth_date", "ethnicity")
    return {
        row["pk"]: {
            "person": row["code"],
            "full_name": row["full_name"],
            "sex": row["sex"],
            "birth_date": row["birth_date"].isoformat() if row["birth_date"] else None,
            "ethnicity": row["ethnicity"],
        }
        for row in Person.objects.filter(pk__in=ids).values(*fields)
    }


def _coded(result: dict[str, Any] | None, people: dict[int, dict[str, Any]]) -> Any:
    """A stored round result with each candidate's row id replaced by the person code."""
    if result is None:
        return None
    out = dict(result)
    lines = []
    for line in result.get("candidates", ()):
        line = dict(line)
        pid = line.pop("person_id", None)
        line["person"] = people.get(int(pid), {}).get("person") if pid is not None else None
        lines.append(line)
    out["candidates"] = lines
    return out


def _candidate_ids(rounds: Sequence[el.Round]) -> set[int]:
    return {
        int(line["person_id"])
        for r in rounds
        for line in (r.result or {}).get("candidates", ())
        if line.get("person_id") is not None
    }


class _Held:
    """What the congresses ``ids`` elected, read in a fixed number of queries."""

    def __init__(self, ids: list[int]) -> None:
        self.elections: dict[int, list[el.Election]] = defaultdict(list)
        for e in el.Election.objects.filter(congress_id__in=ids).select_related("approval"):
            self.elections[e.congress_id].append(e)
        rounds = list(el.Round.objects.filter(election__congress_id__in=ids).order_by("number"))
        chosen = list(el.ElectedPerson.objects.filter(congress_id__in=ids).order_by("pk"))
        self.people = _people(_candidate_ids(rounds) | {e.person_id for e in chosen})
        self.units = unit_codes(
            e.approval.approving_unit_id
            for es in self.elections.values()
            for e in es
            if hasattr(e, "approval")
        )
        self.convened = dict(
            cg.RollEntry.objects.filter(congress_id__in=ids)
            .values("congress_id")
            .annotate(n=Count("pk"))
            .values_list("congress_id", "n")
        )
        self.rounds: dict[int, list[el.Round]] = defaultdict(list)
        for r in rounds:
            self.rounds[r.election_id].append(r)
        self.elected: dict[int, list[el.ElectedPerson]] = defaultdict(list)
        for person in chosen:
            self.elected[person.election_id].append(person)


class CongressResults:
    kind = "congress_results"
    direction = Direction.UP
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        params = (scope_unit_id, period_end, period_end, period_start, period_end)
        inside = [r[0] for r in rows(subtree_sql(CONGRESSES), params)]
        congresses = list(
            cg.Congress.objects.filter(pk__in=inside, status__in=HELD).order_by("opens_on", "pk")
        )
        held = _Held([c.pk for c in congresses])
        held.units.update(unit_codes([c.unit_id for c in congresses]))
        for congress in congresses:
            unit = held.units[congress.unit_id]
            yield {
                "unit": unit,
                "key": f"{unit}/{congress.term_label}/{congress.opens_on.isoformat()}",
                "title": congress.title,
                "term": congress.term_label,
                "congress_kind": congress.kind,
                "opens_on": congress.opens_on.isoformat(),
                "closes_on": congress.closes_on.isoformat(),
                "place": congress.place,
                "status": congress.status,
                "rulebook": congress.rulebook_id,
                "convened": held.convened.get(congress.pk, 0),
                "elections": [
                    _election(e, held.rounds[e.pk], held.elected[e.pk], held.people, held.units)
                    for e in sorted(held.elections[congress.pk], key=lambda x: (x.order, x.pk))
                ],
            }

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        """Upward: the bundle framework keeps the records as received; nothing to write."""
        return 0


def _election(
    election: el.Election,
    rounds: list[el.Round],
    elected: list[el.ElectedPerson],
    people: dict[int, dict[str, Any]],
    units: dict[int, str],
) -> dict[str, Any]:
    approval = getattr(election, "approval", None)
    number = {r.pk: r.number for r in rounds}
    return {
        "election_kind": election.kind,
        "seats": election.seats,
        "alternate_seats": election.alternate_seats,
        "status": election.status,
        "supplementary": election.supplementary,
        "approval": None
        if approval is None
        else {
            "approving_unit": units.get(approval.approving_unit_id),
            "decision_number": approval.decision_number,
            "decided_on": approval.decided_on.isoformat(),
        },
        "rounds": [
            {"number": r.number, "seats": r.seats, "result": _coded(r.result, people)}
            for r in rounds
        ],
        "elected": [
            {
                **people.get(e.person_id, {}),
                "round": number.get(e.round_id),
                "alternate": e.alternate,
                "first_time": e.first_time,
            }
            for e in elected
        ],
    }


CODEC = register(CongressResults())
