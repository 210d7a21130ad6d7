"""The ``pc_*`` parameters of the power-control rulebooks (handbook ``power_control.md``,
Parameters table), plus ``pc_rushed_process_working_days`` (canbo's own, unconfirmed).

Sets are tuples of :class:`canbo.core.types.RelationKind` values. The family-member circle of
the Law on Marriage and Family 2014, Art. 3 maps onto spouse, parent, parent-in-law, child,
child-in-law, sibling, sibling-in-law, grandparent and grandchild; aunts, uncles, nephews and
nieces have no kind of their own and count when declared as family with the kind ``other``.
The hard-block set is the Law on Anti-Corruption 2018, Art. 20 list (PC-11).
"""

from __future__ import annotations

from canbo.core.rulebook import ParamSpec, ParamValue
from canbo.core.types import Confidence, RelationKind

U = Confidence.UNCONFIRMED
S = Confidence.SUMMARY

RELATION_LABELS: tuple[tuple[ParamValue, str, str], ...] = (
    (RelationKind.SPOUSE.value, "Vợ, chồng", "Spouse"),
    (RelationKind.PARENT.value, "Cha, mẹ (đẻ, nuôi, kế)", "Parent (birth, adoptive, step)"),
    (RelationKind.PARENT_IN_LAW.value, "Cha, mẹ vợ hoặc chồng", "Parent-in-law"),
    (RelationKind.CHILD.value, "Con (đẻ, nuôi, riêng)", "Child (birth, adoptive, step)"),
    (RelationKind.CHILD_IN_LAW.value, "Con dâu, con rể", "Child-in-law"),
    (RelationKind.SIBLING.value, "Anh, chị, em ruột", "Sibling"),
    (RelationKind.SIBLING_IN_LAW.value, "Vợ, chồng của anh, chị, em", "Sibling's spouse"),
    (RelationKind.GRANDPARENT.value, "Ông, bà", "Grandparent"),
    (RelationKind.GRANDCHILD.value, "Cháu (con của con)", "Grandchild"),
    (
        RelationKind.OTHER.value,
        "Người thân khác được khai là người trong gia đình (cô, dì, chú, bác, cháu...)",
        "Other relative declared as family (aunt, uncle, nephew, niece ...)",
    ),
)

FAMILY_MEMBERS: tuple[str, ...] = tuple(str(value) for value, _vi, _en in RELATION_LABELS)
ART20_RELATIVES: tuple[str, ...] = (
    RelationKind.SPOUSE.value,
    RelationKind.PARENT.value,
    RelationKind.CHILD.value,
    RelationKind.SIBLING.value,
)
ART20_POSTS: tuple[str, ...] = ("personnel", "accounting", "cashier", "storekeeper", "procurement")

PC_HARD_BLOCK_SET = ParamSpec(
    "pc_hard_block_set",
    ART20_RELATIVES,
    (),
    "PC-11",
    U,
    label_vi="Người thân mà người đứng đầu không được bố trí vào các vị trí nhạy cảm của đơn vị",
    label_en="Relatives a head may not place in the unit's sensitive posts",
    value_labels=RELATION_LABELS,
)
PC_HARD_BLOCK_POSTS = ParamSpec(
    "pc_hard_block_posts",
    ART20_POSTS,
    (),
    "PC-11",
    U,
    label_vi="Các vị trí không được bố trí người thân của người đứng đầu",
    label_en="Posts a head's relatives may not be placed in",
    value_labels=(
        ("personnel", "Tổ chức nhân sự", "Personnel"),
        ("accounting", "Kế toán", "Accounting"),
        ("cashier", "Thủ quỹ", "Cashier"),
        ("storekeeper", "Thủ kho", "Storekeeper"),
        ("procurement", "Mua sắm, giao dịch kinh doanh", "Procurement and contracting"),
    ),
)
PC_RECUSE_SET = ParamSpec(
    "pc_recuse_set",
    FAMILY_MEMBERS,
    (),
    "PC-10",
    U,
    label_vi="Người trong gia đình của ứng viên: người tham gia quy trình phải tránh",
    label_en="The candidate's family members: a participant who is one must recuse",
    value_labels=RELATION_LABELS,
)
PC_ACQUAINTANCE_POLICY = ParamSpec(
    "pc_acquaintance_policy",
    "record_and_flag",
    ("record_and_flag", "recuse_like_family"),
    "PC-21",
    U,
    label_vi="Người có mối quan hệ thân quen với ứng viên",
    label_en="A participant who is a close acquaintance of the candidate",
    value_labels=(
        ("record_and_flag", "Ghi nhận và cảnh báo", "Recorded and flagged"),
        ("recuse_like_family", "Phải tránh như người trong gia đình", "Recuses like family"),
    ),
)
PC_RELATED_VOTER_POLICY = ParamSpec(
    "pc_related_voter_policy",
    "ask_recusal_before_issue",
    ("ask_recusal_before_issue", "record_only", "exclude_from_voter_list"),
    "PC-10",
    U,
    label_vi="Người bỏ phiếu có quan hệ với ứng viên",
    label_en="A voter related to the candidate",
    value_labels=(
        (
            "ask_recusal_before_issue",
            "Đề nghị tránh trước khi phát phiếu",
            "Asked to recuse before ballots are issued",
        ),
        ("record_only", "Chỉ ghi nhận", "Recorded only"),
        (
            "exclude_from_voter_list",
            "Không đưa vào danh sách bỏ phiếu",
            "Left off the voter list",
        ),
    ),
)
PC_SENSITIVE_CHANGE_WINDOW_MONTHS = ParamSpec(
    "pc_sensitive_change_window_months",
    12,
    (),
    "PC-05",
    U,
    label_vi="Sửa thông tin được bảo vệ trong số tháng này trước một bước bị cảnh báo",
    label_en="A protected field changed within this many months before a step is flagged",
)
PC_ANONYMOUS_COMPLAINTS = ParamSpec(
    "pc_anonymous_complaints",
    "record_and_route_no_block",
    ("record_and_route_no_block", "block_like_named"),
    "PC-06",
    U,
    label_vi="Đơn thư nặc danh",
    label_en="Anonymous complaints",
    value_labels=(
        (
            "record_and_route_no_block",
            "Ghi nhận, chuyển xử lý, không chặn quy trình",
            "Recorded and routed, the process is not blocked",
        ),
        ("block_like_named", "Chặn như đơn có tên", "Block like a named complaint"),
    ),
)
_YES_NO: tuple[tuple[ParamValue, str, str], ...] = ((True, "Có", "Yes"), (False, "Không", "No"))
PC_OUTGOING_HEAD_REQUIRES_SUPERIOR_APPROVAL = ParamSpec(
    "pc_outgoing_head_requires_superior_approval",
    True,
    (True, False),
    "PC-09",
    U,
    label_vi="Người đứng đầu sắp nghỉ hưu, chuyển công tác cần cấp trên đồng ý bằng văn bản",
    label_en="A head with a retirement or transfer notice needs the superior's written consent",
    value_labels=_YES_NO,
)
PC_OUTGOING_HEAD_WINDOW_MONTHS = ParamSpec(
    "pc_outgoing_head_window_months",
    6,
    (),
    "PC-09",
    U,
    label_vi="Số tháng trước khi nghỉ hưu, chuyển công tác mà việc làm công tác cán bộ bị cảnh báo",
    label_en="Months before a head's retirement or transfer in which cadre steps are flagged",
)
PC_ART5_ACTS = ParamSpec(
    "pc_art5_acts",
    ("A5_1", "A5_2", "A5_3", "A5_4", "A5_5"),
    (),
    "PC-08",
    U,
    label_vi="Các hành vi tiêu cực khác (Điều 5): mã để trích dẫn, nội dung chưa xác nhận",
    label_en="Other negative acts (Art. 5): codes to cite, content not confirmed",
    value_labels=tuple(
        (f"A5_{n}", f"Điều 5, hành vi thứ {n}", f"Art. 5, act {n}") for n in range(1, 6)
    ),
)
PC_LEVEL_JUMP_REPORT = ParamSpec(
    "pc_level_jump_report",
    "on",
    ("on", "off"),
    "PC-18",
    U,
    label_vi="Báo cáo các trường hợp bổ nhiệm vượt cấp",
    label_en="Report appointments that skip levels",
    value_labels=(("on", "Có", "Yes"), ("off", "Không", "No")),
)
PC_ART3_ITEM8 = ParamSpec(
    "pc_art3_item8",
    "",
    (),
    "PC-04",
    U,
    label_vi="Hành vi thứ tám của Điều 3 (chưa xác nhận)",
    label_en="The eighth act of Art. 3 (not confirmed)",
)
PC_ART4_ITEMS_5_6 = ParamSpec(
    "pc_art4_items_5_6",
    (),
    (),
    "PC-05",
    U,
    label_vi="Hành vi thứ năm và thứ sáu của Điều 4",
    label_en="The fifth and sixth acts of Art. 4",
    value_labels=(
        ("A4_5", "Mã A4_5 (theo QĐ 205)", "Code A4_5 (as in QĐ 205)"),
        ("A4_6", "Mã A4_6 (theo QĐ 205)", "Code A4_6 (as in QĐ 205)"),
    ),
)
PC_DUTY_LISTS = ParamSpec(
    "pc_duty_lists",
    (),
    (),
    "PC-14",
    U,
    label_vi="Danh mục trách nhiệm của từng chủ thể (chưa xác nhận)",
    label_en="Duty lists of each responsibility holder (not confirmed)",
)
PC_ANNULMENT_PROCEDURE = ParamSpec(
    "pc_annulment_procedure",
    "new_decision_by_competent_body",
    ("new_decision_by_competent_body",),
    "PC-17",
    U,
    label_vi="Cách hủy một quyết định sai",
    label_en="How a wrongful decision is cancelled",
    value_labels=(
        (
            "new_decision_by_competent_body",
            "Bằng quyết định mới của cấp có thẩm quyền",
            "By a new decision of the competent body",
        ),
    ),
)
PC_RUSHED_PROCESS_WORKING_DAYS = ParamSpec(
    "pc_rushed_process_working_days",
    5,
    (),
    "PC-09",
    U,
    label_vi="Quy trình quyết định trong ít hơn số ngày làm việc này từ khi bắt đầu bị cảnh báo",
    label_en="A process decided in fewer working days than this from its start is flagged",
)

POWER_PARAMS: tuple[ParamSpec, ...] = (
    PC_HARD_BLOCK_SET,
    PC_HARD_BLOCK_POSTS,
    PC_RECUSE_SET,
    PC_ACQUAINTANCE_POLICY,
    PC_RELATED_VOTER_POLICY,
    PC_SENSITIVE_CHANGE_WINDOW_MONTHS,
    PC_ANONYMOUS_COMPLAINTS,
    PC_OUTGOING_HEAD_REQUIRES_SUPERIOR_APPROVAL,
    PC_OUTGOING_HEAD_WINDOW_MONTHS,
    PC_ART5_ACTS,
    PC_LEVEL_JUMP_REPORT,
    PC_ART3_ITEM8,
    PC_ART4_ITEMS_5_6,
    PC_DUTY_LISTS,
    PC_ANNULMENT_PROCEDURE,
    PC_RUSHED_PROCESS_WORKING_DAYS,
)
