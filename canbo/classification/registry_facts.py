"""What the registry says about a cycle's subtree as of its date (OR-19): units and people.

Members are streamed from a cursor (millions at national scale); the facts that touch few
people (leave, discipline, posts, retirement) are read once into dictionaries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db import connection

from canbo.core.types import DisciplineForm, PersonId, UnitId
from canbo.db.unit_tree import SUBTREE
from canbo.services.classification import ports as m

STREAM = 20_000


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class DjangoRegistryFactsRepository:
    """The registry's facts for opening a cycle; ``people`` follows ``units`` (it keeps the
    subtree the units gave to find the leaders who are not members there)."""

    _subtree: set[int] | None = None

    def units(self, root_id: UnitId, as_of: dt.date) -> list[m.UnitFacts]:
        sql = (
            SUBTREE  # noqa: S608
            + "SELECT v.unit_id, v.parent_id, v.kind, u.valid_from, ("
            # OR-16: the earliest predecessor of a successor by merger
            "SELECT MIN(pu.valid_from) FROM registry_lineagelink l "
            "JOIN registry_lineageevent e ON e.id = l.event_id AND e.kind = 'merge' "
            "JOIN registry_orgunit pu ON pu.id = l.predecessor_id "
            "WHERE l.successor_id = v.unit_id) FROM down "
            "JOIN registry_unitversion v ON v.unit_id = down.unit_id AND v.valid_from <= %s "
            "AND v.valid_to >= %s JOIN registry_orgunit u ON u.id = v.unit_id"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [root_id, as_of, as_of, as_of, as_of])
            rows = cur.fetchall()
        units = [
            m.UnitFacts(UnitId(u), UnitId(p) if p else None, k, _day(f), _day(g) if g else None)
            for u, p, k, f, g in rows
        ]
        self._subtree = {u.unit_id for u in units}
        return units

    def people(
        self, root_id: UnitId, as_of: dt.date, year: int, date_basis: str
    ) -> Iterator[m.PersonFacts]:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        leaves = _leaves(start, end, as_of)
        discipline = _discipline(start, end, date_basis)
        posts, heads = _posts(as_of)
        retired = _retired(as_of)
        subtree = self._subtree or set()
        seen_leaders: set[int] = set()
        for pid, unit_id, admitted in _members(root_id, as_of):
            if pid in posts:
                seen_leaders.add(pid)
            yield _facts(pid, unit_id, admitted, leaves, discipline, posts, heads, retired)
        for pid, (unit_id, _rank) in posts.items():
            if pid not in seen_leaders and unit_id in subtree:
                yield _facts(pid, unit_id, None, leaves, discipline, posts, heads, retired)


def _facts(
    pid: int,
    unit_id: int,
    admitted: Any,
    leaves: dict[int, tuple[bool, bool, int]],
    discipline: dict[int, tuple[DisciplineForm, bool]],
    posts: dict[int, tuple[int, int]],
    heads: dict[int, int],
    retired: set[int],
) -> m.PersonFacts:
    excused, suspended, sick = leaves.get(pid, (False, False, 0))
    form, remedied = discipline.get(pid, (None, False))
    post = posts.get(pid)
    return m.PersonFacts(
        person_id=PersonId(pid),
        unit_id=UnitId(unit_id),
        admission_date=_day(admitted) if admitted else None,
        excused=excused,
        suspended=suspended,
        sick_days=sick,
        discipline=form,
        discipline_self_remedied=remedied,
        leads_unit=UnitId(post[0]) if post else None,
        heads_unit=UnitId(heads[pid]) if pid in heads else None,
        retired=pid in retired,
    )


def _members(root_id: int, as_of: dt.date) -> Iterator[tuple[int, int, Any]]:
    sql = (
        SUBTREE  # noqa: S608
        + "SELECT m.person_id, m.unit_id, p.party_admission_date FROM down "
        "JOIN registry_membership m ON m.unit_id = down.unit_id AND m.valid_from <= %s "
        "AND m.valid_to >= %s JOIN registry_person p ON p.id = m.person_id"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [root_id, as_of, as_of, as_of, as_of])
        while True:
            rows = cur.fetchmany(STREAM)
            if not rows:
                return
            yield from rows


def _leaves(start: dt.date, end: dt.date, as_of: dt.date) -> dict[int, tuple[bool, bool, int]]:
    """Excused or suspended on the cycle date (CL-04); sick days within the year (CL-18)."""
    out: dict[int, tuple[bool, bool, int]] = {}
    with connection.cursor() as cur:
        cur.execute(
            "SELECT person_id, kind, starts, ends FROM registry_leaveperiod "
            "WHERE starts <= %s AND ends >= %s",
            [max(end, as_of), start],
        )
        for pid, kind, starts, ends in cur.fetchall():
            s, e = _day(starts), _day(ends)
            excused, suspended, sick = out.get(pid, (False, False, 0))
            on_day = s <= as_of <= e
            if kind == "excused" and on_day:
                excused = True
            elif kind == "suspended" and on_day:
                suspended = True
            elif kind == "sick":
                sick += max(0, (min(e, end) - max(s, start)).days + 1)
            out[pid] = (excused, suspended, sick)
    return out


def _discipline(start: dt.date, end: dt.date, basis: str) -> dict[int, tuple[DisciplineForm, bool]]:
    """The heaviest form decided in the year (CL-19, ``cl_discipline_date_basis``)."""
    column = "violation_date" if basis == "violation_date" else "decision_date"
    out: dict[int, tuple[DisciplineForm, bool]] = {}
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT person_id, form, self_remedied FROM registry_disciplinerecord "  # noqa: S608
            f"WHERE {column} >= %s AND {column} <= %s",
            [start, end],
        )
        for pid, form, remedied in cur.fetchall():
            current = out.get(pid)
            chosen = DisciplineForm(form)
            if current is None or chosen.severity > current[0].severity:
                out[pid] = (chosen, bool(remedied))
    return out


def _posts(as_of: dt.date) -> tuple[dict[int, tuple[int, int]], dict[int, int]]:
    """Leadership posts held on the date; the head of a unit holds its first-ranked post."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT ph.person_id, ph.unit_id, t.rank FROM registry_positionholding ph "
            "JOIN registry_title t ON t.id = ph.title_id WHERE t.is_leadership "
            "AND ph.valid_from <= %s AND ph.valid_to >= %s ORDER BY t.rank, ph.id",
            [as_of, as_of],
        )
        rows = cur.fetchall()
    posts: dict[int, tuple[int, int]] = {}
    head_of_unit: dict[int, int] = {}
    for pid, unit_id, rank in rows:
        posts.setdefault(pid, (unit_id, rank))
        head_of_unit.setdefault(unit_id, pid)
    return posts, {pid: unit for unit, pid in head_of_unit.items()}


def _retired(as_of: dt.date) -> set[int]:
    """Retired members do not work in the political system (CL-05 framework 2C)."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT person_id FROM registry_retirementnotice WHERE retirement_date <= %s", [as_of]
        )
        return {row[0] for row in cur.fetchall()}
