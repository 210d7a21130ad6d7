"""The candidate list: surplus, nominations from the floor, the counting committee (EL-06 to
EL-12, EL-28).

Integer arithmetic only: "at most 30% of the number to elect" is ``10 * (n - k) <= 3 * k`` and
"more than 30% of those attending" is ``10 * agree > 3 * attending``, never a float. Every
answer carries the citation of its rule in the rulebook's own document, with the unconfirmed
parameters it depended on. Pure: no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from canbo.core.elections.model import Decision, ElectionKind
from canbo.core.elections.params import surplus_kinds
from canbo.core.errors import Citation, ValidationError
from canbo.core.rulebook import Rulebook

HD04 = "HD 04-HD/TW"
"""The guidance whose Phụ lục 2, Mẫu 5 is the opinion ballot's minutes (EL-28)."""
SMALL_BODY = range(3, 6)
"""EL-11: a committee or standing committee of 3 to 5 members has a surplus of at most 1."""


def _cite(rulebook: Rulebook, rule_id: str, *params: str) -> Citation:
    known = {s.name for s in rulebook.specs}
    return Citation(
        rulebook.document,
        rule_id=rule_id,
        unconfirmed=rulebook.unconfirmed(*(p for p in params if p in known)),
    )


def _non_negative(**figures: int) -> None:
    for name, value in figures.items():
        if value < 0:
            raise ValidationError("figure_negative", name=name, value=value)


@dataclass(frozen=True)
class SurplusCheck:
    """The surplus of one election list (EL-09, EL-11).

    ``ok`` the list meets the rule; ``blocking`` the list may not go to the vote (``ok`` false and
    ``blocking`` false is a warning); ``max_names`` the longest list allowed (``names`` itself
    when the election needs no surplus and has no cap); ``message_code`` ``"ok"`` or the code
    worded in :mod:`canbo.refusals`.
    """

    ok: bool
    blocking: bool
    names: int
    seats: int
    max_names: int
    message_code: str
    citation: Citation
    required: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "names": self.names,
            "seats": self.seats,
            "ok": self.ok,
            "blocking": self.blocking,
            "max_names": self.max_names,
            "required": self.required,
            "code": self.message_code,
            "citation": self.citation.as_dict(),
        }


def trim_cap(seats: int) -> int:
    """The longest list allowed for ``seats`` (EL-09, EL-10, EL-11): ``k + floor(3k/10)``,
    i.e. the largest ``n`` with ``10 * (n - k) <= 3 * k``; for a body of 3 to 5 members, ``k + 1``
    (EL-11 allows a surplus of 1 even where 30% of ``k`` is below 1). An opinion ballot (EL-28)
    trims an over-long list back to this length."""
    _non_negative(seats=seats)
    if seats in SMALL_BODY:
        return seats + 1
    return seats + (3 * seats) // 10


def within_cap(seats: int, names: int) -> bool:
    """EL-09 in integers: ``10 * (n - k) <= 3 * k`` (EL-11: ``n - k <= 1`` for 3 to 5 seats)."""
    if seats in SMALL_BODY:
        return names - seats <= 1
    return 10 * (names - seats) <= 3 * seats


def surplus_check(kind: ElectionKind, seats: int, names: int, rulebook: Rulebook) -> SurplusCheck:
    """The surplus rule for a list of ``names`` for ``seats`` (EL-09, EL-11).

    QĐ 190-QĐ/TW, Điều 14, khoản 1: the list for the Party committee and its standing committee
    is longer than the number to elect, by at most 30% of it (``n > k`` and
    ``10 * (n - k) <= 3 * k``, exact, no rounding). For a body of 3 to 5 members the surplus is
    at most 1 (EL-11): a surplus of 0 is a warning (nomination goes on until it is reached),
    above 1 blocks. For ``k`` of 1 or 2 the 30% cap allows no surplus: a list of exactly ``k``
    is a warning. Which elections need a surplus is ``el_surplus_applies_to`` (unconfirmed
    beyond the committee and the standing committee); the others only need a non-empty list.
    """
    _non_negative(seats=seats, names=names)
    if seats < 1:
        raise ValidationError("election_seats_not_positive", seats=seats)
    required = str(kind) in surplus_kinds(rulebook)
    rule_id = "EL-11" if required and seats in SMALL_BODY else "EL-09"
    citation = _cite(rulebook, rule_id, "el_surplus_applies_to")

    def result(ok: bool, blocking: bool, code: str, cap: int) -> SurplusCheck:
        return SurplusCheck(ok, blocking, names, seats, cap, code, citation, required)

    if names == 0:
        return result(False, True, "election_list_empty", trim_cap(seats) if required else 0)
    if not required:
        return result(True, False, "ok", max(names, seats))
    cap = trim_cap(seats)
    if not within_cap(seats, names):
        return result(False, True, "surplus_over_cap", cap)
    if names < seats:
        return result(False, True, "list_shorter_than_seats", cap)
    if names == seats:
        if cap == seats or seats in SMALL_BODY:
            return result(False, False, "surplus_not_reached", cap)
        return result(False, True, "surplus_missing", cap)
    return result(True, False, "ok", cap)


def draft_surplus_warning(seats: int, names: int, rulebook: Rulebook | None = None) -> Decision:
    """The convening committee's own draft has a surplus of 10–15% (EL-09), with at least one
    surplus name: ``10 * k <= 100 * (n0 - k) <= 15 * k`` and ``n0 > k``. Outside the band is a
    warning (``allowed`` stays true, code ``draft_surplus_outside_band``), never a refusal."""
    _non_negative(seats=seats, names=names)
    surplus = names - seats
    in_band = surplus >= 1 and 10 * seats <= 100 * surplus <= 15 * seats
    document = rulebook.document if rulebook is not None else "QĐ 190-QĐ/TW"
    citation = Citation(document, rule_id="EL-09")
    code = "ok" if in_band else "draft_surplus_outside_band"
    low = -(-10 * seats // 100)  # ceil(10k/100)
    high = 15 * seats // 100
    return Decision(
        True,
        code,
        citation,
        {"seats": seats, "names": names, "surplus": surplus, "low": max(low, 1), "high": high},
    )


def admit_nominee(agree: int, attending: int, rulebook: Rulebook | None = None) -> Decision:
    """A floor nominee or self-nominee enters the list only with more than 30% of those
    attending (EL-10; QĐ 190-QĐ/TW, Điều 14): ``10 * agree > 3 * attending``."""
    _non_negative(agree=agree, attending=attending)
    if agree > attending:
        raise ValidationError(
            "nominee_agree_above_attending", field="agree", agree=agree, attending=attending
        )
    document = rulebook.document if rulebook is not None else "QĐ 190-QĐ/TW"
    citation = Citation(document, rule_id="EL-10")
    needed = (3 * attending) // 10 + 1
    fields = {"agree": agree, "attending": attending, "needed": needed}
    if 10 * agree > 3 * attending:
        return Decision(True, "ok", citation, fields)
    return Decision(False, "nominee_below_30_percent", citation, fields)


def after_nominations(kind: ElectionKind, seats: int, names: int, rulebook: Rulebook) -> Decision:
    """What follows the nominations (EL-10, EL-28): within the cap, the congress votes on the list
    (code ``ok``); over it, an opinion ballot trims the list to :func:`trim_cap` names (code
    ``opinion_ballot_needed``, ``allowed`` false until it is done; ``el_trim_method``)."""
    check = surplus_check(kind, seats, names, rulebook)
    method = rulebook.param_str("el_trim_method")
    fields = {"seats": seats, "names": names, "max_names": check.max_names, "method": method}
    if check.message_code != "surplus_over_cap":
        return Decision(True, "ok", check.citation, fields)
    citation = Citation(HD04, rule_id="EL-28", unconfirmed=rulebook.unconfirmed("el_trim_method"))
    return Decision(False, "opinion_ballot_needed", citation, fields)


def counting_committee_clash(
    committee_ids: Iterable[int], candidate_ids: Iterable[int]
) -> frozenset[int]:
    """Members of the counting committee who are on the election list (EL-06; QĐ 190-QĐ/TW,
    Điều 8, khoản 1): must be empty for every ballot the committee counts, re-checked whenever
    the list changes."""
    return frozenset(committee_ids) & frozenset(candidate_ids)


def counting_committee_check(
    committee_ids: Iterable[int], candidate_ids: Iterable[int], rulebook: Rulebook | None = None
) -> Decision:
    """:func:`counting_committee_clash` as a decision (``counting_member_on_list``, EL-06)."""
    clash = counting_committee_clash(committee_ids, candidate_ids)
    document = rulebook.document if rulebook is not None else "QĐ 190-QĐ/TW"
    citation = Citation(document, rule_id="EL-06")
    if not clash:
        return Decision(True, "ok", citation, {})
    return Decision(False, "counting_member_on_list", citation, {"person_ids": sorted(clash)})


def convener_may_nominate(
    *,
    nominator_is_convener: bool,
    nominee_is_convener: bool,
    nominee_on_convener_list: bool,
    rulebook: Rulebook,
) -> Decision:
    """EL-12 (QĐ 244-QĐ/TW; carry-over to QĐ 190 unconfirmed, ``el_convener_nomination_bar``):
    a member of the convening committee may not nominate anyone outside the committee's list,
    and may not stand or accept a nomination when not on it. Self-nomination is
    ``nominator_is_convener == nominee_is_convener`` for the same person."""
    citation = _cite(rulebook, "EL-12", "el_convener_nomination_bar")
    fields: dict[str, Any] = {}
    if nominee_on_convener_list or not rulebook.param_bool("el_convener_nomination_bar"):
        return Decision(True, "ok", citation, fields)
    if nominee_is_convener:
        return Decision(False, "convener_may_not_stand_outside_list", citation, fields)
    if nominator_is_convener:
        return Decision(False, "convener_may_not_nominate_outside_list", citation, fields)
    return Decision(True, "ok", citation, fields)
