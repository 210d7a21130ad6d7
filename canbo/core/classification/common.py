"""Steps shared by the rulebooks: not-classified cases and caps (CL-04, CL-15, CL-17, CL-18).

Each rulebook builds one :class:`CommonReasons` with its own documents and confidence marks,
then calls the small step functions below from its per-subject function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from canbo.core.classification.model import (
    Effect,
    Exemption,
    Level,
    Proposal,
    Reason,
    Subject,
    SubjectKind,
)
from canbo.core.classification.params import Parameters
from canbo.core.errors import Citation

Evaluator = Callable[[Subject], Proposal]
"""The per-subject function of a rulebook: pure, cheap, no lookups of the rulebook per call."""

HD21 = "HD 21-HD/BTCTW"

_EXEMPT_WORDS: dict[Exemption, tuple[str, str]] = {
    Exemption.EXCUSED: ("được miễn công tác và sinh hoạt đảng", "excused from Party work"),
    Exemption.SUSPENDED: ("đang bị đình chỉ sinh hoạt đảng", "Party activities suspended"),
    Exemption.ADMITTED_LT_6_MONTHS: (
        "vào Đảng chưa đủ 6 tháng",
        "admitted to the Party less than 6 months ago",
    ),
}


_HEAD_CITATION = Citation(HD21, rule_id="CL-15", unconfirmed=("cl_head_cap",))
_HEAD_VI = "Người đứng đầu không được xếp loại cao hơn tập thể mình lãnh đạo."
_HEAD_EN = "A head may not be rated higher than the collective the head leads."
HEAD_CAP_TO: dict[Level, Reason] = {
    level: Reason("CL-15", Effect.CAP, _HEAD_CITATION, _HEAD_VI, _HEAD_EN, level) for level in Level
}
HEAD_UNIT_UNKNOWN = Reason(
    "CL-15",
    Effect.FLAG,
    _HEAD_CITATION,
    "Chưa có mức xếp loại của tập thể do người này đứng đầu: chưa áp dụng giới hạn.",
    "The level of the collective this person heads is not available: cap not applied.",
)


@dataclass(frozen=True, slots=True)
class CommonReasons:
    """The reasons of the shared steps, built once per rulebook."""

    exempt: dict[Exemption, Reason]
    exempt_disabled: Reason
    new_org: Reason
    sick_cap: Reason
    civil_service_cap: Reason


def make_common_reasons(document: str, exempt_unconfirmed: tuple[str, ...]) -> CommonReasons:
    """Build the shared reasons, citing ``document`` for CL-04 and the 2019 guidance for caps.

    CL-04 is ``text`` for QĐ 124 and ``unconfirmed`` for QĐ 366 (``exempt_unconfirmed``);
    CL-17 and CL-18 rest on HD 21-HD/BTCTW (2019) and are parameters in both regimes.
    """
    cite_exempt = Citation(document, rule_id="CL-04", unconfirmed=exempt_unconfirmed)
    exempt = {
        kind: Reason(
            "CL-04",
            Effect.NOT_CLASSIFIED,
            cite_exempt,
            f"Không kiểm điểm, xếp loại: {vi}.",
            f"Not reviewed or classified: {en}.",
        )
        for kind, (vi, en) in _EXEMPT_WORDS.items()
    }
    disabled = Reason(
        "CL-04",
        Effect.FLAG,
        Citation(document, rule_id="CL-04", unconfirmed=("cl_exempt_categories",)),
        "Trường hợp miễn kiểm điểm đã khai không thuộc cl_exempt_categories; vẫn xếp loại.",
        "The declared exemption is not in cl_exempt_categories; classified anyway.",
    )
    return CommonReasons(exempt, disabled, _NEW_ORG, _SICK_CAP, _CIVIL_SERVICE_CAP)


_NEW_ORG = Reason(
    "CL-18",
    Effect.NOT_CLASSIFIED,
    Citation(HD21, rule_id="CL-18", unconfirmed=("cl_new_org_min_months",)),
    "Tổ chức mới thành lập chưa đủ thời gian tối thiểu: không xếp loại.",
    "Organization formed less than cl_new_org_min_months ago: not classified.",
)
_SICK_CAP = Reason(
    "CL-18",
    Effect.CAP,
    Citation(HD21, rule_id="CL-18", unconfirmed=("cl_sick_leave_cap_months",)),
    "Nghỉ ốm từ mức tháng quy định trở lên trong năm: không cao hơn HT.",
    "Sick leave of cl_sick_leave_cap_months or more in the year: at most HT.",
    Level.HT,
)
_CIVIL_SERVICE_CAP = Reason(
    "CL-17",
    Effect.CAP,
    Citation(HD21, rule_id="CL-17", unconfirmed=("cl_member_civil_service_link",)),
    "Đảng viên là công chức, viên chức chỉ HTXS khi được xếp loại HTXS ở cơ quan.",
    "A member who is a civil servant is HTXS only if rated HTXS as a civil servant.",
    Level.HTT,
)


def not_classified_step(s: Subject, params: Parameters, cr: CommonReasons) -> Reason | None:
    """CL-04, CL-18: the exemption or not-classified reason, a flag, or None to go on.

    A declared exemption outside ``cl_exempt_categories`` is flagged and the subject classified;
    a collective in operation fewer than ``cl_new_org_min_months`` months is not classified.
    """
    if s.exemption is not None:
        if s.exemption in params.cl_exempt_categories:
            return cr.exempt[s.exemption]
        return cr.exempt_disabled
    if (
        s.kind is SubjectKind.COLLECTIVE
        and s.months_in_operation is not None
        and s.months_in_operation < params.cl_new_org_min_months
    ):
        return cr.new_org
    return None


def caps_step(
    s: Subject, level: Level, trail: list[Reason], params: Parameters, cr: CommonReasons
) -> Level:
    """CL-18 sick-leave cap at HT and CL-17 civil-service link for HTXS; each cap is recorded.

    HD 21-HD/BTCTW (2019): 3 months or more of sick leave cannot be HTT or above; a member who
    is a civil servant can be HTXS only if rated HTXS as a civil servant.
    """
    cap_months = params.cl_sick_leave_cap_months
    if cap_months is not None and level > Level.HT and s.sick_leave_months >= cap_months:
        trail.append(cr.sick_cap)
        level = Level.HT
    if (
        level is Level.HTXS
        and params.cl_member_civil_service_link
        and s.civil_service_level is not None
        and s.civil_service_level is not Level.HTXS
    ):
        trail.append(cr.civil_service_cap)
        level = Level.HTT
    return level


def head_cap(proposal: Proposal, unit_level: Level | None, known: bool) -> Proposal:
    """CL-15 / CL124-07: ``lvl(head) = min(lvl(head), lvl(unit))`` (HD 21, 2019; ``cl_head_cap``).

    ``known`` is False when the unit's level was not supplied; the proposal is then flagged,
    never silently left uncapped. A unit that is not classified imposes no cap.
    """
    level = proposal.level
    if level is None:
        return proposal
    if not known:
        trail = (*proposal.reasons, HEAD_UNIT_UNKNOWN)
        return Proposal(proposal.subject_id, proposal.group, level, trail)
    if unit_level is None or level <= unit_level:
        return proposal
    trail = (*proposal.reasons, HEAD_CAP_TO[unit_level])
    return Proposal(proposal.subject_id, proposal.group, unit_level, trail)
