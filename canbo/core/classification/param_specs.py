"""The classification parameters as :class:`~canbo.core.rulebook.ParamSpec` (classification.md,
"Parameters"): the same spec type as ballots, so a rulebook lists them, ``canbo rules diff``
compares them and the rules page names them. The values of a cycle are still held, typed, by
:class:`~canbo.core.classification.params.Parameters`, whose defaults these specs repeat (a
unit test checks that they agree).
"""

from __future__ import annotations

from canbo.core.classification.kht_cases import COLLECTIVE_CASES, INDIVIDUAL_CASES, ForcedCase
from canbo.core.classification.model import Exemption
from canbo.core.classification.params import (
    BasicTargetsPolicy,
    Cl124Individual,
    ConditionFailurePolicy,
    HtConditionIndividual,
    HttConditionOutside,
    QuotaRounding,
)
from canbo.core.rulebook import ParamSpec, ParamValue
from canbo.core.types import Confidence

Labels = tuple[tuple[ParamValue, str, str], ...]
_YES_NO: Labels = ((True, "Có", "Yes"), (False, "Không", "No"))


def _case_labels(cases: tuple[ForcedCase, ...]) -> Labels:
    return tuple((c.key, c.message_vi, c.message_en) for c in cases)


SCORE_PRECISION = ParamSpec(
    "cl_score_precision",
    "0.5",
    ("1", "0.5", "0.1"),
    "CL-06",
    label_vi="Điểm được chấm đến",
    label_en="Scores are given to the nearest",
    value_labels=(
        ("1", "1 điểm", "1 point"),
        ("0.5", "0,5 điểm", "0.5 point"),
        ("0.1", "0,1 điểm", "0.1 point"),
    ),
)
CONDITION_FAILURE = ParamSpec(
    "cl_condition_failure_policy",
    str(ConditionFailurePolicy.DROP_TO_HIGHEST_LEVEL_MET),
    tuple(str(v) for v in ConditionFailurePolicy),
    "CL-12",
    label_vi="Không đủ điều kiện của khung điểm thì",
    label_en="When the conditions of the score band fail",
    value_labels=(
        (
            "drop_to_highest_level_met",
            "Xuống mức cao nhất còn đủ điều kiện",
            "Drop to the highest level whose conditions hold",
        ),
        ("drop_to_kht", "Xuống KHT", "Drop to KHT"),
    ),
)
HT_INDIVIDUAL = ParamSpec(
    "cl_ht_condition_individual",
    str(HtConditionIndividual.ALL_TASKS_DONE_LATE_LE_20PCT),
    tuple(str(v) for v in HtConditionIndividual),
    "CL-10",
    label_vi="Điều kiện mức HT đối với cá nhân",
    label_en="The HT condition for individuals",
    value_labels=(
        (
            "all_tasks_done_late_le_20pct",
            "Hoàn thành 100% nhiệm vụ, chậm không quá 20%",
            "All tasks done, no more than 20% late",
        ),
        ("none", "Không có điều kiện thêm", "No further condition"),
    ),
)
HTT_OUTSIDE = ParamSpec(
    "cl_htt_condition_outside_members",
    str(HttConditionOutside.SAME_AS_NON_LEADERS),
    tuple(str(v) for v in HttConditionOutside),
    "CL-08",
    label_vi="Điều kiện mức HTT đối với đảng viên không làm việc trong hệ thống chính trị",
    label_en="The HTT condition for Party members outside the political system",
    value_labels=(
        (
            "same_as_non_leaders",
            "Như cá nhân không giữ chức vụ lãnh đạo",
            "As for individuals without a leadership post",
        ),
        ("none", "Không có điều kiện thêm", "No further condition"),
    ),
)
BASIC_TARGETS = ParamSpec(
    "cl_basic_targets_policy",
    str(BasicTargetsPolicy.FLAG_FOR_DECISION),
    tuple(str(v) for v in BasicTargetsPolicy),
    "CL-09",
    label_vi="Lãnh đạo không đạt chỉ tiêu kinh tế - xã hội cơ bản",
    label_en="A leader misses basic socio-economic targets",
    value_labels=(
        (
            "flag_for_decision",
            "Báo để cấp có thẩm quyền quyết định",
            "Flagged for the competent level",
        ),
        ("any_applicable_missed", "KHT nếu không đạt một chỉ tiêu", "KHT if any target is missed"),
        (
            "all_applicable_missed",
            "KHT nếu không đạt mọi chỉ tiêu",
            "KHT if all targets are missed",
        ),
    ),
)
TRIGGERS_COLLECTIVE = ParamSpec(
    "cl_kht_triggers_collective",
    tuple(sorted(c.key for c in COLLECTIVE_CASES)),
    (),
    "CL-11",
    label_vi="Trường hợp tập thể bị xếp KHT (mặc định theo QĐ 124)",
    label_en="Cases that force KHT for a collective (QĐ 124's by default)",
    value_labels=_case_labels(COLLECTIVE_CASES),
)
TRIGGERS_INDIVIDUAL = ParamSpec(
    "cl_kht_triggers_individual",
    tuple(sorted(c.key for c in INDIVIDUAL_CASES)),
    (),
    "CL-11",
    label_vi="Trường hợp cá nhân bị xếp KHT (mặc định theo QĐ 124)",
    label_en="Cases that force KHT for an individual (QĐ 124's by default)",
    value_labels=_case_labels(INDIVIDUAL_CASES),
)
QUOTA_PCT = ParamSpec(
    "cl_quota_pct",
    20,
    (),
    "CL-13",
    Confidence.SUMMARY,
    label_vi="Số HTXS không vượt quá (% số HTT)",
    label_en="HTXS may not exceed (% of the HTT count)",
)
QUOTA_ROUNDING = ParamSpec(
    "cl_quota_rounding",
    str(QuotaRounding.FLOOR),
    tuple(str(v) for v in QuotaRounding),
    "CL-13",
    label_vi="Số HTXS tối đa khi tỷ lệ ra số lẻ",
    label_en="The HTXS maximum when the share is fractional",
    value_labels=(
        ("floor", "Làm tròn xuống", "Rounded down"),
        ("half_up", "Làm tròn nửa lên", "Rounded half up"),
    ),
)
HEAD_CAP = ParamSpec(
    "cl_head_cap",
    True,
    (True, False),
    "CL-15",
    label_vi="Người đứng đầu không được xếp cao hơn đơn vị",
    label_en="A head is rated no higher than the unit",
    value_labels=_YES_NO,
)
CIVIL_SERVICE_LINK = ParamSpec(
    "cl_member_civil_service_link",
    True,
    (True, False),
    "CL-17",
    label_vi="Xếp loại đảng viên không cao hơn xếp loại công chức, viên chức",
    label_en="A Party member is rated no higher than their civil-service rating",
    value_labels=_YES_NO,
)
NEW_ORG_MONTHS = ParamSpec(
    "cl_new_org_min_months",
    6,
    (),
    "CL-18",
    label_vi="Tổ chức mới thành lập được xếp loại khi hoạt động từ (tháng)",
    label_en="A new organization is classified after (months in operation)",
)
MERGER_SUCCESSOR = ParamSpec(
    "cl_merger_successor_classified",
    True,
    (True, False),
    "CL-18",
    confidence=Confidence.UNCONFIRMED,
    label_vi="Tổ chức hình thành do hợp nhất, sáp nhập tính thời gian hoạt động từ tổ chức cũ",
    label_en="A unit formed by a merger counts its time in operation from the merged units",
    value_labels=(
        (
            True,
            "Có: tổ chức kế thừa do hợp nhất, sáp nhập được xếp loại",
            "Yes: a successor by merger is classified",
        ),
        (
            False,
            "Không: tính như tổ chức mới thành lập",
            "No: counted as a newly formed organization",
        ),
    ),
)
"""CL-18 excludes an organization "mới thành lập" (newly formed) for less than six months; the
texts do not say whether a unit formed on 01/07/2025 by merging existing committees is one. It
takes over the predecessors' members, tasks and the year's work (OR-16: the predecessors end the
day before and their children move to it), so it is arguably not new: the default classifies it,
counting its months in operation from the earliest predecessor. Read the other way, nearly every
provincial and commune committee would go unclassified for 2025. Unconfirmed until a guidance
text settles it; ``false`` restores the reading "formed less than six months ago"."""
SICK_LEAVE_MONTHS = ParamSpec(
    "cl_sick_leave_cap_months",
    3,
    (),
    "CL-18",
    label_vi="Nghỉ ốm từ số tháng này thì cao nhất là HT",
    label_en="Sick leave of this many months caps the level at HT",
)
EXEMPT = ParamSpec(
    "cl_exempt_categories",
    tuple(sorted(str(e) for e in Exemption)),
    (),
    "CL-04",
    label_vi="Đảng viên không kiểm điểm, xếp loại",
    label_en="Party members not reviewed or classified",
    value_labels=(
        (
            "excused_from_party_work",
            "Được miễn công tác và sinh hoạt đảng",
            "Excused from Party work and meetings",
        ),
        ("party_activity_suspended", "Đang bị đình chỉ sinh hoạt đảng", "Party activity suspended"),
        ("admitted_lt_6_months", "Vào Đảng chưa đủ 6 tháng", "Admitted less than 6 months ago"),
    ),
)
_CL124_LABELS: Labels = (
    (
        "default",
        "Theo mặc định của sổ tay (tiêu chí, kỷ luật)",
        "The handbook default (grades, discipline)",
    ),
    ("none", "Không có điều kiện thêm", "No further condition"),
)
CL124_HTT = ParamSpec(
    "cl124_htt_individual",
    str(Cl124Individual.DEFAULT),
    tuple(str(v) for v in Cl124Individual),
    "CL124-04",
    label_vi="Điều kiện mức HTT đối với cá nhân",
    label_en="The HTT condition for individuals",
    value_labels=_CL124_LABELS,
)
CL124_HT = ParamSpec(
    "cl124_ht_individual",
    str(Cl124Individual.DEFAULT),
    tuple(str(v) for v in Cl124Individual),
    "CL124-05",
    label_vi="Điều kiện mức HT đối với cá nhân",
    label_en="The HT condition for individuals",
    value_labels=_CL124_LABELS,
)

_SHARED = (
    QUOTA_PCT,
    QUOTA_ROUNDING,
    HEAD_CAP,
    CIVIL_SERVICE_LINK,
    NEW_ORG_MONTHS,
    MERGER_SUCCESSOR,
    SICK_LEAVE_MONTHS,
)
QD366_PARAMS: tuple[ParamSpec, ...] = (
    SCORE_PRECISION,
    CONDITION_FAILURE,
    HT_INDIVIDUAL,
    HTT_OUTSIDE,
    BASIC_TARGETS,
    TRIGGERS_COLLECTIVE,
    TRIGGERS_INDIVIDUAL,
    *_SHARED,
    EXEMPT,
)
QD124_PARAMS: tuple[ParamSpec, ...] = (CL124_HTT, CL124_HT, *_SHARED, EXEMPT)
ALL_PARAMS: tuple[ParamSpec, ...] = (*QD366_PARAMS, CL124_HTT, CL124_HT)
"""Every field of :class:`Parameters`, once each."""
