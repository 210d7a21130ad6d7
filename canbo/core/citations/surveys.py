"""Report requests and surveys (SV): canbo's design rules for forms sent down the tree and the
reports sent back. They apply the organization rules of the tree as of a date (OR-19, OR-20)."""

from __future__ import annotations

from canbo.core.citations.documents import DESIGN
from canbo.core.citations.model import RuleText, rule

# The organization commission's portal: forms and report requests are its working practice;
# these rules are canbo's design, not a regulation's text.
SOURCE = "https://tochuctrunguong.vn/"

RULES: tuple[RuleText, ...] = (
    rule(
        "SV-01",
        DESIGN,
        "",
        "",
        "Biểu mẫu đã gửi đi không được sửa; muốn thay đổi thì lập phiên bản mới.",
        "A form that has been sent is never changed; a change is a new version.",
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "SV-02",
        DESIGN,
        "",
        "",
        (
            "Yêu cầu báo cáo gửi tới các đơn vị cùng loại trong phạm vi của đơn vị yêu cầu, "
            "theo cây tổ chức có hiệu lực vào ngày yêu cầu."
        ),
        (
            "A report request goes to the units of one kind in the requester's subtree, on the "
            "tree valid on the request's date."
        ),
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "SV-03",
        DESIGN,
        "",
        "",
        "Báo cáo đã nộp không được sửa; đính chính là một phiên bản mới có nêu lý do.",
        "A submitted report is never changed; a correction is a new version with its reason.",
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "SV-04",
        DESIGN,
        "",
        "",
        "Báo cáo nộp sau hạn vẫn được nhận, được đánh dấu nộp muộn và được tính vào tổng hợp.",
        "A report submitted after the deadline is accepted, flagged late and counted.",
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "SV-05",
        DESIGN,
        "",
        "",
        ("Tệp Excel tải lên được nhận toàn bộ hoặc không nhận gì; mỗi lỗi nêu dòng và cột."),
        "An uploaded spreadsheet is taken whole or not at all; each error names row and column.",
        SOURCE,
        "unconfirmed",
    ),
)
