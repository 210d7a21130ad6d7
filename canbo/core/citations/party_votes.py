"""Party confidence votes: QĐ 96-QĐ/TW (CV rules). Handbook file ``confidence_votes.md``."""

from __future__ import annotations

from canbo.core.citations.documents import QD41, QD96, QD366
from canbo.core.citations.model import RuleText, at, rule

LAWNET_QD96 = (
    "https://lawnet.vn/en/laws/lanh-dao-co-tu-23-so-phieu-tin-nhiem-thap-tro-len-thi-mien-"
    "nhiem-chuc-vu-ma-khong-cho-den-het-nhiem-67946.html"
)
TTPC_QD96 = (
    "https://ttpc.ktxhcm.edu.vn/tin-tuc/quy-dinh-96-ve-lay-phieu-tin-nhiem-moi-nhat-hien-nay"
)
TVPL_BANDS = (
    "https://thuvienphapluat.vn/phap-luat/ho-tro-phap-luat/ket-qua-lay-phieu-tin-nhiem-theo-"
    "quy-dinh-96qdtw-khong-con-mang-tinh-chat-tham-khao-nhu-quy-dinh-tr-68051.html"
)
VANBAN123_QD96 = (
    "https://vanban123.vn/Quy-dinh/Quy-dinh-96-QD-TW-nam-2023-ve-lay-phieu-tin-nhiem-doi-voi-"
    "chuc-danh-chuc-vu-lanh-dao-quan-ly-trong-he-thong-chinh-tri-do-Ban-Chap-hanh-Trung-uong-"
    "ban-hanh-596050"
)
DHTN_KHT = (
    "https://dhtn.ttxvn.org.vn/tintuc/tieu-chi-xep-loai-khong-hoan-thanh-nhiem-vu-doi-voi-ca-"
    "nhan-giu-chuc-vu-lanh-dao-quan-ly-21441"
)

RULES: tuple[RuleText, ...] = (
    rule(
        "CV-01",
        QD96,
        "",
        "",
        "Lấy phiếu tín nhiệm định kỳ; kết quả dùng để đánh giá cán bộ, không chỉ để tham khảo.",
        (
            "The confidence vote is periodic; its result is used to evaluate cadres, not only for"
            " reference."
        ),
        VANBAN123_QD96,
        "unconfirmed",
    ),
    rule(
        "CV-02",
        QD96,
        "Điều 3",
        "khoản 1",
        (
            "Lấy phiếu đối với cán bộ giữ chức danh, chức vụ lãnh đạo, quản lý từ Trung ương đến "
            "cấp có đơn vị trực thuộc."
        ),
        (
            "Cadres holding leadership or management posts, from the centre down to the level "
            "with affiliated units, are voted on."
        ),
        LAWNET_QD96,
        "secondary",
    ),
    rule(
        "CV-03",
        QD96,
        "Điều 3",
        "khoản 1",
        (
            "Không lấy phiếu đối với cán bộ đã có thông báo nghỉ chờ hưu hoặc được bổ nhiệm, bầu "
            "trong năm lấy phiếu."
        ),
        (
            "No vote on a cadre with a notice of leave pending retirement, or appointed or "
            "elected in the year of the vote."
        ),
        LAWNET_QD96,
        "secondary",
    ),
    rule(
        "CV-04",
        QD96,
        "",
        "",
        (
            "Cán bộ giữ nhiều chức danh chỉ được lấy phiếu tối đa ở hai nơi (nơi công tác và nơi "
            "sinh hoạt)."
        ),
        (
            "A cadre holding several posts is voted on in at most two places (where the cadre "
            "works and holds Party membership)."
        ),
        VANBAN123_QD96,
        "unconfirmed",
    ),
    rule(
        "CV-05",
        QD96,
        "",
        "",
        "Kết quả ở hai nơi được cấp có thẩm quyền xem xét tổng thể, không cộng gộp.",
        (
            "Results from two places are considered together by the competent level, never merged"
            " by a formula."
        ),
        TVPL_BANDS,
        "unconfirmed",
    ),
    rule(
        "CV-07",
        QD96,
        "Điều 3",
        "khoản 2",
        "Hội nghị lấy phiếu chỉ được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt.",
        "The vote conference may proceed only if at least 2/3 of the persons convened are present.",
        LAWNET_QD96,
        "secondary",
    ),
    rule(
        "CV-06",
        QD96,
        "Điều 3",
        "khoản 2",
        "Thành phần ghi phiếu được quy định cho từng chức danh (Phụ lục 1).",
        "Who votes is fixed for each post (Appendix 1).",
        LAWNET_QD96,
        "secondary",
    ),
    rule(
        "CV-08",
        QD96,
        "",
        "",
        "Lấy phiếu định kỳ vào năm thứ ba, giữa nhiệm kỳ đại hội đảng bộ các cấp.",
        "The periodic vote is held in the third year, mid-term of the Party congress.",
        "https://cpdanluat.thuvienphapluat.vn/can-bo-co-2-3-phieu-tin-nhiem-thap-se-bi-mien-nhiem-203229.aspx?PostID=598842",
        "unconfirmed",
    ),
    rule(
        "CV-09",
        QD96,
        "",
        "",
        (
            "Người ghi phiếu xem xét phẩm chất chính trị, đạo đức, lối sống, trách nhiệm, kết quả"
            " công tác và sự gương mẫu của gia đình."
        ),
        (
            "Voters consider political qualities, ethics, lifestyle, responsibility, results and "
            "the family's example."
        ),
        "https://luatvietnam.vn/tin-van-ban-moi/quy-dinh-moi-ve-lay-phieu-tin-nhiem-doi-voi-lanh-dao-quan-ly-186-92949-article.html",
        "unconfirmed",
    ),
    rule(
        "CV-10",
        QD96,
        "",
        "",
        (
            "Gửi hồ sơ cho người ghi phiếu ít nhất 15 ngày và câu hỏi cho người được lấy phiếu ít"
            " nhất 10 ngày trước hội nghị."
        ),
        (
            "The dossier reaches voters at least 15 days, and questions reach the person at least"
            " 10 days, before the vote."
        ),
        "http://118.69.201.249:801/phap-luat/can-bo-lanh-dao-quan-ly-do-quoc-hoi-bau-co-so-phieu-tin-nhiem-thap-co-the-cho-tu-chuc-quy-trinh-lay-272952-120717.html",
        "unconfirmed",
    ),
    rule(
        "CV-11",
        QD96,
        "Phụ lục 02",
        "",
        (
            "Hồ sơ gồm báo cáo của người được lấy phiếu, bản kê khai tài sản, thu nhập và báo cáo"
            " giải trình (nếu có) (Phụ lục 2)."
        ),
        (
            "The dossier holds the person's report, the asset declaration and any explanation "
            "(Appendix 2)."
        ),
        "https://lawnet.vn/en/laws/vietnam-what-is-the-list-of-records-of-persons-on-whom-votes-of-confidence-are-collected-what-are-t-69658.html",
        "secondary",
    ),
    rule(
        "CV-12",
        QD96,
        "Điều 6",
        "khoản 1",
        "Phiếu ghi họ tên, chức vụ từng người và ba mức: tín nhiệm cao, tín nhiệm, tín nhiệm thấp.",
        (
            "The ballot lists each person's full name and post and three levels: high, "
            "confidence, low."
        ),
        TTPC_QD96,
        "secondary",
    ),
    rule(
        "CV-13",
        QD96,
        "Điều 6",
        "khoản 1",
        "Người ghi phiếu có thể ký tên hoặc không ký tên vào phiếu.",
        "The voter may sign the ballot or not.",
        TTPC_QD96,
        "secondary",
    ),
    rule(
        "CV-14",
        QD96,
        "Điều 6",
        "khoản 1",
        (
            "Phiếu không hợp lệ: không do ban kiểm phiếu phát ra, gạch xoá họ tên in sẵn, hoặc "
            "không đánh dấu hay đánh dấu hai, ba ô cho một người."
        ),
        (
            "Invalid: not issued by the counting committee, a printed name struck out, or no mark"
            " or two or three marks for a person."
        ),
        TTPC_QD96,
        "secondary",
    ),
    rule(
        "CV-15",
        QD96,
        "Điều 6",
        "khoản 1",
        "Tổng hợp cho từng người: phiếu phát ra, thu về, hợp lệ, không hợp lệ và số phiếu mỗi mức.",
        "Per person: ballots issued, collected, valid and invalid, and the count of each level.",
        TTPC_QD96,
        "secondary",
    ),
    rule(
        "CV-16",
        QD96,
        "Điều 6",
        "khoản 1",
        "Tỉ lệ phần trăm mỗi mức tính trên tổng số phiếu thu về.",
        "The percentage of each level is computed on the ballots collected.",
        TTPC_QD96,
        "secondary",
    ),
    rule(
        "CV-17",
        QD96,
        "Điều 11",
        "",
        (
            "Trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn; "
            "xem xét cho thôi chức vụ, từ chức hoặc bỏ phiếu tín nhiệm."
        ),
        (
            'More than 1/2 and under 2/3 "low": out of planning for higher posts; release, '
            "resignation or a no-confidence vote is considered."
        ),
        TVPL_BANDS,
        "secondary",
    ),
    rule(
        "CV-18",
        QD96,
        "Điều 11",
        "",
        (
            "Từ 2/3 phiếu tín nhiệm thấp trở lên: miễn nhiệm chức vụ, bố trí công tác thấp hơn, "
            "không chờ hết nhiệm kỳ."
        ),
        'Two thirds or more "low": dismissal and lower work, without waiting for the term to end.',
        TVPL_BANDS,
        "secondary",
        at(QD41),
    ),
    rule(
        "CV-19",
        QD96,
        "Điều 11",
        "",
        'Đúng một nửa phiếu tín nhiệm thấp chưa phải là "trên 1/2".',
        'Exactly half "low" is not "more than half".',
        TVPL_BANDS,
        "secondary",
    ),
    rule(
        "CV-20",
        QD96,
        "",
        "",
        (
            "Kết quả dùng để đánh giá cán bộ và làm cơ sở quy hoạch, điều động, bổ nhiệm, giới "
            "thiệu ứng cử, miễn nhiệm."
        ),
        (
            "Results are used to evaluate cadres and as a basis for planning, transfer, "
            "appointment, nomination and dismissal."
        ),
        TVPL_BANDS,
        "unconfirmed",
    ),
    rule(
        "CV-21",
        QD96,
        "",
        "",
        "Kết quả được báo cáo cấp có thẩm quyền quản lý cán bộ và công khai theo quy định.",
        "Results are reported to the level managing the cadre and made public as regulated.",
        VANBAN123_QD96,
        "unconfirmed",
    ),
    rule(
        "CV-22",
        QD96,
        "",
        "",
        (
            "Nghiêm cấm làm sai lệch mức độ tín nhiệm hoặc lợi dụng lấy phiếu để làm mất uy tín, "
            "gây chia rẽ."
        ),
        (
            "Falsifying the level of confidence, or using the vote to damage reputations or sow "
            "division, is prohibited."
        ),
        VANBAN123_QD96,
        "unconfirmed",
    ),
    rule(
        "CV-23",
        QD366,
        "Điều 11",
        "khoản 4, điểm 4.2",
        (
            "Cán bộ lãnh đạo, quản lý có trên 50% phiếu tín nhiệm thấp trong năm bị xếp loại "
            "không hoàn thành nhiệm vụ."
        ),
        (
            'A leader with more than 50% "low" at a vote held in the year is classified as not '
            "completing tasks."
        ),
        DHTN_KHT,
        "secondary",
    ),
    rule(
        "CV-24",
        QD96,
        "",
        "",
        "Ví dụ tính toán (số liệu giả định) áp dụng các quy tắc về túc số, tổng hợp và ngưỡng.",
        "A worked example (synthetic numbers) of the quorum, tally and band rules.",
        LAWNET_QD96,
        "unconfirmed",
    ),
)
