"""Party elections: Quy chế bầu cử trong Đảng (QĐ 190-QĐ/TW, earlier QĐ 244-QĐ/TW), EL rules.

Handbook file ``elections_and_ballots.md``.
"""

from __future__ import annotations

from canbo.core.citations.documents import CHARTER, DESIGN, QD190, QD244, QD294
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

QD190_TEXT_VI = "https://baobackan.vn/mot-so-diem-moi-cua-quy-che-bau-cu-trong-dang-post70237.html"
QD190_ART14 = (
    "https://baobackan.vn/quy-dinh-ve-so-du-danh-sach-va-phieu-bau-cu-theo-quyet-dinh-moi-ve-"
    "quy-che-bau-cu-trong-dang-post66998.html"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "EL-01",
        QD190,
        "Điều 1",
        "",
        (
            "Quy chế áp dụng cho bầu cử tại đại hội chi bộ, đại hội đảng bộ các cấp, hội nghị ban"
            " chấp hành và ủy ban kiểm tra."
        ),
        (
            "The rules apply to elections at cell and Party congresses and at committee and "
            "inspection commission conferences."
        ),
        QD190_TRANSLATION,
        "secondary",
    ),
    rule(
        "EL-02",
        QD190,
        "Điều 2",
        "",
        (
            "Bầu cử theo nguyên tắc tập trung dân chủ, bình đẳng, trực tiếp, đa số quá bán; kết "
            "quả phải được cấp ủy có thẩm quyền chuẩn y."
        ),
        (
            "Elections follow democratic centralism, equality, direct voting and majority; "
            "results need the competent committee's approval."
        ),
        QD190_TRANSLATION,
        "secondary",
    ),
    rule(
        "EL-03",
        QD190,
        "Điều 3",
        "khoản 1",
        (
            "Bầu cấp ủy, ban thường vụ, bí thư, phó bí thư, ủy ban kiểm tra và đại biểu dự đại "
            "hội cấp trên phải bỏ phiếu kín."
        ),
        (
            "Committees, standing committees, secretaries, inspection commissions and delegates "
            "are elected by secret ballot."
        ),
        QD190_TRANSLATION,
        "secondary",
    ),
    rule(
        "EL-04",
        QD190,
        "",
        "",
        (
            "Các cơ quan điều hành, giúp việc đại hội, số lượng và danh sách bầu cử được biểu "
            "quyết giơ tay."
        ),
        (
            "The congress's working bodies, the number to elect and the election list are decided"
            " by show of hands."
        ),
        "https://luatminhkhue.vn/huong-dan-32-hd-tw-thuc-hien-quy-che-bau-cu-trong-dang-do-ban-chap-hanh-trung-uong-ban-hanh.aspx",
        "unconfirmed",
    ),
    rule(
        "EL-05",
        QD190,
        "Điều 7",
        "",
        "Ban thẩm tra tư cách đại biểu do đại hội biểu quyết và thực hiện nhiệm vụ theo quy định.",
        "The credentials committee is approved by the congress and carries out its listed duties.",
        QD190_TEXT_VI,
        "secondary",
    ),
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
        "EL-08",
        QD190,
        "Điều 8",
        "",
        (
            "Kiểm phiếu bằng máy vi tính thì ban kiểm phiếu được sử dụng nhân viên kỹ thuật không"
            " phải là đại biểu."
        ),
        "When counting by computer, the committee may use technical staff who are not delegates.",
        QD190_ART8,
        "text",
    ),
    rule(
        "EL-09",
        QD190,
        "Điều 14",
        "khoản 1",
        "Danh sách bầu cấp ủy, ban thường vụ phải có số dư, tối đa không quá 30% số lượng cần bầu.",
        (
            "The list for the committee and standing committee has a surplus of at most 30% of "
            "the number to elect."
        ),
        QD190_ART14,
        "secondary",
    ),
    rule(
        "EL-10",
        QD190,
        "Điều 14",
        "khoản 2, khoản 3",
        (
            "Người ứng cử, được đề cử ngoài danh sách của cấp ủy phải được trên 30% đại biểu đồng"
            " ý mới đưa vào danh sách."
        ),
        (
            "A nominee outside the committee's list enters the list only with the agreement of "
            "more than 30% of the delegates."
        ),
        QD190_ART14,
        "secondary",
    ),
    rule(
        "EL-11",
        QD190,
        "",
        "",
        "Cấp ủy, ban thường vụ có từ 3 đến 5 thành viên thì số dư tối đa là 1.",
        "Where the committee has 3 to 5 members, the surplus is at most 1.",
        "https://baothainguyen.vn/dhd/hoi-dap/202503/so-du-doi-voi-nhung-noi-co-so-luong-ban-chap-hanh-ban-thuong-vu-tu-3-5-uy-vien-duoc-thuc-hien-nhu-the-nao-dca1127",
        "unconfirmed",
    ),
    rule(
        "EL-12",
        QD244,
        "",
        "",
        "Thành viên cấp ủy triệu tập không đề cử, ứng cử ngoài danh sách do cấp ủy chuẩn bị.",
        "Members of the convening committee do not nominate or stand outside the committee's list.",
        "https://baogialai.com.vn/channel/12375/202003/bau-cu-trong-dang-rang-buoc-chat-trach-nhiem-nguoi-de-cu-o-dai-hoi-dang-cac-cap-5675869/",
        "unconfirmed",
        at(QD190),
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
        "Điều 30",
        "khoản 1",
        (
            "Phiếu hợp lệ là phiếu do ban kiểm phiếu phát ra và bầu không quá số lượng cần bầu; "
            "danh sách không có số dư mà có tên đánh dấu cả hai ô hoặc không đánh dấu thì phiếu "
            "vẫn hợp lệ, không tính cho người đó."
        ),
        (
            "A valid ballot is issued by the counting committee and votes for no more than the "
            "number to elect; on a no-surplus list, a name marked in both boxes or in neither "
            "leaves the ballot valid and is not counted."
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
        "EL-17",
        DESIGN,
        "",
        "",
        (
            "Không áp dụng quy tắc phiếu không hợp lệ và cách tính của bầu cử đại biểu Quốc hội, "
            "Hội đồng nhân dân cho bầu cử trong Đảng."
        ),
        "The invalid-ballot list and counting of State elections are not used for Party elections.",
        "https://chinhsachonline.chinhphu.vn/cach-xac-dinh-nguoi-trung-cu-23649.htm",
        "unconfirmed",
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
        at(
            QD294,
            source=(
                "https://xaydungchinhsach.chinhphu.vn/thi-diem-dai-hoi-chi-bo-5-nam-mot-lan-"
                "119250603053006617.htm"
            ),
        ),
    ),
)
