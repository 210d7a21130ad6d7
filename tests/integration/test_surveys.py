"""Report requests and surveys on the database (SQLite and PostgreSQL): a province sends a
form to its communes; communes answer in the browser and by the generated spreadsheet (all or
nothing, errors by row and column); a late report is accepted and flagged; a correction is a
new version; reminders are recorded; the overview rolls up through the intermediate level."""

from __future__ import annotations

import datetime as dt
import io
from typing import cast

import pytest
from openpyxl import load_workbook

from canbo.audit.models import AuditEntry
from canbo.core.errors import ValidationError
from canbo.core.surveys.forms import Column, FieldKind, FieldSpec, FormSpec, Option
from canbo.core.surveys.progress import AssignmentStatus
from canbo.core.types import AccountId, Role, UnitId, UnitKind
from canbo.services.ports import Actor, Grant
from canbo.services.surveys import forms as form_service
from canbo.services.surveys import requests, submissions
from canbo.services.surveys.ports import AssignmentId, SurveyUnitOfWork
from canbo.surveys import models as m
from canbo.surveys import rollups, selectors
from canbo.surveys.uow import DjangoSurveyUnitOfWork
from tests import factories as f
from tests.integration.record_builders import client_as

pytestmark = pytest.mark.django_db

SENT = dt.date(2026, 3, 2)
DEADLINE = dt.date(2026, 3, 31)
NOW = dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC)

SPEC = FormSpec(
    "dieu_le",
    1,
    "Khảo sát thi hành Điều lệ Đảng",
    (
        FieldSpec("so_chi_bo", "Số chi bộ", FieldKind.NUMBER, unit="chi bộ", minimum=0,
                  maximum=500, integer=True),
        FieldSpec("danh_gia", "Đánh giá", FieldKind.CHOICE,
                  options=(Option("tot", "Tốt"), Option("kha", "Khá"), Option("tb", "Trung bình"))),
        FieldSpec("kien_nghi", "Kiến nghị", FieldKind.TEXT, required=False, max_length=200),
        FieldSpec("vi_pham", "Vi phạm", FieldKind.TABLE, required=False, max_rows=5, columns=(
            Column("noi_dung", "Nội dung", FieldKind.TEXT),
            Column("so_vu", "Số vụ", FieldKind.NUMBER, minimum=0, integer=True),
        )),
    ),
)  # fmt: skip


def uow() -> SurveyUnitOfWork:
    return cast(SurveyUnitOfWork, DjangoSurveyUnitOfWork())


def staff(root: UnitId, account: int = 1) -> Actor:
    return Actor(AccountId(account), "bantochuc", (Grant(Role.ORG_STAFF, root),))


@pytest.fixture
def world() -> dict[str, UnitId]:
    since = dt.date(2020, 1, 1)
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, since=since)
    district = f.unit("Huyện ủy Yên Sơn", UnitKind.DISTRICT_PARTY_COMMITTEE, province, since=since)
    an = f.unit("Đảng bộ xã An Tường", UnitKind.COMMUNE_PARTY_COMMITTEE, district, since=since)
    binh = f.unit("Đảng bộ xã Bình Thuận", UnitKind.COMMUNE_PARTY_COMMITTEE, district, since=since)
    my = f.unit("Đảng bộ phường Mỹ Lâm", UnitKind.COMMUNE_PARTY_COMMITTEE, province, since=since)
    f.unit("Chi bộ thôn 1", UnitKind.CELL, an, since=since)
    return {"province": province, "district": district, "an": an, "binh": binh, "my": my}


def send(w: dict[str, UnitId]) -> int:
    form_id = form_service.define_form(uow(), staff(w["province"]), w["province"], SPEC, NOW)
    return requests.send_request(
        uow(), staff(w["province"]), form_id=form_id, requester_id=w["province"],
        target_kind="commune_party_committee", deadline=DEADLINE, title="Khảo sát Điều lệ",
        now=NOW, today=SENT,
    )  # fmt: skip


def assignment(request_id: int, unit: UnitId) -> AssignmentId:
    return AssignmentId(m.Assignment.objects.get(request_id=request_id, unit_id=unit).pk)


def test_a_request_reaches_every_commune_of_the_subtree_with_its_path(world):
    request_id = send(world)
    rows = m.Assignment.objects.filter(request_id=request_id)
    assert {r.unit_id for r in rows} == {world["an"], world["binh"], world["my"]}
    an = rows.get(unit_id=world["an"])
    assert an.chain == [world["an"], world["district"], world["province"]]
    assert AuditEntry.objects.filter(action="survey.request_send").count() == 1


def test_a_requester_that_did_not_exist_on_the_date_is_refused(world):
    later = f.unit(
        "Đảng bộ tỉnh mới", UnitKind.PROVINCIAL_PARTY_COMMITTEE, since=dt.date(2026, 7, 1)
    )
    form_id = form_service.define_form(
        uow(), staff(world["province"]), world["province"], SPEC, NOW
    )
    with pytest.raises(ValidationError) as refused:
        requests.send_request(
            uow(), staff(later), form_id=form_id, requester_id=later,
            target_kind="commune_party_committee", deadline=DEADLINE, title="X", now=NOW,
            today=SENT,
        )  # fmt: skip
    assert refused.value.code == "survey_unit_not_on_date"
    assert not m.SurveyRequest.objects.exists()


def test_late_report_is_accepted_flagged_and_counted_and_rolls_up(world):
    request_id = send(world)
    an, binh = assignment(request_id, world["an"]), assignment(request_id, world["binh"])
    answers = {"so_chi_bo": "12", "danh_gia": "Tốt", "vi_pham": [{"noi_dung": "a", "so_vu": 2}]}
    submissions.submit(uow(), staff(world["an"]), an, answers, now=NOW, today=dt.date(2026, 3, 20))
    late_day = dt.date(2026, 4, 3)
    submissions.submit(uow(), staff(world["binh"]), binh, {"so_chi_bo": 8, "danh_gia": "kha"},
                       now=NOW, today=late_day)  # fmt: skip
    o = selectors.overview(request_id, late_day)
    assert o.counts[AssignmentStatus.SUBMITTED] == 1
    assert o.counts[AssignmentStatus.SUBMITTED_LATE] == 1
    assert o.counts[AssignmentStatus.OVERDUE] == 1  # Mỹ Lâm has not submitted
    assert {r.unit_name for r in o.late_rows} == {"Đảng bộ xã Bình Thuận", "Đảng bộ phường Mỹ Lâm"}
    assert o.total.fields["so_chi_bo"].numbers.total == 20
    assert o.total.fields["danh_gia"].distribution == {"tot": 1, "kha": 1, "tb": 0}
    assert o.total.fields["vi_pham"].columns["so_vu"].numbers.total == 2
    (district,) = o.levels
    assert (district.unit_id, district.assigned, district.submitted) == (world["district"], 2, 2)
    progress = selectors.request_progress(world["province"], late_day)
    assert (progress[0].assigned, progress[0].submitted, progress[0].late) == (3, 2, 2)


def test_a_wrong_answer_is_refused_naming_field_row_and_column_and_nothing_is_stored(world):
    request_id = send(world)
    an = assignment(request_id, world["an"])
    bad = {"so_chi_bo": 900, "danh_gia": "tot", "vi_pham": [{"noi_dung": "a", "so_vu": "-1"}]}
    with pytest.raises(ValidationError) as refused:
        submissions.submit(uow(), staff(world["an"]), an, bad, now=NOW, today=SENT)
    errors = refused.value.fields["errors"]
    assert {(e["field"], e["code"], e["row"], e["column"]) for e in errors} == {
        ("so_chi_bo", "survey_above_maximum", None, None),
        ("vi_pham", "survey_below_minimum", 1, "so_vu"),
    }
    assert not m.Submission.objects.exists()


def test_a_correction_is_a_new_version_with_its_reason_and_the_first_stays(world):
    request_id = send(world)
    an = assignment(request_id, world["an"])
    actor = staff(world["an"])
    submissions.submit(uow(), actor, an, {"so_chi_bo": 5, "danh_gia": "tot"}, now=NOW, today=SENT)
    with pytest.raises(ValidationError):
        submissions.correct(uow(), actor, an, {"so_chi_bo": 6, "danh_gia": "tot"}, reason=" ",
                            now=NOW, today=SENT)  # fmt: skip
    submissions.correct(uow(), actor, an, {"so_chi_bo": 6, "danh_gia": "tot"},
                        reason="Đếm sót một chi bộ", now=NOW, today=SENT)  # fmt: skip
    versions = list(m.Submission.objects.filter(assignment_id=an).order_by("version"))
    assert [(v.version, v.answers["so_chi_bo"], v.reason) for v in versions] == [
        (1, 5, ""), (2, 6, "Đếm sót một chi bộ"),
    ]  # fmt: skip
    assert m.Assignment.objects.get(pk=an).current_answers["so_chi_bo"] == 6


def test_a_commune_cannot_answer_for_another(world):
    request_id = send(world)
    binh = assignment(request_id, world["binh"])
    with pytest.raises(Exception) as refused:
        submissions.submit(uow(), staff(world["an"]), binh, {"so_chi_bo": 1, "danh_gia": "tot"},
                           now=NOW, today=SENT)  # fmt: skip
    assert getattr(refused.value, "code", "") == "survey_assignment_not_found"


def test_reminders_go_to_units_that_have_not_submitted_and_are_audited(world):
    request_id = send(world)
    an = assignment(request_id, world["an"])
    submissions.submit(uow(), staff(world["an"]), an, {"so_chi_bo": 5, "danh_gia": "tot"},
                       now=NOW, today=SENT)  # fmt: skip
    sent = requests.remind(uow(), staff(world["province"]), request_id, now=NOW, today=SENT,
                           note="Đề nghị nộp trước hạn")  # fmt: skip
    assert sent == 2
    assert m.Reminder.objects.count() == 2
    assert AuditEntry.objects.filter(action="survey.remind").count() == 2


def test_pages_fill_upload_and_overview(world, tmp_path):
    request_id = send(world)
    an, binh = assignment(request_id, world["an"]), assignment(request_id, world["binh"])
    commune = client_as(Role.ORG_STAFF, world["an"], "xa.antuong")
    page = commune.post(f"/yeu-cau-bao-cao/bao-cao/{an}/", {
        "action": "submit", "f_so_chi_bo": "12", "f_danh_gia": "tot",
        "t_vi_pham_0_noi_dung": "Chậm sinh hoạt", "t_vi_pham_0_so_vu": "3"})  # fmt: skip
    assert page.status_code == 302
    assert m.Assignment.objects.get(pk=an).current_answers["vi_pham"][0]["so_vu"] == 3
    other = client_as(Role.ORG_STAFF, world["binh"], "xa.binhthuan")
    sheet = other.get(f"/yeu-cau-bao-cao/bao-cao/{binh}/mau.xlsx")
    book = load_workbook(io.BytesIO(sheet.content))
    main = book.worksheets[0]
    keys = {main.cell(r, 1).value: r for r in range(1, main.max_row + 1)}
    main.cell(keys["so_chi_bo"], 4).value = "nhiều"
    main.cell(keys["danh_gia"], 4).value = "Khá"
    book["vi_pham"].append(["Không nộp đảng phí", -2])
    refused = _upload(other, binh, book, tmp_path)
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "vi_pham" in text and ">B<" in text and ">2<" in text  # sheet, column, row
    assert not m.Submission.objects.filter(assignment_id=binh).exists()
    main.cell(keys["so_chi_bo"], 4).value = 7
    book["vi_pham"].cell(2, 2).value = 2
    assert _upload(other, binh, book, tmp_path).status_code == 302
    stored = m.Submission.objects.get(assignment_id=binh)
    assert (stored.source, stored.answers["so_chi_bo"], stored.answers["danh_gia"]) == (
        "xlsx",
        7,
        "kha",
    )
    province = client_as(Role.ORG_STAFF, world["province"], "tinhuy")
    overview = province.get(f"/yeu-cau-bao-cao/{request_id}/")
    assert overview.status_code == 200
    assert "Huyện ủy Yên Sơn" in overview.content.decode()
    assert province.get(f"/yeu-cau-bao-cao/{request_id}/tong-hop.xlsx").status_code == 200
    pdf = province.get(f"/yeu-cau-bao-cao/{request_id}/tong-hop.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert commune.get(f"/yeu-cau-bao-cao/{request_id}/").status_code == 404


def _upload(client, assignment_id, book, tmp_path):
    path = tmp_path / "up.xlsx"
    book.save(path)
    with path.open("rb") as handle:
        return client.post(f"/yeu-cau-bao-cao/bao-cao/{assignment_id}/tai-len/", {"file": handle})


def test_the_index_lists_what_a_commune_must_answer_and_what_the_province_sent(world):
    request_id = send(world)
    commune = client_as(Role.ORG_STAFF, world["an"], "xa.antuong").get("/yeu-cau-bao-cao/")
    text = commune.content.decode()
    assert f"/yeu-cau-bao-cao/bao-cao/{assignment(request_id, world['an'])}/" in text
    assert f"/yeu-cau-bao-cao/{request_id}/" not in text
    province = client_as(Role.ORG_STAFF, world["province"], "tinhuy").get("/yeu-cau-bao-cao/")
    assert f"/yeu-cau-bao-cao/{request_id}/" in province.content.decode()
    assert "/yeu-cau-bao-cao/bao-cao/" not in province.content.decode()


def _kept(request_id: int) -> dict[int, tuple[int, int, dict]]:
    rows = m.RollUp.objects.filter(request_id=request_id)
    return {r.unit_id: (r.assigned, r.submitted, r.state) for r in rows}


def test_the_roll_up_kept_with_each_report_is_the_one_recomputed(world):
    """Reports added one at a time (and a correction, which replaces a counted report) leave
    the rows of every level as a recomputation from the current answers would."""
    request_id = send(world)
    kept = _kept(request_id)
    assert set(kept) == {world["province"], world["district"]}
    assert kept[world["province"]][:2] == (3, 0) and kept[world["district"]][:2] == (2, 0)
    an, binh = assignment(request_id, world["an"]), assignment(request_id, world["binh"])
    my = assignment(request_id, world["my"])
    submissions.submit(uow(), staff(world["an"]), an, {"so_chi_bo": 5, "danh_gia": "tot",
                       "kien_nghi": "Thêm tài liệu"}, now=NOW, today=SENT)  # fmt: skip
    submissions.submit(uow(), staff(world["my"]), my, {"so_chi_bo": 9, "danh_gia": "kha"},
                       now=NOW, today=SENT)  # fmt: skip
    kept = _kept(request_id)
    assert kept[world["province"]][:2] == (3, 2) and kept[world["district"]][:2] == (2, 1)
    submissions.submit(uow(), staff(world["binh"]), binh, {"so_chi_bo": 2, "danh_gia": "tb"},
                       now=NOW, today=SENT)  # fmt: skip
    submissions.correct(uow(), staff(world["my"]), my, {"so_chi_bo": 1, "danh_gia": "tot"},
                        reason="Nhầm số", now=NOW, today=SENT)  # fmt: skip
    incremental = _kept(request_id)
    rollups.rebuild(request_id)
    assert _kept(request_id) == incremental
    o = selectors.overview(request_id, SENT)
    numbers = o.total.fields["so_chi_bo"].numbers
    assert (numbers.total, numbers.minimum, numbers.maximum) == (8, 1, 5)  # 9 corrected to 1
    assert o.total.fields["danh_gia"].distribution == {"tot": 2, "kha": 0, "tb": 1}
    assert o.total.fields["kien_nghi"].texts == [(world["an"], "Thêm tài liệu")]
    (district,) = o.levels
    assert district.aggregate.fields["so_chi_bo"].numbers.total == 7


def test_the_overview_page_counts_lists_the_late_and_pages_the_units(world):
    """The page's reads (counts, late list, one page of units, in SQL) agree with the whole
    overview; the page shows the new total right after a report."""
    request_id = send(world)
    binh = assignment(request_id, world["binh"])
    late_day = dt.date(2026, 4, 3)
    submissions.submit(uow(), staff(world["binh"]), binh, {"so_chi_bo": 8, "danh_gia": "kha"},
                       now=NOW, today=late_day)  # fmt: skip
    whole = selectors.overview(request_id, late_day)
    page = selectors.overview_page(request_id, late_day, size=2)
    assert page.counts == whole.counts and page.assigned == 3
    assert page.late == [(r.unit_name, r.status) for r in whole.late_rows]
    assert (page.pages, [r.unit_name for r in page.shown]) == (
        2,
        [r.unit_name for r in whole.rows[:2]],
    )
    second = selectors.overview_page(request_id, late_day, size=2, number=9)
    assert (second.number, [r.id for r in second.shown]) == (2, [whole.rows[2].id])
    overdue = selectors.overview_page(request_id, late_day, wanted="overdue")
    assert {r.unit_name for r in overdue.shown} == {"Đảng bộ xã An Tường", "Đảng bộ phường Mỹ Lâm"}
    assert overdue.matching == 2
    assert selectors.overview_page(request_id, late_day, wanted="nonsense").shown == []
    my = assignment(request_id, world["my"])
    submissions.save_draft(uow(), staff(world["my"]), my, {"so_chi_bo": 3}, now=NOW)
    before = selectors.overview_page(request_id, SENT)
    assert before.counts == selectors.overview(request_id, SENT).counts
    assert before.counts[AssignmentStatus.NOT_STARTED] == 1
    assert before.counts[AssignmentStatus.IN_PROGRESS] == 1
    assert before.late == [("Đảng bộ xã Bình Thuận", AssignmentStatus.SUBMITTED_LATE)]
    province = client_as(Role.ORG_STAFF, world["province"], "tinhuy")
    an = assignment(request_id, world["an"])
    submissions.submit(uow(), staff(world["an"]), an, {"so_chi_bo": 4, "danh_gia": "tot"},
                       now=NOW, today=late_day)  # fmt: skip
    text = province.get(f"/yeu-cau-bao-cao/{request_id}/").content.decode()
    assert "Tổng hợp (2 đơn vị đã nộp)" in text
    assert "12" in text  # 8 + 4
    assert "<li>Đảng bộ phường Mỹ Lâm: Quá hạn, chưa nộp</li>" in text
