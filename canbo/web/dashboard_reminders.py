"""Reminders on the home page, each a SQL query over the actor's readable subtrees with the
records it links to: probation ending (official recognition due), retirement within N months,
terms of office ending, and appointment terms due for the reappointment review.

The dates come from the core (:mod:`canbo.core.member_stats`, :mod:`canbo.core.retirement`);
the horizons are settings with documented defaults (``docs/home.md``). Each query returns its
first rows and, with ``COUNT(*) OVER ()``, how many there are in all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import connection
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.accounts import scope
from canbo.core import member_stats as ms
from canbo.db import unit_tree
from canbo.registry.models import UnitVersion
from canbo.services.ports import Actor

LIST_LIMIT = 10

RETIREMENT_MONTHS = 12
"""Default of ``CANBO_HOME_RETIREMENT_MONTHS``: the retirement notice is due six months
before the retirement month; twelve months leave six to prepare it."""
TERM_MONTHS = 12
"""Default of ``CANBO_HOME_TERM_MONTHS``: a committee's congress is prepared about a year
before its term ends."""
PROBATION_DAYS = 30
"""Default of ``CANBO_HOME_PROBATION_DAYS``: probation ending within this many days is shown
(with those already overdue), time for the cell to meet and propose recognition."""


def setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _run(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(sql, list(params))
        return list(cur.fetchall())


def store() -> BaseCache:
    """The cache the figures are kept in: ``home`` (a file cache in the data folder, shared
    by every process and by ``canbo home figures``) when configured, else the default."""
    return caches["home"] if "home" in settings.CACHES else caches["default"]


def as_date(value: object) -> dt.date | None:
    # SQLite hands raw-SQL dates back as text.
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _readable_units(actor: Actor, as_of: dt.date, seconds: int, renew: bool) -> list[int] | None:
    """The units the actor may read on ``as_of`` (``None``: the whole tree), kept like rows."""
    roots = scope.readable_roots(actor)
    if roots is None:
        return None
    if seconds <= 0:
        return list(scope.readable_scope(actor, as_of) or [])
    digest = hashlib.sha256(repr((sorted(roots), as_of)).encode()).hexdigest()
    key = f"canbo:home:units:{digest[:40]}"
    found = None if renew else store().get(key)
    if found is None:
        found = list(scope.readable_scope(actor, as_of) or [])
        store().set(key, found, seconds)
    return list(found)


@dataclass(frozen=True, slots=True)
class Scope:
    """The part of the tree a query is cut to: ``units`` (``whole`` for the whole tree), as
    :meth:`cut` writes it into a WHERE clause; or, for the classification progress, a
    ``prefix`` clause that defines ``down`` with its ``params``.

    :meth:`fetch` runs a query of the page. Its rows (language-neutral: labels are added
    after) are kept in :func:`store` for ``seconds`` under a digest of the SQL and its
    parameters, which hold the scope and the day; ``counted`` collects when each answer was
    counted."""

    units: tuple[int, ...]
    whole: bool
    seconds: int = 0
    renew: bool = False  # count afresh and replace what the cache holds
    counted: list[dt.datetime] = field(default_factory=list)
    prefix: str = ""
    params: tuple[object, ...] = ()

    @classmethod
    def of(cls, actor: Actor, as_of: dt.date, seconds: int = 0, renew: bool = False) -> Scope:
        units = _readable_units(actor, as_of, seconds, renew)
        if units is None:
            return cls((), True, seconds, renew)
        return cls(tuple(sorted(units)), False, seconds, renew)

    def cut(self, column: str) -> str:
        """``AND column IN (...)`` with the units as integer literals (no parameter limit);
        ``column`` is a constant of the calling query, never input."""
        if self.whole:
            return ""
        ids = ", ".join(str(int(u)) for u in self.units) or "NULL"
        return f"AND {column} IN ({ids})"

    def fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        now = dt.datetime.now(dt.UTC)
        if self.seconds <= 0:
            self.counted.append(now)
            return _run(sql, params)
        digest = hashlib.sha256(repr((sql, list(params))).encode()).hexdigest()
        key = f"canbo:home:{digest[:40]}"
        found = None if self.renew else store().get(key)
        if found is None:
            found = (now, _run(sql, params))
            store().set(key, found, self.seconds)
        self.counted.append(found[0])
        return list(found[1])


UNIT_NAME = (
    "SELECT MAX(uv.name) FROM registry_unitversion uv WHERE uv.unit_id = {unit} "
    "AND uv.valid_from <= %s AND uv.valid_to >= %s"
)
"""A unit's name on a day, as a scalar subquery (two date parameters)."""


def unit_names(ids: Sequence[int], as_of: dt.date) -> dict[int, str]:
    rows = UnitVersion.objects.filter(
        unit_id__in=list(ids), valid_from__lte=as_of, valid_to__gte=as_of
    ).values_list("unit_id", "name")
    return dict(rows)


_BRANCHES = """
WITH RECURSIVE down(unit_id, branch, depth) AS (
    SELECT id, id, 0 FROM registry_orgunit WHERE id IN ({roots})
  UNION ALL
    SELECT v.unit_id, CASE WHEN down.depth = 0 THEN v.unit_id ELSE down.branch END,
           down.depth + 1
    FROM down JOIN registry_unitversion v ON v.parent_id = down.unit_id
    WHERE v.valid_from <= %s AND v.valid_to >= %s AND down.depth < 32
)
"""


def branches_clause(actor: Actor, as_of: dt.date, like: Scope) -> Scope:
    """The actor's subtrees with each unit tagged by its branch: a root's own unit, or the
    root's child it lies under. A root inside another root's subtree is dropped, so that no
    unit is counted twice. Caching follows ``like``."""
    roots = scope.readable_roots(actor) or set()
    outer = [r for r in roots if not set(unit_tree.ancestors(r, as_of)[1:]) & roots]
    marks = ", ".join(["%s"] * len(outer)) or "NULL"
    params = (*sorted(outer), as_of, as_of)
    return Scope(
        (), False, like.seconds, like.renew, like.counted, _BRANCHES.format(roots=marks), params
    )


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A line of a list: what, where, when, and the page to open."""

    url: str
    label: str
    place: str
    day: dt.date | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    title: str
    explanation: str
    total: int
    rows: tuple[LinkRow, ...]


_MEMBERS = (
    "FROM registry_membership m JOIN registry_person p ON p.id = m.person_id "
    "WHERE m.valid_from <= %s AND m.valid_to >= %s "
    "AND p.party_exit_date IS NULL AND p.death_date IS NULL "
)


def probation_due(where: Scope, today: dt.date) -> Reminder:
    """Probationary members whose twelve months end within ``CANBO_HOME_PROBATION_DAYS``
    or have ended (Điều lệ Đảng, Điều 5): the cell considers their official recognition."""
    days = setting("CANBO_HOME_PROBATION_DAYS", PROBATION_DAYS)
    admitted_by = ms.add_months(today + dt.timedelta(days=days), -ms.PROBATION_MONTHS)
    sql = (
        f"SELECT p.id, p.full_name, p.party_admission_date, "
        f"({UNIT_NAME.format(unit='m.unit_id')}), COUNT(*) OVER () {_MEMBERS}"
        "AND p.party_admission_date <= %s "
        "AND (p.official_membership_date IS NULL OR p.official_membership_date > %s) "
        f"{where.cut('m.unit_id')} ORDER BY p.party_admission_date, p.id LIMIT %s"
    )
    params = [today, today, today, today, admitted_by, today, LIST_LIMIT]
    rows = where.fetch(sql, params)
    lines = []
    for pid, name, admitted, cell, _n in rows:
        due = ms.recognition_due(as_date(admitted) or today)
        note = _("Quá hạn") if due < today else ""
        lines.append(LinkRow(reverse("web:person", args=[pid]), name, cell or "", due, note))
    return Reminder(
        "probation",
        _("Đảng viên dự bị đến hạn xét công nhận chính thức"),
        _("Hết 12 tháng dự bị kể từ ngày kết nạp (Điều lệ Đảng, Điều 5)."),
        int(rows[0][-1]) if rows else 0,
        tuple(lines),
    )


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def retiring(where: Scope, today: dt.date) -> Reminder:
    """Members whose statutory retirement month falls within ``CANBO_HOME_RETIREMENT_MONTHS``
    (NĐ 135/2020/NĐ-CP, Điều 4), soonest first."""
    months = setting("CANBO_HOME_RETIREMENT_MONTHS", RETIREMENT_MONTHS)
    births = ms.retiring_births(today, ms.add_months(today, months))
    test = " OR ".join(["(p.sex = %s AND p.birth_date BETWEEN %s AND %s)"] * len(births))
    when = " ".join(
        f"WHEN p.sex = %s AND p.birth_date BETWEEN %s AND %s THEN {_month(b.retires)}"
        for b in births
    )
    ranges = [x for b in births for x in (str(b.sex), b.first, b.last)]
    sql = (
        f"SELECT p.id, p.full_name, p.sex, p.birth_date, "
        f"({UNIT_NAME.format(unit='m.unit_id')}), COUNT(*) OVER () {_MEMBERS}"
        f"AND ({test or '1 = 0'}) {where.cut('m.unit_id')} "
        f"ORDER BY CASE {when or 'WHEN 1 = 1 THEN 0'} END, p.sort_key, p.id LIMIT %s"
    )
    params = [today, today, today, today, *ranges, *ranges, LIST_LIMIT]
    rows = where.fetch(sql, params)
    found = {(str(b.sex), b.first): b.retires for b in births}
    lines = []
    for pid, name, sex, born, cell, _n in rows:
        birth = as_date(born) or today
        retires = found.get((str(sex), birth.replace(day=1)))
        day = ms.add_months(retires, 1) - dt.timedelta(days=1) if retires else None
        lines.append(LinkRow(reverse("web:person", args=[pid]), name, cell or "", day))
    return Reminder(
        "retirement",
        _("Đến tuổi nghỉ hưu trong %(months)s tháng tới") % {"months": months},
        _("Tháng nghỉ hưu theo tuổi nghỉ hưu của Nghị định 135/2020/NĐ-CP, Điều 4."),
        int(rows[0][-1]) if rows else 0,
        tuple(lines),
    )


def terms_ending(where: Scope, today: dt.date) -> Reminder:
    """Terms of office (nhiệm kỳ) of units in scope ending within ``CANBO_HOME_TERM_MONTHS``."""
    months = setting("CANBO_HOME_TERM_MONTHS", TERM_MONTHS)
    sql = (
        f"SELECT t.unit_id, t.name, t.ends, "  # noqa: S608
        f"({UNIT_NAME.format(unit='t.unit_id')}), COUNT(*) OVER () FROM registry_term t "
        f"WHERE t.ends >= %s AND t.ends <= %s {where.cut('t.unit_id')} "
        "ORDER BY t.ends, t.id LIMIT %s"
    )
    until = ms.add_months(today, months)
    rows = where.fetch(sql, [today, today, today, until, LIST_LIMIT])
    lines = tuple(
        LinkRow(reverse("web:unit", args=[uid]), name, unit or "", as_date(ends))
        for uid, name, ends, unit, _n in rows
    )
    return Reminder(
        "terms",
        _("Nhiệm kỳ kết thúc trong %(months)s tháng tới") % {"months": months},
        _("Chuẩn bị đại hội, bầu cử cho nhiệm kỳ mới."),
        int(rows[0][-1]) if rows else 0,
        lines,
    )


def reviews_due(where: Scope, today: dt.date) -> Reminder:
    """Posts whose appointment term ends within 90 working days: the reappointment review
    must be notified (QĐ 377-QĐ/TW, Điều 40)."""
    sql = (
        f"SELECT h.person_id, p.full_name, ti.name, h.term_ends, "  # noqa: S608
        f"({UNIT_NAME.format(unit='h.unit_id')}), COUNT(*) OVER () "
        "FROM registry_positionholding h JOIN registry_person p ON p.id = h.person_id "
        "JOIN registry_title ti ON ti.id = h.title_id "
        "WHERE h.term_ends IS NOT NULL AND h.term_ends >= %s AND h.term_ends <= %s "
        f"AND h.valid_to >= %s {where.cut('h.unit_id')} ORDER BY h.term_ends, h.id LIMIT %s"
    )
    until = ms.last_term_end_to_notify(today)
    rows = where.fetch(sql, [today, today, today, until, today, LIST_LIMIT])
    lines = []
    for pid, name, title, ends, unit, _n in rows:
        end = as_date(ends) or today
        notice = ms.reappointment_notice_day(end)
        day = {"day": notice.strftime("%d/%m/%Y")}
        late = notice < today
        note = (
            _("Quá hạn thông báo từ ngày %(day)s") if late else _("Thông báo trước ngày %(day)s")
        ) % day
        place = f"{title}, {unit}" if unit else title
        lines.append(LinkRow(reverse("web:person", args=[pid]), name, place, end, note))
    return Reminder(
        "reviews",
        _("Hết thời hạn giữ chức vụ, đến hạn xem xét bổ nhiệm lại"),
        _("Thông báo cho cán bộ ít nhất 90 ngày làm việc trước khi hết thời hạn bổ nhiệm."),
        int(rows[0][-1]) if rows else 0,
        tuple(lines),
    )


def all_reminders(where: Scope, today: dt.date) -> tuple[Reminder, ...]:
    return (
        probation_due(where, today),
        retiring(where, today),
        terms_ending(where, today),
        reviews_due(where, today),
    )
