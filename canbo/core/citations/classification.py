"""Review and quality classification under QĐ 366-QĐ/TW and HD 43-HD/BTCTW (CL rules).

Handbook file ``classification.md``. The articles of QĐ 366 come from press reproductions of its
Article 11; those of QĐ 124 (the default lists) from legal Q&A pages that quote them.
"""

from __future__ import annotations

from canbo.core.citations.documents import HD21, HD43, QD124, QD366
from canbo.core.citations.model import RuleText, at, rule

ART11_366 = (
    "https://ja.laodong.vn/thoi-su/diem-danh-gia-de-tinh-xep-loai-tap-the-ca-nhan-hoan-thanh-"
    "xuat-sac-nhiem-vu-1578058.ldo"
)
HTT_366 = (
    "https://ja.laodong.vn/thoi-su/thang-diem-danh-gia-de-tinh-xep-loai-tap-the-ca-nhan-hoan-"
    "thanh-tot-nhiem-vu-1579399.ldo"
)
KHT_366 = (
    "https://dhtn.ttxvn.org.vn/tintuc/tieu-chi-xep-loai-khong-hoan-thanh-nhiem-vu-doi-voi-ca-"
    "nhan-giu-chuc-vu-lanh-dao-quan-ly-21441"
)
THANHNIEN_366 = (
    "https://thanhnien.vn/bo-chinh-tri-ban-hanh-tieu-chi-danh-gia-can-bo-dang-vien-theo-thang-"
    "diem-100-185250920111919699.htm"
)
DANTRI_366 = (
    "https://dantri.com.vn/thoi-su/bo-chinh-tri-quy-dinh-cham-diem-lanh-dao-tu-cap-cao-den-co-"
    "so-20250920071540684.htm"
)
FRAMEWORK_366 = (
    "https://vietnamnet.vn/khung-tieu-chi-danh-gia-thang-diem-100-voi-can-bo-dien-trung-uong-"
    "quan-ly-2444515.html"
)
HD43_GUIDE = (
    "https://www.encovietnam.com/ban-tin-phap-luat/140-hanh-chinh/5216-da-co-huong-dan-43-hd-"
    "btctw-ve-kiem-diem-danh-gia-xep-loai-chat-luong-trong-he-thong-chinh-tri.html"
)
HTXS_2025 = (
    "http://tintuc.thuvienphapluat.com/ho-tro-phap-luat/tu-van-phap-luat/100238/ty-le-dang-vien-"
    "hoan-thanh-xuat-sac-nhiem-vu-nam-2025"
)
ART12_124 = (
    "https://lawnet.vn/giao-duc/en/guidelines-for-evaluation-and-classification-of-communist-"
    "party-members-according-to-regulation-124--15768.html"
)
EXEMPT_124 = (
    "https://thuvienphapluat.vn/chinh-sach-phap-luat-moi/vn/ho-tro-phap-luat/tu-van-phap-luat/"
    "54347/03-truong-hop-dang-vien-duoc-mien-kiem-diem"
)
HEAD_2019 = (
    "https://baovephapluat.vn/kiem-sat-24h/chinh-sach-moi/bo-chinh-tri-ban-hanh-quy-dinh-moi-ve-"
    "danh-gia-xep-loai-chat-luong-hang-nam-doi-voi-tap-the-ca-nhan-146892.html"
)
CAPS_2019 = (
    "https://nganhangphapluat.thukyluat.vn/tu-van-phap-luat/bo-may-hanh-chinh/thoi-gian-nghi-"
    "huong-che-do-thai-san-co-tinh-vao-thoi-gian-de-danh-311008"
)
HTXS_2019 = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/4C187-hd-co-giay-khen-hoan-thanh-xuat-sac-"
    "nhiem-vu-co-duoc-coi-la-dang-vien-du-tu-cach-hoan-thanh-xuat-sac-nhiem-vu.html"
)
ONCE_2019 = (
    "https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/4BA5B-hd-dang-vien-giu-chuc-vu-quan-ly-"
    "bi-ky-luat-canh-cao-thi-xep-loai-dang-vien-ra-sao.html"
)
CL16_2019 = (
    "https://thuvienphapluat.vn/phap-luat/dieu-kien-de-to-chuc-dang-duoc-danh-gia-xep-loai-"
    "chat-luong-o-muc-hoan-thanh-xuat-sac-nhiem-vu-la-g-127357-56271.html"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "CL-01",
        QD366,
        "",
        "",
        (
            "QĐ 366-QĐ/TW thay QĐ 124-QĐ/TW và HD 43-HD/BTCTW thay HD 25-HD/BTCTW, từ kỳ đánh giá"
            " năm 2025."
        ),
        "QĐ 366 replaces QĐ 124 and HD 43 replaces HD 25, from the 2025 review.",
        THANHNIEN_366,
        "unconfirmed",
        at(HD43, source=HD43_GUIDE),
    ),
    rule(
        "CL-02",
        QD366,
        "",
        "",
        (
            "Kiểm điểm, đánh giá theo nhiệm kỳ, hằng năm, hằng quý hoặc khi cần; kết quả là căn "
            "cứ cho công tác cán bộ."
        ),
        "Review by term, year, quarter or when needed; results are the basis of cadre decisions.",
        THANHNIEN_366,
        "unconfirmed",
    ),
    rule(
        "CL-03",
        QD366,
        "",
        "",
        "Áp dụng đối với tập thể và cá nhân trong hệ thống chính trị từ Trung ương đến cơ sở.",
        (
            "Applies to collectives and individuals in the political system from the centre to "
            "the grassroots."
        ),
        DANTRI_366,
        "unconfirmed",
        at(HD43, source=HD43_GUIDE),
    ),
    rule(
        "CL-04",
        QD366,
        "",
        "",
        (
            "Đảng viên được miễn công tác và sinh hoạt đảng, bị đình chỉ sinh hoạt đảng hoặc mới "
            "kết nạp dưới 6 tháng không kiểm điểm (danh sách của QĐ 124)."
        ),
        (
            "Members excused from Party work, suspended, or admitted less than 6 months ago are "
            "not reviewed (the QĐ 124 list)."
        ),
        EXEMPT_124,
        "unconfirmed",
        at(QD124, source=EXEMPT_124),
    ),
    rule(
        "CL-05",
        QD366,
        "",
        "",
        (
            "Khung tiêu chí thang điểm 100: tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70"
            " điểm."
        ),
        "A 100-point criteria framework: general criteria 30 points, task results 70 points.",
        FRAMEWORK_366,
        "unconfirmed",
    ),
    rule(
        "CL-06",
        QD366,
        "Điều 11",
        "",
        (
            "Từ 90 điểm: HTXS; từ 70 đến dưới 90: HTT; từ 50 đến dưới 70: HT; dưới 50: không hoàn"
            " thành nhiệm vụ."
        ),
        "90 or more: HTXS; 70 to under 90: HTT; 50 to under 70: HT; under 50: KHT.",
        ART11_366,
        "secondary",
    ),
    rule(
        "CL-07",
        QD366,
        "Điều 11",
        "khoản 1",
        (
            "Mức HTXS: từ 90 điểm và hoàn thành 100% nhiệm vụ đúng hạn, trong đó ít nhất 30% vượt"
            " yêu cầu."
        ),
        "HTXS: 90 points or more and 100% of tasks done on time, at least 30% of them exceeded.",
        ART11_366,
        "secondary",
    ),
    rule(
        "CL-08",
        QD366,
        "Điều 11",
        "",
        "Mức HTT: từ 70 đến dưới 90 điểm và hoàn thành 100% nhiệm vụ đúng hạn, bảo đảm chất lượng.",
        "HTT: 70 to under 90 points and 100% of tasks done on time with quality.",
        HTT_366,
        "secondary",
    ),
    rule(
        "CL-09",
        QD366,
        "Điều 11",
        "khoản 4, điểm 4.2",
        (
            "Cán bộ lãnh đạo, quản lý không hoàn thành nhiệm vụ khi dưới 50 điểm hoặc thuộc một "
            "trường hợp bắt buộc (đơn vị dưới 70% nhiệm vụ, trên 50% phiếu tín nhiệm thấp, bị kỷ "
            "luật)."
        ),
        (
            "A leader is KHT under 50 points or on a forcing fact (units under 70% of tasks, over"
            " 50% low confidence, discipline)."
        ),
        KHT_366,
        "secondary",
    ),
    rule(
        "CL-10",
        QD366,
        "Điều 11",
        "",
        (
            "Mức HT: từ 50 đến dưới 70 điểm; tập thể hoàn thành 100% nhiệm vụ, chậm tiến độ không"
            " quá 20%."
        ),
        "HT: 50 to under 70 points; a collective completes 100% of tasks with at most 20% late.",
        HTT_366,
        "secondary",
    ),
    rule(
        "CL-11",
        QD366,
        "",
        "",
        (
            "Trường hợp buộc không hoàn thành nhiệm vụ cho tập thể và cá nhân không giữ chức vụ: "
            "mặc định theo danh sách của QĐ 124."
        ),
        "Forced KHT for collectives and non-leaders: the QĐ 124 lists apply by default.",
        ART12_124,
        "unconfirmed",
        at(QD124, "Điều 12", "", ART12_124, "secondary"),
    ),
    rule(
        "CL-12",
        QD366,
        "",
        "",
        (
            "Mức xếp loại là mức cao nhất theo điểm mà đủ điều kiện; trường hợp buộc KHT được áp "
            "dụng trước; cấp có thẩm quyền quyết định."
        ),
        (
            "The level is the highest one the score reaches whose conditions hold; forced KHT "
            "overrides; the competent level decides."
        ),
        HTXS_2025,
        "unconfirmed",
    ),
    rule(
        "CL-13",
        QD124,
        "Điều 12",
        "",
        (
            "Số HTXS không quá 20% số được xếp loại HTT trong từng nhóm có vai trò, chức năng, "
            "nhiệm vụ tương đồng."
        ),
        "HTXS may not exceed 20% of those rated HTT within each group of similar roles and tasks.",
        ART12_124,
        "secondary",
        at(QD366, source=HTXS_2025),
    ),
    rule(
        "CL-14",
        QD124,
        "Điều 12",
        "",
        (
            "Tỉ lệ HTXS tính trong từng nhóm đối tượng tương đồng; với đảng viên, trong từng tổ "
            "chức cơ sở đảng (hướng dẫn năm 2019)."
        ),
        (
            "The HTXS cap is counted per group of similar subjects; for members, per grassroots "
            "Party organization (2019 guidance)."
        ),
        ART12_124,
        "secondary",
        at(HD21, source=HTXS_2019),
        at(QD366),
    ),
    rule(
        "CL-15",
        HD21,
        "",
        "",
        (
            "Kết quả của người đứng đầu gắn với kết quả của địa phương, đơn vị mình; không xếp "
            "cao hơn tập thể do mình phụ trách."
        ),
        "A head's result is tied to the unit's; the head is not rated above the collective led.",
        HEAD_2019,
        "unconfirmed",
        at(QD366, "Điều 11", "", ART11_366, "secondary"),
    ),
    rule(
        "CL-16",
        HD43,
        "",
        "",
        (
            "Xếp loại tổ chức đảng dựa trên kết quả của tập thể, các tổ chức trực thuộc và đảng "
            "viên; cấp trên trực tiếp quyết định."
        ),
        (
            "A Party body's level rests on the collective, its affiliated bodies and its members;"
            " the superior decides."
        ),
        HD43_GUIDE,
        "unconfirmed",
        at(HD21, source=CL16_2019),
    ),
    rule(
        "CL-17",
        HD21,
        "",
        "",
        (
            "Đảng viên được chấm theo khung tiêu chí của nhóm mình; đảng viên là công chức, viên "
            "chức gắn với kết quả đánh giá công chức."
        ),
        (
            "Members are scored on their group's framework; a member who is a civil servant is "
            "linked to the civil-service rating."
        ),
        FRAMEWORK_366,
        "unconfirmed",
        at(QD366, source=FRAMEWORK_366),
    ),
    rule(
        "CL-18",
        HD21,
        "",
        "",
        (
            "Tổ chức mới thành lập hoặc đảng viên mới kết nạp dưới 6 tháng không xếp loại; nghỉ "
            "ốm từ 3 tháng không xếp từ HTT trở lên."
        ),
        (
            "Bodies formed or members admitted under 6 months ago are not classified; 3 months' "
            "sick leave caps the level below HTT."
        ),
        CAPS_2019,
        "unconfirmed",
    ),
    rule(
        "CL-19",
        QD124,
        "Điều 12",
        "",
        (
            "Bị kỷ luật trong năm thì xếp loại không hoàn thành nhiệm vụ (trừ vi phạm tự phát "
            "hiện, khắc phục)."
        ),
        "Discipline in the year forces KHT (except a breach detected and remedied by oneself).",
        ART12_124,
        "secondary",
        at(QD366, "Điều 11", "khoản 4, điểm 4.2", KHT_366, "secondary"),
        at(HD21, source=ONCE_2019),
    ),
)
