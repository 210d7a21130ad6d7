"""Reasons of rulebook QD366_HD43 (QĐ 366-QĐ/TW and HD 43-HD/BTCTW), built once at import.

100-point scale (CL-05), score bands (CL-06), level conditions (CL-07, CL-08, CL-10), forced KHT
for leaders (CL-09) and, by default, the QĐ 124 lists for the others (CL-11), decided as in
CL-12. All thresholds are integer tests on tenths of points and hundredths of percent (GEN-05).
"""

from __future__ import annotations

from canbo.core.classification import kht_cases as kc
from canbo.core.classification.model import Effect, Level, Reason
from canbo.core.errors import Citation

QD366 = "QĐ 366-QĐ/TW"
DOCS = f"{QD366}; HD 43-HD/BTCTW"
QD124_DEFAULT = "QĐ 124-QĐ/TW (default for QĐ 366 — mặc định)"


def _r(
    rule: str,
    effect: Effect,
    vi: str,
    en: str,
    *,
    level: Level | None = None,
    doc: str = DOCS,
    article: str = "",
    unconfirmed: tuple[str, ...] = (),
) -> Reason:
    return Reason(rule, effect, Citation(doc, article, "", rule, unconfirmed), vi, en, level)


ART11_1 = "Điều 11, khoản 1"
ART11_4 = "Điều 11, khoản 4, điểm 4.2"

BAND = {
    Level.HTXS: _r(
        "CL-06",
        Effect.BAND,
        "Tổng điểm từ 90 trở lên.",
        "Total score 90 or more.",
        level=Level.HTXS,
    ),
    Level.HTT: _r(
        "CL-06",
        Effect.BAND,
        "Tổng điểm từ 70 đến dưới 90.",
        "Total score from 70 to under 90.",
        level=Level.HTT,
    ),
    Level.HT: _r(
        "CL-06",
        Effect.BAND,
        "Tổng điểm từ 50 đến dưới 70.",
        "Total score from 50 to under 70.",
        level=Level.HT,
    ),
    Level.KHT: _r(
        "CL-06",
        Effect.FORCED_KHT,
        "Tổng điểm dưới 50: không hoàn thành nhiệm vụ.",
        "Total score under 50: KHT.",
        level=Level.KHT,
    ),
}
MET = {
    Level.HTXS: _r(
        "CL-07",
        Effect.MET,
        "Đủ điều kiện mức HTXS.",
        "HTXS conditions hold.",
        level=Level.HTXS,
        article=ART11_1,
    ),
    Level.HTT: _r(
        "CL-08", Effect.MET, "Đủ điều kiện mức HTT.", "HTT conditions hold.", level=Level.HTT
    ),
    Level.HT: _r(
        "CL-10",
        Effect.MET,
        "Đủ điều kiện mức HT.",
        "HT conditions hold.",
        level=Level.HT,
        unconfirmed=(),
    ),
}
MET_HT_INDIVIDUAL = _r(
    "CL-10",
    Effect.MET,
    "Đủ điều kiện mức HT.",
    "HT conditions hold.",
    level=Level.HT,
    unconfirmed=("cl_ht_condition_individual",),
)
MET_HTT_OUTSIDE = _r(
    "CL-08",
    Effect.MET,
    "Đủ điều kiện mức HTT.",
    "HTT conditions hold.",
    level=Level.HTT,
    unconfirmed=("cl_htt_condition_outside_members",),
)
DROP_TO_KHT = _r(
    "CL-12",
    Effect.NOT_MET,
    "Không đủ điều kiện của khung điểm: xuống KHT (cl_condition_failure_policy).",
    "Band conditions fail: dropped to KHT (cl_condition_failure_policy).",
    level=Level.KHT,
    unconfirmed=("cl_condition_failure_policy",),
)

HT_NOT_DONE = _r(
    "CL-10",
    Effect.NOT_MET,
    "Chưa hoàn thành 100% nhiệm vụ được giao.",
    "Not all assigned tasks are done.",
    level=Level.HT,
)
HT_LATE = _r(
    "CL-10",
    Effect.NOT_MET,
    "Quá 20% nhiệm vụ chậm tiến độ.",
    "More than 20% of tasks are late.",
    level=Level.HT,
)
HT_NOT_DONE_IND = _r(
    "CL-10",
    Effect.NOT_MET,
    HT_NOT_DONE.message_vi,
    HT_NOT_DONE.message_en,
    level=Level.HT,
    unconfirmed=("cl_ht_condition_individual",),
)
HT_LATE_IND = _r(
    "CL-10",
    Effect.NOT_MET,
    HT_LATE.message_vi,
    HT_LATE.message_en,
    level=Level.HT,
    unconfirmed=("cl_ht_condition_individual",),
)
HTT_NOT_ON_TIME = _r(
    "CL-08",
    Effect.NOT_MET,
    "Chưa hoàn thành 100% nhiệm vụ đúng tiến độ.",
    "Not all assigned tasks are done on time.",
    level=Level.HTT,
)
HTT_UNITS = _r(
    "CL-08",
    Effect.NOT_MET,
    "Đơn vị trực tiếp lãnh đạo chưa hoàn thành 100% nhiệm vụ.",
    "The units led directly did not complete 100% of their tasks.",
    level=Level.HTT,
)
HTXS_NOT_ON_TIME = _r(
    "CL-07",
    Effect.NOT_MET,
    HTT_NOT_ON_TIME.message_vi,
    HTT_NOT_ON_TIME.message_en,
    level=Level.HTXS,
    article=ART11_1,
)
HTXS_EXCEEDED = _r(
    "CL-07",
    Effect.NOT_MET,
    "Dưới 30% nhiệm vụ vượt mức.",
    "Less than 30% of tasks exceeded.",
    level=Level.HTXS,
    article=ART11_1,
)
HTXS_DISCIPLINE = _r(
    "CL-07",
    Effect.NOT_MET,
    "Có đơn vị trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật.",
    "An affiliated unit or a member of the leadership collective was disciplined.",
    level=Level.HTXS,
    article=ART11_1,
)
HTXS_SHORTCOMINGS = _r(
    "CL-07",
    Effect.NOT_MET,
    "Hạn chế, khuyết điểm đã chỉ ra chưa khắc phục hết.",
    "Shortcomings identified earlier are not all remedied.",
    level=Level.HTXS,
    article=ART11_1,
)
HTXS_UNITS = _r(
    "CL-07",
    Effect.NOT_MET,
    "Đơn vị trực tiếp lãnh đạo chưa hoàn thành 100% nhiệm vụ, vượt mức từ 30%.",
    "The units led directly did not do 100% of tasks with at least 30% exceeded.",
    level=Level.HTXS,
    article=ART11_1,
)
HTXS_UNITS_UNKNOWN = _r(
    "CL-07",
    Effect.NOT_MET,
    "Thiếu tỷ lệ nhiệm vụ vượt mức của đơn vị (led_units_exceeded_pct).",
    "Share of led units' tasks exceeded is missing (led_units_exceeded_pct).",
    level=Level.HTXS,
    article=ART11_1,
)

K = Effect.FORCED_KHT
KHT = Level.KHT
LEADER_UNITS_TASKS = _r(
    "CL-09",
    K,
    "Đơn vị trực tiếp lãnh đạo hoàn thành dưới 70% nhiệm vụ.",
    "The units led directly completed less than 70% of the year's tasks.",
    level=KHT,
    article=ART11_4,
)
LEADER_UNITS_KHT = _r(
    "CL-09",
    K,
    "Trên 50% đơn vị phụ trách bị xếp loại KHT.",
    "More than 50% of the units in the person's charge are rated KHT.",
    level=KHT,
    article=ART11_4,
)
LEADER_CONFIDENCE = _r(
    "CL-09",
    K,
    "Trên 50% phiếu tín nhiệm thấp khi lấy phiếu trong năm.",
    "More than 50% 'low confidence' at a vote held in the year.",
    level=KHT,
    article=ART11_4,
)
LEADER_DISCIPLINE = _r(
    "CL-09",
    K,
    "Bị kỷ luật từ khiển trách trở lên liên quan thực thi công vụ.",
    "Disciplined (reprimand or above) for a duty-related violation.",
    level=KHT,
    article=ART11_4,
)
LEADER_DEGRADATION = _r(
    "CL-09",
    K,
    "Được kết luận suy thoái, tự diễn biến, tự chuyển hóa.",
    "Concluded to show degradation, self-evolution or self-transformation.",
    level=KHT,
    article=ART11_4,
)
_BASIC_VI = "Không đạt chỉ tiêu kinh tế - xã hội cơ bản được giao."
_BASIC_EN = "Basic socio-economic targets assigned were missed."
LEADER_BASIC_FORCED = _r(
    "CL-09",
    K,
    _BASIC_VI,
    _BASIC_EN,
    level=KHT,
    article=ART11_4,
    unconfirmed=("cl_basic_targets_policy",),
)
LEADER_BASIC_FLAG = _r(
    "CL-09",
    Effect.FLAG,
    _BASIC_VI + " Cấp có thẩm quyền quyết định.",
    _BASIC_EN + " For the competent level to decide.",
    article=ART11_4,
    unconfirmed=("cl_basic_targets_policy",),
)

_CU = ("cl_kht_triggers_collective",)
_IU = ("cl_kht_triggers_individual",)


def _default(
    case: kc.ForcedCase, unconfirmed: tuple[str, ...], vi: str = "", en: str = ""
) -> Reason:
    """CL-11: a QĐ 124 case (CL124-06) applied by default, cited as such."""
    return _r(
        "CL-11",
        K,
        vi or case.message_vi,
        en or case.message_en,
        level=KHT,
        doc=QD124_DEFAULT,
        unconfirmed=unconfirmed,
    )


COLL_DISCIPLINE = _default(
    kc.DISCIPLINE,
    _CU,
    "Tập thể, đơn vị trực thuộc hoặc thành viên bị kỷ luật trong năm "
    "(không tự phát hiện, khắc phục).",
    "Discipline in the collective's scope in the year, not self-detected and remedied.",
)
COLL_TASKS = _default(kc.TASKS, _CU)
COLL_UNITS = _default(kc.UNITS, _CU)
COLL_DISUNITY = _default(kc.DISUNITY, _CU)
IND_DISCIPLINE = _default(
    kc.DISCIPLINE,
    _IU,
    "Bị kỷ luật trong năm (không tự phát hiện, khắc phục).",
    "Disciplined in the year, not self-detected and remedied.",
)
IND_DEGRADATION = _default(kc.DEGRADATION, _IU)
IND_BREACH = _default(kc.BREACH, _IU)
