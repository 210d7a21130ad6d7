"""Citations of the rules on documents and forms: the presentation of Party documents (HD 36),
the counting minutes, and the statistics tables of the organization sector (HD 11)."""

from __future__ import annotations

from canbo.core.citations.documents import HD04, HD11, HD36, QD96
from canbo.core.citations.model import RuleText, rule

FORM_2C_TCTW = "Mẫu 2C/TCTW-98"
"""The Party organization sector's personal history form (sơ yếu lý lịch cán bộ, đảng viên)."""
HD09 = "HD 09-HD/BTCTW"
"""Guidance of 05/06/2017 on Party member records (lý lịch, phiếu đảng viên)."""

FORMS: tuple[RuleText, ...] = (
    rule(
        "FRM-09",
        HD11,
        "",
        "",
        "Biểu biến động đảng viên: đầu kỳ cộng tăng trừ giảm bằng cuối kỳ.",
        "Membership movement form: start of period plus increases minus decreases equals the end.",
        "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Huong-dan-11-HD-BTCTW-2021-thuc-hien-bieu-mau-thong-ke-co-ban-ve-to-chuc-xay-dung-Dang-530118.aspx",
        "unconfirmed",
    ),
)

_HD36_PARTS = "Mục II, tiểu mục 1"
"""HD 36's mandatory components are listed in Part II, sub-section 1 (a Q&A page quoting it);
the number of each component comes from the layout diagram attached to HD 36."""
_HD36_SOURCE = "https://phapche.edu.vn/?p=15641"
_HD36_DIAGRAM = (
    "https://stdt.danguykhoibinhthuan.vn/sotay/cong-tac-van-phong-cap-uy/the-thuc-van-ban/"
    "so-do-bo-tri-cac-thanh-phan"
)

DOCUMENTS: tuple[RuleText, ...] = (
    rule(
        "DOC-04",
        HD36,
        _HD36_PARTS,
        "",
        "Tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” bên phải; bên trái tên cơ quan cấp trên, tên cơ quan"
        " ban hành và dấu sao (thành phần 1 và 2).",
        "The heading “ĐẢNG CỘNG SẢN VIỆT NAM” on the right; on the left the superior body, the"
        " issuing body and a star (components 1 and 2).",
        _HD36_SOURCE,
        "secondary",
    ),
    rule(
        "DOC-05",
        HD36,
        _HD36_PARTS,
        "",
        "Số và ký hiệu văn bản dưới dấu sao: “Số 12-BB/ĐU”, không có dấu hai chấm (thành phần 3).",
        "Number and symbol under the star: “Số 12-BB/ĐU”, with no colon (component 3).",
        _HD36_SOURCE,
        "secondary",
    ),
    rule(
        "DOC-06",
        HD36,
        _HD36_PARTS,
        "",
        "Địa danh và ngày, tháng, năm ban hành, chữ in nghiêng, dưới tiêu đề (thành phần 4).",
        "Place and date of issue, in italics, under the heading (component 4).",
        _HD36_SOURCE,
        "secondary",
    ),
    rule(
        "DOC-07",
        HD36,
        _HD36_PARTS,
        "",
        "Tên loại văn bản (BIÊN BẢN, THÔNG BÁO…) và trích yếu nội dung, căn giữa (thành phần 5).",
        "The type of document (BIÊN BẢN, THÔNG BÁO…) and its summary, centred (component 5).",
        _HD36_SOURCE,
        "secondary",
    ),
    rule(
        "DOC-09",
        HD36,
        _HD36_PARTS,
        "",
        "Quyền hạn, chức vụ, chữ ký và họ tên người ký; tập thể lãnh đạo ký “T/M” (thành phần 7).",
        "Authority, position, signature and full name of the signer; a collective signs “T/M”"
        " (component 7).",
        _HD36_DIAGRAM,
        "secondary",
    ),
    rule(
        "FRM-01",
        HD04,
        "",
        "",
        "Biên bản kiểm phiếu bầu cử: thời gian, địa điểm, thành phần ban kiểm phiếu (họ tên, chức"
        " danh), số phiếu, kết quả và chữ ký; bố cục theo các mẫu đang dùng.",
        "Election counting minutes: time, place, the counting committee (full names, roles), the"
        " ballots, the results and signatures; layout from the templates in use.",
        "https://thuvienphapluat.vn/hoi-dap-phap-luat/40E57-hd-cach-trinh-bay-ten-co-quan-ban-hanh-van-ban-trong-van-ban-cua-dang.html",
        "unconfirmed",
    ),
    rule(
        "FRM-02",
        QD96,
        "",
        "",
        "Biên bản kiểm phiếu tín nhiệm: số người triệu tập, có mặt; từng người được lấy phiếu với"
        " số phiếu và tỷ lệ ba mức tín nhiệm; chưa có mẫu chính thức.",
        "Confidence-vote minutes: those convened and present; each person voted on with the"
        " ballots and the shares of the three levels; no official template confirmed.",
        "https://ttpc.ktxhcm.edu.vn/tin-tuc/quy-dinh-96-ve-lay-phieu-tin-nhiem-moi-nhat-hien-nay",
        "unconfirmed",
    ),
    rule(
        "FRM-08",
        HD11,
        "",
        "",
        "Thống kê cơ bản về tổ chức xây dựng Đảng: số liệu năm tính đến 31/12, tổng hợp từ cơ sở"
        " lên; người lập biểu và trưởng ban tổ chức ký.",
        "Basic statistics of Party building: year figures as of 31 December, added up from the"
        " grassroots; signed by the compiler and the head of the organization commission.",
        "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Huong-dan-11-HD-BTCTW-2021-thuc-hien-bieu-mau-thong-ke-co-ban-ve-to-chuc-xay-dung-Dang-530118.aspx",
        "unconfirmed",
    ),
    rule(
        "FRM-05",
        FORM_2C_TCTW,
        "",
        "",
        "Sơ yếu lý lịch cán bộ, đảng viên mẫu 2C/TCTW-98: đầu mẫu ghi tỉnh, đơn vị trực thuộc, đơn"
        " vị cơ sở, số hiệu cán bộ; ảnh 4 × 6 cm; các mục như mẫu 2C-BNV/2008 và các mục về Đảng.",
        "Party cadres' personal history form 2C/TCTW-98: headed by the province, the subordinate"
        " and grassroots units and the cadre number; a 4 × 6 cm photo; the items of 2C-BNV/2008"
        " plus the Party items.",
        # No source of 2C/TCTW-98 itself is confirmed: the default item list is 2C-BNV/2008's.
        "https://lawnet.vn/en/laws/what-are-guidelines-for-filling-out-the-commune-level-official-resume-form-what-is-the-latest-2023-commune-level-officia-167698.html",
        "unconfirmed",
    ),
    rule(
        "FRM-06",
        FORM_2C_TCTW,
        "",
        "",
        "Cách ghi: giáo dục phổ thông là số lớp đã học trên hệ (12/12, 10/10); lý luận chính trị"
        " sơ cấp, trung cấp, cao cấp, cử nhân; quản lý nhà nước cán sự, chuyên viên, chuyên viên"
        " chính, chuyên viên cao cấp; ngày ghi ngày/tháng/năm.",
        "Conventions: general education as grades completed over the system (12/12, 10/10);"
        " political theory elementary, intermediate, advanced, bachelor; State management"
        " clerk, specialist, principal specialist, senior specialist; dates day/month/year.",
        "http://hocday.com/ban-t-chc-s-12-hdbtctw-ng-cng-sn-vit-nam.html?page=5",
        "secondary",
    ),
    rule(
        "FRM-07",
        HD09,
        "",
        "",
        "Hồ sơ đảng viên: lý lịch đảng viên (mẫu 1-HSĐV) và phiếu đảng viên (mẫu 2-HSĐV) ghi tổ"
        " chức đảng đến chi bộ, số lý lịch, số thẻ, ảnh 3 × 4 cm, ngày kết nạp và ngày chính"
        " thức; đảng ủy cơ sở xác nhận.",
        "The Party member's record: the member's history (form 1-HSĐV) and sheet (form 2-HSĐV)"
        " name the organization down to the cell, the record and card numbers, a 3 × 4 cm photo,"
        " the admission and recognition dates; the grassroots committee certifies them.",
        "https://pgdgiolinhqt.edu.vn/phieu-dang-vien-moi-nhat/",
        "secondary",
    ),
    rule(
        "FRM-13",
        HD11,
        "Biểu 6F-BTCTW",
        "",
        "Biểu kiểm điểm, đánh giá, xếp loại: tổng số, số được đánh giá và số, tỷ lệ từng mức.",
        "Review and classification table: total, number evaluated, and count and share per level.",
        "https://github.com/thanhvu16/quan_ly_can_bo/blob/4b2138ba5860caef1e702c8c6f2ad684e9bdf8e1/Modules/BaoCaoThongKe/Resources/views/mau-bao-cao-excel/6.blade.php",
        "secondary",
    ),
)

RULES: tuple[RuleText, ...] = FORMS + DOCUMENTS
