"""The named acts of QĐ 114-QĐ/TW (handbook PC-03 to PC-08) as data inspectors cite.

Nineteen acts in three groups: Art. 3, taking advantage of or abusing position and power
(``A3_1`` … ``A3_8``); Art. 4, running for posts and power (``A4_1`` … ``A4_6``); Art. 5, other
negative acts (``A5_1`` … ``A5_5``). Where the text of an act is not confirmed the description
says so and ``confirmed`` is false; no automated check rests on such a code (PC-08). ``capability``
says what software can do about it (PC-20): prevent, detect, record or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from canbo.core.errors import Citation, NotFound

QD114 = "QĐ 114-QĐ/TW"


class Capability(StrEnum):
    """What canbo can do about an act (PC-20)."""

    PREVENT = "prevent"
    DETECT = "detect"
    RECORD = "record"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Misconduct:
    """One named act: its code, the handbook rule that lists it, and its summary."""

    code: str
    article: int
    rule: str
    confirmed: bool
    capability: Capability
    text_vi: str
    text_en: str

    @property
    def citation(self) -> Citation:
        return Citation(QD114, rule_id=self.rule)


def _m(code: str, rule: str, cap: Capability, vi: str, en: str, ok: bool = True) -> Misconduct:
    return Misconduct(code, int(code[1]), rule, ok, cap, vi, en)


_NOT_CONFIRMED_VI = "Nội dung chưa được xác nhận."
_NOT_CONFIRMED_EN = "Content not confirmed."
P, D, R, N = Capability.PREVENT, Capability.DETECT, Capability.RECORD, Capability.NONE

MISCONDUCT: tuple[Misconduct, ...] = (
    _m(
        "A3_1",
        "PC-04",
        P,
        "Dùng uy tín, ảnh hưởng của mình hoặc người có quan hệ gia đình để tác động, gây áp lực"
        " khi quyết định, tham mưu, đề xuất, đánh giá, bỏ phiếu.",
        "Using one's own or a family member's prestige to influence or pressure those who "
        "decide, advise, propose, evaluate or vote.",
    ),
    _m(
        "A3_2",
        "PC-04",
        D,
        "Để người có quan hệ gia đình, người có mối quan hệ thân quen lợi dụng chức vụ, quyền"
        " hạn, uy tín của mình để tác động, thao túng, can thiệp.",
        "Letting family members or close acquaintances use one's position or prestige to "
        "influence, manipulate or interfere.",
    ),
    _m(
        "A3_3",
        "PC-04",
        R,
        "Đưa ý đồ cá nhân vào công tác cán bộ để trục lợi hoặc giúp người khác.",
        "Building personal intentions into cadre work for gain or to benefit someone.",
    ),
    _m(
        "A3_4",
        "PC-04",
        P,
        "Chỉ đạo, tham mưu cho người không đủ tiêu chuẩn, điều kiện hoặc trái nguyên tắc, quy"
        " trình.",
        "Directing or advising for persons who do not meet standards and conditions, or against"
        " the procedure.",
    ),
    _m(
        "A3_5",
        "PC-04",
        D,
        "Trì hoãn hoặc không thực hiện khi bất lợi, chọn thời điểm có lợi cho người mình muốn.",
        "Delaying a process when unfavourable, or choosing a favourable time for a preferred "
        "person.",
    ),
    _m(
        "A3_6",
        "PC-04",
        P,
        "Nhận đơn thư, thông tin về tham nhũng, tiêu cực của người trong quy trình mà xuê xoa,"
        " bao che, không xử lý, không báo cáo.",
        "Covering up, not handling or not reporting denunciations about a person in the process.",
    ),
    _m(
        "A3_7",
        "PC-04",
        P,
        "Xác nhận, nhận xét, đánh giá áp đặt, không trung thực; làm sai lệch hồ sơ, kết quả bầu"
        " cử, phiếu giới thiệu, kết quả lấy phiếu tín nhiệm.",
        "Imposed or untrue evaluations; falsifying records, election results, nomination "
        "ballots or confidence-vote results.",
    ),
    _m("A3_8", "PC-04", N, _NOT_CONFIRMED_VI, _NOT_CONFIRMED_EN, ok=False),
    _m(
        "A4_1",
        "PC-05",
        N,
        "Môi giới, đưa, nhận hối lộ để giúp người khác có vị trí, chức vụ, lợi ích.",
        "Brokering, giving or receiving bribes for a position, post or benefit.",
    ),
    _m(
        "A4_2",
        "PC-05",
        N,
        "Tặng quà, tiền, tài sản, lợi ích khác cho người có thẩm quyền để được ủng hộ, tín"
        " nhiệm, vị trí, lợi ích.",
        "Giving gifts, money or other benefits to people with authority for support or a position.",
    ),
    _m(
        "A4_3",
        "PC-05",
        P,
        "Chạy tuổi, thâm niên, danh hiệu thi đua, bằng cấp, luân chuyển, phong hoặc thăng quân"
        " hàm để đạt tiêu chuẩn, điều kiện.",
        "Running for age, seniority, emulation titles, degrees, rotation or military rank to "
        "meet standards.",
    ),
    _m(
        "A4_4",
        "PC-05",
        R,
        "Dùng quan hệ thân quen, lợi thế, vị trí, uy tín của người khác để vận động, tác động"
        " người có thẩm quyền.",
        "Using close relationships or another person's position to lobby or pressure the "
        "person with authority.",
    ),
    _m(
        "A4_5",
        "PC-05",
        N,
        "Chưa xác nhận trong QĐ 114. QĐ 205 quy định: dùng thông tin nội bộ, bất lợi để gây áp"
        " lực với người đề xuất, bổ nhiệm.",
        "Not confirmed in QĐ 114. QĐ 205 listed: using internal or unfavourable information to "
        "pressure the person who proposes or appoints.",
        ok=False,
    ),
    _m(
        "A4_6",
        "PC-05",
        N,
        "Chưa xác nhận trong QĐ 114. QĐ 205 quy định: dùng lý lịch, gia đình, thành tích để mặc"
        " cả, đòi hỏi không chính đáng.",
        "Not confirmed in QĐ 114. QĐ 205 listed: using one's background, family or achievements"
        " to bargain or make unreasonable demands.",
        ok=False,
    ),
    *(
        _m(f"A5_{n}", "PC-08", N, _NOT_CONFIRMED_VI, _NOT_CONFIRMED_EN, ok=False)
        for n in range(1, 6)
    ),
)
BY_CODE = {m.code: m for m in MISCONDUCT}


def misconduct(code: str) -> Misconduct:
    """The act named ``code`` (``A3_5``), or ``NotFound("unknown_misconduct_code")``."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise NotFound("unknown_misconduct_code", misconduct=code) from None
