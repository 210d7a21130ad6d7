"""Biểu 1 to Biểu 5 of the basic statistics of Party building (HD 11-HD/BTCTW, handbook
FRM-08 to FRM-11) built from grouped counts; the report of a subtree as of a date (OR-20).

- Biểu 1 (FRM-09): A carried over; B increases (admitted, transferred in, restored); C
  decreases (died, expelled, removed or exited, transferred out); D at the end. The blocking
  check ``D == A + B − C`` (:func:`check_movement`) refuses a report that breaks it. Then
  official recognitions and discipline in the period.
- Biểu 2 (FRM-10): members admitted in the period, of whom women, ethnic minorities,
  religious believers; by age band, education, qualification, political theory.
- Biểu 3 (FRM-10): members at the as-of date, the same breakdown plus official and
  probationary.
- Biểu 4 (FRM-10): members by ethnic group and by religion, total and women.
- Biểu 5 (FRM-11): Party organizations by kind, grassroots organizations by size.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from canbo.core.citations.documents import HD11
from canbo.core.errors import Citation, RuleViolation
from canbo.core.personal_history import QUALIFICATION_LEVELS, THEORY_LEVELS

from . import labels as lb
from .counts import CompositionCount, LevelCount, StatsCounts, UnitRow
from .model import StatsReport, StatsRow, StatsTable, Value
from .params import DEFAULT_PARAMS, StatsParams, size_band_index

REGIME = "HD11_2021"
REGIME_FROM = dt.date(2021, 12, 13)
"""HD 11-HD/BTCTW (13/12/2021): tables "x-BTCTW". Earlier dates are counted with its tables
too, and the report says so."""
MAJORITY_ETHNICITY = "Kinh"
COUNT_PCT = (("Số lượng", "Number"), ("Tỷ lệ (%)", "Share (%)"))
TOTAL_WOMEN = (("Tổng số", "Total"), ("Nữ", "Women"))
ORGS_MEMBERS = (("Số tổ chức", "Organizations"), ("Số đảng viên", "Members"))
NUMBER = (("Số lượng", "Number"),)
EDUCATION_LEVELS = lb.EDUCATION_LEVELS


def cite(rule_id: str) -> Citation:
    return Citation(HD11, rule_id=rule_id)


def period_start_for(as_of: dt.date) -> dt.date:
    """The statistics year: 1 January of the as-of date's year (FRM-08)."""
    return dt.date(as_of.year, 1, 1)


def check_movement(table: StatsTable) -> None:
    """FRM-09's blocking check: D == A + B − C, else ``stats_movement_unbalanced``."""
    a, b, c, d = (table.value(k) for k in ("A", "B", "C", "D"))
    if not (isinstance(a, int) and isinstance(b, int) and isinstance(c, int)):
        return
    if not isinstance(d, int):
        return
    if d != a + b - c:
        raise RuleViolation(
            "stats_movement_unbalanced", citation=cite("FRM-09"), a=a, b=b, c=c, d=d
        )


def movement_table(counts: StatsCounts) -> StatsTable:
    """Biểu 1 from the people whose membership changed (FRM-09)."""
    got: Counter[str] = Counter()
    for m in counts.movement:
        if m.in_end and not m.in_start:
            reason = "B1" if m.admitted else "B3" if m.restored else "B2"
        elif m.in_start and not m.in_end:
            reason = "C1" if m.died else "C2" if m.expelled else "C3" if m.exited else "C4"
        else:
            continue
        got[reason] += m.count
    b = got["B1"] + got["B2"] + got["B3"]
    c = got["C1"] + got["C2"] + got["C3"] + got["C4"]
    recognized = sum(x.count for x in counts.composition if x.recognized)
    values: dict[str, int] = {
        "A": counts.start_total,
        "B": b,
        "C": c,
        "D": counts.end_total,
        "E": recognized,
        "K": sum(counts.discipline.values()),
        **got,
    }
    values.update({f"K:{form}": n for form, n in counts.discipline.items()})
    rows = [
        StatsRow(key, vi, en, depth, (values.get(key, 0),))
        for key, vi, en, depth in lb.MOVEMENT_ROWS
    ]
    rows.extend(
        StatsRow(f"K:{form}", vi, en, 1, (counts.discipline.get(form, 0),))
        for form, vi, en in lb.DISCIPLINE_FORMS
    )
    table = StatsTable("bieu1", *lb.TITLES["bieu1"], NUMBER, tuple(rows), cite("FRM-09"))
    check_movement(table)
    return table


def _pct(n: int, total: int) -> float | None:
    return round(100 * n / total, 2) if total else None


def _levels(
    levels: Iterable[LevelCount], kind: str, order: tuple[str, ...], admitted_only: bool
) -> Counter[str]:
    got: Counter[str] = Counter()
    for x in levels:
        if x.kind == kind and (x.admitted or not admitted_only):
            got[x.level if x.level in order else ""] += x.count
    return got


def _composition_rows(
    people: list[CompositionCount],
    levels: tuple[LevelCount, ...],
    params: StatsParams,
    *,
    admitted_only: bool,
) -> list[StatsRow]:
    total = sum(x.count for x in people)

    def row(key: str, vi: str, en: str, depth: int, n: int) -> StatsRow:
        return StatsRow(key, vi, en, depth, (n, _pct(n, total) if key != "total" else None))

    def count(pred: Callable[[CompositionCount], bool]) -> int:
        return sum(x.count for x in people if pred(x))

    rows = [
        row("total", "Tổng số đảng viên", "Total members", 0, total),
        row("women", "Nữ", "Women", 1, count(lambda x: x.sex == "F")),
        row("minority", "Dân tộc thiểu số", "Ethnic minorities", 1, count(_is_minority)),
        row(
            "religious", "Có tôn giáo", "Religious believers", 1, count(lambda x: bool(x.religion))
        ),
    ]
    if not admitted_only:
        rows.append(
            row(
                "probationary",
                "Đảng viên dự bị",
                "Probationary",
                1,
                count(lambda x: not x.official),
            )
        )
        rows.append(
            row("official", "Đảng viên chính thức", "Official", 1, count(lambda x: x.official))
        )
    bands: Counter[int] = Counter()
    for x in people:
        bands[x.band] += x.count
    rows.append(StatsRow("age", "Chia theo độ tuổi", "By age band", 0, (None, None)))
    for i, band in enumerate(params.age_bands):
        vi, en = lb.band_label(band)
        rows.append(row(f"age:{i}", vi, en, 1, bands[i]))
    for kind, order, title in (
        ("education", EDUCATION_LEVELS, lb.LEVEL_TITLES["education"]),
        ("qualification", QUALIFICATION_LEVELS, lb.LEVEL_TITLES["qualification"]),
        ("theory", THEORY_LEVELS, lb.LEVEL_TITLES["theory"]),
    ):
        got = _levels(levels, kind, order, admitted_only)
        rows.append(StatsRow(kind, *title, 0, (None, None)))
        for level in order:
            vi, en = lb.level_label(level)
            rows.append(row(f"{kind}:{level}", vi, en, 1, got[level]))
        declared = sum(got[level] for level in order)
        vi, en = lb.NOT_DECLARED
        rows.append(row(f"{kind}:none", vi, en, 1, max(total - declared, 0)))
    return rows


def _is_minority(x: CompositionCount) -> bool:
    return bool(x.ethnicity) and x.ethnicity != MAJORITY_ETHNICITY


def admissions_table(counts: StatsCounts, params: StatsParams) -> StatsTable:
    """Biểu 2: those admitted in the period who are members on the as-of date (FRM-10)."""
    people = [x for x in counts.composition if x.admitted]
    rows = _composition_rows(people, counts.levels, params, admitted_only=True)
    return StatsTable("bieu2", *lb.TITLES["bieu2"], COUNT_PCT, tuple(rows), cite("FRM-10"))


def composition_table(counts: StatsCounts, params: StatsParams) -> StatsTable:
    """Biểu 3: members on the as-of date (FRM-10)."""
    rows = _composition_rows(list(counts.composition), counts.levels, params, admitted_only=False)
    return StatsTable("bieu3", *lb.TITLES["bieu3"], COUNT_PCT, tuple(rows), cite("FRM-10"))


def ethnic_religion_table(counts: StatsCounts) -> StatsTable:
    """Biểu 4: by each ethnic group present and by religion, total and women (FRM-10);
    groups by size, then name; the undeclared last."""
    rows: list[StatsRow] = []
    for attr, (vi, en), none_words in (
        ("ethnicity", lb.BY_ETHNICITY, lb.NOT_DECLARED),
        ("religion", lb.BY_RELIGION, lb.NO_RELIGION),
    ):
        total: Counter[str] = Counter()
        women: Counter[str] = Counter()
        for x in counts.composition:
            name = getattr(x, attr)
            total[name] += x.count
            if x.sex == "F":
                women[name] += x.count
        rows.append(StatsRow(attr, vi, en, 0, (sum(total.values()), sum(women.values()))))
        named = sorted((k for k in total if k), key=lambda k: (-total[k], k))
        prefix = attr[:3]
        rows.extend(StatsRow(f"{prefix}:{k}", k, k, 1, (total[k], women[k])) for k in named)
        if total[""]:
            rows.append(StatsRow(f"{prefix}:", *none_words, 1, (total[""], women[""])))
    return StatsTable("bieu4", *lb.TITLES["bieu4"], TOTAL_WOMEN, tuple(rows), cite("FRM-10"))


def grassroots_members(units: Iterable[UnitRow]) -> list[tuple[UnitRow, int]]:
    """Each grassroots organization of the subtree with its members (those of the cells
    below it down to the next grassroots organization)."""
    rows = list(units)
    children: dict[int | None, list[UnitRow]] = defaultdict(list)
    ids = {u.unit_id for u in rows}
    for u in rows:
        children[u.parent_id if u.parent_id in ids else None].append(u)

    def total(u: UnitRow) -> int:
        # A member counts in the nearest grassroots organization above their cell only.
        stack, n = [u], 0
        while stack:
            v = stack.pop()
            n += v.members
            stack.extend(c for c in children.get(v.unit_id, ()) if not c.is_grassroots)
        return n

    return [(u, total(u)) for u in rows if u.is_grassroots]


def organizations_table(counts: StatsCounts, params: StatsParams, as_of: dt.date) -> StatsTable:
    """Biểu 5: organizations by kind, grassroots organizations by size (FRM-11)."""
    base = grassroots_members(counts.units)
    by_kind: Counter[str] = Counter(u.kind for u in counts.units)
    members_by_kind: Counter[str] = Counter()
    for u, n in base:
        members_by_kind[u.kind] += n
    rows = [StatsRow("grassroots", *lb.GRASSROOTS_TITLE, 0, (len(base), sum(n for _u, n in base)))]
    base_kinds: Counter[str] = Counter(u.kind for u, _n in base)
    for kind in lb.GRASSROOTS_KINDS:
        vi, en = lb.kind_label(kind, as_of)
        pair: tuple[Value, ...] = (base_kinds[kind], members_by_kind[kind])
        rows.append(StatsRow(f"base:{kind}", vi, en, 1, pair))
    rows.append(StatsRow("other", *lb.OTHER_KINDS_TITLE, 0, (None, None)))
    for kind in lb.OTHER_KINDS:
        vi, en = lb.kind_label(kind, as_of)
        others = by_kind[kind] - base_kinds[kind]
        rows.append(StatsRow(f"kind:{kind}", vi, en, 1, (others, None)))
    sizes: Counter[int] = Counter()
    size_members: Counter[int] = Counter()
    for _u, n in base:
        i = size_band_index(n, params.size_bands)
        sizes[i] += 1
        size_members[i] += n
    rows.append(StatsRow("size", *lb.SIZE_TITLE, 0, (None, None)))
    for i, band in enumerate(params.size_bands):
        vi, en = lb.size_label(band)
        rows.append(StatsRow(f"size:{i}", vi, en, 1, (sizes[i], size_members[i])))
    return StatsTable("bieu5", *lb.TITLES["bieu5"], ORGS_MEMBERS, tuple(rows), cite("FRM-11"))


def build_report(
    unit: tuple[int, str, str],
    as_of: dt.date,
    period_start: dt.date,
    counts: StatsCounts,
    params: StatsParams = DEFAULT_PARAMS,
) -> StatsReport:
    """The five tables of one subtree as of ``as_of`` (OR-20), checked (FRM-09)."""
    notes: list[str] = []
    if as_of < REGIME_FROM:
        notes.append("hd11_before_its_date")
    tables = (
        movement_table(counts),
        admissions_table(counts, params),
        composition_table(counts, params),
        ethnic_religion_table(counts),
        organizations_table(counts, params, as_of),
    )
    unit_id, code, name = unit
    return StatsReport(unit_id, code, name, as_of, period_start, REGIME, tables, notes=tuple(notes))
