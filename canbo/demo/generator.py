"""Build the whole demo dataset: tree, titles, people; one audit entry for the load.

The dataset models history (OR-15 to OR-17): the 2024 tree with 63 provinces and their
districts and communes, and the reorganization of 01/07/2025 into 34 provinces and new
communes, with lineage. Rows are written raw in chunks (see :mod:`canbo.demo.bulk`); the audit
log gets a single ``demo.load`` entry with the counts, not one entry per row.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from canbo.audit.log import DjangoAuditLog
from canbo.audit.models import AuditEntry
from canbo.registry import search_index
from canbo.services.ports import SYSTEM

from . import (
    activity,
    appointments,
    bundles,
    classification_2025,
    congresses,
    planning,
    programme,
    records,
    round_bulk,
    statistics,
    surveys,
    tree,
)
from .bulk import BulkWriter, IdAllocator
from .catalog import TITLES
from .central import build_central
from .people import MEMBERSHIP_COLUMNS, PERSON_COLUMNS, PeopleGenerator
from .regions import build_regions
from .scales import Scale

LOAD_ACTION = "demo.load"
COLUMNS: dict[str, tuple[str, ...]] = {
    "registry_orgunit": tree.UNIT_COLUMNS,
    "registry_unitversion": tree.VERSION_COLUMNS,
    "registry_lineageevent": tree.EVENT_COLUMNS,
    "registry_lineagelink": tree.LINK_COLUMNS,
    "registry_correspondence": tree.CORRESPONDENCE_COLUMNS,
    "registry_term": tree.TERM_COLUMNS,
    "registry_person": PERSON_COLUMNS,
    "registry_membership": MEMBERSHIP_COLUMNS,
    "registry_positionholding": records.POSITION_COLUMNS,
    "registry_disciplinerecord": records.DISCIPLINE_COLUMNS,
    "registry_leaveperiod": records.LEAVE_COLUMNS,
    "registry_retirementnotice": records.RETIREMENT_COLUMNS,
    "registry_relative": records.RELATIVE_COLUMNS,
}
BULK_TABLES = (
    "registry_unitversion",
    "registry_lineagelink",
    "registry_person",
    "registry_membership",
    "registry_positionholding",
    "registry_relative",
)
"""Tables whose secondary indexes are dropped during the load and rebuilt once after it."""


@dataclass(frozen=True, slots=True)
class DemoResult:
    counts: dict[str, int]
    seconds: float
    named: dict[str, int]


def is_loaded() -> bool:
    """True once a demo load has been recorded in the audit log."""
    return AuditEntry.objects.filter(action=LOAD_ACTION).exists()


def build_demo(
    scale: Scale, seed: int, today: dt.date, progress: Callable[[str], None] = lambda _: None
) -> DemoResult:
    """Generate and store the dataset for ``scale``; deterministic for a given ``seed``."""
    started = time.perf_counter()
    rng = random.Random(seed)
    ids = IdAllocator()
    builder = tree.TreeBuilder(ids)
    central = build_central(builder, rng, scale.central_grassroots)
    build_regions(builder, rng, scale, central.root)
    rows = builder.rows
    progress(f"cây tổ chức / tree: {len(rows.units)} units, {len(rows.cells)} cells")
    writer = BulkWriter()
    writer.begin_bulk(BULK_TABLES)
    try:
        with transaction.atomic():
            _write_tree(writer, rows)
            titles = _titles(writer, ids)
        people = PeopleGenerator(rng, scale, today, ids, titles)
        for batch in people.batches(rows.cells):
            with transaction.atomic():
                for table, table_rows in batch.tables.items():
                    writer.insert(table, COLUMNS[table], table_rows)
            progress(f"{writer.counts.get('registry_person', 0):,} đảng viên / members")
    finally:
        problems = writer.end_bulk(scale.check_foreign_keys)
    if problems:
        raise RuntimeError(f"demo data breaks foreign keys: {problems[:5]}")
    with transaction.atomic():
        indexed = search_index.rebuild(today)
    progress(f"chỉ mục tìm kiếm / search index: {indexed:,}")
    counts = dict(sorted(writer.counts.items()))
    seconds = round(time.perf_counter() - started, 1)
    named = {**rows.named, **_demo_cell(rows.cells)}
    if "demo_cell" in named:
        year_of_use = activity.build_activity(named["demo_cell"], today, seed)
        progress(f"hội nghị, lấy phiếu, đánh giá / votes and a cycle: {year_of_use}")
        published = classification_2025.build_published_cycle(named["demo_cell"], today, seed)
        progress(f"đánh giá, xếp loại đã công bố / published classification: {published}")
        round_2025 = congresses.build_round(named["demo_cell"], today, seed)
        progress(f"đại hội nhiệm kỳ 2025–2030 / congresses: {round_2025}")
        planned = planning.build_planning(named["demo_cell"], today)
        if planned is not None:
            made = appointments.build_appointments(planned, today)
            removed = planning.apply_yearly_review(planned, today)
            progress(f"quy hoạch, bổ nhiệm / planning, appointments: {removed} removed, {made}")
        if "province:08" in named:
            work = programme.build_programme(named["demo_cell"], named["province:08"], today)
            progress(f"chương trình công tác / work programme: {work}")
            survey = surveys.build_survey(named, today)
            progress(f"yêu cầu báo cáo / report requests: {survey}")
        with transaction.atomic():
            figures = statistics.build_statistics(named, today)
        progress(f"thống kê / statistics: {figures}")
        received = bundles.build_bundles(named, today)
        progress(f"liên thông / bundles: {received}")
    if scale.name == "national":
        simulated = round_bulk.write_round(seed, progress)
        progress(f"đại hội các tổ chức cơ sở đảng / grassroots congresses: {simulated}")
    scopes = {k: v for k, v in named.items() if k in ("province:08", "demo_cell")}
    DjangoAuditLog().append(
        SYSTEM,
        LOAD_ACTION,
        "demo",
        scale.name,
        None,
        counts,
        {
            "scale": scale.name,
            "seed": seed,
            "as_of": today.isoformat(),
            "counts": counts,
            "named": scopes,
        },
    )
    return DemoResult(counts, seconds, named)


def _write_tree(writer: BulkWriter, rows: tree.TreeRows) -> None:
    for table, table_rows in (
        ("registry_orgunit", rows.units),
        ("registry_unitversion", rows.versions),
        ("registry_lineageevent", rows.events),
        ("registry_lineagelink", rows.links),
        ("registry_correspondence", rows.correspondences),
        ("registry_term", rows.terms),
    ):
        writer.insert(table, COLUMNS[table], table_rows)


def _titles(writer: BulkWriter, ids: IdAllocator) -> dict[str, int]:
    """The title catalogue; titles already present are kept (codes are unique)."""
    with connection.cursor() as cur:
        cur.execute("SELECT code, id FROM registry_title")
        found = {code: pk for code, pk in cur.fetchall()}
    missing = [t for t in TITLES if t[0] not in found]
    new_rows = []
    for code, name, level, authority, leadership, rank in missing:
        found[code] = ids.take("registry_title")
        new_rows.append((found[code], code, name, level, authority, leadership, rank))
    columns = ("id", "code", "name", "level", "managing_authority", "is_leadership", "rank")
    writer.insert("registry_title", columns, new_rows)
    return found


def _demo_cell(cells: list[tree.CellPlan]) -> dict[str, int]:
    """A village cell of the former Tuyên Quang for the demo cell secretary's account."""
    for cell in cells:
        if cell.flavour == "village" and cell.province == "08":
            return {"demo_cell": cell.unit_id}
    return {"demo_cell": cells[0].unit_id} if cells else {}
