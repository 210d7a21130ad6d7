"""Party elections: counting the result, seats, ties, congress preparation (EL-18 to EL-38).

Handbook file ``elections_and_ballots.md``.
"""

from __future__ import annotations

from canbo.core.citations.documents import CHARTER, CT45, HD04, QD190, QD244, QD294, ROUND_2020
from canbo.core.citations.model import RuleText, at, rule

QD190_ART30 = (
    "https://phapluat.suckhoedoisong.vn/huong-dan-tinh-ket-qua-bau-cu-trong-dang-theo-quyet-"
    "dinh-190-qd-tw-nam-2024-104977.html"
)
QD190_TRANSLATION = "https://www.vietnam.vn/ro/quy-che-bau-cu-trong-dang"
PARTY_QA = "https://dangcongsan.vn/ban-doc/hoi-dap/ve-van-de-bau-cu-trong-dang-76123.html"
DENOMINATORS = (
    "https://dangcongsan.vn/tien-toi-dai-hoi-dang-bo-cac-cap-va-dai-hoi-xiii-cua-dang/chuyen-"
    "muc-hoi-dap/cach-tinh-ket-qua-bau-cu-o-dai-hoi-cac-cap-dai-hoi-dang-vien-556421.html"
)
MINUTES_TEMPLATES = (
    "https://123doc.top/document/11336936-bien-ban-kiem-phieu-bau-bi-thu-chi-bo-dang-bo-5-mau-"
    "bien-ban-kiem-phieu-dai-hoi-chi-bo.htm"
)
QD294_PILOT = (
    "https://xaydungchinhsach.chinhphu.vn/thi-diem-dai-hoi-chi-bo-5-nam-mot-lan-"
    "119250603053006617.htm"
)
COMMUNE_SIZES = (
    "https://xaydungchinhsach.chinhphu.vn/nguoi-dung-dau-mot-so-dang-bo-xa-phuong-dac-khu-duoc-"
    "co-cau-trong-ban-thuong-vu-cap-uy-cap-tinh-119250415172833596.htm"
)
HD04_NOT_CONVENED = (
    "https://thuvienphapluat.vn/tintuc/vn/ho-tro-phap-luat/chinh-sach-moi/78421/Nhung-truong-"
    "hop-khong-trieu-tap-du-dai-hoi-dang-bo-cap-tren-theo-Huong-dan-04-HD-TW"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "EL-18",
        CHARTER,
        "Điều 12",
        "khoản 3",
        (
            "Người trúng cử phải được quá nửa số phiếu so với tổng số đại biểu được triệu tập "
            "hoặc tổng số đảng viên chính thức."
        ),
        (
            "To be elected takes more than half of the votes relative to the delegates convened "
            "or the official members."
        ),
        PARTY_QA,
        "text",
    ),
    rule(
        "EL-19",
        QD190,
        "Điều 30",
        "khoản 2",
        (
            "Đại hội đảng viên: mẫu số là tổng số đảng viên chính thức được triệu tập trừ các "
            "trường hợp quy định."
        ),
        "At a members' congress the base is the official members convened, less the cases listed.",
        QD190_ART30,
        "secondary",
        at(QD244, "Điều 32", "khoản 2", DENOMINATORS, "text"),
    ),
    rule(
        "EL-20",
        QD190,
        "",
        "",
        (
            "Đại hội đại biểu: mẫu số là tổng số đại biểu chính thức được triệu tập trừ các "
            "trường hợp vắng mặt quy định."
        ),
        (
            "At a delegates' congress the base is the official delegates convened, less the "
            "absences listed."
        ),
        DENOMINATORS,
        "unconfirmed",
        at(QD244, "Điều 32", "khoản 3", DENOMINATORS, "text"),
    ),
    rule(
        "EL-21",
        QD190,
        "",
        "",
        (
            "Hội nghị ban chấp hành, ủy ban kiểm tra: mặc định quá nửa tổng số thành viên được "
            "triệu tập."
        ),
        "At a committee or commission conference the default base is the members convened.",
        PARTY_QA,
        "unconfirmed",
    ),
    rule(
        "EL-23",
        QD190,
        "",
        "",
        "Người trúng cử lấy theo thứ tự số phiếu từ cao xuống thấp cho đủ số lượng cần bầu.",
        "The elected are taken in order of votes from the highest until the seats are filled.",
        MINUTES_TEMPLATES,
        "unconfirmed",
    ),
    rule(
        "EL-24",
        QD190,
        "",
        "",
        (
            "Bầu chưa đủ số lượng thì bầu tiếp; đại hội quyết định có tiếp tục và có bổ sung danh"
            " sách hay không."
        ),
        (
            "If the seats are not filled, vote again; the congress decides whether to go on and "
            "whether to add names."
        ),
        "http://camau.dcs.vn/chi-tiet-hoi-dap-24",
        "unconfirmed",
        at(QD244, "Điều 20", "khoản 2", "http://camau.dcs.vn/chi-tiet-hoi-dap-24", "text"),
        at(QD294, source=QD294_PILOT),
    ),
    rule(
        "EL-25",
        QD190,
        "",
        "",
        (
            "Chưa xác nhận quy tắc khi nhiều người bằng phiếu ở vị trí cuối; không dùng quy tắc "
            '"người nhiều tuổi hơn" của bầu cử Nhà nước.'
        ),
        (
            'No Party rule for a tie at the last seat is confirmed; the State "older candidate" '
            "rule is not used."
        ),
        "https://chinhsachonline.chinhphu.vn/cach-xac-dinh-nguoi-trung-cu-23649.htm",
        "unconfirmed",
    ),
    rule(
        "EL-26",
        QD190,
        "",
        "",
        (
            "Chi bộ bầu chi ủy thì bầu chi ủy trước, rồi bầu bí thư, phó bí thư trong số chi ủy "
            "viên."
        ),
        (
            "Where a cell elects a cell committee, it elects the committee first, then the "
            "secretary and deputy from its members."
        ),
        "http://camau.dcs.vn/chi-tiet-hoi-dap-23",
        "unconfirmed",
        at(QD244, "Điều 19", "", "http://camau.dcs.vn/chi-tiet-hoi-dap-23", "secondary"),
        at(QD294, source=QD294_PILOT),
    ),
    rule(
        "EL-27",
        QD190,
        "Điều 28",
        "",
        "Bầu bổ sung ban thường vụ, bí thư, phó bí thư, ủy ban kiểm tra theo sáu bước quy định.",
        (
            "Supplementary elections of standing committee, secretaries or inspection commission "
            "follow six steps."
        ),
        "https://hethongphapluat.com/quyet-dinh-190-qd-tw-nam-2024-ve-quy-che-bau-cu-trong-dang-do-ban-chap-hanh-trung-uong-ban-hanh/dieu-28",
        "text",
    ),
    rule(
        "EL-28",
        HD04,
        "Phụ lục 2",
        "Mẫu 5",
        "Xin ý kiến đại hội về người được đề cử bằng phiếu kín; kết quả ghi vào biên bản.",
        "The congress is consulted on nominees by secret opinion ballot, recorded in minutes.",
        "https://lawnet.vn/thong-tin-phap-luat/en/chinh-sach-moi/guidance-on-soliciting-opinions-for-candidates-nominated-or-recommended-at-the-communist-party-congress-guidance-04-hd-tw-175855.html",
        "secondary",
    ),
    rule(
        "EL-29",
        QD190,
        "Điều 2",
        "",
        "Kết quả bầu cử phải được cấp ủy có thẩm quyền chuẩn y.",
        "Election results must be approved by the competent Party committee.",
        QD190_TRANSLATION,
        "secondary",
    ),
    rule(
        "EL-32",
        ROUND_2020,
        "",
        "",
        (
            "Nhân sự cấp ủy nhiệm kỳ 2020–2025 được giới thiệu qua năm bước, mỗi bước cần quá 50%"
            " tổng số được triệu tập."
        ),
        (
            "Committee personnel for 2020–2025 went through five steps, each needing over 50% of "
            "those convened."
        ),
        "https://baonghean.vn/en/quy-trinh-5-buoc-chon-nhan-su-cap-uy-cap-tinh-nhiem-ky-moi-10200290.html",
        "unconfirmed",
    ),
    rule(
        "EL-33",
        CT45,
        "",
        "",
        (
            "Tham gia cấp ủy lần đầu phải còn đủ một nhiệm kỳ công tác; tái cử phải còn ít nhất "
            "48 tháng."
        ),
        (
            "A first-time committee member needs a full term of working time left; re-election "
            "needs at least 48 months."
        ),
        "https://tintuc.thuvienphapluat.com/ho-tro-phap-luat/chinh-sach-moi/83511/do-tuoi-tham-gia-cap-uy-chinh-quyen-va-mat-tran-to-quoc-chi-thi-45-ct-tw",
        "unconfirmed",
    ),
    rule(
        "EL-34",
        QD190,
        "",
        "",
        "Ví dụ tính toán (số liệu giả định) áp dụng quy tắc số dư, phiếu hợp lệ và mẫu số.",
        "A worked example (synthetic numbers) of the surplus, ballot validity and base rules.",
        QD190_ART30,
        "unconfirmed",
    ),
    rule(
        "EL-35",
        HD04,
        "",
        "",
        (
            "Không triệu tập đảng viên, đại biểu đang bị đình chỉ sinh hoạt, bị khởi tố, truy tố "
            "hoặc được bầu sai quy định."
        ),
        "Suspended, charged or indicted members, and wrongly elected delegates, are not convened.",
        HD04_NOT_CONVENED,
        "unconfirmed",
    ),
    rule(
        "EL-36",
        QD190,
        "Điều 18",
        "",
        "Đại biểu chính thức và dự khuyết bầu chung một danh sách; bầu đại biểu chính thức trước.",
        "Official and alternate delegates are on one list; official delegates are elected first.",
        HD04_NOT_CONVENED,
        "secondary",
    ),
    rule(
        "EL-37",
        QD294,
        "",
        "",
        (
            "Từ 01/07/2025, chi bộ có từ 9 đảng viên chính thức trở lên bầu chi ủy không quá 7 "
            "người; chi bộ dưới 9 đảng viên chính thức bầu bí thư và, nếu cần, một phó bí thư."
        ),
        (
            "From 01/07/2025 a cell with 9 or more official members elects a cell committee of at"
            " most 7; a smaller cell elects a secretary and, if needed, one deputy."
        ),
        QD294_PILOT,
        "unconfirmed",
    ),
    rule(
        "EL-38",
        CT45,
        "",
        "",
        (
            "Đảng bộ xã, phường, đặc khu: ban chấp hành không quá 27 người (không sáp nhập hoặc từ"
            " 2 xã) hoặc 33 người (từ 3 xã trở lên); ban thường vụ 9 đến 11 người; 2 phó bí thư."
        ),
        (
            "Commune, ward and special-zone committees: at most 27 members (not merged or from 2 "
            "communes) or 33 (from 3 or more); a standing committee of 9 to 11; 2 deputy "
            "secretaries."
        ),
        COMMUNE_SIZES,
        "unconfirmed",
    ),
)
