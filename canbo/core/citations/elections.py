"""Party elections: Quy chế bầu cử trong Đảng (QĐ 190-QĐ/TW, earlier QĐ 244-QĐ/TW), EL rules.

Handbook file ``elections_and_ballots.md``.
"""

from __future__ import annotations

from canbo.core.citations.documents import CHARTER, QD190, QD244
from canbo.core.citations.model import RuleText, at, rule

QD190_ART8 = (
    "https://hethongphapluat.com/quyet-dinh-190-qd-tw-nam-2024-ve-quy-che-bau-cu-trong-dang-do-"
    "ban-chap-hanh-trung-uong-ban-hanh/dieu-8"
)
QD190_ART30 = (
    "https://phapluat.suckhoedoisong.vn/huong-dan-tinh-ket-qua-bau-cu-trong-dang-theo-quyet-"
    "dinh-190-qd-tw-nam-2024-104977.html"
)
QD190_TRANSLATION = "https://www.vietnam.vn/ro/quy-che-bau-cu-trong-dang"
LAWNET_BALLOTS = (
    "https://lawnet.vn/en/laws/phan-biet-phieu-bau-cu-hop-le-va-phieu-bau-cu-khong-hop-le-"
    "trong-viec-bau-cu-dang-cong-san-viet-nam-18577.html"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "EL-06",
        QD190,
        "Điều 8",
        "khoản 1",
        (
            "Ban kiểm phiếu gồm đại biểu (đảng viên) chính thức không có tên trong danh sách bầu "
            "cử, do đại hội biểu quyết."
        ),
        (
            "The counting committee is made of official delegates (members) not on the election "
            "list, approved by the congress."
        ),
        QD190_ART8,
        "text",
    ),
    rule(
        "EL-07",
        QD190,
        "Điều 8",
        "khoản 2",
        (
            "Ban kiểm phiếu phát phiếu, kiểm phiếu phát ra và thu về, kết luận phiếu không hợp "
            "lệ, lập biên bản và niêm phong phiếu bầu."
        ),
        (
            "The counting committee issues ballots, counts those issued and collected, rules on "
            "invalid ballots, writes the minutes and seals the ballots."
        ),
        QD190_ART8,
        "text",
    ),
    rule(
        "EL-13",
        QD190,
        "Điều 15",
        "",
        (
            "Phiếu bầu in họ tên người trong danh sách bầu cử và đóng dấu của cấp ủy triệu tập ở "
            "góc trái phía trên."
        ),
        (
            "The ballot prints the names on the election list and bears the convening committee's"
            " seal at the top left."
        ),
        QD190_TRANSLATION,
        "secondary",
        at(QD244, "Điều 17", "", LAWNET_BALLOTS, "text"),
    ),
    rule(
        "EL-14",
        QD244,
        "",
        "",
        (
            "Không bầu ai thì gạch cả họ và tên người đó; danh sách không có số dư thì đánh dấu X"
            " vào ô đồng ý hoặc không đồng ý."
        ),
        (
            "To vote against a person, strike the whole name; on a list without surplus, mark X "
            "in the agree or disagree box."
        ),
        LAWNET_BALLOTS,
        "unconfirmed",
        at(QD190),
    ),
    rule(
        "EL-15",
        QD190,
        "Điều 15",
        "",
        "Phiếu hợp lệ là phiếu do ban kiểm phiếu phát ra và bầu không quá số lượng cần bầu.",
        (
            "A valid ballot is issued by the counting committee and votes for no more than the "
            "number to elect."
        ),
        QD190_ART30,
        "secondary",
        at(QD244, source=LAWNET_BALLOTS),
    ),
    rule(
        "EL-16",
        QD190,
        "Điều 15",
        "",
        (
            "Phiếu không hợp lệ: không do ban kiểm phiếu phát ra, bầu quá số lượng cần bầu, hoặc "
            "gạch hết tên khi danh sách có số dư."
        ),
        (
            "Invalid: not issued by the committee, votes for more than the number to elect, or "
            "strikes every name on a list with surplus."
        ),
        QD190_TRANSLATION,
        "secondary",
        at(QD244, "Điều 17", "", LAWNET_BALLOTS, "secondary"),
    ),
    rule(
        "EL-22",
        QD190,
        "Điều 30",
        "",
        "Kết quả bầu cử được tính trên số phiếu bầu hợp lệ.",
        "Election results are counted on valid ballots.",
        QD190_ART30,
        "secondary",
    ),
    rule(
        "EL-30",
        QD190,
        "Điều 8",
        "khoản 2",
        "Ban kiểm phiếu lập biên bản kiểm phiếu, ký vào biên bản và niêm phong phiếu bầu.",
        "The counting committee draws up and signs the counting minutes and seals the ballots.",
        QD190_ART8,
        "text",
    ),
    rule(
        "EL-31",
        CHARTER,
        "Điều 24",
        "khoản 3",
        "Đại hội chi bộ do chi ủy triệu tập, năm năm hai lần.",
        "A cell congress is convened by the cell committee twice every five years.",
        "http://camau.dcs.vn/chi-tiet-hoi-dap-41",
        "text",
    ),
)
