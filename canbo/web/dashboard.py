"""The home page's figures for the actor's part of the tree: members by sex, age band,
ethnicity and status; upcoming conferences, votes under way, classification progress by unit;
reminders (:mod:`canbo.web.dashboard_reminders`); the actions the actor may take.

Every figure is one SQL aggregate (GROUP BY) over the registry's tables, cut to the actor's
readable units (:func:`canbo.accounts.scope.readable_scope`, written into the query by
:meth:`Scope.cut`; on the whole tree there is no cut); nothing loops over people in Python.
A figure feeds its chart and its table from one :class:`Tally`, so the two cannot disagree.

At national scale the whole-tree aggregates read millions of rows (minutes on SQLite), so
each query's rows are kept in the ``home`` cache (:meth:`Scope.fetch`): for
``CANBO_HOME_CACHE_SECONDS`` after a page counted them, or for the day when ``canbo home
figures`` counted them ahead (nightly, and after the demo is built); when they are counted is
:mod:`canbo.web.dashboard_counting`. The page says when.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts import scope
from canbo.classification import models as cl
from canbo.classification.selectors import cycles_for
from canbo.conferences import models as conf
from canbo.core import member_stats as ms
from canbo.core.permissions import Action, roles_for
from canbo.core.types import Sex
from canbo.registry import choices
from canbo.services import access
from canbo.services.classification.ports import CycleData, CycleStatus
from canbo.services.ports import Actor
from canbo.voting import models as vt
from canbo.voting.choices import Status

from . import dashboard_reminders as reminders
from .dashboard_reminders import LinkRow, Reminder, Scope, as_date

LIST_LIMIT = 10
ETHNIC_ROWS = 8
"""The largest ethnic groups shown by name; the others are summed as "other"."""


@dataclass(frozen=True, slots=True)
class TallyRow:
    label: str
    count: int
    share: float = 0.0  # per cent of the tally's total


@dataclass(frozen=True, slots=True)
class Tally:
    """One breakdown of the members: its rows feed both the chart and the table."""

    key: str
    title: str
    chart: str  # "pie", "bar" (columns) or "hbar" (bars, for long labels)
    rows: tuple[TallyRow, ...]

    @classmethod
    def of(cls, key: str, title: str, chart: str, rows: Sequence[TallyRow]) -> Tally:
        total = sum(r.count for r in rows)
        shared = [TallyRow(r.label, r.count, 100 * r.count / total if total else 0.0) for r in rows]
        return cls(key, title, chart, tuple(shared))

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)

    @property
    def json_id(self) -> str:
        return f"option-{self.key}"

    def chart_option(self) -> dict[str, Any]:
        """The ECharts option drawn from the rows (labels and values in table order)."""
        labels = [r.label for r in self.rows]
        values = [r.count for r in self.rows]
        base: dict[str, Any] = {"aria": {"enabled": True}, "tooltip": {}}
        if self.chart == "pie":
            data = [{"name": n, "value": v} for n, v in zip(labels, values, strict=True)]
            series = {"type": "pie", "radius": ["35%", "65%"], "data": data}
            return base | {"tooltip": {"trigger": "item"}, "series": [series]}
        categories = {"type": "category", "data": labels}
        axes = (
            {"yAxis": categories | {"inverse": True}, "xAxis": {"type": "value"}}
            if self.chart == "hbar"
            else {"xAxis": categories | {"axisLabel": {"interval": 0}}, "yAxis": {"type": "value"}}
        )
        grid = {"left": 8, "right": 40, "bottom": 8, "top": 8, "containLabel": True}
        return base | axes | {"grid": grid, "series": [{"type": "bar", "data": values}]}


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """Classification progress of one unit in one open cycle: decided out of those to rank."""

    cycle: str
    unit: str
    url: str
    to_rank: int
    decided: int

    @property
    def percent(self) -> float:
        return 100 * self.decided / self.to_rank if self.to_rank else 0.0


@dataclass(frozen=True, slots=True)
class Home:
    as_of: dt.date
    counted_at: dt.datetime
    whole: bool  # the whole tree is in scope
    scope_names: tuple[str, ...]  # the roots of the scope as they are named today
    members: int
    tallies: tuple[Tally, ...]
    conferences: tuple[LinkRow, ...]
    votes: tuple[LinkRow, ...]
    progress: tuple[ProgressRow, ...]
    reminders: tuple[Reminder, ...]


def _age_case(as_of: dt.date) -> tuple[str, list[object]]:
    whens: list[str] = []
    params: list[object] = []
    for i, band in enumerate(ms.AGE_BANDS):
        born_after = ms.band_born_after(band, as_of)
        if born_after is not None:
            whens.append(f"WHEN p.birth_date > %s THEN {i}")
            params.append(born_after)
    return f"CASE {' '.join(whens)} ELSE {len(ms.AGE_BANDS) - 1} END", params


def composition_counts(where: Scope, as_of: dt.date) -> list[tuple[str, int, str, int, int]]:
    """Members on ``as_of`` counted by (sex, age band, ethnicity, official), one GROUP BY."""
    age, age_params = _age_case(as_of)
    sql = (
        f"SELECT p.sex, {age}, p.ethnicity, "  # noqa: S608 (constant fragments)
        "CASE WHEN p.official_membership_date <= %s THEN 1 ELSE 0 END, COUNT(*) "
        "FROM registry_membership m JOIN registry_person p ON p.id = m.person_id "
        f"WHERE m.valid_from <= %s AND m.valid_to >= %s {where.cut('m.unit_id')} "
        "GROUP BY 1, 2, 3, 4"
    )
    rows = where.fetch(sql, [*age_params, as_of, as_of, as_of])
    return [(str(s), int(b), str(e or ""), int(o), int(n)) for s, b, e, o, n in rows]


def _band_label(band: ms.AgeBand) -> str:
    if band.low == 0:
        return _("Đến %(high)s tuổi") % {"high": band.high}
    if band.high is None:
        return _("Trên %(age)s tuổi") % {"age": band.low - 1}
    return _("%(low)s–%(high)s tuổi") % {"low": band.low, "high": band.high}


def _ethnic_rows(by_ethnicity: Counter[str]) -> tuple[TallyRow, ...]:
    named = [(e, n) for e, n in by_ethnicity.most_common() if e.strip()]
    rows = [TallyRow(e, n) for e, n in named[:ETHNIC_ROWS]]
    other = sum(n for _e, n in named[ETHNIC_ROWS:])
    if other:
        rows.append(TallyRow(_("Dân tộc khác"), other))
    blank = sum(n for e, n in by_ethnicity.items() if not e.strip())
    if blank:
        rows.append(TallyRow(_("Chưa khai báo"), blank))
    return tuple(rows)


def tallies(counts: Sequence[tuple[str, int, str, int, int]]) -> tuple[Tally, ...]:
    """The four breakdowns of one set of grouped counts."""
    sex: Counter[str] = Counter()
    band: Counter[int] = Counter()
    ethnic: Counter[str] = Counter()
    official: Counter[int] = Counter()
    for s, b, e, o, n in counts:
        sex[s] += n
        band[b] += n
        ethnic[e] += n
        official[o] += n
    sexes = [TallyRow(str(choices.Sex(x).label), sex[x]) for x in (Sex.MALE, Sex.FEMALE)]
    ages = [TallyRow(_band_label(a), band[i]) for i, a in enumerate(ms.AGE_BANDS)]
    status = choices.MembershipStatus
    statuses = [
        TallyRow(str(status.OFFICIAL.label), official[1]),
        TallyRow(str(status.PROBATIONARY.label), official[0]),
    ]
    return (
        Tally.of("sex", _("Giới tính"), "pie", sexes),
        Tally.of("age", _("Độ tuổi"), "hbar", ages),
        Tally.of("ethnicity", _("Dân tộc"), "hbar", _ethnic_rows(ethnic)),
        Tally.of("status", _("Chính thức, dự bị"), "pie", statuses),
    )


def upcoming_conferences(where: Scope, today: dt.date) -> tuple[LinkRow, ...]:
    """Conferences of units in scope held today or later, soonest first."""
    table = conf.Conference._meta.db_table
    sql = (
        f"SELECT c.id, c.title, c.held_on, c.place, "  # noqa: S608
        f"({reminders.UNIT_NAME.format(unit='c.unit_id')}) FROM {table} c "
        f"WHERE c.held_on >= %s {where.cut('c.unit_id')} ORDER BY c.held_on, c.id LIMIT %s"
    )
    rows = where.fetch(sql, [today, today, today, LIST_LIMIT])
    return tuple(
        LinkRow(reverse("conferences:detail", args=[cid]), title, name or "", as_date(day), place)
        for cid, title, day, place, name in rows
    )


UNDER_WAY = (Status.READY, Status.OPEN, Status.CLOSED, Status.COUNTED, Status.CERTIFIED)
"""Votes that are neither drafts nor published: something is left to do."""


def open_votes(where: Scope) -> tuple[LinkRow, ...]:
    """Votes under way at conferences of units in scope, latest conference first."""
    sessions, conferences = vt.VoteSession._meta.db_table, conf.Conference._meta.db_table
    marks = ", ".join(["%s"] * len(UNDER_WAY))
    sql = (
        f"SELECT s.id, s.title, s.status, c.title, c.held_on "  # noqa: S608
        f"FROM {sessions} s JOIN {conferences} c ON c.id = s.conference_id "
        f"WHERE s.status IN ({marks}) {where.cut('c.unit_id')} "
        "ORDER BY c.held_on DESC, s.id DESC LIMIT %s"
    )
    rows = where.fetch(sql, [*[str(s) for s in UNDER_WAY], LIST_LIMIT])
    return tuple(
        LinkRow(
            reverse("voting:session", args=[sid]),
            title,
            ctitle,
            as_date(day),
            str(Status(st).label),
        )
        for sid, title, st, ctitle, day in rows
    )


def _whole_tree_progress(cycle: CycleData) -> list[ProgressRow]:
    """By top unit, from the cycle's summary table (kept current by every level written)."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    rows = (
        cl.LevelCount.objects.filter(cycle_id=int(cycle.cycle_id or 0))
        .values_list("top_id", "state", "subjects")
        .order_by()
    )
    for top, state, n in rows:
        counts[top][state] += n
    names = reminders.unit_names(list(counts), cycle.as_of)
    return [
        ProgressRow(
            cycle.name,
            names.get(top, ""),
            reverse("classification:unit", args=[cycle.cycle_id, top]),
            sum(n for s, n in c.items() if s != "exempt"),
            sum(n for s, n in c.items() if s not in {"exempt", "pending"}),
        )
        for top, c in sorted(counts.items(), key=lambda kv: names.get(kv[0], ""))
    ]


def _scoped_progress(actor: Actor, cycle: CycleData, where: Scope) -> list[ProgressRow]:
    """By branch of the actor's subtrees: the root's own subjects, then each child's subtree."""
    branches = reminders.branches_clause(actor, cycle.as_of, where)
    sql = (
        f"{branches.prefix} SELECT d.branch, "  # noqa: S608
        "SUM(CASE WHEN s.exemption = '' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN s.exemption = '' AND s.final_level IS NOT NULL THEN 1 ELSE 0 END) "
        f"FROM {cl.CycleSubject._meta.db_table} s JOIN down d ON d.unit_id = s.unit_id "
        "WHERE s.cycle_id = %s GROUP BY d.branch"
    )
    rows = branches.fetch(sql, [*branches.params, cycle.cycle_id])
    names = reminders.unit_names([r[0] for r in rows], cycle.as_of)
    return [
        ProgressRow(
            cycle.name,
            names.get(b, ""),
            reverse("classification:unit", args=[cycle.cycle_id, b]),
            int(total or 0),
            int(done or 0),
        )
        for b, total, done in sorted(rows, key=lambda r: names.get(r[0], ""))
    ]


def classification_progress(actor: Actor, where: Scope) -> tuple[ProgressRow, ...]:
    """Open cycles the actor takes part in or reads, by unit (at most three cycles)."""
    found: list[ProgressRow] = []
    whole = scope.readable_roots(actor) is None
    for cycle in [c for c in cycles_for(actor) if c.status is CycleStatus.OPEN][:3]:
        found += _whole_tree_progress(cycle) if whole else _scoped_progress(actor, cycle, where)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ActionLink:
    url: str
    label: str


def actions(actor: Actor) -> list[ActionLink]:
    """The pages with forms the actor may use somewhere in their scope, and only those."""

    def may(action: Action) -> bool:
        return bool(access.roots_for(actor, roles_for(action)))

    found = [ActionLink(reverse("web:tree"), _("Cây tổ chức"))]
    if may(Action.RUN_CONFERENCE):
        found.append(ActionLink(reverse("conferences:list"), _("Tạo hội nghị, lấy phiếu")))
    if may(Action.OPEN_CYCLE):
        found.append(ActionLink(reverse("classification:open"), _("Mở đợt đánh giá, xếp loại")))
    if may(Action.SELF_ASSESS):
        found.append(ActionLink(reverse("classification:cycles"), _("Nhập tự đánh giá")))
    return found


def compute(actor: Actor, today: dt.date, where: Scope) -> Home:
    """Every figure of the home page, each query through ``where`` (its cut and its cache)."""
    counts = composition_counts(where, today)
    roots = scope.readable_roots(actor)
    names = reminders.unit_names(sorted(roots), today) if roots is not None else {}
    conferences = upcoming_conferences(where, today)
    votes = open_votes(where)
    progress = classification_progress(actor, where)
    found = reminders.all_reminders(where, today)
    return Home(
        as_of=today,
        counted_at=min(where.counted),
        whole=where.whole,
        scope_names=tuple(sorted(names.values())),
        members=sum(c[-1] for c in counts),
        tallies=tallies(counts),
        conferences=conferences,
        votes=votes,
        progress=progress,
        reminders=found,
    )
