"""Validity of Party election ballots (strike-out, agree/disagree) and nomination ballots.

Rules EL-14 to EL-16 (Quy chế bầu cử trong Đảng, QĐ 244-QĐ/TW Điều 17; QĐ 190-QĐ/TW Điều 15
is assumed to keep it, ``el_art15_same_as_244``). Only three invalid cases are confirmed: not
issued by the counting committee, votes for more people than the number to elect, and (strike-out
list with several names) votes for nobody. Every other anomaly goes to the counting committee
(``el_unlisted_anomaly_policy``). Nomination ballots (AP-13, AP-14) have no confirmed validity
list; the same cases apply by analogy (``ballot_nomination_validity``).
"""

from __future__ import annotations

from canbo.core.ballots.ballot import (
    ApprovalChoice,
    Ballot,
    BallotForm,
    BallotKind,
    NominationMark,
    SubjectId,
)
from canbo.core.ballots.rulebooks import Domain, Regime, Rulebook
from canbo.core.ballots.validity import (
    Invalidity,
    Judgement,
    LineVerdict,
    Scope,
    Verdict,
    check_lines_on_form,
    whole_ballot,
)
from canbo.core.errors import Citation, RuleViolation

KEPT = "kept"  # a name left uncrossed: a vote for (EL-14)
STRUCK = "struck"
NOT_CHOSEN = "not_chosen"


def _citation(rulebook: Rulebook, form: BallotForm, *unconfirmed: str) -> Citation:
    extra: tuple[str, ...] = unconfirmed
    if rulebook.regime is Regime.QD190:
        extra = ("el_art15_same_as_244", *extra)
    if form.kind is BallotKind.NOMINATION:
        extra = ("ballot_nomination_validity", *extra)
    article = "Điều 17" if rulebook.regime is Regime.QD244 else "Điều 15"
    return Citation(rulebook.document, article, rule_id="EL-16", unconfirmed=extra)


def _require_election_rulebook(rulebook: Rulebook) -> None:
    if rulebook.domain is not Domain.PARTY_ELECTION:
        raise RuleViolation("wrong_rulebook_domain", rulebook=rulebook.rulebook_id)
    if rulebook.regime is Regime.QD190 and not rulebook.param_bool("el_art15_same_as_244"):
        raise RuleViolation(
            "rulebook_not_specified",
            "QĐ 190 Art. 15 differs from QĐ 244 and is not encoded.",
            citation=rulebook.citation,
            rulebook=rulebook.rulebook_id,
        )


def _anomalies(ballot: Ballot, form: BallotForm) -> list[str]:
    """Cases outside the confirmed list (EL-16): they go to the counting committee by default."""
    found = []
    if ballot.added_names:
        found.append("added_names")
    if form.kind is BallotKind.STRIKE_OUT and any(line.marks for line in ballot.lines):
        found.append("marks_on_strike_out_ballot")
    if form.kind is not BallotKind.STRIKE_OUT and any(line.struck for line in ballot.lines):
        found.append("name_struck_out")
    if form.kind is BallotKind.APPROVAL and not form.allows_other:
        if any(ApprovalChoice.OTHER in line.marks for line in ballot.lines):
            found.append("other_opinion_not_on_form")
    if form.kind is BallotKind.NOMINATION and ballot.write_ins and not form.write_ins_allowed:
        found.append("write_in_not_allowed")
    return found


def _votes_for(ballot: Ballot, form: BallotForm) -> int:
    """EL-15 ``votes_for``: uncrossed names, "agree" marks, or names chosen (incl. write-ins)."""
    if form.kind is BallotKind.STRIKE_OUT:
        return sum(1 for s in form.subjects if not ballot.line(s).struck)
    if form.kind is BallotKind.APPROVAL:
        return sum(1 for s in form.subjects if ApprovalChoice.AGREE in ballot.line(s).marks)
    chosen = sum(1 for s in form.subjects if NominationMark.CHOSEN in ballot.line(s).marks)
    return chosen + (len(ballot.write_ins) if form.write_ins_allowed else 0)


def judge_election(
    ballot: Ballot, form: BallotForm, issued: frozenset[str], rulebook: Rulebook
) -> Judgement:
    """Validity of a strike-out, agree/disagree or nomination ballot (EL-15, EL-16; AP-14).

    Invalid: ``serial not in issued``; ``votes_for > k``; strike-out list with ``n > 1`` and
    ``votes_for == 0``. Unlisted anomalies follow ``el_unlisted_anomaly_policy``. On a
    single-name agree/disagree ballot, both or neither box marked follows
    ``el_single_name_no_mark_policy``; on a multi-name one, such a line simply does not count.
    """
    _require_election_rulebook(rulebook)
    check_lines_on_form(ballot, form)
    rid, seats = rulebook.rulebook_id, form.seats or 0
    confirmed = _citation(rulebook, form)
    if ballot.serial not in issued:
        reason = Invalidity("not_issued", Scope.BALLOT, confirmed)
        return whole_ballot(form, ballot.serial, Verdict.INVALID, reason, rid)
    votes = _votes_for(ballot, form)
    if votes > seats:
        reason = Invalidity("votes_for_more_than_seats", Scope.BALLOT, confirmed)
        return whole_ballot(form, ballot.serial, Verdict.INVALID, reason, rid)
    if form.kind is BallotKind.STRIKE_OUT and len(form.subjects) > 1 and votes == 0:
        reason = Invalidity("votes_for_nobody", Scope.BALLOT, confirmed)
        return whole_ballot(form, ballot.serial, Verdict.INVALID, reason, rid)
    anomaly = _anomaly_outcome(ballot, form, rulebook)
    if anomaly is not None:
        return anomaly
    return _count_lines(ballot, form, rulebook)


def _policy_verdict(policy: str) -> Verdict | None:
    if policy == "invalid":
        return Verdict.INVALID
    if policy == "refer_to_counting_committee":
        return Verdict.REFER
    return None  # ignore_mark / valid_not_counted: keep counting


def _anomaly_outcome(ballot: Ballot, form: BallotForm, rulebook: Rulebook) -> Judgement | None:
    codes = _anomalies(ballot, form)
    verdict = _policy_verdict(rulebook.param_str("el_unlisted_anomaly_policy"))
    if not codes or verdict is None:
        return None
    citation = _citation(rulebook, form, "el_unlisted_anomaly_policy")
    lines = {s: LineVerdict(s, verdict) for s in form.subjects}
    reasons = tuple(Invalidity(code, Scope.BALLOT, citation) for code in codes)
    return Judgement(ballot.serial, lines, reasons, rulebook_id=rulebook.rulebook_id)


def _count_lines(ballot: Ballot, form: BallotForm, rulebook: Rulebook) -> Judgement:
    if form.kind is BallotKind.APPROVAL:
        return _count_approval(ballot, form, rulebook)
    lines: dict[SubjectId, LineVerdict] = {}
    for subject in form.subjects:
        line = ballot.line(subject)
        if form.kind is BallotKind.STRIKE_OUT:
            option = STRUCK if line.struck else KEPT
        else:
            option = NominationMark.CHOSEN if NominationMark.CHOSEN in line.marks else NOT_CHOSEN
        lines[subject] = LineVerdict(subject, Verdict.COUNTED, str(option))
    write_ins = ballot.write_ins if form.write_ins_allowed else ()
    return Judgement(ballot.serial, lines, (), write_ins, rulebook.rulebook_id)


def _count_approval(ballot: Ballot, form: BallotForm, rulebook: Rulebook) -> Judgement:
    lines: dict[SubjectId, LineVerdict] = {}
    reasons: list[Invalidity] = []
    single = len(form.subjects) == 1
    for subject in form.subjects:
        marks = ballot.line(subject).marks
        if len(marks) == 1:
            lines[subject] = LineVerdict(subject, Verdict.COUNTED, next(iter(marks)))
            continue
        code = "no_box_marked" if not marks else "several_boxes_marked"
        if not single:
            lines[subject] = LineVerdict(subject, Verdict.NOT_COUNTED)
            reasons.append(Invalidity(code, Scope.NAME, _citation(rulebook, form), subject))
            continue
        policy = rulebook.param_str("el_single_name_no_mark_policy")
        verdict = _policy_verdict(policy) or Verdict.NOT_COUNTED
        citation = _citation(rulebook, form, "el_single_name_no_mark_policy")
        scope = Scope.NAME if verdict is Verdict.NOT_COUNTED else Scope.BALLOT
        reasons.append(Invalidity(code, scope, citation, subject if scope is Scope.NAME else None))
        lines[subject] = LineVerdict(subject, verdict)
    return Judgement(ballot.serial, lines, tuple(reasons), rulebook_id=rulebook.rulebook_id)
