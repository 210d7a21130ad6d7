"""The organization tree and its history (OR). Handbook file ``organization.md``.

Most OR rules are canbo's design rules for keeping history (document: the design rules);
the Charter rules carry their article.
"""

from __future__ import annotations

from canbo.core.citations.documents import (
    CHARTER,
    COMMUNES_2025,
    DESIGN,
    HD31,
    NQ60,
    NQ202,
    POLITBURO_2025,
)
from canbo.core.citations.model import RuleText, at, rule

TWO_LEVELS = (
    "https://daihoidang.baoquangninh.vn/mo-hinh-to-chuc-chinh-quyen-dia-phuong-2-cap-van-hanh-"
    "tu-1-7-2025-3364666.html"
)
NEW_COMMITTEES = (
    "https://cafef.vn/tong-bi-thu-to-lam-ky-quyet-dinh-thanh-lap-dang-bo-cac-tinh-thanh-moi-"
    "188250625153145181.chn"
)
COMMUNES = (
    "https://dientuungdung.vn/tra-cuu-chi-tiet-3321-phuong-xa-dac-khu-cua-34-tinh-thanh-pho-"
    "sau-sap-xep-10143-10143.html"
)
PROVINCES = "https://baothanhhoa.vn/toan-van-nghi-quyet-hoi-nghi-lan-thu-11-bch-trung-uong-dang-khoa-xiii-245497.htm"
SPLIT_NAMES = (
    "https://nld.com.vn/an-giang-va-kien-giang-co-hon-30-xa-phuong-trung-ten-truoc-khi-sap-"
    "nhap-196250507172715672.htm"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "OR-01",
        DESIGN,
        "",
        "",
        (
            "Hệ thống chính trị có ba trụ cột (Đảng, Nhà nước, Mặt trận và các đoàn thể), lưu "
            "thành các cây riêng có liên kết."
        ),
        (
            "The political system has three pillars (Party, State, Front and mass organizations),"
            " kept as linked trees."
        ),
        TWO_LEVELS,
        "unconfirmed",
    ),
    rule(
        "OR-02",
        CHARTER,
        "",
        "",
        (
            "Đại hội bầu Ban Chấp hành Trung ương; Ban Chấp hành Trung ương bầu Bộ Chính trị, "
            "Tổng Bí thư, Ban Bí thư và Ủy ban Kiểm tra."
        ),
        (
            "The Congress elects the Central Committee, which elects the Politburo, General "
            "Secretary, Secretariat and Inspection Commission."
        ),
        "https://www.vietnam.vn/ro/quy-che-bau-cu-trong-dang",
        "unconfirmed",
    ),
    rule(
        "OR-03",
        POLITBURO_2025,
        "",
        "",
        (
            "Các đảng bộ trực thuộc Trung ương gồm các đảng bộ tỉnh, thành phố, Quân ủy Trung "
            "ương, Đảng ủy Công an Trung ương và bốn đảng bộ ở Trung ương."
        ),
        (
            "Directly under the Central Committee: provincial committees, the army and police "
            "committees and four central committees."
        ),
        "https://nongnghiepmoitruong.vn/tong-bi-thu-to-lam-trao-quyet-dinh-thanh-lap-cac-dang-bo-truc-thuoc-trung-uong-d740762.html",
        "unconfirmed",
    ),
    rule(
        "OR-04",
        POLITBURO_2025,
        "",
        "",
        (
            "Đảng bộ các tỉnh, thành phố hợp nhất được thành lập từ 01/07/2025 trên cơ sở hợp "
            "nhất các đảng bộ cũ."
        ),
        (
            "The merged provincial Party committees were established from 01/07/2025 by merging "
            "the former ones."
        ),
        NEW_COMMITTEES,
        "unconfirmed",
    ),
    rule(
        "OR-05",
        HD31,
        "",
        "",
        (
            "Cấp huyện kết thúc hoạt động; đảng bộ xã, phường, đặc khu được thành lập trực thuộc "
            "tỉnh ủy, thành ủy."
        ),
        (
            "District committees ended; commune, ward and special-zone committees were set up "
            "under the provincial committee."
        ),
        "https://lsvn.vn/tag/don-vi-hanh-chinh-cap-xa.html",
        "unconfirmed",
    ),
    rule(
        "OR-06",
        CHARTER,
        "Điều 21",
        "khoản 2",
        "Tổ chức cơ sở đảng được lập ở nơi có từ ba đảng viên chính thức trở lên.",
        (
            "A grassroots Party organization is set up where there are at least three official "
            "members."
        ),
        "http://dvdn247.net/dieu-kien-thanh-lap-chi-bo/",
        "text",
    ),
    rule(
        "OR-07",
        CHARTER,
        "Điều 24",
        "",
        (
            "Chi bộ có ít nhất ba đảng viên chính thức, có thể chia tổ đảng; đại hội chi bộ năm "
            "năm hai lần."
        ),
        (
            "A cell has at least three official members and may be divided into groups; its "
            "congress meets twice in five years."
        ),
        "https://xaydungchinhsach.chinhphu.vn/thi-diem-dai-hoi-chi-bo-5-nam-mot-lan-119250603053006617.htm",
        "text",
    ),
    rule(
        "OR-08",
        DESIGN,
        "",
        "",
        "Quy tắc phụ thuộc cấp của đơn vị dùng cấp lưu trong cây tổ chức.",
        "Rules that depend on a unit's level read the level class stored in the tree.",
        "https://lawnet.vn/en/laws/lanh-dao-co-tu-23-so-phieu-tin-nhiem-thap-tro-len-thi-mien-nhiem-chuc-vu-ma-khong-cho-den-het-nhiem-67946.html",
        "unconfirmed",
    ),
    rule(
        "OR-10",
        NQ60,
        "",
        "",
        "Từ 01/07/2025 chính quyền địa phương có hai cấp: tỉnh và xã; cấp huyện kết thúc.",
        (
            "From 01/07/2025 local government has two levels, province and commune; the district "
            "level ended."
        ),
        TWO_LEVELS,
        "unconfirmed",
    ),
    rule(
        "OR-11",
        NQ202,
        "",
        "",
        "Từ 63 tỉnh, thành phố sắp xếp còn 34 đơn vị hành chính cấp tỉnh.",
        "The 63 provinces were arranged into 34 provincial units.",
        PROVINCES,
        "unconfirmed",
        at(NQ60, source=PROVINCES),
    ),
    rule(
        "OR-12",
        NQ202,
        "",
        "",
        "Tên, các tỉnh hợp thành và trung tâm hành chính của 34 đơn vị cấp tỉnh.",
        "Names, predecessors and seats of the 34 provincial units.",
        PROVINCES,
        "unconfirmed",
        at(NQ60, source=PROVINCES),
    ),
    rule(
        "OR-13",
        COMMUNES_2025,
        "",
        "",
        "Sau sắp xếp có 3.321 đơn vị hành chính cấp xã (xã, phường, đặc khu).",
        (
            "After the arrangement there are 3,321 commune-level units (communes, wards, special "
            "zones)."
        ),
        COMMUNES,
        "unconfirmed",
    ),
    rule(
        "OR-14",
        COMMUNES_2025,
        "",
        "",
        "Xã mới có thể hình thành từ một phần của xã cũ; tên xã có thể trùng nhau.",
        "New communes may be formed from parts of old ones; names can repeat.",
        SPLIT_NAMES,
        "unconfirmed",
    ),
    rule(
        "OR-15",
        DESIGN,
        "",
        "",
        (
            "Sắp xếp tổ chức không ghi đè quá khứ: kết quả đã quyết định gắn với đơn vị tồn tại "
            "vào lúc đó."
        ),
        (
            "A reorganization never rewrites the past: earlier results stay with the unit that "
            "existed then."
        ),
        NEW_COMMITTEES,
        "unconfirmed",
    ),
    rule(
        "OR-16",
        DESIGN,
        "",
        "",
        (
            "Mỗi thay đổi là một sự kiện: thành lập, hợp nhất, sáp nhập, chia tách, điều chuyển, "
            "đổi tên, giải thể."
        ),
        "Each change is an event: establish, merge, absorb, split, transfer, rename or dissolve.",
        NEW_COMMITTEES,
        "unconfirmed",
    ),
    rule(
        "OR-17",
        DESIGN,
        "",
        "",
        (
            "Đảng viên giữ lịch sử sinh hoạt; khi chi bộ chuyển đảng bộ cấp trên, đảng viên không"
            " đổi chi bộ."
        ),
        (
            "Members keep their membership history; when a cell changes parent, its members do "
            "not change cell."
        ),
        "https://kenh14.vn/cong-bo-nhan-su-lanh-dao-cac-tinh-thanh-moi-sau-sap-nhap-215250630114014825.chn",
        "unconfirmed",
    ),
    rule(
        "OR-18",
        DESIGN,
        "",
        "",
        "Mã và tên đơn vị được lưu theo thời kỳ; mã, tên cũ vẫn tra cứu và in được.",
        "Codes and names are versioned; old codes and names stay searchable and printable.",
        SPLIT_NAMES,
        "unconfirmed",
    ),
    rule(
        "OR-19",
        DESIGN,
        "",
        "",
        "Quy tắc xét trên cây tổ chức dùng cây có hiệu lực vào ngày của bước được xét.",
        "A rule that looks at the tree uses the tree valid on the date of the step.",
        "https://thuviennhadat.vn/vbpl/huong-dan-06-hd-btctw-2021-tuoi-bo-nhiem-gioi-thieu-can-bo-ung-cu-488845.html",
        "unconfirmed",
    ),
    rule(
        "OR-20",
        DESIGN,
        "",
        "",
        "Báo cáo tổng hợp theo cây tổ chức có hiệu lực vào ngày báo cáo.",
        "A report rolls up over the tree valid on its as-of date.",
        COMMUNES,
        "unconfirmed",
    ),
    rule(
        "OR-21",
        DESIGN,
        "",
        "",
        (
            "So sánh trước và sau sắp xếp bằng cách tổng hợp lại từ các đơn vị không thay đổi "
            "theo quan hệ kế thừa."
        ),
        "Comparisons across the reorganization re-aggregate from unchanged units along lineage.",
        SPLIT_NAMES,
        "unconfirmed",
    ),
)
