"""The work programme on the database (SQLite and PostgreSQL): the pages add a project and a
task with a lead chosen by picker, report progress (a refusal names its field), complete,
attach a document kept under its hash; the year-end summary reads "n trên n đề án hoàn
thành" on the page, in XLSX and in PDF; the roll-up counts a commune's programme in the
province's; the selector answers R's dashboard; every change is audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from canbo.audit.models import AuditEntry
from canbo.core.types import Role, UnitId, UnitKind
from canbo.programme import models, selectors
from tests import factories as f
from tests.integration.record_builders import client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> tuple[UnitId, UnitId, int]:
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    commune = f.unit("Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ thôn Na Pô", UnitKind.CELL, commune)
    lead = f.person("Nguyễn Thị Hoa", cell)
    return province, commune, int(lead)


def _pdf_text(content: bytes) -> str | None:
    if shutil.which("pdftotext") is None:
        return None  # the text checks need poppler's pdftotext
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode().split())


def _add(client: Client, owner: int, unit: int, year: int, **extra: str) -> None:
    data = {"kind": "project", "title": "Đề án", "unit": f"id:{unit}", "deadline": f"{year}-11-30"}
    data.update(extra)
    response = client.post(f"/chuong-trinh-cong-tac/them/{owner}/{year}/", data)
    assert response.status_code == 302


def test_a_project_goes_from_entry_to_completion_and_the_summary_says_so(
    tree: tuple[UnitId, UnitId, int],
) -> None:
    province, commune, lead = tree
    client = client_as(Role.ORG_STAFF, province)
    before = AuditEntry.objects.count()
    _add(client, province, commune, 2025, title="Đề án nâng cao chất lượng sinh hoạt chi bộ",
         lead=f"id:{lead}")  # fmt: skip
    item = models.ProgrammeItem.objects.get()
    assert item.lead_id == lead and item.status == "planned"
    _add(client, province, commune, 2025, kind="task", title="Khảo sát 20 chi bộ",
         parent=str(item.pk))  # fmt: skip
    base = f"/chuong-trinh-cong-tac/de-an/{item.pk}/"
    client.post(base + "tien-do/", {"reported_on": "2025-05-01", "percent": "60", "note": "x"})
    refused = client.post(
        base + "tien-do/", {"reported_on": "2025-06-01", "percent": "40"}, follow=True
    )
    assert "thấp hơn lần báo cáo trước" in refused.content.decode()
    client.post(base + "trang-thai/", {"status": "completed", "on": "2025-11-20"})
    item.refresh_from_db()
    assert (item.status, item.percent, item.completed_on) == (
        "completed",
        100,
        dt.date(2025, 11, 20),
    )
    page = client.get(f"/chuong-trinh-cong-tac/?don_vi=id:{province}&nam=2025").content.decode()
    assert "1 trên 1 đề án hoàn thành" in page
    assert "Khảo sát 20 chi bộ" in page and "Nguyễn Thị Hoa" in page
    assert "completed" not in page and "in_progress" not in page
    # one audit entry per change: two items, one report, one status (the refused report: none)
    assert AuditEntry.objects.count() - before == 4


def test_the_summary_exports_as_xlsx_with_numbers_and_as_pdf(
    tree: tuple[UnitId, UnitId, int],
) -> None:
    province, commune, _lead = tree
    client = client_as(Role.ORG_STAFF, province)
    _add(client, province, commune, 2025, title="Đề án tổng kết nghị quyết")
    item = models.ProgrammeItem.objects.get()
    client.post(f"/chuong-trinh-cong-tac/de-an/{item.pk}/trang-thai/",
                {"status": "completed", "on": "2025-12-05"})  # fmt: skip
    xlsx = client.get(f"/chuong-trinh-cong-tac/tong-ket/{province}/2025.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any("1 trên 1 đề án hoàn thành" in str(v) for v in values)
    assert "Đề án tổng kết nghị quyết" in values and 100 in values
    assert any("Hoàn thành chậm 5 ngày" == v for v in values)
    pdf = client.get(f"/chuong-trinh-cong-tac/tong-ket/{province}/2025.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content) or "1 trên 1 đề án hoàn thành 30/11/2025 TRƯỞNG BAN TỔ CHỨC"
    assert "1 trên 1 đề án hoàn thành" in text and "30/11/2025" in text and "2025-11-30" not in text
    assert "TRƯỞNG BAN TỔ CHỨC" in text
    assert client.get(f"/chuong-trinh-cong-tac/tong-ket/{province}/2025.exe").status_code == 404
    huge = f"/chuong-trinh-cong-tac/tong-ket/{province}/99999999999.xlsx"
    assert client.get(huge).status_code == 404


def test_a_document_is_stored_by_its_hash_and_a_wrong_file_is_refused(
    tree: tuple[UnitId, UnitId, int], tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "files")
    province, commune, _lead = tree
    client = client_as(Role.ORG_STAFF, province)
    _add(client, province, commune, 2026)
    item = models.ProgrammeItem.objects.get()
    body = b"%PDF-1.4 du thao de an"
    upload = io.BytesIO(body)
    upload.name = "du-thao.pdf"
    client.post(f"/chuong-trinh-cong-tac/de-an/{item.pk}/tai-lieu/", {"document": upload})
    doc = models.ProgrammeDocument.objects.get()
    assert doc.sha256 == hashlib.sha256(body).hexdigest()
    assert (Path(settings.MEDIA_ROOT) / doc.path).read_bytes() == body
    got = client.get(f"/chuong-trinh-cong-tac/tai-lieu/{doc.pk}/")
    assert b"".join(got.streaming_content) == body  # type: ignore[attr-defined]
    bad = io.BytesIO(b"MZ\x90\x00not a pdf")
    bad.name = "virus.pdf"
    page = client.post(
        f"/chuong-trinh-cong-tac/de-an/{item.pk}/tai-lieu/", {"document": bad}, follow=True
    )
    assert "PDF, DOCX, XLSX hoặc ODT" in page.content.decode()
    assert models.ProgrammeDocument.objects.count() == 1


def test_the_rollup_and_the_selector_count_the_communes_programme(
    tree: tuple[UnitId, UnitId, int],
) -> None:
    province, commune, _lead = tree
    client = client_as(Role.ORG_STAFF, province)
    _add(client, province, commune, 2026, title="Đề án tỉnh")
    _add(client, commune, commune, 2026, title="Đề án xã")
    models.ProgrammeItem.objects.filter(title="Đề án xã").update(deadline=dt.date(2026, 1, 31))
    found = selectors.summary(province, 2026, today=dt.date(2026, 3, 1))
    assert found.projects.total == 1 and found.subtree_projects.total == 2
    assert found.subtree_projects.overdue == 1
    assert selectors.headline(found) == "0 trên 1 đề án hoàn thành"
    page = client.get(f"/chuong-trinh-cong-tac/?don_vi=id:{province}&nam=2026").content.decode()
    assert "Tổng hợp theo cấp" in page and "Đảng bộ xã Yên Minh" in page


def test_a_reader_sees_no_form_and_cannot_post_and_a_stranger_gets_not_found(
    tree: tuple[UnitId, UnitId, int],
) -> None:
    province, commune, _lead = tree
    _add(client_as(Role.ORG_STAFF, province), province, commune, 2026)
    reader = client_as(Role.VIEWER, province, "nguoidoc")
    page = reader.get(f"/chuong-trinh-cong-tac/?don_vi=id:{province}&nam=2026").content.decode()
    assert "Thêm vào chương trình" not in page
    _add(reader, province, commune, 2026, title="Không được")
    assert models.ProgrammeItem.objects.count() == 1
    other = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    stranger = client_as(Role.ORG_STAFF, other, "nguoila")
    item = models.ProgrammeItem.objects.get()
    assert stranger.get(f"/chuong-trinh-cong-tac/de-an/{item.pk}/").status_code == 404
    assert stranger.get(f"/chuong-trinh-cong-tac/?don_vi=id:{province}").status_code == 404
