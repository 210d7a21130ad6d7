"""Import use cases: units and people from a file, all or nothing (docs/import-export.md).

Every row is checked (:mod:`canbo.core.importing`), then across rows: codes repeated in the
file or already stored, the importer's scope (each target unit must lie in a subtree the actor
may write; a missing unit is answered like a forbidden one, so that the report does not reveal
what exists elsewhere), cycles in the tree. All problems are collected — the report lists the
first :data:`MAX_REPORTED` and counts the rest — and one problem means nothing is written.

People files are read once, in a single transaction: rows are written in chunks while no
problem has been seen, and checking continues to the end; any problem rolls the transaction
back. This keeps memory bounded (a chunk, and the set of codes seen) and reads a million-row
file only once. A units file is small and is checked as a whole first (cycles need the whole
file), then written parents first. One audit entry records each accepted batch with the file's
SHA-256 and row count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from canbo.core import importing as imp
from canbo.core.errors import DomainError, ImportRejected, NotFound, PermissionDenied, RowError
from canbo.core.registry import MEMBER_HOLDING_KINDS
from canbo.services.access import access_unit, require_admin
from canbo.services.ports import Actor, TreeReader
from canbo.services.registry.ports import BulkImportUnitOfWork as BulkImportUnitOfWork
from canbo.services.registry.ports import FileInfo as FileInfo
from canbo.services.registry.ports import ImportResult as ImportResult
from canbo.services.registry.ports import Progress, RowSource
from canbo.services.registry.ports import UnitRef as UnitRef

MAX_REPORTED = 1000
"""Problems listed in a rejection report; the rest are counted in a closing line."""

CHUNK = 10_000
"""Rows written per statement batch (bounded memory, few round trips)."""


class Report:
    """Collects problems: keeps the first :data:`MAX_REPORTED`, counts all."""

    def __init__(self) -> None:
        self.errors: list[RowError] = []
        self.count = 0

    def add(self, errors: Sequence[RowError]) -> None:
        self.count += len(errors)
        room = MAX_REPORTED - len(self.errors)
        if room > 0:
            self.errors.extend(errors[:room])

    def rejection(self, rows: int) -> ImportRejected:
        listed = sorted(self.errors, key=lambda e: e.row)
        if self.count > len(listed):
            listed.append(imp.more_errors(self.count - len(listed)))
        return ImportRejected(listed, total_rows=rows)


def _read(
    source: RowSource, report: Report, width: int
) -> Iterator[tuple[int, Sequence[imp.Cell]]]:
    """The source's rows; a row with more cells than the header is reported and skipped; a
    broken file ends the reading with one reported problem."""
    try:
        for row, cells in source.rows():
            if len(cells) > width and any(cells[width:]):
                report.add([imp.row_error(row, "", "cell_count", len(cells), expected=width)])
            else:
                yield row, cells
    except DomainError as exc:
        report.add([_file_error(exc)])


def _file_error(exc: DomainError) -> RowError:
    error = exc.fields.get("row_error")
    if isinstance(error, RowError):
        return error
    return imp.row_error(0, "", "file_malformed", exc.message)


def _header(
    source: RowSource, columns: Sequence[imp.Column], report: Report
) -> tuple[list[int], int] | None:
    """Column positions and the header's width, or None when the header is unusable."""
    try:
        header = source.header()
    except DomainError as exc:
        report.add([_file_error(exc)])
        return None
    positions, errors = imp.map_header(header, columns)
    report.add(errors)
    return None if errors else (positions, len(header))


class ScopeGuard:
    """Answers, once per unit and date, whether the actor may write under a unit.

    ``access_unit`` with ``write=True`` is the rule; a unit missing from the registry and a
    unit outside the actor's scope get the same answer (handbook: existence is not leaked).
    """

    def __init__(self, actor: Actor, tree: TreeReader, refs: dict[str, UnitRef]) -> None:
        self.actor = actor
        self.tree = tree
        self.refs = refs
        self._seen: dict[tuple[str, dt.date], bool] = {}

    def allows(self, code: str, as_of: dt.date) -> bool:
        key = (code, as_of)
        known = self._seen.get(key)
        if known is None:
            known = self._check(code, as_of)
            self._seen[key] = known
        return known

    def _check(self, code: str, as_of: dt.date) -> bool:
        ref = self.refs.get(code)
        if ref is None:
            return False
        try:
            access_unit(self.actor, ref.unit_id, self.tree, as_of, write=True)
        except (NotFound, PermissionDenied):
            return False
        return True


class PeopleImport:
    """The state of one people import: codes seen, scope answers, the chunk to write."""

    def __init__(
        self, reg: BulkImportUnitOfWork, actor: Actor, today: dt.date, *, dry_run: bool
    ) -> None:
        self.reg = reg
        self.today = today
        self.dry_run = dry_run
        self.report = Report()
        self.refs = reg.unit_refs(today)
        self.scope = ScopeGuard(actor, reg.tree, self.refs)
        self.codes: dict[str, int] = {}
        self.national_ids: dict[str, int] = {}
        self.chunk: list[imp.PersonRow] = []
        self.written = 0

    def check(self, row: int, cells: Sequence[imp.Cell]) -> None:
        person, errors = imp.parse_person(row, cells, self.today)
        if person is not None:
            errors = self._across_rows(person)
        if errors:
            self.report.add(errors)
        elif person is not None:
            self.chunk.append(person)
            if len(self.chunk) >= CHUNK:
                self.flush()

    def _across_rows(self, p: imp.PersonRow) -> list[RowError]:
        """Repeated codes and national IDs; the cell exists, is a cell, is in scope then."""
        errors: list[RowError] = []
        first = self.codes.setdefault(p.code, p.row)
        if first != p.row:
            errors.append(imp.row_error(p.row, "code", "duplicate_in_file", p.code, other=first))
        if p.national_id:
            first = self.national_ids.setdefault(p.national_id, p.row)
            if first != p.row:
                errors.append(
                    imp.row_error(
                        p.row, "national_id", "national_id_in_file", p.national_id, other=first
                    )
                )
        problem = self._cell_problem(p)
        if problem:
            errors.append(problem)
        return errors

    def _cell_problem(self, p: imp.PersonRow) -> RowError | None:
        """Place of Party activity is a cell valid on ``member_since`` (OR-07, OR-17)."""
        if not self.scope.allows(p.unit_code, self.today):
            return imp.row_error(p.row, "unit_code", "unit_out_of_scope", p.unit_code)
        ref = self.refs[p.unit_code]
        if ref.kind not in MEMBER_HOLDING_KINDS:
            return imp.row_error(p.row, "unit_code", "unit_not_a_cell", p.unit_code)
        if p.member_since < ref.valid_from or (
            ref.valid_to is not None and p.member_since > ref.valid_to
        ):
            day = imp.format_date(p.member_since)
            return imp.row_error(p.row, "member_since", "unit_not_valid_then", p.unit_code, day=day)
        return None

    def flush(self) -> None:
        """Check the chunk against stored codes, then write it if nothing has gone wrong."""
        chunk, self.chunk = self.chunk, []
        if not chunk:
            return
        stored = self.reg.existing_person_codes([p.code for p in chunk])
        if stored:
            self.report.add(
                [
                    imp.row_error(p.row, "code", "duplicate_in_database", p.code)
                    for p in chunk
                    if p.code in stored
                ]
            )
        if self.report.count or self.dry_run:
            return
        self.reg.insert_people(chunk, [self.refs[p.unit_code].unit_id for p in chunk])
        self.written += len(chunk)


def import_people(
    reg: BulkImportUnitOfWork,
    actor: Actor,
    source: RowSource,
    *,
    today: dt.date,
    file: FileInfo,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a people file with each person's current cell (OR-07, OR-17), all or nothing.

    Raises :class:`ImportRejected` listing every problem; nothing is written then, nor on a
    dry run. Otherwise one audit entry records the batch.
    """
    rows = 0
    with reg:
        state = PeopleImport(reg, actor, today, dry_run=dry_run)
        header = _header(source, imp.PEOPLE_COLUMNS, state.report)
        if header is None:
            raise state.report.rejection(0)
        positions, width = header
        for row, cells in _read(source, state.report, width):
            rows += 1
            state.check(row, imp.pick(cells, positions))
            if progress is not None and rows % CHUNK == 0:
                progress(rows)
        state.flush()
        if state.report.count:
            raise state.report.rejection(rows)
        _audit(reg, actor, "people", file, rows, dry_run)
        return ImportResult("people", rows, state.written, file.sha256)


def _audit(
    reg: BulkImportUnitOfWork, actor: Actor, kind: str, file: FileInfo, rows: int, dry_run: bool
) -> None:
    """One entry per accepted batch, not one per row (the file's hash identifies the rows)."""
    if dry_run:
        return
    details = {"file": file.name, "sha256": file.sha256, "rows": rows}
    reg.audit.append(actor, f"import.{kind}", "import", file.sha256[:16], None, details)
    reg.commit()


def _check_units(
    reg: BulkImportUnitOfWork, actor: Actor, source: RowSource, today: dt.date, report: Report
) -> tuple[list[imp.UnitRow], dict[str, UnitRef]]:
    header = _header(source, imp.UNIT_COLUMNS, report)
    if header is None:
        return [], {}
    positions, width = header
    refs = reg.unit_refs(today)
    rows: list[imp.UnitRow] = []
    first: dict[str, int] = {}
    for row, cells in _read(source, report, width):
        unit, errors = imp.parse_unit(row, imp.pick(cells, positions), today)
        if unit is not None:
            seen = first.setdefault(unit.code, row)
            if seen != row:
                errors = [imp.row_error(row, "code", "duplicate_in_file", unit.code, other=seen)]
            elif unit.code in refs:
                errors = [imp.row_error(row, "code", "duplicate_in_database", unit.code)]
            else:
                rows.append(unit)
        report.add(errors)
    return rows, refs


def _unit_links(
    actor: Actor, tree: TreeReader, rows: Sequence[imp.UnitRow], refs: dict[str, UnitRef]
) -> list[RowError]:
    """Each new unit hangs under a stored unit the actor may write on its start date, or
    under a unit of the file that starts no later; no cycles (OR-15, OR-19)."""
    in_file = {u.code: u for u in rows}
    cycles = imp.unit_cycles({u.code: u.parent_code for u in rows})
    scope = ScopeGuard(actor, tree, refs)
    errors: list[RowError] = []
    for u in rows:
        if u.code in cycles:
            path = " → ".join(cycles[u.code])
            errors.append(imp.row_error(u.row, "parent_code", "tree_cycle", path))
        elif not u.parent_code:
            try:
                require_admin(actor)
            except PermissionDenied:
                errors.append(imp.row_error(u.row, "parent_code", "top_level_requires_admin"))
        elif u.parent_code in in_file:
            parent = in_file[u.parent_code]
            if parent.valid_from > u.valid_from:
                day = imp.format_date(u.valid_from)
                errors.append(
                    imp.row_error(
                        u.row, "parent_code", "unit_not_valid_then", u.parent_code, day=day
                    )
                )
        elif not scope.allows(u.parent_code, u.valid_from):
            errors.append(imp.row_error(u.row, "parent_code", "unit_out_of_scope", u.parent_code))
    return errors


def import_units(
    reg: BulkImportUnitOfWork,
    actor: Actor,
    source: RowSource,
    *,
    today: dt.date,
    file: FileInfo,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import new units (their first versions, OR-15), parents before children, all or nothing.

    A unit's code must be new: changes to stored units go through the dated-version use
    cases, which keep history (OR-15, OR-18).
    """
    report = Report()
    with reg:
        rows, refs = _check_units(reg, actor, source, today, report)
        report.add(_unit_links(actor, reg.tree, rows, refs))
        if report.count:
            raise report.rejection(len(rows))
        written = 0 if dry_run else _write_units(reg, rows, refs, progress)
        _audit(reg, actor, "units", file, len(rows), dry_run)
        return ImportResult("units", len(rows), written, file.sha256)


def _write_units(
    reg: BulkImportUnitOfWork,
    rows: Sequence[imp.UnitRow],
    refs: dict[str, UnitRef],
    progress: Progress | None,
) -> int:
    by_code = {u.code: u for u in rows}
    ids = {code: ref.unit_id for code, ref in refs.items()}
    written = 0
    for generation in imp.parents_first({u.code: u.parent_code for u in rows}):
        batch = [by_code[code] for code in generation]
        parents = [ids[u.parent_code] if u.parent_code else None for u in batch]
        for unit, new_id in zip(batch, reg.insert_units(batch, parents), strict=True):
            ids[unit.code] = new_id
        written += len(batch)
        if progress is not None:
            progress(written)
    return written
