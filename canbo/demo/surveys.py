"""Report requests in the demo: the survey on implementing the Party Charter (Khảo sát tình
hình thi hành Điều lệ Đảng) sent by the Tuyên Quang provincial committee to its communes with a
deadline; a few communes submitted (one late), one corrected its report, the province reminded
the rest. Everything goes through the survey use cases, so every change is in the audit chain.

Dates are counted back from the demo's today, so a demo built on another day tells the same
story. Two communes get org-staff demo accounts (``xa.<slug>``, see
:mod:`canbo.demo.accounts`): one that has submitted, one that still has to.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any, cast

from canbo.core.search_text import fold
from canbo.core.surveys.forms import Column, FieldKind, FieldSpec, FormSpec, Option
from canbo.core.types import AccountId, Role, UnitId
from canbo.services.ports import Actor, Grant
from canbo.services.surveys import forms, requests, submissions
from canbo.services.surveys.ports import AssignmentId, RequestId, SurveyUnitOfWork
from canbo.surveys.models import Assignment
from canbo.surveys.uow import DjangoSurveyUnitOfWork

SENT_DAYS_AGO = 24
DEADLINE_DAYS_AGO = 4
PROVINCE_FROM = dt.date(2025, 7, 1)

VIOLATIONS = (
    Option("khien_trach", "Khiển trách"),
    Option("canh_cao", "Cảnh cáo"),
    Option("cach_chuc", "Cách chức"),
    Option("khai_tru", "Khai trừ"),
)

CHARTER_SURVEY = FormSpec(
    "ks_dieu_le_dang",
    1,
    "Khảo sát tình hình thi hành Điều lệ Đảng",
    (
        FieldSpec(
            "so_dang_vien",
            "Tổng số đảng viên của đảng bộ",
            FieldKind.NUMBER,
            unit="đảng viên",
            minimum=0,
            maximum=100_000,
            integer=True,
        ),
        FieldSpec(
            "so_chi_bo",
            "Số chi bộ trực thuộc",
            FieldKind.NUMBER,
            unit="chi bộ",
            minimum=0,
            maximum=1000,
            integer=True,
        ),
        FieldSpec(
            "ty_le_sinh_hoat",
            "Tỷ lệ chi bộ sinh hoạt định kỳ đúng Điều lệ",
            FieldKind.NUMBER,
            unit="%",
            minimum=0,
            maximum=100,
        ),
        FieldSpec(
            "ket_nap_moi",
            "Số đảng viên kết nạp trong năm",
            FieldKind.NUMBER,
            unit="đảng viên",
            minimum=0,
            maximum=5000,
            integer=True,
        ),
        FieldSpec(
            "danh_gia_chung",
            "Đánh giá chung việc thi hành Điều lệ",
            FieldKind.CHOICE,
            options=(
                Option("tot", "Tốt"),
                Option("kha", "Khá"),
                Option("trung_binh", "Trung bình"),
                Option("yeu", "Yếu"),
            ),
        ),
        FieldSpec(
            "vuong_mac",
            "Những quy định còn vướng mắc khi thực hiện",
            FieldKind.CHOICE,
            required=False,
            multiple=True,
            options=(
                Option("ket_nap", "Kết nạp đảng viên"),
                Option("chuyen_sinh_hoat", "Chuyển sinh hoạt đảng"),
                Option("dang_phi", "Thu, nộp đảng phí"),
                Option("ky_luat", "Thi hành kỷ luật"),
                Option("bau_cu", "Bầu cử trong Đảng"),
            ),
        ),
        FieldSpec(
            "vi_pham",
            "Vi phạm Điều lệ đã xử lý",
            FieldKind.TABLE,
            required=False,
            max_rows=20,
            columns=(
                Column("noi_dung", "Nội dung vi phạm", FieldKind.TEXT, required=True),
                Column(
                    "so_dang_vien",
                    "Số đảng viên",
                    FieldKind.NUMBER,
                    minimum=0,
                    integer=True,
                    required=True,
                ),
                Column("hinh_thuc", "Hình thức kỷ luật", FieldKind.CHOICE, options=VIOLATIONS),
            ),
        ),
        FieldSpec(
            "kien_nghi",
            "Kiến nghị, đề xuất sửa đổi, bổ sung Điều lệ",
            FieldKind.TEXT,
            required=False,
            max_length=2000,
        ),
    ),
)

PROPOSALS = (
    "Đề nghị hướng dẫn cụ thể việc chuyển sinh hoạt đảng cho đảng viên đi làm ăn xa.",
    "Đề nghị quy định rõ thời hạn xem xét kết nạp lại người đã ra khỏi Đảng.",
    "Đề nghị đơn giản hóa thủ tục chuyển sinh hoạt đảng tạm thời.",
    "",
)
VIOLATION_TEXTS = (
    "Không sinh hoạt đảng 3 tháng không có lý do",
    "Không đóng đảng phí 3 tháng không có lý do",
    "Vi phạm quy định về những điều đảng viên không được làm",
)


def _uow() -> SurveyUnitOfWork:
    return cast(SurveyUnitOfWork, DjangoSurveyUnitOfWork())


def slug(name: str) -> str:
    """``Đảng bộ xã Mỹ Lâm`` → ``mylam`` (the account name's part after ``xa.``)."""
    words = fold(name).split()
    for lead in ("dang", "bo", "xa", "phuong", "dac", "khu"):
        while words and words[0] == lead:
            words = words[1:]
    return re.sub(r"[^a-z0-9]", "", "".join(words)) or "xa"


def _answers(rng: random.Random) -> dict[str, Any]:
    members = rng.randint(180, 900)
    rows = [
        {
            "noi_dung": rng.choice(VIOLATION_TEXTS),
            "so_dang_vien": rng.randint(1, 3),
            "hinh_thuc": rng.choice(VIOLATIONS[:2]).value,
        }
        for _ in range(rng.randint(0, 2))
    ]
    return {
        "so_dang_vien": members,
        "so_chi_bo": max(8, members // 25),
        "ty_le_sinh_hoat": round(rng.uniform(88, 100), 1),
        "ket_nap_moi": rng.randint(2, 25),
        "danh_gia_chung": rng.choice(("tot", "tot", "kha", "trung_binh")),
        "vuong_mac": rng.sample(("ket_nap", "chuyen_sinh_hoat", "dang_phi", "bau_cu"), 2),
        "vi_pham": rows,
        "kien_nghi": rng.choice(PROPOSALS),
    }


def build_survey(named: dict[str, int], today: dt.date) -> str:
    """The Charter survey of ``named["province:08"]`` to its communes; adds the two demo
    communes to ``named`` (``survey_commune:submitted``, ``survey_commune:open``)."""
    sent = today - dt.timedelta(days=SENT_DAYS_AGO)
    if sent < PROVINCE_FROM or "province:08" not in named:
        return "-"
    province = UnitId(named["province:08"])
    staff = Actor(AccountId(0), "tinhuy.tuyenquang", (Grant(Role.ORG_STAFF, province),))
    at = dt.datetime.combine(sent, dt.time(2, 0), tzinfo=dt.UTC)
    form_id = forms.define_form(_uow(), staff, province, CHARTER_SURVEY, at)
    request_id = requests.send_request(
        _uow(),
        staff,
        form_id=form_id,
        requester_id=province,
        target_kind="commune_party_committee",
        deadline=today - dt.timedelta(days=DEADLINE_DAYS_AGO),
        title="Khảo sát tình hình thi hành Điều lệ Đảng năm 2026",
        note="Các đảng ủy xã, phường báo cáo theo biểu mẫu; số liệu tính đến ngày yêu cầu.",
        now=at,
        today=sent,
    )
    rows = list(
        Assignment.objects.filter(request_id=request_id)
        .order_by("sort_key")
        .values_list("pk", "unit_id")
    )
    answered = _answer(rows, request_id, today)
    if len(rows) > len(answered):
        requests.remind(
            _uow(),
            staff,
            request_id,
            now=_at(today - dt.timedelta(days=2)),
            today=today - dt.timedelta(days=2),
            note="Đề nghị các đảng ủy khẩn trương nộp báo cáo.",
        )
    if answered:
        named["survey_commune:submitted"] = answered[0]
    if len(rows) > len(answered):
        named["survey_commune:open"] = rows[-1][1]
    return f"{len(answered)}/{len(rows)} xã đã nộp / communes answered"


def _commune(unit_id: int) -> Actor:
    return Actor(AccountId(0), "van.phong.dang.uy", (Grant(Role.ORG_STAFF, UnitId(unit_id)),))


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(3, 30), tzinfo=dt.UTC)


def _answer(rows: list[tuple[int, int]], request_id: RequestId, today: dt.date) -> list[int]:
    """Up to six communes answer (two at least are left to remind): one late (after the
    deadline), the others on time, one of them then corrected with a reason."""
    rng = random.Random(request_id)
    answered = []
    deadline = today - dt.timedelta(days=DEADLINE_DAYS_AGO)
    late = today - dt.timedelta(days=1)
    days = [deadline - dt.timedelta(days=d) for d in (12, 7, 5, 9, 3)]
    days.insert(1, late)
    count = max(1, min(6, len(rows) - 2))
    for (pk, unit_id), day in zip(rows[:count], days, strict=False):
        submissions.submit(
            _uow(), _commune(unit_id), AssignmentId(pk), _answers(rng), now=_at(day), today=day
        )
        answered.append(unit_id)
    if count >= 4:
        pk, unit_id = rows[3]
        fixed = Assignment.objects.get(pk=pk).current_answers or {}
        fixed = {**fixed, "ket_nap_moi": int(fixed.get("ket_nap_moi") or 0) + 3}
        day = deadline - dt.timedelta(days=1)
        submissions.correct(
            _uow(),
            _commune(unit_id),
            AssignmentId(pk),
            fixed,
            now=_at(day),
            today=day,
            reason="Bổ sung 3 đảng viên kết nạp cuối quý chưa tổng hợp.",
        )
    return answered
