"""Import files of units and people: column formats and the checks on each row (pure).

An import is all or nothing (docs/import-export.md): every bad cell is reported with its row number
(the header is row 1), its column and a message in Vietnamese and English, and one bad row
means nothing is written. The checks here see one row at a time; checks across rows (codes
repeated in the file or already stored, cycles in the tree, the importer's scope) are made by
:mod:`canbo.services.registry.imports` with :func:`unit_cycles` and :func:`parents_first`.

Dates are written ``dd/mm/yyyy`` (as on Vietnamese documents) or ``yyyy-mm-dd``; sex is
``Nam``/``Nữ`` or ``M``/``F``; names are normalized with :mod:`canbo.core.names`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .errors import RowError
from .import_messages import file_problem as file_problem
from .import_messages import more_errors as more_errors
from .import_messages import row_error as row_error
from .names import clean_spacing, name_error_codes, normalize_name
from .types import LevelClass, Sex, UnitKind
from .validation import EARLIEST_DATE as EARLIEST_DATE
from .validation import code_problem, date_problem, shown, text_problem

Cell = str | dt.date
"""A cell as readers hand it over: text, or a date when the spreadsheet stored one."""

_DIGITS12 = re.compile(r"\d{12}\Z")
_SEXES = {"nam": Sex.MALE, "m": Sex.MALE, "nữ": Sex.FEMALE, "nu": Sex.FEMALE, "f": Sex.FEMALE}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an import file: its header ``name``, Vietnamese label, and limits."""

    name: str
    label_vi: str
    required: bool = False


PEOPLE_COLUMNS: tuple[Column, ...] = (
    Column("code", "mã cán bộ", required=True),
    Column("full_name", "họ và tên", required=True),
    Column("birth_date", "ngày sinh", required=True),
    Column("sex", "giới tính", required=True),
    Column("ethnicity", "dân tộc"),
    Column("hometown", "quê quán"),
    Column("national_id", "số định danh cá nhân"),
    Column("party_card_number", "số thẻ đảng viên"),
    Column("party_admission_date", "ngày vào đảng"),
    Column("official_membership_date", "ngày chính thức"),
    Column("unit_code", "mã chi bộ", required=True),
    Column("member_since", "sinh hoạt từ ngày", required=True),
)

UNIT_COLUMNS: tuple[Column, ...] = (
    Column("code", "mã đơn vị", required=True),
    Column("name", "tên", required=True),
    Column("kind", "loại", required=True),
    Column("parent_code", "mã đơn vị cấp trên"),
    Column("level_class", "cấp"),
    Column("admin_code", "mã hành chính"),
    Column("valid_from", "hiệu lực từ", required=True),
    Column("valid_to", "hiệu lực đến"),
    Column("legal_basis", "căn cứ"),
)


# NamedTuple rather than a frozen dataclass: a million of these are built per import and a
# tuple is several times cheaper to create; it is just as immutable.
class PersonRow(NamedTuple):
    """A checked row of a people file; ``row`` is its 1-based row number in the file."""

    row: int
    code: str
    full_name: str
    birth_date: dt.date
    sex: Sex
    ethnicity: str
    hometown: str
    national_id: str
    party_card_number: str
    party_admission_date: dt.date | None
    official_membership_date: dt.date | None
    unit_code: str
    member_since: dt.date


class UnitRow(NamedTuple):
    """A checked row of a units file (the first version of a new unit, OR-15)."""

    row: int
    code: str
    name: str
    kind: UnitKind
    parent_code: str
    level_class: LevelClass | None
    admin_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    legal_basis: str


def map_header(
    header: Sequence[object], columns: Sequence[Column]
) -> tuple[list[int], list[RowError]]:
    """Positions of ``columns`` in the file's header row (-1 when an optional one is absent).

    A header cell matches a column by its English name or its Vietnamese label, ignoring case
    and surrounding spaces. Missing required columns, unknown and repeated columns are errors
    on row 1, so a misspelt header is not silently ignored.
    """
    wanted = {c.name: i for i, c in enumerate(columns)}
    wanted.update({c.label_vi: i for i, c in enumerate(columns)})
    positions = [-1] * len(columns)
    errors: list[RowError] = []
    for at, cell in enumerate(header):
        text = clean_spacing(str(cell or "")).lower()
        if not text:
            continue
        index = wanted.get(text)
        if index is None:
            errors.append(row_error(1, text, "column_unknown", text))
        elif positions[index] >= 0:
            errors.append(row_error(1, columns[index].name, "column_repeated", text))
        else:
            positions[index] = at
    for column, position in zip(columns, positions, strict=True):
        if column.required and position < 0:
            errors.append(row_error(1, column.name, "column_missing", column.name))
    return positions, errors


def pick(cells: Sequence[Cell], positions: Sequence[int]) -> list[Cell]:
    """The row's cells in column order ("" for absent columns and short rows)."""
    size = len(cells)
    return [cells[p] if 0 <= p < size else "" for p in positions]


def parse_date(value: Cell) -> dt.date | None:
    """``dd/mm/yyyy`` or ``yyyy-mm-dd`` (or a spreadsheet date); None for an empty cell.

    Raises ValueError for anything else, including two-digit years (ambiguous century).
    """
    if isinstance(value, dt.date):
        return value
    return _parse_text_date(value)


@functools.lru_cache(maxsize=1 << 17)
def _parse_text_date(value: str) -> dt.date | None:
    # Cached: a national file has a few tens of thousands of distinct dates in a million rows.
    text = value.strip()
    if not text:
        return None
    if "/" in text:
        day, month, year = text.split("/")
        if len(year) != 4 or not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValueError(text)
        return dt.date(int(year), int(month), int(day))
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def format_date(day: dt.date | None) -> str:
    """The ``dd/mm/yyyy`` form used in exported CSV files ("" for no date)."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


class _Row:
    """Collects the problems of one row while its cells are read."""

    __slots__ = ("errors", "row", "today")

    def __init__(self, row: int, today: dt.date) -> None:
        self.row = row
        self.today = today
        self.errors: list[RowError] = []

    def fail(self, column: str, code: str, value: object = "", **params: object) -> None:
        self.errors.append(row_error(self.row, column, code, value, **params))

    def text(self, column: str, cell: Cell, limit: int, *, required: bool = False) -> str:
        text = _clean(cell) if isinstance(cell, str) else cell.isoformat()
        if required and not text:
            self.fail(column, "required")
        elif len(text) > limit:
            self.fail(column, "too_long", shown(text[:limit]) + "…", limit=limit)
        else:
            problem = text_problem(text)
            if problem is not None:
                self.fail(column, problem[0], problem[1], **problem[2])
        return text

    def clean_text(self, column: str, cell: Cell, limit: int, *, required: bool = False) -> str:
        """The cell's text when it passes :meth:`text`, else "" (so later checks skip it)."""
        before = len(self.errors)
        text = self.text(column, cell, limit, required=required)
        return text if len(self.errors) == before else ""

    def code(self, column: str, cell: Cell, limit: int, *, required: bool = True) -> str:
        text = self.clean_text(column, cell, limit, required=required)
        problem = code_problem(text) if text else None
        if problem is not None:
            self.fail(column, problem[0], problem[1])
        return text

    def date(
        self, column: str, cell: Cell, *, required: bool = False, future: bool = False
    ) -> dt.date | None:
        try:
            day = parse_date(cell)
        except ValueError:
            self.fail(column, "bad_date", cell)
            return None
        if day is None:
            if required:
                self.fail(column, "required")
        else:
            problem = date_problem(day, self.today, future=future)
            if problem is not None:
                self.fail(column, problem[0], problem[1])
        return day

    def choice(self, column: str, cell: Cell, kinds: type[UnitKind] | type[LevelClass]) -> str:
        text = self.text(column, cell, 64).lower()
        if text and text not in kinds._value2member_map_:
            self.fail(column, "bad_choice", text, allowed=", ".join(kinds))
        return text


@functools.lru_cache(maxsize=1 << 16)
def _clean_cached(text: str) -> str:
    return clean_spacing(text)


def _clean(text: str) -> str:
    """:func:`clean_spacing`, with a fast path for plain ASCII and a cache for the rest
    (place names and names repeat across a million rows)."""
    if text.isascii() and "`" not in text:
        return " ".join(text.split())
    return _clean_cached(text)


@functools.lru_cache(maxsize=1 << 16)
def _checked_name(text: str) -> tuple[str, tuple[str, ...]]:
    """Normalized name and its problem codes; names repeat a lot, so the answer is cached."""
    codes = name_error_codes(text)
    return ("" if codes else normalize_name(text)), codes


def _sex(r: _Row, cell: Cell) -> Sex:
    text = unicodedata.normalize("NFC", str(cell)).strip().lower()
    sex = _SEXES.get(text)
    if sex is None:
        r.fail("sex", "required" if not text else "bad_sex", text)
        return Sex.MALE
    return sex


def _person_dates(r: _Row, birth: dt.date | None, dates: Mapping[str, dt.date | None]) -> None:
    """Party dates come after birth; official membership after admission (Điều lệ Đảng, Điều 5)."""
    if birth is not None:
        for column, day in dates.items():
            if day is not None and day < birth:
                r.fail(column, "date_before_birth", format_date(day))
    admitted = dates["party_admission_date"]
    official = dates["official_membership_date"]
    if official is not None and admitted is None:
        r.fail("official_membership_date", "official_without_admission", format_date(official))
    elif official is not None and admitted is not None and official < admitted:
        r.fail("official_membership_date", "official_before_admission", format_date(official))


def parse_person(
    row: int, cells: Sequence[Cell], today: dt.date
) -> tuple[PersonRow | None, list[RowError]]:
    """Check one row of a people file (cells in :data:`PEOPLE_COLUMNS` order).

    Returns the row or every problem found in it. Rules: code and unit code are identifiers;
    the name passes :func:`canbo.core.names.name_error_codes` and is stored normalized; dates
    are not in the future nor before birth; the national ID (số định danh cá nhân, Luật Căn
    cước 2023, Điều 12) has 12 digits; official membership follows admission.
    """
    r = _Row(row, today)
    code = r.code("code", cells[0], 32)
    raw_name = r.clean_text("full_name", cells[1], 400, required=True)
    full_name, name_codes = _checked_name(raw_name) if raw_name else ("", ())
    for name_code in name_codes:
        r.fail("full_name", name_code, raw_name)
    birth = r.date("birth_date", cells[2], required=True)
    sex = _sex(r, cells[3])
    ethnicity = r.text("ethnicity", cells[4], 32)
    hometown = r.text("hometown", cells[5], 255)
    national_id = r.clean_text("national_id", cells[6], 12)
    if national_id and not _DIGITS12.match(national_id):
        r.fail("national_id", "bad_national_id", national_id)
    card = r.text("party_card_number", cells[7], 16)
    dates = {
        "party_admission_date": r.date("party_admission_date", cells[8]),
        "official_membership_date": r.date("official_membership_date", cells[9]),
        "member_since": r.date("member_since", cells[11], required=True),
    }
    unit_code = r.code("unit_code", cells[10], 64)
    _person_dates(r, birth, dates)
    if r.errors or birth is None or dates["member_since"] is None:
        return None, r.errors
    return PersonRow(
        row, code, full_name, birth, sex, ethnicity, hometown, national_id, card,
        dates["party_admission_date"], dates["official_membership_date"], unit_code,
        dates["member_since"],
    ), r.errors  # fmt: skip


def parse_unit(
    row: int, cells: Sequence[Cell], today: dt.date
) -> tuple[UnitRow | None, list[RowError]]:
    """Check one row of a units file (cells in :data:`UNIT_COLUMNS` order).

    A unit starts no later than today (a future reorganization is recorded when it takes
    effect); its end, if given, is not before its start (OR-15: closed intervals). Kind and
    level class are the stored values of :class:`UnitKind` and :class:`LevelClass` (OR-08).
    """
    r = _Row(row, today)
    code = r.code("code", cells[0], 64)
    name = r.text("name", cells[1], 255, required=True)
    kind = r.choice("kind", cells[2], UnitKind)
    if not kind and not r.errors:
        r.fail("kind", "required")
    parent = r.code("parent_code", cells[3], 64, required=False)
    level = r.choice("level_class", cells[4], LevelClass)
    admin_code = r.text("admin_code", cells[5], 32)
    start = r.date("valid_from", cells[6], required=True)
    end = r.date("valid_to", cells[7], future=True)
    if start is not None and end is not None and end < start:
        r.fail("valid_to", "end_before_start", format_date(end))
    if parent and parent == code:
        r.fail("parent_code", "tree_cycle", f"{code} → {code}")
    legal_basis = r.text("legal_basis", cells[8], 255)
    if r.errors or start is None or not kind:
        return None, r.errors
    return UnitRow(
        row, code, name, UnitKind(kind), parent, LevelClass(level) if level else None,
        admin_code, start, end, legal_basis,
    ), r.errors  # fmt: skip


def unit_cycles(parent_of: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Units of a file whose parent chain, followed inside the file, comes back to them.

    ``parent_of`` maps each code of the file to its parent code ("" for none). Returns each
    unit on a cycle with the cycle as a path starting and ending at it. The tree has no
    cycles (OR-15, OR-19); units already stored cannot close a cycle with new ones, because
    a stored unit's ancestors are stored units.
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: dict[str, tuple[str, ...]] = {}
    for start in parent_of:
        path: list[str] = []
        node = start
        while node in parent_of and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent_of[node]
        if state.get(node) == 1:
            loop = path[path.index(node) :]
            for i, member in enumerate(loop):
                cycles[member] = (*loop[i:], *loop[:i], member)
        for member in path:
            state[member] = 2
    return cycles


def parents_first(parent_of: Mapping[str, str]) -> list[list[str]]:
    """The file's codes in generations: each unit comes after its parent in the file.

    ``parent_of`` must be free of cycles (see :func:`unit_cycles`). Generation 0 holds the
    units whose parent is not in the file (stored units, or none).
    """
    depth: dict[str, int] = {}
    for start in parent_of:
        chain: list[str] = []
        node = start
        while node in parent_of and node not in depth:
            chain.append(node)
            node = parent_of[node]
        base = depth.get(node, -1)
        for offset, member in enumerate(reversed(chain), start=1):
            depth[member] = base + offset
    generations: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for code, level in depth.items():
        generations[level].append(code)
    return generations
