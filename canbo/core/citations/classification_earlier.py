"""Classification under the earlier regimes: QĐ 124 + HD 25 (CL124) and QĐ 132 (CL132).

Handbook file ``classification.md``; articles of QĐ 124 from legal Q&A pages that quote them.
"""

from __future__ import annotations

from canbo.core.citations.documents import HD21, HD25, QD124, QD132
from canbo.core.citations.model import RuleText, at, rule

ORDER_124 = (
    "https://lawnet.vn/en/laws/quy-trinh-danh-gia-xep-loai-chat-luong-tap-the-thuoc-he-thong-"
    "chinh-tri-ra-sao-thu-tu-thuc-hien-dan-348764-119272.html"
)
ART12_124 = (
    "https://lawnet.vn/giao-duc/en/guidelines-for-evaluation-and-classification-of-communist-"
    "party-members-according-to-regulation-124--15768.html"
)
CRITERIA_124 = (
    "https://lawnet.vn/thong-tin-phap-luat/en/tu-van-luat/annual-quality-ranking-criteria-"
    "framework-for-collectives-and-individuals-in-the-political-system-in-vietnam-126194.html"
)
HD25_TEXT = "https://hieuluat.vn/hanh-chinh/huong-dan-25-hd-btctw-ban-to-chuc-ban-chap-hanh-trung-uong-43683.html"
HD16_TEXT = (
    "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Huong-dan-16-HD-BTCTW-2018-kiem-diem-"
    "danh-gia-chat-luong-to-chuc-dang-dang-vien-can-bo-396122.aspx"
)
HTXS_2019 = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/4C187-hd-co-giay-khen-hoan-thanh-xuat-sac-"
    "nhiem-vu-co-duoc-coi-la-dang-vien-du-tu-cach-hoan-thanh-xuat-sac-nhiem-vu.html"
)
ONCE_2019 = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/4BA5B-hd-dang-vien-giu-chuc-vu-quan-ly-"
    "bi-ky-luat-canh-cao-thi-xep-loai-dang-vien-ra-sao.html"
)

QD124_RULES: tuple[RuleText, ...] = (
    rule(
        "CL124-01",
        QD124,
        "",
        "",
        (
            "Tập thể lãnh đạo, tổ chức đảng và mọi đảng viên được kiểm điểm, xếp loại, trừ các "
            "trường hợp miễn kiểm điểm."
        ),
        (
            "Leadership collectives, Party bodies and all members are reviewed, except the "
            "exempted cases."
        ),
        HD25_TEXT,
        "unconfirmed",
        at(HD25, source=HD25_TEXT),
    ),
    rule(
        "CL124-02",
        QD124,
        "",
        "",
        "Mỗi tiêu chí được đánh giá ở một trong bốn mức: Xuất sắc, Tốt, Trung bình, Kém.",
        "Each criterion is graded Excellent, Good, Average or Poor.",
        CRITERIA_124,
        "unconfirmed",
    ),
    rule(
        "CL124-03",
        QD124,
        "Điều 12",
        "",
        (
            "HTXS: mọi tiêu chí từ Tốt trở lên, kết quả thực hiện nhiệm vụ Xuất sắc; không có đơn"
            " vị, thành viên bị kỷ luật."
        ),
        (
            "HTXS: every criterion Good or better, task results Excellent; no affiliated unit or "
            "member disciplined."
        ),
        ART12_124,
        "secondary",
    ),
    rule(
        "CL124-04",
        QD124,
        "Điều 12",
        "",
        (
            "HTT: các tiêu chí từ Trung bình trở lên, kết quả thực hiện nhiệm vụ từ Tốt trở lên; "
            "không có đơn vị, thành viên bị kỷ luật."
        ),
        (
            "HTT: criteria Average or better, task results Good or better; no affiliated unit or "
            "member disciplined."
        ),
        ART12_124,
        "secondary",
    ),
    rule(
        "CL124-05",
        QD124,
        "Điều 12",
        "",
        "HT: các tiêu chí cơ bản từ Trung bình trở lên, có sản phẩm cụ thể.",
        "HT: basic criteria Average or better, with concrete products.",
        ART12_124,
        "secondary",
    ),
    rule(
        "CL124-06",
        QD124,
        "Điều 12",
        "",
        (
            "Không hoàn thành nhiệm vụ khi có tiêu chí Kém hoặc thuộc một trường hợp bắt buộc (bị"
            " kỷ luật, hoàn thành dưới 50% chỉ tiêu)."
        ),
        (
            "KHT when a criterion is Poor or a forcing fact applies (discipline, under 50% of "
            "targets)."
        ),
        ART12_124,
        "secondary",
    ),
    rule(
        "CL124-07",
        QD124,
        "Điều 11",
        "",
        (
            "Trách nhiệm cá nhân gắn với tập thể; người đứng đầu được đánh giá sau địa phương, "
            "đơn vị mình."
        ),
        (
            "Individual responsibility is tied to the collective; the head is evaluated after the"
            " unit."
        ),
        ORDER_124,
        "secondary",
    ),
    rule(
        "CL124-08",
        HD25,
        "",
        "",
        (
            "Mẫu kiểm điểm của HD 25: 02A (cá nhân không giữ chức vụ), 02B (lãnh đạo, quản lý) và"
            " báo cáo của tập thể."
        ),
        (
            "HD 25 forms: 02A (no leadership post), 02B (leader or manager) and the collective's "
            "report."
        ),
        "https://acchcm.vn/mau-ban-kiem-diem-cho-can-bo-lanh-dao-quan-ly",
        "unconfirmed",
    ),
    rule(
        "CL124-09",
        HD25,
        "",
        "",
        "Thẩm quyền quyết định xếp loại các tổ chức đảng ở cơ sở theo HD 25.",
        "Who decides the level of grassroots Party bodies under HD 25.",
        HD25_TEXT,
        "unconfirmed",
    ),
)

QD132_RULES: tuple[RuleText, ...] = (
    rule(
        "CL132-01",
        QD132,
        "",
        "",
        "QĐ 132-QĐ/TW (08/3/2018), hướng dẫn bởi HD 16-HD/BTCTW (2018) rồi HD 21-HD/BTCTW (2019).",
        "QĐ 132 (08/03/2018), guided by HD 16 (2018) and then HD 21 (2019).",
        HD16_TEXT,
        "unconfirmed",
        at(HD21, source=HTXS_2019),
    ),
    rule(
        "CL132-02",
        HD21,
        "",
        "",
        (
            "Đảng viên HTXS: kết quả nhiệm vụ Xuất sắc, tiêu chí khác từ Tốt; không quá 20% số "
            "HTT trong tổ chức cơ sở đảng."
        ),
        (
            "Member HTXS: task results Excellent, others Good; at most 20% of HTT within the "
            "grassroots organization."
        ),
        HTXS_2019,
        "unconfirmed",
    ),
    rule(
        "CL132-03",
        HD21,
        "",
        "",
        (
            "Tổ chức đảng HTXS: các tổ chức trực thuộc từ HT trở lên, ít nhất 80% từ HTT trở lên;"
            " chính quyền, đoàn thể cùng cấp từ HTT trở lên."
        ),
        (
            "Party body HTXS: affiliated bodies all HT or better, at least 80% HTT or better; "
            "same-level bodies HTT or better."
        ),
        "https://thuvienphapluat.vn/phap-luat/dieu-kien-de-to-chuc-dang-duoc-danh-gia-xep-loai-chat-luong-o-muc-hoan-thanh-xuat-sac-nhiem-vu-la-g-127357-56271.html",
        "unconfirmed",
    ),
    rule(
        "CL132-04",
        HD21,
        "",
        "",
        (
            "Người đứng đầu không được xếp cao hơn tập thể lãnh đạo, đơn vị mình; tập thể lãnh "
            "đạo không cao hơn tổ chức, đơn vị."
        ),
        (
            "The head is not rated above the leadership or unit led; the leadership not above its"
            " organization."
        ),
        "https://nganhangphapluat.thukyluat.vn/tu-van-phap-luat/bo-may-hanh-chinh/quy-dinh-ve-danh-gia-xep-loai-can-bo-lanh-dao-quan-ly-cac-cap-309959",
        "unconfirmed",
    ),
    rule(
        "CL132-05",
        HD21,
        "",
        "",
        (
            "Tổ chức mới thành lập hoặc đảng viên mới kết nạp dưới 6 tháng không xếp loại; nghỉ "
            "ốm từ 3 tháng chỉ xếp đến HT."
        ),
        (
            "New bodies or members under 6 months are not classified; 3 months' sick leave caps "
            "the level at HT."
        ),
        "https://nganhangphapluat.thukyluat.vn/tu-van-phap-luat/bo-may-hanh-chinh/thoi-gian-nghi-huong-che-do-thai-san-co-tinh-vao-thoi-gian-de-danh-311008",
        "unconfirmed",
    ),
    rule(
        "CL132-06",
        HD21,
        "",
        "",
        "Một vi phạm đã bị kỷ luật chỉ tính một lần khi xếp loại.",
        "A disciplined violation counts only once for classification.",
        ONCE_2019,
        "unconfirmed",
    ),
)

RULES: tuple[RuleText, ...] = QD124_RULES + QD132_RULES
