"""National Assembly and People's Council votes: NQ 35/2012, NQ 85/2014, NQ 96/2023 (NA).

Handbook file ``confidence_votes.md``.
"""

from __future__ import annotations

from canbo.core.citations.documents import DESIGN, NQ35, NQ85, NQ96
from canbo.core.citations.model import RuleText, at, rule

TEXT_NQ35 = (
    "https://thuviennhadat.vn/vbpl/nghi-quyet-35-2012-qh13-lay-phieu-bo-phieu-tin-nhiem-doi-"
    "voi-nguoi-giu-chuc-152721.html"
)
TEXT_NQ85 = (
    "https://vanbanphapluat.co/resolution-no-85-2014-qh13-casting-of-votes-of-confidence-on-"
    "persons-holding-positions-elected-approved"
)
TEXT_NQ96 = (
    "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-quyet-96-2023-QH15-lay-phieu-"
    "tin-nhiem-doi-voi-nguoi-giu-chuc-vu-do-Quoc-hoi-bau-hoac-phe-chuan-571989.aspx"
)
LAWNET_NQ96_SUBJECTS = (
    "https://lawnet.vn/thong-tin-phap-luat/en/thong-bao-van-ban-moi/subjects-of-the-collection-"
    "and-casting-of-votes-of-confidence-in-vietnam-under-resolution-96-121137.html"
)
LAWNET_NQ96_ART13 = (
    "https://lawnet.vn/en/laws/truong-hop-nao-duoc-bo-phieu-tin-nhiem-doi-voi-nguoi-giu-chuc-"
    "vu-do-quoc-hoi-bau-hoac-phe-chuan-214354-100582.html"
)
PLO_NQ35_ART11 = (
    "http://plo.vn/thoi-su/chinh-tri/lay-phieu-tin-nhiem-lanh-dao-nha-nuoc-tu-2013-301635.html"
)
DANVIET_NQ96 = (
    "https://danviet.vn/ket-qua-phieu-tin-nhiem-thap-the-nao-co-the-xin-tu-chuc-hoac-bi-quoc-"
    "hoi-mien-nhiem-20231026071220558.htm"
)
CHINHPHU_NQ96 = (
    "https://xaydungchinhsach.chinhphu.vn/print/truong-hop-nao-nguoi-duoc-lay-phieu-tin-nhiem-"
    "co-the-xin-tu-chuc-bi-mien-nhiem-119230703091341168.htm"
)
VTC_RESULTS = "https://vtcnews.vn/ket-qua-lay-phieu-tin-nhiem-48-chuc-danh-ar434327.html"
XAHOI_NQ85 = "https://m.xahoi.com.vn/moi-nhiem-ky-chi-lay-phieu-tin-nhiem-mot-lan-192131.amp"

LAWNET_NQ96_PROCESS = (
    "https://lawnet.vn/thong-tin-phap-luat/en/tu-van-luat/process-for-collecting-votes-of-"
    "confidence-in-the-national-assembly-in-vietnam-127235.html"
)
LAWNET_NQ85_PROCESS = (
    "https://lawnet.vn/en/laws/what-are-the-regulations-on-the-form-used-in-the-process-of-"
    "collection-of-votes-of-confidence-at-th-54181.html"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "NA-01",
        NQ96,
        "Điều 2",
        "",
        (
            "Nghị quyết của Quốc hội quy định chức vụ được lấy phiếu, bỏ phiếu tín nhiệm; NQ "
            "96/2023 thay NQ 85/2014, NQ 85/2014 thay NQ 35/2012."
        ),
        (
            "A National Assembly resolution lists the posts voted on; NQ 96/2023 replaced NQ "
            "85/2014, which replaced NQ 35/2012."
        ),
        TEXT_NQ96,
        "text",
        at(NQ85, "Điều 1", "", TEXT_NQ85, "text"),
        at(NQ35, "Điều 1", "", TEXT_NQ35, "text"),
    ),
    rule(
        "NA-02",
        NQ96,
        "Điều 2",
        "khoản 1, khoản 2",
        (
            "Quốc hội và Hội đồng nhân dân cấp tỉnh, cấp huyện lấy phiếu tín nhiệm đối với các "
            "chức vụ được liệt kê."
        ),
        "The National Assembly and provincial and district councils vote on the posts listed.",
        TEXT_NQ96,
        "text",
    ),
    rule(
        "NA-03",
        NQ85,
        "Điều 1",
        "khoản 2, khoản 3",
        "Danh sách chức vụ được lấy phiếu theo NQ 35/2012 và NQ 85/2014.",
        "The posts voted on under NQ 35/2012 and NQ 85/2014.",
        TEXT_NQ85,
        "text",
        at(NQ35, "Điều 1", "khoản 2, khoản 3", TEXT_NQ35, "text"),
    ),
    rule(
        "NA-04",
        NQ96,
        "Điều 2",
        "khoản 5",
        (
            "Không lấy phiếu đối với người đã thông báo nghỉ hưu, được bầu, phê chuẩn trong năm, "
            "hoặc nghỉ chữa bệnh hiểm nghèo từ 6 tháng liên tục."
        ),
        (
            "No vote for a person who announced retirement, was elected or approved in the year, "
            "or has been on leave for serious illness 6 months running."
        ),
        LAWNET_NQ96_SUBJECTS,
        "secondary",
    ),
    rule(
        "NA-05",
        NQ96,
        "",
        "",
        (
            "Lấy phiếu một lần trong nhiệm kỳ, tại kỳ họp thường lệ cuối năm thứ ba (NQ 35/2012: "
            "hằng năm)."
        ),
        (
            "Once per term, at the regular year-end session of the third year (NQ 35/2012: every "
            "year)."
        ),
        XAHOI_NQ85,
        "unconfirmed",
        at(NQ85, source=XAHOI_NQ85),
        at(NQ35),
    ),
    rule(
        "NA-06",
        NQ96,
        "Điều 10",
        "",
        (
            "Trình tự tại Quốc hội: danh sách trước 45 ngày, báo cáo trước 30 ngày, gửi đại biểu "
            "trước 20 ngày khai mạc kỳ họp."
        ),
        (
            "At the NA: the list 45 days, the reports 30 days and the papers to deputies 20 days "
            "before the session."
        ),
        LAWNET_NQ96_PROCESS,
        "secondary",
        at(NQ85, "Điều 8", "", LAWNET_NQ85_PROCESS, "secondary"),
    ),
    rule(
        "NA-07",
        NQ96,
        "",
        "",
        (
            "Bỏ phiếu kín; phiếu ghi họ tên, chức vụ và ba mức tín nhiệm cao, tín nhiệm, tín "
            "nhiệm thấp."
        ),
        (
            "Secret ballot listing each person's name and post with three levels: high, "
            "confidence, low."
        ),
        XAHOI_NQ85,
        "unconfirmed",
        at(NQ85, source=XAHOI_NQ85),
        at(NQ35),
    ),
    rule(
        "NA-08",
        NQ35,
        "Điều 11",
        "",
        (
            "Bỏ phiếu tín nhiệm khi có trên 2/3 tổng số đại biểu đánh giá tín nhiệm thấp, hoặc "
            "quá nửa hai năm liên tiếp."
        ),
        (
            'A no-confidence vote follows when more than 2/3 of all deputies rate "low", or more '
            "than half two years running."
        ),
        PLO_NQ35_ART11,
        "secondary",
    ),
    rule(
        "NA-09",
        NQ85,
        "",
        "",
        (
            "Quá nửa tổng số đại biểu đánh giá tín nhiệm thấp thì có thể xin từ chức; từ 2/3 trở "
            "lên thì bỏ phiếu tín nhiệm."
        ),
        (
            'More than half of all deputies "low": may resign; two thirds or more: a '
            "no-confidence vote."
        ),
        XAHOI_NQ85,
        "unconfirmed",
    ),
    rule(
        "NA-10",
        NQ96,
        "",
        "",
        (
            "Quá nửa đến dưới 2/3 tổng số phiếu tín nhiệm thấp: có thể xin từ chức, nếu không thì"
            " bỏ phiếu tín nhiệm; từ 2/3 trở lên: trình miễn nhiệm."
        ),
        (
            'More than half and under 2/3 of the ballots "low": may resign, else a no-confidence '
            "vote; 2/3 or more: dismissal is submitted."
        ),
        CHINHPHU_NQ96,
        "unconfirmed",
    ),
    rule(
        "NA-11",
        NQ96,
        "Điều 13",
        "",
        (
            "Các trường hợp bỏ phiếu tín nhiệm; quá nửa tổng số phiếu không tín nhiệm thì trình "
            "miễn nhiệm."
        ),
        (
            'When a vote of no confidence is held; more than half "no confidence" leads to '
            "dismissal being submitted."
        ),
        LAWNET_NQ96_ART13,
        "secondary",
    ),
    rule(
        "NA-12",
        NQ96,
        "",
        "",
        (
            "NQ 96/2023 tính ngưỡng trên tổng số phiếu; NQ 35/2012 và NQ 85/2014 tính trên tổng "
            "số đại biểu."
        ),
        (
            "NQ 96/2023 counts thresholds on the total ballots; NQ 35/2012 and NQ 85/2014 on the "
            "total number of deputies."
        ),
        DANVIET_NQ96,
        "unconfirmed",
        at(NQ85, source=XAHOI_NQ85),
        at(NQ35),
    ),
    rule(
        "NA-13",
        NQ96,
        "",
        "",
        "Tỉ lệ công bố bằng 100 × số phiếu / mẫu số, làm tròn 2 chữ số thập phân.",
        "Published percentages are 100 × count / denominator, rounded to 2 decimals.",
        VTC_RESULTS,
        "unconfirmed",
        at(NQ85, source=VTC_RESULTS),
        at(NQ35),
    ),
    rule(
        "NA-14",
        DESIGN,
        "",
        "",
        "Ngưỡng được xét trên số phiếu nguyên, không trên tỉ lệ phần trăm đã làm tròn.",
        "Thresholds are decided on whole counts, never on the rounded percentage.",
        DANVIET_NQ96,
        "unconfirmed",
    ),
    rule(
        "NA-15",
        NQ96,
        "",
        "",
        "Kết quả của Hội đồng nhân dân năm 2023 được tính trên tổng số phiếu thu về.",
        "People's Council results in 2023 were computed on the ballots collected.",
        "https://daibieunhandan.vn/ha-tinh-chu-tich-hdnd-tinh-hoang-trung-dung-dat-100-phieu-tin-nhiem-cao-post353268.html",
        "unconfirmed",
    ),
    rule(
        "NA-16",
        NQ96,
        "Điều 2",
        "khoản 2",
        (
            "Hội đồng nhân dân cấp tỉnh, cấp huyện lấy phiếu tín nhiệm; việc áp dụng cho cấp xã "
            "sau năm 2025 chưa được xác nhận."
        ),
        (
            "Provincial and district People's Councils hold the vote; its use at commune level "
            "after 2025 is not confirmed."
        ),
        TEXT_NQ96,
        "text",
    ),
)
