"""The work programme of the organization sector (WP): canbo's design rules for tracking
projects (đề án) and tasks, their deadlines, progress and the year-end summary. No regulation
article is cited: the programme is each commission's own plan of work; the roll-up follows
OR-20."""

from __future__ import annotations

from canbo.core.citations.documents import DESIGN
from canbo.core.citations.model import RuleText, rule

SOURCE = "https://tochuctrunguong.vn/"

RULES: tuple[RuleText, ...] = (
    rule(
        "WP-01",
        DESIGN,
        "",
        "",
        (
            "Mỗi đề án, nhiệm vụ thuộc chương trình công tác của một cấp ủy, cơ quan trong một "
            "năm và giao cho một đơn vị chủ trì thuộc phạm vi của cấp đó, có thời hạn hoàn thành."
        ),
        (
            "Each project or task belongs to one unit's programme for one year and is given to a "
            "responsible unit inside that unit's subtree, with a deadline."
        ),
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "WP-02",
        DESIGN,
        "",
        "",
        (
            "Trạng thái đi từ chưa triển khai sang đang thực hiện rồi hoàn thành hoặc dừng thực "
            "hiện; đề án đã hoàn thành hoặc dừng thì không thay đổi nữa."
        ),
        (
            "The status moves from planned to in progress, then completed or cancelled; a "
            "completed or cancelled item changes no further."
        ),
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "WP-03",
        DESIGN,
        "",
        "",
        (
            "Đề án chưa hoàn thành mà đã quá thời hạn là quá hạn; hoàn thành sau thời hạn là "
            "hoàn thành chậm. Cả hai được tính, không nhập tay."
        ),
        (
            "An item not finished past its deadline is overdue; one completed after it is "
            "completed late. Both are computed, never entered."
        ),
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "WP-04",
        DESIGN,
        "",
        "",
        (
            "Báo cáo tiến độ ghi ngày; tỷ lệ hoàn thành không giảm và chỉ đạt 100% khi đề án "
            "được xác nhận hoàn thành."
        ),
        (
            "A progress report is dated; its percentage never goes back and reaches 100% only "
            "when the item is marked completed."
        ),
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "WP-05",
        DESIGN,
        "",
        "",
        (
            "Tổng kết năm đếm các đề án của chương trình (số đề án hoàn thành trên tổng số) và "
            "tổng hợp tiến độ theo cây tổ chức có hiệu lực vào ngày tổng kết."
        ),
        (
            "The year-end summary counts the programme's projects (completed out of all) and "
            "rolls progress up the tree valid on the summary's date."
        ),
        SOURCE,
        "unconfirmed",
    ),
)
