"""Reference lists for the synthetic demo: titles, agency and department names, legal bases.

The title catalogue lists real posts of the political system with the level that manages them
(danh mục chức danh; QĐ 80-QĐ/TW on cadre management, summarized). Names of agencies and
departments are the usual ones of a province; the organizations built from them are synthetic.
"""

from __future__ import annotations

import datetime as dt

EPOCH = dt.date(2008, 8, 1)
"""Start of the demo's history: the 63-province map existed from 01/08/2008 (Hà Tây merged
into Hà Nội, NQ 15/2008/QH12) to 30/06/2025. Earlier reorganizations are not modelled."""
REORG = dt.date(2025, 7, 1)
LAST_OLD_DAY = dt.date(2025, 6, 30)
CENTRAL_REORG = dt.date(2025, 2, 3)
"""OR-03: the four central Party committees established on 03/02/2025."""
FOREVER_ISO = "9999-12-31"

COMMUNE_BASIS = "HD 31-HD/BTCTW (23/04/2025); NQ của UBTVQH15 về sắp xếp ĐVHC cấp xã (2025)"
DISTRICT_END_BASIS = "NQ 60-NQ/TW (12/04/2025): kết thúc hoạt động cấp huyện"
AFFILIATE_BASIS = "NQ 60-NQ/TW (12/04/2025); dữ liệu demo (hình thức chưa xác nhận)"
CENTRAL_BASIS = "QĐ 243-QĐ/TW (24/01/2025) và các quyết định ngày 03/02/2025"

# (code, name, level, managing authority, is_leadership, rank)
TITLES: tuple[tuple[str, str, str, str, bool, int], ...] = (
    ("BT_TU", "Bí thư Tỉnh ủy, Thành ủy", "central", "Bộ Chính trị", True, 10),
    ("PBT_TU", "Phó Bí thư Tỉnh ủy, Thành ủy", "central", "Ban Bí thư", True, 20),
    ("CT_UBND_T", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố", "central", "Ban Bí thư", True, 25),
    ("PCT_UBND_T", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "central", "Ban Bí thư", True, 30),
    ("GD_SO", "Giám đốc Sở", "provincial", "Ban Thường vụ Tỉnh ủy, Thành ủy", True, 40),
    ("PGD_SO", "Phó Giám đốc Sở", "provincial", "Ban Thường vụ Tỉnh ủy, Thành ủy", True, 45),
    ("BT_HU", "Bí thư Huyện ủy, Quận ủy, Thị ủy", "provincial", "Ban Thường vụ Tỉnh ủy", True, 50),
    (
        "CT_UBND_H",
        "Chủ tịch Ủy ban nhân dân huyện",
        "provincial",
        "Ban Thường vụ Tỉnh ủy",
        True,
        55,
    ),
    (
        "BT_DUX",
        "Bí thư Đảng ủy xã, phường, đặc khu",
        "provincial",
        "Ban Thường vụ Tỉnh ủy (trước 01/07/2025: Ban Thường vụ Huyện ủy)",
        True,
        60,
    ),
    (
        "CT_UBND_X",
        "Chủ tịch Ủy ban nhân dân xã, phường",
        "provincial",
        "Ban Thường vụ Tỉnh ủy (trước 01/07/2025: Ban Thường vụ Huyện ủy)",
        True,
        65,
    ),
    ("BT_DUCS", "Bí thư Đảng ủy cơ sở", "provincial", "Cấp ủy cấp trên trực tiếp", True, 70),
    ("BT_CBCS", "Bí thư Chi bộ cơ sở", "commune", "Cấp ủy cấp trên trực tiếp", True, 72),
    ("THU_TRUONG", "Thủ trưởng cơ quan, đơn vị", "provincial", "Ban Thường vụ Tỉnh ủy", True, 75),
    ("TP", "Trưởng phòng", "department", "Thủ trưởng cơ quan, đơn vị", True, 80),
    ("PTP", "Phó Trưởng phòng", "department", "Thủ trưởng cơ quan, đơn vị", True, 85),
    ("BT_CB", "Bí thư chi bộ", "grassroots", "Đảng ủy cơ sở", True, 90),
    ("PBT_CB", "Phó Bí thư chi bộ", "grassroots", "Đảng ủy cơ sở", True, 95),
    ("CV", "Chuyên viên", "department", "Thủ trưởng cơ quan, đơn vị", False, 200),
)

PROVINCIAL_AGENCIES: tuple[str, ...] = (
    "Văn phòng Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Công Thương",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Thanh tra tỉnh",
    "Trường Chính trị tỉnh",
    "Bệnh viện Đa khoa tỉnh",
    "Báo và Phát thanh, Truyền hình tỉnh",
    "Kho bạc Nhà nước khu vực",
    "Thuế tỉnh",
    "Trường Cao đẳng Y tế",
    "Trường Trung học phổ thông Chuyên",
    "Công ty Điện lực",
    "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
)

LOCAL_AGENCIES: tuple[str, ...] = (
    "Trường Mầm non {c}",
    "Trường Tiểu học {c}",
    "Trường Trung học cơ sở {c}",
    "Trường Trung học phổ thông {c}",
    "Trạm Y tế {c}",
    "Trung tâm Y tế {d}",
    "Bệnh viện Đa khoa {d}",
    "Công an {d}",
    "Ban Chỉ huy Quân sự {d}",
    "Công ty Cổ phần {c}",
    "Hợp tác xã Nông nghiệp {c}",
    "Quỹ Tín dụng nhân dân {c}",
    "Trung tâm Giáo dục nghề nghiệp {d}",
    "Chi nhánh Ngân hàng Nông nghiệp {d}",
    "Công ty TNHH Một thành viên {c}",
    "Bưu điện {d}",
)

CENTRAL_AGENCIES: tuple[str, ...] = (
    "Bộ Tài chính",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Xây dựng",
    "Bộ Công Thương",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Ngoại giao",
    "Bộ Khoa học và Công nghệ",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Thanh tra Chính phủ",
    "Ngân hàng Nhà nước Việt Nam",
    "Văn phòng Chính phủ",
    "Đài Truyền hình Việt Nam",
    "Tập đoàn Điện lực Việt Nam",
    "Tập đoàn Dầu khí Việt Nam",
    "Tổng công ty Đường sắt Việt Nam",
)

DEPARTMENTS: tuple[str, ...] = (
    "Văn phòng",
    "Phòng Tổ chức cán bộ",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Tổng hợp",
    "Phòng Nghiệp vụ 1",
    "Phòng Nghiệp vụ 2",
    "Phòng Thanh tra - Pháp chế",
    "Phòng Quản lý chất lượng",
    "Khoa Nội",
    "Khoa Ngoại",
    "Tổ Chuyên môn",
    "Phòng Hành chính",
)

VILLAGE_WORDS: tuple[str, ...] = (
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thượng",
    "Hạ",
    "Đình",
    "Chùa",
    "Làng Mới",
    "Tân Lập",
    "Đồng Tâm",
    "Hòa Bình",
    "Quyết Tiến",
    "Thắng Lợi",
    "Tiền Phong",
    "Cầu",
    "Chợ",
    "Bến",
    "Gò",
    "Đồi",
    "Khe",
    "Suối",
    "Nà",
    "Pác",
    "Bản Mới",
    "Cây Đa",
    "Đầm",
    "Bãi",
    "Vườn",
    "Trại",
)

MOUNTAIN_PROVINCES = frozenset(
    {"02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "20", "62", "64", "66", "67", "68"}
)
"""Former provinces where ethnic minorities make up a large share of the population."""
