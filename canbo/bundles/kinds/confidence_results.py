"""Upward kind ``confidence_results``: the certified confidence-vote results of the sender's
subtree (QĐ 96-QĐ/TW; handbook CV-20, CV-22).

One record per vote session of a conference held in the period by a unit of the scope
unit's subtree (on the period's end), once the counting committee has certified it: the
conference (unit, title, date), the session (title, rulebook), the latest certified result
version as stored, each person's line named by person code and full name instead of this
installation's row id. Election-kind sessions (congress rounds, appointment steps) are not
confidence votes and travel with ``congress_results``. A correction certified later is a new
version: the same key, so the newer bundle supersedes the older record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from canbo.registry.models import Person
from canbo.services.bundles.ports import Direction
from canbo.voting import models as voting
from canbo.voting.choices import Status

from . import register
from ._common import person_codes, rows, subtree_sql, unit_codes

SHOWN = (Status.CERTIFIED, Status.PUBLISHED)
CONFERENCES = (
    "SELECT id FROM conferences_conference WHERE unit_id IN (SELECT unit_id FROM down)"
    " AND held_on >= %s AND held_on <= %s"
)


def _persons(data: dict[str, Any], codes: dict[int, str], names: dict[int, str]) -> list[Any]:
    out = []
    for line in data.get("persons", ()):
        line = dict(line)
        pid = line.pop("person_id", None)
        line["person"] = codes.get(int(pid)) if pid is not None else None
        line["full_name"] = names.get(int(pid), "") if pid is not None else ""
        out.append(line)
    return out


class ConfidenceResults:
    kind = "confidence_results"
    direction = Direction.UP
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        params = (scope_unit_id, period_end, period_end, period_start, period_end)
        inside = [r[0] for r in rows(subtree_sql(CONFERENCES), params)]
        sessions = list(
            voting.VoteSession.objects.filter(conference_id__in=inside, status__in=SHOWN)
            .select_related("conference")
            .order_by("conference__held_on", "pk")
        )
        latest: dict[int, voting.ResultVersion] = {}
        certified = voting.ResultVersion.objects.filter(
            session_id__in=[s.pk for s in sessions], certified=True
        )
        for version in certified.order_by("number"):
            latest[version.session_id] = version  # the latest certified version counts
        chosen = [
            (session, latest[session.pk])
            for session in sessions
            if session.pk in latest
            and not (session.parameters or {}).get("ballot_kind")
            and latest[session.pk].data.get("kind") != "election"
        ]
        pids = {int(p["person_id"]) for _s, v in chosen for p in v.data.get("persons", ())}
        codes = person_codes(pids)
        names = dict(Person.objects.filter(pk__in=pids).values_list("pk", "full_name"))
        units = unit_codes(s.conference.unit_id for s, _v in chosen)
        for session, version in chosen:
            yield self._record(session, version, units, codes, names)

    def _record(
        self,
        session: voting.VoteSession,
        version: voting.ResultVersion,
        units: dict[int, str],
        codes: dict[int, str],
        names: dict[int, str],
    ) -> dict[str, Any]:
        conference = session.conference
        unit = units[conference.unit_id]
        data = {k: v for k, v in version.data.items() if k != "persons"}
        return {
            "unit": unit,
            "key": f"{conference.held_on.isoformat()}/{unit}/{session.pk}",
            "conference": conference.title,
            "held_on": conference.held_on.isoformat(),
            "body": conference.body,
            "session": session.title,
            "rulebook": session.rulebook_id,
            "version": version.number,
            "reason": version.reason,
            "result": data,
            "persons": _persons(version.data, codes, names),
        }

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        """Upward: the bundle framework keeps the records as received; nothing to write."""
        return 0


CODEC = register(ConfidenceResults())
