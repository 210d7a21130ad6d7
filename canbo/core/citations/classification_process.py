"""Classification steps and their record under QĐ 366 and HD 43: who assesses, appraises and
decides, in which order, with which forms, when, and what follows (CL-20 to CL-27).

Handbook file ``classification.md``.
"""

from __future__ import annotations

from canbo.core.citations.documents import HD43, KL198, QD124, QD366
from canbo.core.citations.model import RuleText, at, rule

THANHNIEN_366 = (
    "https://thanhnien.vn/bo-chinh-tri-ban-hanh-tieu-chi-danh-gia-can-bo-dang-vien-theo-thang-"
    "diem-100-185250920111919699.htm"
)
HD43_GUIDE = (
    "https://www.encovietnam.com/ban-tin-phap-luat/140-hanh-chinh/5216-da-co-huong-dan-43-hd-"
    "btctw-ve-kiem-diem-danh-gia-xep-loai-chat-luong-trong-he-thong-chinh-tri.html"
)
ART11_124 = (
    "https://lawnet.vn/en/laws/process-for-evaluating-and-classifying-quality-in-the-political-"
    "system-as-stipulated-by-regulation-1-167960.html"
)
ORDER_124 = (
    "https://lawnet.vn/en/laws/quy-trinh-danh-gia-xep-loai-chat-luong-tap-the-thuoc-he-thong-"
    "chinh-tri-ra-sao-thu-tu-thuc-hien-dan-348764-119272.html"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "CL-20",
        QD366,
        "",
        "",
        (
            "Ba bước: tập thể, cá nhân tự đánh giá; cơ quan tham mưu thẩm định, đề xuất; cấp có "
            "thẩm quyền quyết định."
        ),
        (
            "Three steps: self-assessment; appraisal and proposal by the advisory body; decision "
            "by the competent level."
        ),
        ART11_124,
        "unconfirmed",
        at(QD124, "Điều 11", "", ART11_124, "secondary"),
    ),
    rule(
        "CL-21",
        QD366,
        "",
        "",
        (
            "Chính quyền, chuyên môn, đoàn thể trước, tổ chức đảng sau; cấp dưới trước cấp trên; "
            "tập thể trước cá nhân; người đứng đầu sau đơn vị."
        ),
        (
            "Government and mass bodies before the Party body; lower before higher; collectives "
            "before members; the head after the unit."
        ),
        ORDER_124,
        "unconfirmed",
        at(QD124, "Điều 11", "", ORDER_124, "secondary"),
    ),
    rule(
        "CL-22",
        QD366,
        "",
        "",
        (
            "Ban thường vụ cấp ủy cấp trên trực tiếp quyết định xếp loại tổ chức đảng; cấp trên "
            "có thể huỷ kết quả và đánh giá lại."
        ),
        (
            "The superior committee's standing committee decides a Party body's level; the "
            "superior may annul and re-evaluate."
        ),
        HD43_GUIDE,
        "unconfirmed",
        at(HD43, source=HD43_GUIDE),
    ),
    rule(
        "CL-23",
        HD43,
        "",
        "",
        (
            "Hội nghị kiểm điểm tập thể tối thiểu một ngày; cán bộ giữ nhiều chức vụ kiểm điểm ở "
            "từng nơi."
        ),
        (
            "A collective review meeting lasts at least a day; a cadre with several posts is "
            "reviewed at each."
        ),
        HD43_GUIDE,
        "unconfirmed",
    ),
    rule(
        "CL-24",
        HD43,
        "",
        "",
        "Tập thể làm báo cáo kiểm điểm theo Mẫu 01; cá nhân tự kiểm điểm theo Mẫu 2A, 2B hoặc 2C.",
        "Collectives report on Form 01; individuals self-review on Form 2A, 2B or 2C.",
        HD43_GUIDE,
        "unconfirmed",
    ),
    rule(
        "CL-25",
        QD366,
        "",
        "",
        "Kiểm điểm hằng năm vào cuối năm; cán bộ lãnh đạo được đánh giá hằng quý.",
        "The yearly review is at year end; leaders are also evaluated every quarter.",
        "https://vnexpress.net/can-bo-toan-he-thong-chinh-tri-duoc-danh-gia-hang-quy-4952359.html",
        "unconfirmed",
        at(KL198),
    ),
    rule(
        "CL-26",
        QD366,
        "",
        "",
        "Kết quả xếp loại là căn cứ quy hoạch, bổ nhiệm và các nội dung công tác cán bộ khác.",
        "Results feed planning, appointment and the other uses of cadre work.",
        THANHNIEN_366,
        "unconfirmed",
    ),
    rule(
        "CL-27",
        QD366,
        "",
        "",
        "Kết quả xếp loại được công khai; khiếu nại được cấp ủy cấp trên xem xét, thẩm tra.",
        "Results are made public; complaints are verified by the superior committee.",
        ART11_124,
        "unconfirmed",
        at(HD43, source=HD43_GUIDE),
    ),
)
