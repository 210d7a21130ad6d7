"""The personal history form (sơ yếu lý lịch) on the database (SQLite and PostgreSQL): entries
added and ended from the person page, refusals next to the field with the input kept, the
photo checked as an image and served only within the scope, the two printed forms."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from canbo.audit.models import AuditEntry
from canbo.core.types import Role
from canbo.registry import models
from tests.integration.record_builders import Place, admit, build_place, client_as
from tests.screenshots import doc_screenshot_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(settings: pytest.FixtureRequest, tmp_path: Path) -> Place:
    settings.MEDIA_ROOT = tmp_path / "files"  # type: ignore[attr-defined]
    return build_place()


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 60), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fill(client: object, person: int) -> None:
    base = f"/people/{person}/cap-nhat/ly-lich-"
    entries = {
        "hoc-van": {"level": "12/12", "declared_on": "2025-01-02"},
        "chuyen-mon": {
            "level": "dai_hoc",
            "field_name": "Quản lý đất đai",
            "institution": "Trường Đại học Nông lâm Thái Nguyên",
            "year": "2008",
            "declared_on": "2025-01-02",
        },
        "ly-luan-chinh-tri": {"level": "trung_cap", "year": "2015", "declared_on": "2025-01-02"},
        "quan-ly-nha-nuoc": {"level": "chuyen_vien", "year": "2016", "declared_on": "2025-01-02"},
        "ngoai-ngu": {"field_name": "Tiếng Anh", "level": "B1", "declared_on": "2025-01-02"},
        "tin-hoc": {"level": "Ứng dụng CNTT cơ bản", "declared_on": "2025-01-02"},
        "qua-trinh-cong-tac": {
            "starts": "2009-03-01",
            "ends": "2015-12-31",
            "institution": "UBND xã Na Khê",
            "field_name": "Công chức địa chính",
            "declared_on": "2025-01-02",
        },
        "khen-thuong": {
            "year": "2020",
            "level": "Giấy khen",
            "institution": "Huyện ủy Yên Minh",
            "decision_ref": "45-QĐ/HU",
            "declared_on": "2025-01-02",
        },
    }
    for slug, data in entries.items():
        response = client.post(base + slug + "/", data)  # type: ignore[attr-defined]
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    work = {
        "starts": "2016-01-01",
        "institution": "Đảng ủy xã Yên Minh",
        "field_name": "Văn phòng Đảng ủy",
        "declared_on": "2025-01-02",
    }
    assert client.post(base + "qua-trinh-cong-tac/", work).status_code == 302  # type: ignore[attr-defined]


def test_a_clerk_fills_the_personal_history_and_it_shows_on_the_person_page(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    page = client.get(f"/people/{place.an}/").content.decode()
    assert "Sơ yếu lý lịch" in page
    assert f"/people/{place.an}/cap-nhat/ly-lich-hoc-van/" in page
    _fill(client, place.an)
    assert models.HistoryItem.objects.filter(person_id=place.an).count() == 9
    assert AuditEntry.objects.filter(action="history.award.add").exists()
    page = client.get(f"/people/{place.an}/").content.decode()
    for text in (
        "12/12",
        "Trung cấp",
        "Chuyên viên",
        "Quản lý đất đai",
        "UBND xã Na Khê",
        "Giấy khen",
    ):
        assert text in page
    assert "trung_cap" not in page.split('id="personal-history-h"', 1)[1].split("</section>")[0]


def test_a_level_outside_the_list_and_dates_out_of_order_are_refused_next_to_the_field(
    place: Place,
) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    base = f"/people/{place.an}/cap-nhat/ly-lich-"
    written = AuditEntry.objects.count()
    bad_grade = client.post(base + "hoc-van/", {"level": "13/12", "declared_on": "2025-01-02"})
    assert bad_grade.status_code == 400
    html = bad_grade.content.decode()
    assert "12/12" in html.split('data-field="level"', 1)[1].split("</p>", 1)[0]
    assert 'value="13/12"' in html
    bad_level = client.post(
        base + "ly-luan-chinh-tri/", {"level": "tien_si", "declared_on": "2025-01-02"}
    )
    assert bad_level.status_code == 400
    assert 'data-field="level"' in bad_level.content.decode()
    work = {
        "starts": "2016-01-01",
        "ends": "2015-01-01",
        "institution": "Đảng ủy xã Yên Minh",
        "declared_on": "2025-01-02",
    }
    reversed_dates = client.post(base + "qua-trinh-cong-tac/", work)
    assert reversed_dates.status_code == 400
    html = reversed_dates.content.decode()
    assert 'data-field="ends"' in html
    assert 'value="Đảng ủy xã Yên Minh"' in html
    assert AuditEntry.objects.count() == written
    assert not models.HistoryItem.objects.exists()


def test_an_entry_is_ended_not_deleted(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    base = f"/people/{place.an}/cap-nhat/"
    data = {"field_name": "Tiếng Anh", "level": "A2", "declared_on": "2024-01-02"}
    assert client.post(base + "ly-lich-ngoai-ngu/", data).status_code == 302
    item = models.HistoryItem.objects.get(person_id=place.an)
    too_early = client.post(
        base + "ly-lich-ket-thuc/", {"record_id": item.pk, "ended_on": "2023-01-01"}
    )
    assert too_early.status_code == 400
    assert 'data-field="ended_on"' in too_early.content.decode()
    ended = client.post(
        base + "ly-lich-ket-thuc/", {"record_id": item.pk, "ended_on": "2025-01-01"}
    )
    assert ended.status_code == 302
    item.refresh_from_db()
    assert item.ended_on is not None
    assert "hết hiệu lực từ 01/01/2025" in client.get(f"/people/{place.an}/").content.decode()
    again = client.post(
        base + "ly-lich-ket-thuc/", {"record_id": item.pk, "ended_on": "2025-01-01"}
    )
    assert again.status_code == 400  # no longer offered


def test_a_file_that_is_not_an_image_is_refused_and_a_photo_is_kept(place: Place) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(Role.ORG_STAFF, place.tree.commune)
    url = f"/people/{place.an}/cap-nhat/anh/"
    fake = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\nnot really a png", "image/png")
    refused = client.post(url, {"photo": fake})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "không phải là ảnh" in html.split('data-field="photo"', 1)[1]
    text = SimpleUploadedFile("anh.jpg", b"hello", "image/jpeg")
    assert client.post(url, {"photo": text}).status_code == 400
    assert not models.PersonPhoto.objects.exists()
    good = SimpleUploadedFile("anh.png", _png(), "image/png")
    assert client.post(url, {"photo": good}).status_code == 302
    photo = client.get(f"/people/{place.an}/anh/")
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/png"
    assert photo.content == _png()
    assert AuditEntry.objects.filter(action="history.photo.add").exists()


def test_a_cell_secretary_of_another_cell_gets_not_found_for_the_pdfs_and_the_photo(
    place: Place,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    clerk = client_as(Role.ORG_STAFF, place.tree.commune)
    upload = SimpleUploadedFile("anh.png", _png(), "image/png")
    assert clerk.post(f"/people/{place.an}/cap-nhat/anh/", {"photo": upload}).status_code == 302
    other = client_as(Role.CELL_SECRETARY, place.tree.cell_b, "bithu.banly")
    for path in ("so-yeu-ly-lich.pdf", "ho-so-dang-vien.pdf", "anh/"):
        assert other.get(f"/people/{place.an}/{path}").status_code == 404, path
    assert (
        other.post(f"/people/{place.an}/cap-nhat/ly-lich-hoc-van/", {"level": "12/12"}).status_code
        == 404
    )
    own = client_as(Role.CELL_SECRETARY, place.tree.cell_a, "bithu.napo")
    assert own.get(f"/people/{place.an}/anh/").status_code == 200
    page = own.get(f"/people/{place.an}/").content.decode()
    assert "In sơ yếu lý lịch" in page
    assert "cap-nhat/ly-lich-" not in page  # a reader gets no form


def test_the_personal_history_pdf_holds_the_name_the_items_and_the_work_history(
    place: Place,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(Role.ORG_STAFF, place.tree.commune)
    _fill(client, place.an)
    upload = SimpleUploadedFile("anh.png", _png(), "image/png")
    assert client.post(f"/people/{place.an}/cap-nhat/anh/", {"photo": upload}).status_code == 302
    response = client.get(f"/people/{place.an}/so-yeu-ly-lich.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    flat = " ".join(text.split())
    assert "NGUYỄN VĂN AN" in flat
    assert "SƠ YẾU LÝ LỊCH" in flat
    assert "Mẫu 2C/TCTW-98" in flat
    for item in (
        "1) Họ và tên khai sinh",
        "5) Quê quán",
        "16.1) Giáo dục phổ thông: 12/12",
        "16.3) Lý luận chính trị: Trung cấp",
        "16.4) Quản lý nhà nước: Chuyên viên",
        "16.5) Ngoại ngữ: Tiếng Anh, B1",
    ):
        assert item in flat, item
    assert "01/03/2009" in flat and "31/12/2015" in flat
    assert "UBND xã Na Khê" in flat and "Văn phòng Đảng ủy" in flat
    assert "Quản lý đất đai" in flat
    assert "NGƯỜI KHAI" in flat
    assert "FRM-" not in text and "OR-1" not in text
    for header in ("Ngành học hoặc tên lớp", "Chức danh, chức vụ, đơn vị công tác"):
        for word in header.split():
            assert word in text.split() or word in flat, word
    _screenshot(response.content)


def _screenshot(pdf: bytes) -> None:
    """The first page as docs/screenshots/personal-history.png (when pdftoppm is there)."""
    if shutil.which("pdftoppm") is None:
        return
    source = doc_screenshot_dir() / "personal-history.pdf"
    source.write_bytes(pdf)
    try:
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(source),
                str(doc_screenshot_dir() / "personal-history"),
            ],
            check=True,
            timeout=60,
        )
    finally:
        source.unlink()


def test_the_party_member_record_pdf_holds_the_events_and_the_cells(place: Place) -> None:
    mai = admit(place)
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    page = client.get(f"/people/{mai}/").content.decode()
    assert "In hồ sơ đảng viên" in page
    response = client.get(f"/people/{mai}/ho-so-dang-vien.pdf")
    assert response.status_code == 200
    flat = " ".join(pdf_text(response.content).split())
    assert "HỒ SƠ ĐẢNG VIÊN" in flat
    assert "LÒ THỊ MAI" in flat
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat
    assert "Kết nạp vào Đảng" in flat and "01/03/2025" in flat and "12-QĐ/ĐU" in flat
    assert "BÍ THƯ" in flat
    assert "Hết thời kỳ dự bị: 01/03/2026" in flat
