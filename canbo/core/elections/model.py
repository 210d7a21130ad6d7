"""The shared vocabulary of Party congresses and elections.

The enum values are stored by the apps (``congresses``, ``elections``) and written to JSON;
they never change. Pages show them through the label maps below (Vietnamese first), never raw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from canbo.core.errors import Citation


class CongressKind(StrEnum):
    """The kind of congress or conference (EL-01, EL-31, EL-37)."""

    CELL = "cell"
    MEMBERS = "members"
    DELEGATES = "delegates"
    CONFERENCE = "conference"


class ElectionKind(StrEnum):
    """What one election fills (EL-26, EL-27, EL-36, EL-37)."""

    COMMITTEE = "committee"
    CELL_COMMITTEE = "cell_committee"
    STANDING_COMMITTEE = "standing_committee"
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    INSPECTION_COMMISSION = "inspection_commission"
    INSPECTION_CHAIR = "inspection_chair"
    DELEGATES = "delegates"


class Subtraction(StrEnum):
    """A reason a convened person leaves the base of the majority test (EL-19, EL-20)."""

    TEMP_ELSEWHERE = "temp_elsewhere"
    EXEMPT_ABSENT = "exempt_absent"
    SUSPENDED = "suspended"
    PROSECUTED = "prosecuted"
    ABSENT_ACCEPTED = "absent_accepted"
    COMMITTEE_ABSENT = "committee_absent"
    ABSENT_NO_ALTERNATE = "absent_no_alternate"


class NotConvenedReason(StrEnum):
    """Why a person is not convened to the congress at all (EL-35)."""

    SUSPENDED = "suspended"
    PROSECUTED = "prosecuted"
    ELECTED_IN_BREACH = "elected_in_breach"
    RETIRED_BEFORE_OPENING = "retired_before_opening"
    TRANSFERRED_OUT = "transferred_out"


class DelegateStatus(StrEnum):
    """A delegate's standing after the credentials review (EL-05, EL-36)."""

    OFFICIAL = "official"
    ALTERNATE = "alternate"
    ALTERNATE_SEATED = "alternate_seated"
    ABSENT_WHOLE_CONGRESS = "absent_whole_congress"
    DISQUALIFIED = "disqualified"


class ElectionStatus(StrEnum):
    """The lifecycle of one election at a congress (EL-02, EL-04, EL-24, EL-25, EL-29)."""

    DRAFT = "draft"
    LIST_APPROVED = "list_approved"
    VOTING = "voting"
    COUNTED = "counted"
    TIE = "tie"
    SHORTFALL = "shortfall"
    PROVISIONAL = "provisional"
    APPROVED = "approved"
    CLOSED_UNFILLED = "closed_unfilled"


@dataclass(frozen=True)
class Decision:
    """The answer of one rule: allowed or not, a stable ``code``, the citation and the figures.

    ``code`` is ``"ok"`` when allowed without remark; otherwise a refusal (or warning) code worded
    in :mod:`canbo.refusals`. ``fields`` carries the numbers the message needs.
    """

    allowed: bool
    code: str
    citation: Citation
    fields: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "code": self.code,
            "citation": self.citation.as_dict(),
            "fields": dict(self.fields),
        }


CONGRESS_KIND_LABELS_VI: dict[str, str] = {
    CongressKind.CELL: "Đại hội chi bộ",
    CongressKind.MEMBERS: "Đại hội đảng viên",
    CongressKind.DELEGATES: "Đại hội đại biểu",
    CongressKind.CONFERENCE: "Hội nghị cấp ủy, ủy ban kiểm tra",
}
CONGRESS_KIND_LABELS_EN: dict[str, str] = {
    CongressKind.CELL: "Cell congress",
    CongressKind.MEMBERS: "Members' congress",
    CongressKind.DELEGATES: "Delegates' congress",
    CongressKind.CONFERENCE: "Committee or commission conference",
}

ELECTION_KIND_LABELS_VI: dict[str, str] = {
    ElectionKind.COMMITTEE: "Ban chấp hành đảng bộ",
    ElectionKind.CELL_COMMITTEE: "Chi ủy",
    ElectionKind.STANDING_COMMITTEE: "Ban thường vụ",
    ElectionKind.SECRETARY: "Bí thư",
    ElectionKind.DEPUTY_SECRETARY: "Phó bí thư",
    ElectionKind.INSPECTION_COMMISSION: "Ủy ban kiểm tra",
    ElectionKind.INSPECTION_CHAIR: "Chủ nhiệm ủy ban kiểm tra",
    ElectionKind.DELEGATES: "Đại biểu dự đại hội cấp trên",
}
ELECTION_KIND_LABELS_EN: dict[str, str] = {
    ElectionKind.COMMITTEE: "Party committee",
    ElectionKind.CELL_COMMITTEE: "Cell committee",
    ElectionKind.STANDING_COMMITTEE: "Standing committee",
    ElectionKind.SECRETARY: "Secretary",
    ElectionKind.DEPUTY_SECRETARY: "Deputy secretary",
    ElectionKind.INSPECTION_COMMISSION: "Inspection commission",
    ElectionKind.INSPECTION_CHAIR: "Inspection commission chair",
    ElectionKind.DELEGATES: "Delegates to the higher congress",
}

SUBTRACTION_LABELS_VI: dict[str, str] = {
    Subtraction.TEMP_ELSEWHERE: "Giới thiệu sinh hoạt tạm thời nơi khác",
    Subtraction.EXEMPT_ABSENT: "Miễn công tác và sinh hoạt đảng, vắng mặt",
    Subtraction.SUSPENDED: "Đình chỉ sinh hoạt đảng",
    Subtraction.PROSECUTED: "Bị khởi tố, truy tố, tạm giam",
    Subtraction.ABSENT_ACCEPTED: "Vắng mặt cả đại hội có lý do được chấp nhận",
    Subtraction.COMMITTEE_ABSENT: "Cấp ủy viên triệu tập vắng mặt cả đại hội",
    Subtraction.ABSENT_NO_ALTERNATE: (
        "Đại biểu chính thức vắng mặt cả đại hội, không có dự khuyết thay"
    ),
}
SUBTRACTION_LABELS_EN: dict[str, str] = {
    Subtraction.TEMP_ELSEWHERE: "Introduced for temporary activity elsewhere",
    Subtraction.EXEMPT_ABSENT: "Exempted from work and Party activity, absent",
    Subtraction.SUSPENDED: "Party activity suspended",
    Subtraction.PROSECUTED: "Prosecuted, indicted or detained",
    Subtraction.ABSENT_ACCEPTED: "Absent for the whole congress with an accepted reason",
    Subtraction.COMMITTEE_ABSENT: "Convened committee member absent for the whole congress",
    Subtraction.ABSENT_NO_ALTERNATE: (
        "Official delegate absent for the whole congress, no alternate seated"
    ),
}

NOT_CONVENED_LABELS_VI: dict[str, str] = {
    NotConvenedReason.SUSPENDED: "Bị đình chỉ sinh hoạt đảng, sinh hoạt cấp ủy",
    NotConvenedReason.PROSECUTED: "Bị khởi tố, truy tố",
    NotConvenedReason.ELECTED_IN_BREACH: "Đại biểu được bầu không đúng nguyên tắc, thủ tục",
    NotConvenedReason.RETIRED_BEFORE_OPENING: "Nghỉ hưu trước ngày khai mạc",
    NotConvenedReason.TRANSFERRED_OUT: "Chuyển sinh hoạt đảng ra khỏi đảng bộ trước ngày khai mạc",
}
NOT_CONVENED_LABELS_EN: dict[str, str] = {
    NotConvenedReason.SUSPENDED: "Party or committee activity suspended",
    NotConvenedReason.PROSECUTED: "Charged or indicted",
    NotConvenedReason.ELECTED_IN_BREACH: "Delegate elected in breach of the rules",
    NotConvenedReason.RETIRED_BEFORE_OPENING: "Retires before the opening",
    NotConvenedReason.TRANSFERRED_OUT: (
        "Transferred out of the Party organization before the opening"
    ),
}

DELEGATE_STATUS_LABELS_VI: dict[str, str] = {
    DelegateStatus.OFFICIAL: "Đại biểu chính thức",
    DelegateStatus.ALTERNATE: "Đại biểu dự khuyết",
    DelegateStatus.ALTERNATE_SEATED: "Đại biểu dự khuyết thay thế",
    DelegateStatus.ABSENT_WHOLE_CONGRESS: "Vắng mặt cả đại hội",
    DelegateStatus.DISQUALIFIED: "Không đủ tư cách",
}
DELEGATE_STATUS_LABELS_EN: dict[str, str] = {
    DelegateStatus.OFFICIAL: "Official delegate",
    DelegateStatus.ALTERNATE: "Alternate delegate",
    DelegateStatus.ALTERNATE_SEATED: "Alternate seated",
    DelegateStatus.ABSENT_WHOLE_CONGRESS: "Absent for the whole congress",
    DelegateStatus.DISQUALIFIED: "Disqualified",
}

ELECTION_STATUS_LABELS_VI: dict[str, str] = {
    ElectionStatus.DRAFT: "Đang chuẩn bị danh sách",
    ElectionStatus.LIST_APPROVED: "Đã biểu quyết danh sách",
    ElectionStatus.VOTING: "Đang bỏ phiếu",
    ElectionStatus.COUNTED: "Đã kiểm phiếu",
    ElectionStatus.TIE: "Bằng phiếu ở suất cuối",
    ElectionStatus.SHORTFALL: "Chưa bầu đủ",
    ElectionStatus.PROVISIONAL: "Chờ chuẩn y",
    ElectionStatus.APPROVED: "Đã chuẩn y",
    ElectionStatus.CLOSED_UNFILLED: "Kết thúc, không bầu được",
}
ELECTION_STATUS_LABELS_EN: dict[str, str] = {
    ElectionStatus.DRAFT: "List being prepared",
    ElectionStatus.LIST_APPROVED: "List approved",
    ElectionStatus.VOTING: "Voting",
    ElectionStatus.COUNTED: "Counted",
    ElectionStatus.TIE: "Tie at the last seat",
    ElectionStatus.SHORTFALL: "Seats unfilled",
    ElectionStatus.PROVISIONAL: "Awaiting approval",
    ElectionStatus.APPROVED: "Approved",
    ElectionStatus.CLOSED_UNFILLED: "Closed without result",
}

#: Every label map by enum, for pages and documents: ``LABELS_VI[ElectionKind]["secretary"]``.
LABELS_VI: dict[type[StrEnum], dict[str, str]] = {
    CongressKind: CONGRESS_KIND_LABELS_VI,
    ElectionKind: ELECTION_KIND_LABELS_VI,
    Subtraction: SUBTRACTION_LABELS_VI,
    NotConvenedReason: NOT_CONVENED_LABELS_VI,
    DelegateStatus: DELEGATE_STATUS_LABELS_VI,
    ElectionStatus: ELECTION_STATUS_LABELS_VI,
}
LABELS_EN: dict[type[StrEnum], dict[str, str]] = {
    CongressKind: CONGRESS_KIND_LABELS_EN,
    ElectionKind: ELECTION_KIND_LABELS_EN,
    Subtraction: SUBTRACTION_LABELS_EN,
    NotConvenedReason: NOT_CONVENED_LABELS_EN,
    DelegateStatus: DELEGATE_STATUS_LABELS_EN,
    ElectionStatus: ELECTION_STATUS_LABELS_EN,
}


def label(value: StrEnum, lang: str = "vi") -> str:
    """The label of an enum value in ``lang`` (``"vi"`` or ``"en"``)."""
    table = (LABELS_EN if lang == "en" else LABELS_VI)[type(value)]
    return table[value]
