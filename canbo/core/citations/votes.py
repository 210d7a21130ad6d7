"""Confidence votes (QĐ 96-QĐ/TW; NQ 35/2012, NQ 85/2014, NQ 96/2023) and Party elections.

Handbook files ``confidence_votes.md`` (CV, NA) and ``elections_and_ballots.md`` (EL).
"""

from __future__ import annotations

from canbo.core.citations.model import RuleText, at, rule

QD96 = "QĐ 96-QĐ/TW"
QD96_SOURCE = "https://thuvienphapluat.vn/phap-luat/ho-tro-phap-luat/ket-qua-lay-phieu-tin-nhiem-theo-quy-dinh-96qdtw-khong-con-mang-tinh-chat-tham-khao-nhu-quy-dinh-tr-68051.html"

RULES: tuple[RuleText, ...] = (
    rule(
        "CV-17",
        QD96,
        "Điều 11",
        "",
        "Trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn, "
        "xem xét cho thôi chức vụ, từ chức hoặc bỏ phiếu tín nhiệm.",
        'More than 1/2 and under 2/3 "low confidence": out of planning for higher posts; '
        "release, resignation or a no-confidence vote is considered.",
        QD96_SOURCE,
        "secondary",
    ),
    rule(
        "CV-18",
        QD96,
        "Điều 11",
        "",
        "Từ 2/3 phiếu tín nhiệm thấp trở lên: miễn nhiệm chức vụ, bố trí công tác thấp hơn.",
        'Two thirds or more "low confidence": dismissal and lower work.',
        QD96_SOURCE,
        "secondary",
        at("QĐ 41-QĐ/TW"),
    ),
)
