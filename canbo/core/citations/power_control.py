"""Power control in cadre work (PC): QĐ 114-QĐ/TW (11/07/2023) and QĐ 205-QĐ/TW (2019) before it.

Handbook file ``power_control.md``. The three groups of named acts are Articles 3, 4 and 5 of
QĐ 114 (known from official summaries, hence ``secondary``); the controls canbo derives from
them (recusal, timing flags, records) have the document but no article. Who counts as a relative
falls back on State law (PC-11): the Law on Anti-Corruption 2018, Art. 20 and the Law on
Marriage and Family 2014, Art. 3.
"""

from __future__ import annotations

from canbo.core.citations.model import Provision, RuleText, at, rule

QD114 = "QĐ 114-QĐ/TW"
QD205 = "QĐ 205-QĐ/TW"
ANTI_CORRUPTION_2018 = "Luật Phòng, chống tham nhũng 2018"
MARRIAGE_FAMILY_2014 = "Luật Hôn nhân và gia đình 2014"

SCOPE = (
    "https://tapchitoaan.vn/quy-dinh-ve-kiem-soat-quyen-luc-va-phong-chong-tham-nhung-tieu-cuc-"
    "trong-cong-tac-can-bo9631.html"
)
INTRO = (
    "http://truongchinhtrithainguyen.gov.vn/vi/gioi-thieu-van-ban-moi/gioi-thieu-van-ban-moi/"
    "quy-dinh-so-114-qd-tw-ngay-11-7-2023-cua-bo-chinh-tri-ve-kiem-soat-quyen-luc-va-phong-"
    "chong-tham-nhung-tieu-cuc-trong-cong-tac-can-bo-70.html"
)
ACTS = (
    "http://www.lawnet.vn/thong-tin-phap-luat/en/tu-van-luat/details-of-08-acts-of-abusing-"
    "positions-and-powers-in-cadre-work-in-vietnam-121256.html"
)
RUNNING = "https://daibieunhandan.vn/chong-tham-nhung-trong-cong-tac-can-bo-post337327.html"
QD205_ITEMS = (
    "https://baodauthau.vn/bo-chinh-tri-nghiem-cam-6-hanh-vi-chay-chuc-chay-quyen-post77662.html"
)
RELATIVES = "https://baohaiduong.vn/en/bo-chinh-tri-ban-hanh-quy-dinh-moi-ve-kiem-soat-quyen-luc-va-phong-chong-tham-nhung-tieu-cuc-trong-cong-tac-can-bo-348747.html"
ART20 = "https://tienphong.vn/tu-17-lanh-dao-khong-duoc-bo-tri-vo-con-quan-ly-ve-nhan-su-ke-toan-post1121247.amp"
FAMILY = "https://nhataliga.blogspot.com/2017/09/muc-o-quan-he-nao-uoc-coi-la-nguoi-than.html"
OUTGOING = (
    "https://trithucvn2.net/tin-tuc-vn/giam-doc-so-ky-hang-loat-quyet-dinh-bo-nhiem-can-bo-"
    "truoc-khi-ve-huu.html/amp"
)
NEWS_EN = (
    "https://en.vietnamplus.vn/politburo-issues-new-regulation-on-controlling-power-preventing-"
    "corruption-in-personnel-work/259790.vnp"
)
LEVELS = (
    "https://vietnamnet.vn/bo-chinh-tri-quy-dinh-tieu-chuan-gioi-thieu-can-bo-ung-cu-chuc-vu-"
    "cao-hon-2453823.html"
)
COMPLAINTS = (
    "https://thanhtra.com.vn/doi-noi-52FA82FBF/3-truong-hop-can-bo-bi-ky-luat-dang-dieu-tra-"
    "thanh-tra-co-the-quy-hoach-chuc-vu-cao-hon-fd59d811f.html"
)
U = "unconfirmed"


def _pc(n: int, vi: str, en: str, source: str, *elsewhere: Provision) -> RuleText:
    return rule(f"PC-{n:02d}", QD114, "", "", vi, en, source, U, *elsewhere)


RULES: tuple[RuleText, ...] = (
    _pc(
        1,
        "Kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ áp dụng"
        " với mọi tổ chức, cá nhân có thẩm quyền, trách nhiệm hoặc tham gia công tác cán bộ.",
        "Power control and the prevention of corruption in cadre work apply to everyone with "
        "authority, responsibility or a part in cadre work.",
        SCOPE,
        at(QD205, source=SCOPE),
    ),
    _pc(
        2,
        "Quyền lực trong công tác cán bộ bao gồm mọi khâu, từ tuyển dụng, đánh giá, quy hoạch"
        " đến bổ nhiệm, giới thiệu ứng cử, kỷ luật và chính sách cán bộ.",
        "Power in cadre work covers every stage, from recruitment, evaluation and planning to "
        "appointment, nomination, discipline and cadre policy.",
        SCOPE,
    ),
    _pc(
        3,
        "Quy định nêu 19 hành vi trong ba nhóm: lợi dụng, lạm dụng chức vụ, quyền hạn; chạy"
        " chức, chạy quyền; và các hành vi tiêu cực khác.",
        "The text names 19 acts in three groups: abuse of position and power, running for posts "
        "and power, and other negative acts.",
        INTRO,
    ),
    rule(
        "PC-04",
        QD114,
        "Điều 3",
        "",
        "Các hành vi lợi dụng, lạm dụng chức vụ, quyền hạn trong công tác cán bộ.",
        "The acts of taking advantage of or abusing position and power in cadre work.",
        ACTS,
        "secondary",
    ),
    rule(
        "PC-05",
        QD114,
        "Điều 4",
        "",
        "Các hành vi chạy chức, chạy quyền; thông tin về tuổi, thâm niên, bằng cấp và ngày nhận"
        " hồ sơ không được sửa mà không có căn cứ.",
        "The acts of running for posts and power; age, seniority, degrees and the dossier date "
        "may not be changed without a source.",
        RUNNING,
        "secondary",
        at(QD205, source=QD205_ITEMS),
    ),
    _pc(
        6,
        "Đơn thư tố cáo người trong quy trình chưa được giải quyết hoặc chuyển cơ quan có thẩm"
        " quyền thì chặn bước tiếp theo.",
        "An unresolved, unreferred denunciation of a person in the process blocks the next step.",
        COMPLAINTS,
    ),
    _pc(
        7,
        "Không được làm sai lệch hồ sơ cán bộ, kết quả bầu cử, phiếu giới thiệu, kết quả lấy"
        " phiếu tín nhiệm.",
        "Personnel records, election results, nomination ballots and confidence results may not"
        " be falsified.",
        ACTS,
    ),
    rule(
        "PC-08",
        QD114,
        "Điều 5",
        "",
        "Các hành vi tiêu cực khác trong công tác cán bộ; nội dung chưa được xác nhận.",
        "Other negative acts in cadre work; their content is not confirmed.",
        INTRO,
        "secondary",
    ),
    _pc(
        9,
        "Trì hoãn hoặc chọn thời điểm có lợi là vi phạm; người đứng đầu đã có thông báo nghỉ"
        " hưu, chuyển công tác làm công tác cán bộ phải được cấp trên đồng ý.",
        "Delaying a process or picking a favourable time is misconduct; a head with a "
        "retirement or transfer notice needs the superior's consent for cadre decisions.",
        ACTS,
        at(QD205, source=OUTGOING),
    ),
    _pc(
        10,
        "Người tham gia quy trình có quan hệ gia đình hoặc thân quen với người được xem xét phải"
        " tránh; người bỏ phiếu được đề nghị tránh trước khi phát phiếu.",
        "A participant with a family or close relationship to the person considered must "
        "recuse; a voter is asked to recuse before ballots are issued.",
        RELATIVES,
    ),
    rule(
        "PC-11",
        ANTI_CORRUPTION_2018,
        "Điều 20",
        "",
        "Người đứng đầu, cấp phó không được bố trí vợ, chồng, cha, mẹ, con, anh, chị, em ruột"
        " giữ vị trí tổ chức nhân sự, kế toán, thủ quỹ, thủ kho, mua sắm của đơn vị.",
        "A head or deputy may not place a spouse, parent, child or sibling in the unit's "
        "personnel, accounting, cashier, storekeeper or procurement posts.",
        ART20,
        "secondary",
        at(MARRIAGE_FAMILY_2014, "Điều 3", source=FAMILY, confidence="secondary"),
        at(QD114, source=RELATIVES),
    ),
    _pc(
        12,
        "Người không đủ tiêu chuẩn, điều kiện chỉ được xem xét khi có quyết định trường hợp đặc"
        " biệt của cấp có thẩm quyền, ghi rõ lý do.",
        "A person who does not meet the conditions is considered only with a recorded "
        "special-case decision of the competent level, with its reason.",
        ACTS,
    ),
    _pc(
        13,
        "Đưa ý đồ cá nhân vào công tác cán bộ là vi phạm; mọi đề xuất và thay đổi được ghi lại.",
        "Building personal intentions into cadre work is misconduct; every proposal and change "
        "is recorded.",
        ACTS,
    ),
    _pc(
        14,
        "Trách nhiệm của tập thể lãnh đạo, người đứng đầu, cơ quan tham mưu và cán bộ tham mưu"
        " trong công tác cán bộ.",
        "The responsibilities of leadership collectives, heads, advisory bodies and advisory "
        "staff in cadre work.",
        INTRO,
    ),
    _pc(
        15,
        "Cấp ủy, tập thể lãnh đạo thường xuyên kiểm tra, giám sát công tác cán bộ.",
        "Party committees and leadership collectives regularly inspect and supervise cadre work.",
        INTRO,
    ),
    _pc(
        16,
        "Người phát hiện, phản ánh, tố cáo vi phạm được bảo vệ.",
        "Those who detect, report or denounce violations are protected.",
        INTRO,
    ),
    _pc(
        17,
        "Vi phạm trong công tác cán bộ được xử lý bởi cơ quan có thẩm quyền.",
        "Violations in cadre work are handled by the competent bodies.",
        NEWS_EN,
    ),
    _pc(
        18,
        "Bổ nhiệm vượt cấp không có quy định riêng; được báo cáo để kiểm tra.",
        "Skipping levels has no rule of its own; such appointments are reported for inspection.",
        LEVELS,
    ),
    _pc(
        19,
        "Mỗi quy trình công tác cán bộ lưu đủ hồ sơ: đề xuất, điều kiện, ngoại lệ, quan hệ, vai"
        " trò, thời điểm, đơn thư, phiếu và kết quả.",
        "Each cadre process keeps its full record: proposal, conditions, overrides, "
        "relationships, roles, dates, complaints, ballots and results.",
        ACTS,
    ),
    _pc(
        20,
        "Phần mềm ngăn chặn được một số hành vi, phát hiện dấu hiệu của một số khác và chỉ lưu"
        " hồ sơ cho phần còn lại.",
        "Software can prevent some acts, detect signs of others, and only keep records of the "
        "rest.",
        ACTS,
    ),
    _pc(
        21,
        "Quan hệ gia đình và quan hệ thân quen là hai loại riêng; quan hệ thân quen chỉ có khi"
        " được khai báo.",
        "Family relationships and close acquaintances are kept apart; an acquaintance exists "
        "only when declared.",
        RUNNING,
    ),
)
