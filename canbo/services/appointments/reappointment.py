"""Reappointment cases (TR-02, TR-03): the timer opens a case for each post whose term ends
within the notice period (90 working days, ``canbo.core.appointments.terms
.reappointment_opens``); running it again opens nothing new (one case per post held, also
enforced by the database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from canbo.core.appointments import terms
from canbo.core.member_stats import add_working_days
from canbo.core.types import READ_ROLES, WRITE_ROLES, PersonId, Sex, UnitId
from canbo.services.access import can_reach
from canbo.services.appointments import processes
from canbo.services.appointments.ports import (
    AppointmentsUnitOfWork,
    HoldingDue,
    ProcessId,
    ProcessKind,
)
from canbo.services.ports import Actor

NOTICE_WORKING_DAYS = 90
"""Upper bound of the look-ahead: the core's ``reappointment_opens`` decides each case."""


@dataclass(frozen=True, slots=True)
class DueCase:
    """A post whose term ends soon, with the near-retirement rule that applies (TR-03)."""

    holding: HoldingDue
    opens_on: dt.date
    near: terms.NearRetirement | None


def due(uow: AppointmentsUnitOfWork, actor: Actor, today: dt.date) -> list[DueCase]:
    """Posts in the actor's scope whose reappointment notice has started and that have no
    case yet."""
    ends_by = add_working_days(today, NOTICE_WORKING_DAYS + 5)
    with uow:
        rows = uow.processes.holdings_due(ends_by, today)
        found = []
        for h in rows:
            opens = terms.reappointment_opens(h.term_ends)
            if opens > today:
                continue
            if not can_reach(actor, h.unit_id, uow.tree, today, WRITE_ROLES):
                continue
            found.append(DueCase(h, opens, _near(h)))
    return found


Row = TypeVar("Row")


def readable(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    rows: Sequence[Row],
    place: Callable[[Row], tuple[UnitId, dt.date]],
) -> list[Row]:
    """The rows (opened cases, processes) whose unit, on the row's date (``place``), lies in
    the actor's reading scope: a clerk of one unit does not see the names of another's. One
    scope check per unit and day."""
    seen: dict[tuple[UnitId, dt.date], bool] = {}
    kept: list[Row] = []
    with uow:
        for r in rows:
            key = place(r)
            if key not in seen:
                seen[key] = can_reach(
                    actor, key[0], uow.tree, key[1], READ_ROLES, with_history=True
                )
            if seen[key]:
                kept.append(r)
    return kept


def _near(h: HoldingDue) -> terms.NearRetirement | None:
    return near_of(h.term_ends, h.birth_date, h.sex)


def near_of(
    term_ends: dt.date | None, birth_date: dt.date | None, sex: str
) -> terms.NearRetirement | None:
    """The near-retirement rule (TR-03) for a term ending on ``term_ends``: the due list and
    the list of cases already opened both show it. None when a date or the sex is unknown."""
    if term_ends is None or birth_date is None or not sex:
        return None
    return terms.near_retirement(term_ends, birth_date, Sex(sex))


def open_due_cases(uow: AppointmentsUnitOfWork, actor: Actor, today: dt.date) -> list[ProcessId]:
    """Open one reappointment process for each post whose term ends within the notice
    period (TR-02); idempotent. Returns the processes opened now."""
    opened: list[ProcessId] = []
    for case in due(uow, actor, today):
        h = case.holding
        opened.append(
            processes.open_process(
                uow,
                actor,
                processes.NewProcess(
                    kind=ProcessKind.REAPPOINTMENT,
                    title_id=h.title_id,
                    unit_id=h.unit_id,
                    started_on=today,
                    candidates=[PersonId(h.person_id)],
                    holding_id=h.holding_id,
                ),
            )
        )
    return opened
