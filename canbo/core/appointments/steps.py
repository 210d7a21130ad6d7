"""The appointment procedures as data and the pure rules of each step (handbook AP-11 to AP-18,
TR-02, ST-01 to ST-07).

Three procedures (:func:`procedure`): the five in-place steps (AP-11 to AP-16; step 2's results
sealed until step 3, AP-13), the three steps for a candidate from elsewhere (AP-18: the Party
procedure is not confirmed, so ``ap_outside_procedure`` defaults to the State's three steps of
ST-04), and the reappointment vote of the leadership collective (TR-02, ST-07). Steps run in
order (:func:`check_next`), each meeting needs 2/3 of those convened (:func:`quorum`, AP-11),
and :func:`outcome` reads a step's count with the rulebook's denominators and tie rules. Where
the handbook has no confirmed rule (a tie for second place at step 3, no majority or exactly
50% at step 5) the outcome stops the process for the competent level's decision
(``needs_decision``) or restarts it, as the rulebook's parameters say, and never guesses: the
"older candidate" rule of State elections is not used (AP-17). All tests are integer tests
(``2*votes > D``), never percentages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from canbo.core.appointments.model import Check
from canbo.core.appointments.step_model import (
    BallotMode,
    OutcomeStatus,
    ProcedureKind,
    StepCount,
    StepDef,
    StepKind,
    StepOutcome,
)
from canbo.core.errors import Citation, RuleViolation, ValidationError
from canbo.core.rulebook import Rulebook

ND170 = "NĐ 170/2025/NĐ-CP"
ND138 = "NĐ 138/2020/NĐ-CP"
ND170_FROM = dt.date(2025, 7, 1)
"""State civil servants follow NĐ 170/2025/NĐ-CP from 01/07/2025, NĐ 138/2020/NĐ-CP before."""

__all__ = [
    "BallotMode",
    "OutcomeStatus",
    "ProcedureKind",
    "StepCount",
    "StepDef",
    "StepKind",
    "StepOutcome",
    "check_next",
    "kept_on_restart",
    "outcome",
    "procedure",
    "quorum",
    "state_decree",
]


@dataclass(frozen=True, slots=True)
class _Spec:
    kind: StepKind
    ballot: BallotMode
    sealed: bool
    rule: str
    vi: str
    en: str
    state: bool = False


_IN_PLACE = (
    _Spec(StepKind.LEADERSHIP_FIRST, BallotMode.NONE, False, "AP-12",
          "Tập thể lãnh đạo (lần 1)", "Leadership collective (first round)"),
    _Spec(StepKind.WIDER, BallotMode.NOMINATE, True, "AP-13",
          "Hội nghị tập thể lãnh đạo mở rộng", "Expanded leadership meeting"),
    _Spec(StepKind.LEADERSHIP_NOMINATE, BallotMode.NOMINATE, False, "AP-14",
          "Tập thể lãnh đạo (lần 2)", "Leadership collective (second round)"),
    _Spec(StepKind.KEY_CADRES, BallotMode.OPINION, False, "AP-15",
          "Hội nghị cán bộ chủ chốt", "Key cadres' meeting"),
    _Spec(StepKind.LEADERSHIP_DECIDE, BallotMode.DECIDE, False, "AP-16",
          "Tập thể lãnh đạo (lần 3)", "Leadership collective (third round)"),
)  # fmt: skip
_OUTSIDE = (
    _Spec(StepKind.RECEIVING_TALKS, BallotMode.NONE, False, "ST-04",
          "Trao đổi với tập thể lãnh đạo nơi tiếp nhận", "Talks with the receiving leadership",
          True),
    _Spec(StepKind.SENDING_VOTE, BallotMode.DECIDE, False, "ST-04",
          "Tập thể lãnh đạo nơi công tác bỏ phiếu", "The sending leadership votes", True),
    _Spec(StepKind.REPORT, BallotMode.NONE, False, "ST-04",
          "Cơ quan tham mưu báo cáo cấp có thẩm quyền", "Report to the competent level", True),
)  # fmt: skip
_REAPPOINTMENT = (
    _Spec(StepKind.COLLECTIVE_VOTE, BallotMode.DECIDE, False, "TR-02",
          "Tập thể lãnh đạo bỏ phiếu bổ nhiệm lại", "The leadership collective votes"),
)  # fmt: skip
_BY_KIND = {
    ProcedureKind.IN_PLACE: _IN_PLACE,
    ProcedureKind.OUTSIDE: _OUTSIDE,
    ProcedureKind.REAPPOINTMENT: _REAPPOINTMENT,
}


def state_decree(on: dt.date) -> str:
    """The State decree on appointing civil servants in force on ``on`` (ST-01, ST-04)."""
    return ND170 if on >= ND170_FROM else ND138


def _rulebook_day(rulebook: Rulebook) -> dt.date:
    """The last day the rulebook is in force, for a step whose date is not given."""
    return rulebook.effective_to or dt.date.max


def procedure(kind: ProcedureKind, rulebook: Rulebook) -> tuple[StepDef, ...]:
    """The steps of ``kind`` under ``rulebook`` (AP-11, AP-18, TR-02). A candidate from
    elsewhere follows ``ap_outside_procedure`` (default and only known value: the State's three
    steps, ST-04); another value is refused rather than guessed."""
    if kind is ProcedureKind.OUTSIDE and rulebook.param_str("ap_outside_procedure") != (
        "state_3_steps"
    ):
        raise RuleViolation(
            "outside_procedure_not_specified",
            citation=Citation(rulebook.document, rule_id="AP-18"),
            value=rulebook.param_str("ap_outside_procedure"),
        )
    decree = state_decree(_rulebook_day(rulebook))
    return tuple(
        StepDef(
            spec.kind,
            order,
            spec.ballot,
            spec.sealed,
            spec.rule,
            Citation(decree if spec.state else rulebook.document, rule_id=spec.rule),
            spec.vi,
            spec.en,
        )
        for order, spec in enumerate(_BY_KIND[ProcedureKind(kind)], start=1)
    )


def check_next(procedure: Sequence[StepDef], done: Sequence[StepKind], next_kind: StepKind) -> None:
    """Refuse a step taken out of order (AP-11): ``done`` must be the procedure's first steps in
    order, and ``next_kind`` the one after them. After a restart (``OutcomeStatus.RESTART``)
    the caller passes only the steps kept (:func:`kept_on_restart`)."""
    kinds = [d.kind for d in procedure]
    position = len(done)
    expected = kinds[position] if position < len(kinds) else None
    if [StepKind(k) for k in done] == kinds[:position] and expected == StepKind(next_kind):
        return
    cited = procedure[0].citation if procedure else Citation("", rule_id="AP-11")
    raise RuleViolation(
        "step_out_of_order",
        "Bước này không đúng thứ tự của quy trình. / This step is out of the procedure's order.",
        citation=Citation(cited.document, rule_id="AP-11"),
        step=str(next_kind),
        expected=str(expected) if expected else "",
    )


def kept_on_restart(procedure: Sequence[StepDef]) -> tuple[StepKind, ...]:
    """The steps that stand when step 5 restarts from step 3 (``restart_from_step_3``,
    AP-17): those before the leadership collective's nomination."""
    kinds = [d.kind for d in procedure]
    if StepKind.LEADERSHIP_NOMINATE not in kinds:
        return tuple(kinds)
    return tuple(kinds[: kinds.index(StepKind.LEADERSHIP_NOMINATE)])


def quorum(convened: int, present: int, document: str = "QĐ 377-QĐ/TW") -> Check:
    """A step meeting proceeds only if at least 2/3 of those convened are present:
    ``3*present >= 2*convened`` (AP-11; ST-01 for the State procedure)."""
    if convened <= 0 or present < 0:
        raise ValidationError("quorum_inputs_invalid", present=present, base=convened)
    if present > convened:
        raise ValidationError("present_exceeds_convened", present=present, base=convened)
    ok = 3 * present >= 2 * convened
    if ok:
        vi = f"Có mặt {present}/{convened} người được triệu tập: đủ 2/3, hội nghị được tiến hành."
        en = f"{present} of {convened} convened are present: at least 2/3, the meeting proceeds."
    else:
        vi = f"Có mặt {present}/{convened} người được triệu tập: chưa đủ 2/3, không được bỏ phiếu."
        en = f"{present} of {convened} convened are present: under 2/3, no ballot may be held."
    return Check("quorum", "AP-11", ok, Citation(document, rule_id="AP-11"), vi, en)


_KIND_WORDS = {
    "convened": ("người được triệu tập", "those convened"),
    "present": ("người có mặt", "those present"),
    "collective_members": ("thành viên tập thể lãnh đạo", "members of the leadership collective"),
}


def _validate(count: StepCount, ballot: BallotMode) -> None:
    """The count is consistent: nothing negative, present within convened, valid ballots
    within present, a person's votes within the valid ballots (one name per ballot when
    nominating)."""
    numbers = (count.convened, count.present, count.collective_members, count.valid_ballots)
    if min(numbers) < 0 or any(v < 0 for v in count.votes.values()):
        raise ValidationError("count_negative", count=min((*numbers, *count.votes.values())))
    if count.present > count.convened:
        raise ValidationError(
            "present_exceeds_convened", present=count.present, base=count.convened
        )
    if ballot is BallotMode.NONE:
        return
    if count.valid_ballots > count.present:
        raise ValidationError(
            "valid_ballots_exceed_present", valid=count.valid_ballots, present=count.present
        )
    if any(v > count.valid_ballots for v in count.votes.values()):
        raise ValidationError("election_votes_exceed_valid", valid=count.valid_ballots)
    total = sum(count.votes.values())
    if ballot is BallotMode.NOMINATE and total > count.valid_ballots:
        raise ValidationError(
            "election_votes_exceed_seats_times_valid", total=total, limit=count.valid_ballots
        )


def _base(count: StepCount, kind: str) -> int:
    base = {
        "convened": count.convened,
        "present": count.present,
        "collective_members": count.collective_members,
    }[kind]
    if base <= 0:
        raise ValidationError("denominator_not_positive", denominator=base, kind=kind)
    return base


def _ranked(votes: Mapping[str, int]) -> list[tuple[str, int]]:
    """Persons with at least one vote, most votes first. Equal counts keep the order given:
    ordering is for display only, a tie is never broken by it (nor by age, AP-17)."""
    return sorted(((p, v) for p, v in votes.items() if v > 0), key=lambda pv: -pv[1])


def _outside_kind(rulebook: Rulebook, on: dt.date) -> tuple[str, str]:
    """``st_outside_denominator`` for the decree in force on the day (ST-04)."""
    decree = state_decree(on)
    key = "ND170_2025" if decree == ND170 else "ND138_2020"
    raw = rulebook.param("st_outside_denominator")
    pairs = dict(item.split("=", 1) for item in raw) if isinstance(raw, tuple) else {}
    return pairs.get(key, "convened" if decree == ND170 else "collective_members"), decree


@dataclass(frozen=True, slots=True)
class _Ctx:
    step: StepDef
    count: StepCount
    rulebook: Rulebook
    denominator: int
    kind: str
    document: str
    unconfirmed: tuple[str, ...]

    def out(self, status: OutcomeStatus, carried: Sequence[str], rule: str, vi: str, en: str,
            needs_decision: bool = False) -> StepOutcome:  # fmt: skip
        citation = Citation(self.document, rule_id=rule, unconfirmed=self.unconfirmed)
        return StepOutcome(
            self.step.kind, status, tuple(carried), self.denominator, self.kind, citation, vi, en,
            needs_decision,
        )  # fmt: skip

    @property
    def base_words(self) -> tuple[str, str]:
        vi, en = _KIND_WORDS[self.kind]
        return f"{self.denominator} {vi}", f"{self.denominator} {en}"


def _carry(ctx: _Ctx) -> StepOutcome:
    """A step without a threshold passes its list on: the persons given, or for a ballot
    the persons with votes, most first (AP-12, AP-13, AP-15, ST-04 steps 1 and 3)."""
    if ctx.step.ballot is BallotMode.NONE:
        carried = list(ctx.count.votes)
    elif ctx.step.ballot is BallotMode.OPINION:
        carried = [p for p, _v in sorted(ctx.count.votes.items(), key=lambda pv: -pv[1])]
    else:
        carried = [p for p, _v in _ranked(ctx.count.votes)]
    if ctx.step.sealed:
        vi = "Kết quả được niêm phong, không công bố tại hội nghị; chỉ mở ở bước tập thể lãnh đạo."
        en = "The result is sealed, not announced at the meeting; it opens at the leadership step."
    else:
        vi, en = (
            "Bước đã hoàn thành, danh sách được chuyển sang bước sau.",
            ("The step is done and its list goes on to the next step."),
        )
    return ctx.out(OutcomeStatus.CARRIED, carried, ctx.step.rule, vi, en)


def _nominate(ctx: _Ctx) -> StepOutcome:
    """AP-14: the person with the most votes and ``2*votes > D`` is selected; if none, the two
    with the most votes go on, a tie for second place per ``ap_top2_tie_policy``."""
    ranked = _ranked(ctx.count.votes)
    d_vi, d_en = ctx.base_words
    winners = [(p, v) for p, v in ranked if 2 * v > ctx.denominator]
    top_tied = len(winners) > 1 and winners[0][1] == winners[1][1]
    if winners and not top_tied:
        return ctx.out(
            OutcomeStatus.SELECTED, [winners[0][0]], "AP-14",
            f"Người có số phiếu cao nhất đạt {winners[0][1]} phiếu, trên một nửa của {d_vi}: được"
            " giới thiệu.",
            f"The person with the most votes has {winners[0][1]}, more than half of {d_en}: "
            "nominated.",
        )  # fmt: skip
    if not ranked:
        return ctx.out(
            OutcomeStatus.REFER, [], "AP-17",
            "Không ai được giới thiệu: dừng quy trình, chờ ý kiến của cấp có thẩm quyền.",
            "No one was nominated: the process stops for the competent level's decision.",
            needs_decision=True,
        )  # fmt: skip
    cutoff = ranked[1][1] if len(ranked) > 1 else ranked[0][1]
    going = [p for p, v in ranked if v >= cutoff]
    if len(going) <= 2:
        return ctx.out(
            OutcomeStatus.TOP_TWO, going, "AP-14",
            f"Không ai đạt trên một nửa của {d_vi}: hai người có số phiếu cao nhất được chuyển"
            " sang bước sau.",
            f"No one has more than half of {d_en}: the two with the most votes go on.",
        )  # fmt: skip
    if ctx.rulebook.param_str("ap_top2_tie_policy") == "include_all_tied":
        return ctx.out(
            OutcomeStatus.TOP_TWO, going, "AP-14",
            f"Không ai đạt trên một nửa của {d_vi}; có người bằng phiếu ở vị trí thứ hai: tất cả"
            " những người bằng phiếu được chuyển sang bước sau.",
            f"No one has more than half of {d_en}; there is a tie for second place: everyone "
            "tied goes on.",
        )  # fmt: skip
    return ctx.out(
        OutcomeStatus.REFER, going, "AP-17",
        "Có người bằng phiếu ở vị trí thứ hai, chưa có quy định xác nhận: dừng quy trình, chờ"
        " quyết định của cấp có thẩm quyền.",
        "A tie for second place has no confirmed rule: the process stops for the competent "
        "level's decision.",
        needs_decision=True,
    )  # fmt: skip


def _decide(ctx: _Ctx, *, no_majority: str, half_rule: str) -> StepOutcome:
    """AP-16, ST-04, ST-07: ``2*agree > D`` with the most agree votes is selected; exactly half
    makes the head decide (recorded, dissent reported); below, ``no_majority``."""
    ranked = _ranked(ctx.count.votes)
    d_vi, d_en = ctx.base_words
    winners = [(p, v) for p, v in ranked if 2 * v > ctx.denominator]
    if winners and (len(winners) == 1 or winners[0][1] > winners[1][1]):
        return ctx.out(
            OutcomeStatus.SELECTED, [winners[0][0]], ctx.step.rule,
            f"Đạt {winners[0][1]} phiếu đồng ý, trên một nửa của {d_vi}: được chọn.",
            f"{winners[0][1]} agree, more than half of {d_en}: selected.",
        )  # fmt: skip
    if winners:
        tied = [p for p, v in winners if v == winners[0][1]]
        return ctx.out(
            OutcomeStatus.REFER, tied, "AP-17",
            "Nhiều người cùng đạt trên một nửa với số phiếu bằng nhau, chưa có quy định xác nhận:"
            " dừng quy trình, chờ quyết định của cấp có thẩm quyền.",
            "Several people have the same majority, which has no confirmed rule: the process "
            "stops for the competent level's decision.",
            needs_decision=True,
        )  # fmt: skip
    half = [p for p, v in ranked if 2 * v == ctx.denominator]
    if half:
        return ctx.out(
            OutcomeStatus.HEAD_DECIDES, half, half_rule,
            f"Đạt đúng một nửa của {d_vi}: người đứng đầu quyết định, các ý kiến khác nhau được"
            " báo cáo cấp có thẩm quyền.",
            f"Exactly half of {d_en}: the head decides, and the differing opinions are reported "
            "to the competent level.",
            needs_decision=True,
        )  # fmt: skip
    if no_majority == "restart_from_step_3":
        return ctx.out(
            OutcomeStatus.RESTART, [], "AP-17",
            f"Không ai đạt trên một nửa của {d_vi}: làm lại từ bước tập thể lãnh đạo giới thiệu.",
            f"No one has more than half of {d_en}: the process restarts from the leadership "
            "collective's nomination.",
        )  # fmt: skip
    if no_majority == "stop_and_escalate":
        return ctx.out(
            OutcomeStatus.REFER, [p for p, _v in ranked], "AP-17",
            f"Không ai đạt trên một nửa của {d_vi}: dừng quy trình, báo cáo cấp có thẩm quyền.",
            f"No one has more than half of {d_en}: the process stops and is reported to the "
            "competent level.",
            needs_decision=True,
        )  # fmt: skip
    return ctx.out(
        OutcomeStatus.NOT_SELECTED, [], ctx.step.rule,
        f"Không đạt trên một nửa của {d_vi}: không được chọn.",
        f"Not more than half of {d_en}: not selected.",
    )  # fmt: skip


def _context(step: StepDef, count: StepCount, rulebook: Rulebook) -> _Ctx:
    document = rulebook.document
    names: tuple[str, ...] = ()
    if step.kind is StepKind.LEADERSHIP_NOMINATE:
        kind, names = rulebook.param_str("ap_step3_denominator"), (
            "ap_step3_denominator", "ap_top2_tie_policy",
        )  # fmt: skip
    elif step.kind is StepKind.LEADERSHIP_DECIDE:
        kind = rulebook.param_str("ap_step5_denominator")
        names = ("ap_step5_denominator", "ap_no_majority_policy")
    elif step.kind in (StepKind.RECEIVING_TALKS, StepKind.SENDING_VOTE, StepKind.REPORT):
        kind, document = _outside_kind(rulebook, count.on or _rulebook_day(rulebook))
        names = ("ap_outside_procedure", "st_outside_denominator")
    elif step.kind is StepKind.COLLECTIVE_VOTE:
        kind = "collective_members"
    else:
        kind = "convened"
    base = _base(count, kind) if step.ballot is not BallotMode.NONE else 0
    return _Ctx(step, count, rulebook, base, kind, document, rulebook.unconfirmed(*names))


def outcome(step: StepDef, count: StepCount, rulebook: Rulebook) -> StepOutcome:
    """The outcome of one step from its count, under ``rulebook`` (AP-12 to AP-17, ST-04,
    TR-02, ST-07). Thresholds are integer tests on the rulebook's denominator: step 3
    ``ap_step3_denominator``, step 5 ``ap_step5_denominator``, the sending unit's vote
    ``st_outside_denominator``, reappointment the collective's total members. An unconfirmed
    case returns ``needs_decision`` (or a restart, per ``ap_no_majority_policy``)."""
    _validate(count, step.ballot)
    ctx = _context(step, count, rulebook)
    if step.kind is StepKind.LEADERSHIP_NOMINATE:
        return _nominate(ctx)
    if step.kind is StepKind.LEADERSHIP_DECIDE:
        policy = rulebook.param_str("ap_no_majority_policy")
        return _decide(ctx, no_majority=policy, half_rule="AP-16")
    if step.kind is StepKind.SENDING_VOTE:
        return _decide(ctx, no_majority="not_selected", half_rule="ST-04")
    if step.kind is StepKind.COLLECTIVE_VOTE:
        return _decide(ctx, no_majority="not_selected", half_rule="ST-07")
    return _carry(ctx)
