"""General conventions (GEN) and retirement age (RA); planning and appointment (PL, AP, TR, ST)
are in :mod:`canbo.core.citations.appointments`.

Handbook files ``README.md``, ``organization.md`` (RA) and ``planning_and_appointment.md``.
The GEN rules are canbo's own conventions: they have a document but no article.
"""

from __future__ import annotations

from canbo.core.citations.documents import DESIGN, HD06, LABOUR_CODE, ND135
from canbo.core.citations.model import RuleText, at, rule

QD377_EFFECT = (
    "https://hatinh24h.com.vn/quy-dinh-ve-gioi-thieu-nhan-su-de-trung-uong-xem-xet-bau-tong-bi-"
    "thu-bo-chinh-tri-ban-bi-thu-a192003.html"
)
HD06_TEXT = (
    "https://thuviennhadat.vn/vbpl/huong-dan-06-hd-btctw-2021-tuoi-bo-nhiem-gioi-thieu-can-bo-"
    "ung-cu-488845.html"
)
ND135_TEXT = "https://vanbanphapluat.co/decree-135-2020-nd-cp-on-retirement-age"
ND135_TEXT_EN = (
    "https://english.luatvietnam.vn/decree-no-135-2020-nd-cp-dated-november-18-2020-of-the-"
    "government-prescribing-retirement-ages-194427-doc1.html"
)
RETIREMENT_NEWS = "https://laodong.vn/tu-van-phap-luat/tuoi-nghi-huu-tu-nam-2021-duoc-quy-dinh-nhu-the-nao-871790.ldo"
LOWER_AGES = (
    "https://xaydungchinhsach.chinhphu.vn/tu-20-7-2023-nghi-huu-truoc-tuoi-do-tinh-gian-bien-che-"
    "duoc-huong-chinh-sach-gi-119230604083219722.htm"
)

CONVENTIONS: tuple[RuleText, ...] = (
    rule(
        "GEN-01",
        DESIGN,
        "",
        "",
        (
            "Vụ việc được xét theo văn bản có hiệu lực vào ngày ra quyết định hoặc ngày thực hiện"
            " bước đó, không theo văn bản hiện hành."
        ),
        (
            "A case is decided by the rulebook in force on the date of its decision or step, "
            "never by today's."
        ),
        QD377_EFFECT,
        "unconfirmed",
    ),
    rule(
        "GEN-02",
        DESIGN,
        "",
        "",
        (
            "Ngày xét của từng lĩnh vực: ngày hội nghị lấy phiếu, ngày kỳ họp, ngày đại hội, năm "
            "đánh giá."
        ),
        (
            "The date that selects the rulebook: the vote conference, the session, the congress, "
            "the review year."
        ),
        HD06_TEXT,
        "unconfirmed",
    ),
    rule(
        "GEN-03",
        DESIGN,
        "",
        "",
        "Văn bản của Đảng thường có hiệu lực từ ngày ký, trừ khi văn bản quy định khác.",
        "Party documents usually take effect on signing unless they say otherwise.",
        QD377_EFFECT,
        "unconfirmed",
    ),
    rule(
        "GEN-05",
        DESIGN,
        "",
        "",
        (
            'Ngưỡng như "quá nửa", "từ 2/3" được xét bằng phép tính số nguyên trên số phiếu, '
            "không trên tỉ lệ đã làm tròn."
        ),
        (
            'Thresholds such as "more than half" or "2/3 or more" are tested on whole counts, '
            "never on a rounded percentage."
        ),
        "https://dangcongsan.vn/ban-doc/hoi-dap/ve-van-de-bau-cu-trong-dang-76123.html",
        "unconfirmed",
    ),
    rule(
        "GEN-06",
        DESIGN,
        "",
        "",
        "Tỉ lệ hiển thị bằng 100 × số phiếu / mẫu số, làm tròn nửa lên đến 2 chữ số thập phân.",
        "A displayed percentage is 100 × count / denominator, rounded half up to 2 decimals.",
        "https://vtcnews.vn/ket-qua-lay-phieu-tin-nhiem-48-chuc-danh-ar434327.html",
        "unconfirmed",
    ),
    rule(
        "GEN-07",
        DESIGN,
        "",
        "",
        (
            "Tuổi và thời gian giữ chức vụ tính theo tháng tròn; thời hạn tính theo ngày lịch trừ"
            " khi văn bản ghi ngày làm việc."
        ),
        (
            "Ages and tenures are counted in whole months; deadlines in calendar days unless the "
            "text says working days."
        ),
        "https://nld.com.vn/cong-doan/cach-xac-dinh-thoi-diem-nghi-huu-thoi-diem-bat-dau-nhan-luong-huu-20201126085234006.htm",
        "unconfirmed",
    ),
    rule(
        "GEN-08",
        DESIGN,
        "",
        "",
        "Mỗi loại hội nghị áp dụng đủ túc số và ngưỡng biểu quyết của mình.",
        "Every kind of meeting applies its own quorum and decision threshold.",
        QD377_EFFECT,
        "unconfirmed",
    ),
)

RETIREMENT: tuple[RuleText, ...] = (
    rule(
        "RA-01",
        LABOUR_CODE,
        "Điều 169",
        "khoản 2",
        (
            "Tuổi nghỉ hưu trong điều kiện lao động bình thường được điều chỉnh theo lộ trình đến"
            " 62 tuổi (nam) và 60 tuổi (nữ)."
        ),
        (
            "The retirement age under normal conditions rises on a schedule to 62 (men) and 60 "
            "(women)."
        ),
        ND135_TEXT,
        "text",
        at(ND135, "Điều 4", "", ND135_TEXT, "text"),
    ),
    rule(
        "RA-02",
        ND135,
        "Điều 4",
        "",
        (
            "Từ năm 2021: nam 60 tuổi 3 tháng, nữ 55 tuổi 4 tháng; mỗi năm tăng 3 tháng (nam), 4 "
            "tháng (nữ)."
        ),
        (
            "From 2021: men 60 years 3 months, women 55 years 4 months; then 3 (men) or 4 (women)"
            " more months each year."
        ),
        ND135_TEXT,
        "text",
        at(LABOUR_CODE, "Điều 169", "khoản 2", ND135_TEXT, "text"),
    ),
    rule(
        "RA-03",
        ND135,
        "Điều 4",
        "",
        (
            "Tuổi nghỉ hưu là tuổi của năm người lao động đủ tuổi; tháng nghỉ hưu theo bảng đối "
            "chiếu của Phụ lục I."
        ),
        (
            "The age that applies is that of the year in which it is reached; the month follows "
            "the table of Appendix I."
        ),
        ND135_TEXT_EN,
        "text",
        at(HD06, source=HD06_TEXT),
    ),
    rule(
        "RA-04",
        ND135,
        "Điều 3",
        "khoản 1, khoản 2",
        (
            "Thời điểm nghỉ hưu là ngày cuối cùng của tháng đủ tuổi; hưởng lương hưu từ ngày đầu "
            "tháng liền kề."
        ),
        (
            "Retirement is the last day of the month the age is reached; the pension starts on "
            "the first day of the next month."
        ),
        ND135_TEXT,
        "text",
    ),
    rule(
        "RA-05",
        ND135,
        "Điều 3",
        "khoản 3",
        (
            "Hồ sơ chỉ ghi năm sinh thì lấy ngày 01 tháng 01 của năm sinh để xác định thời điểm "
            "nghỉ hưu."
        ),
        "If the records give only the year of birth, 1 January of that year is used.",
        ND135_TEXT,
        "text",
    ),
    rule(
        "RA-06",
        LABOUR_CODE,
        "",
        "",
        "Người đủ 60 tuổi (nam), 55 tuổi (nữ) đến hết 31/12/2020 nghỉ hưu theo tuổi cũ.",
        "Men who reached 60 and women who reached 55 by 31/12/2020 retired at the old ages.",
        RETIREMENT_NEWS,
        "unconfirmed",
    ),
    rule(
        "RA-07",
        ND135,
        "",
        "",
        (
            "Có thể nghỉ hưu ở tuổi thấp hơn (tối đa 5 tuổi) hoặc cao hơn trong các trường hợp "
            "pháp luật quy định."
        ),
        "Retirement may come up to 5 years earlier, or later, in the cases the law provides.",
        LOWER_AGES,
        "unconfirmed",
    ),
    rule(
        "RA-08",
        HD06,
        "",
        "",
        "Thời gian công tác còn lại tính theo tháng tròn từ ngày xét đến tháng nghỉ hưu.",
        (
            "Working time left is counted in whole months from the reference date to the "
            "retirement month."
        ),
        HD06_TEXT,
        "unconfirmed",
    ),
)

RULES: tuple[RuleText, ...] = CONVENTIONS + RETIREMENT
