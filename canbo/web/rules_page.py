"""The rules page (``/quy-dinh/``): every rulebook in words, grouped by domain.

For each rulebook: its documents, period and whether it is in force today; its parameters as
labelled sentences with the values in use (the words of the :class:`ParamSpec`, never a raw
enum value); its thresholds as sentences; and the handbook rules it applies, each resolved by
the shipped citation table to document, article, clause and statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from canbo.core.citations import lookup
from canbo.core.rulebook import Domain, ParamSpec, ParamValue, Rulebook, Threshold
from canbo.core.rulebook_catalog import rulebook_registry
from canbo.core.types import Confidence

DOMAINS: dict[Domain, Promise] = {
    Domain.CONFIDENCE_VOTE: gettext_lazy("Lấy phiếu tín nhiệm"),
    Domain.PARTY_ELECTION: gettext_lazy("Bầu cử trong Đảng"),
    Domain.CLASSIFICATION: gettext_lazy("Đánh giá, xếp loại chất lượng"),
    Domain.APPOINTMENT: gettext_lazy("Bổ nhiệm, giới thiệu ứng cử"),
    Domain.POWER_CONTROL: gettext_lazy("Kiểm soát quyền lực trong công tác cán bộ"),
}
BODIES: dict[str, Promise] = {
    "party": gettext_lazy("Đảng và hệ thống chính trị"),
    "national_assembly": gettext_lazy("Quốc hội"),
    "peoples_council": gettext_lazy("Hội đồng nhân dân"),
}
THRESHOLDS: dict[str, Promise] = {
    "quorum": gettext_lazy("Hội nghị được tiến hành khi số người có mặt"),
    "band_c": gettext_lazy("Mức cao nhất khi phiếu tín nhiệm thấp"),
    "band_b": gettext_lazy("Mức thứ hai khi phiếu tín nhiệm thấp"),
    "two_years_running": gettext_lazy("Bỏ phiếu tín nhiệm khi tín nhiệm thấp hai năm liên tiếp"),
    "no_confidence": gettext_lazy("Trình miễn nhiệm khi phiếu không tín nhiệm"),
    "band_htxs": gettext_lazy("Khung điểm HTXS"),
    "band_htt": gettext_lazy("Khung điểm HTT"),
    "band_ht": gettext_lazy("Khung điểm HT"),
    "htxs_tasks_exceeded": gettext_lazy("Mức HTXS cần số nhiệm vụ vượt mức"),
    "led_units_tasks": gettext_lazy("Đơn vị trực tiếp lãnh đạo hoàn thành nhiệm vụ"),
    "led_units_kht": gettext_lazy("Đơn vị phụ trách bị xếp loại KHT"),
    "confidence_low": gettext_lazy("Phiếu tín nhiệm thấp khi lấy phiếu trong năm"),
    "tasks_below_half": gettext_lazy("Tập thể hoàn thành chỉ tiêu, nhiệm vụ"),
    "units_disciplined": gettext_lazy("Đơn vị trực thuộc bị kỷ luật"),
}
BASES: dict[str, Promise] = {
    "convened": gettext_lazy("số người được triệu tập"),
    "total_deputies": gettext_lazy("tổng số đại biểu"),
    "score_100": gettext_lazy("điểm"),
    "tasks_total": gettext_lazy("số nhiệm vụ"),
    "units_responsible": gettext_lazy("số đơn vị phụ trách"),
    "units_total": gettext_lazy("số đơn vị trực thuộc"),
    "ballots": gettext_lazy("số phiếu"),
}
OUTCOMES: dict[str, Promise] = {
    "KHT": gettext_lazy("xếp loại KHT"),
    "flag": gettext_lazy("báo để cấp có thẩm quyền xem xét"),
    "no_confidence_vote": gettext_lazy("bỏ phiếu tín nhiệm"),
    "may_resign": gettext_lazy("có thể xin từ chức"),
    "may_resign_else_no_confidence_vote": gettext_lazy(
        "có thể xin từ chức, nếu không thì bỏ phiếu tín nhiệm"
    ),
    "submit_dismissal": gettext_lazy("trình miễn nhiệm"),
    "submit_dismissal_after_no_confidence": gettext_lazy("trình miễn nhiệm"),
    "dismiss_and_reassign_lower": gettext_lazy("miễn nhiệm, bố trí công tác thấp hơn"),
    "remove_from_higher_planning": gettext_lazy("đưa ra khỏi quy hoạch chức vụ cao hơn"),
    "consider_measure": gettext_lazy("xem xét cho thôi chức vụ, từ chức hoặc bỏ phiếu tín nhiệm"),
}
COMPARISONS: dict[str, Promise] = {
    ">=": gettext_lazy("từ"),
    ">": gettext_lazy("trên"),
    "<": gettext_lazy("dưới"),
}


@dataclass(frozen=True, slots=True)
class ParamLine:
    label: str
    value: str
    unconfirmed: bool


@dataclass(frozen=True, slots=True)
class RuleLine:
    rule_id: str
    where: str
    statement: str
    unconfirmed: bool


@dataclass(frozen=True, slots=True)
class RulebookCard:
    title: str
    bodies: str
    effective_from: dt.date
    effective_to: dt.date | None
    in_force: bool
    from_confirmed: bool
    specified: bool
    cycles: str
    superseded_by: str
    params: tuple[ParamLine, ...]
    thresholds: tuple[str, ...]
    rules: tuple[RuleLine, ...]
    rules_not_in_table: str


@dataclass(frozen=True, slots=True)
class DomainGroup:
    title: str
    books: tuple[RulebookCard, ...]


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


def value_text(spec: ParamSpec, value: ParamValue) -> str:
    """The value in words: the spec's label for it, yes/no, "not set", or the number."""
    if isinstance(value, tuple):
        return "; ".join(value_text(spec, item) for item in value) or _("không có")
    named = spec.value_label(value, _english())
    if named is not None:
        return named
    if value is None:
        return _("không đặt")
    if isinstance(value, bool):
        return _("có") if value else _("không")
    return str(value)


def _param(book: Rulebook, spec: ParamSpec) -> ParamLine:
    label = spec.label_en if _english() else spec.label_vi
    unconfirmed = spec.confidence is Confidence.UNCONFIRMED
    return ParamLine(label or spec.name, value_text(spec, book.param(spec.name)), unconfirmed)


def threshold_sentence(book: Rulebook, threshold: Threshold) -> str:
    """``Mức cao nhất khi phiếu tín nhiệm thấp: từ 2/3 số phiếu thu về → trình miễn nhiệm``."""
    base = str(BASES.get(threshold.base, ""))
    if not base and threshold.base in {s.name for s in book.specs}:
        base = value_text(book.spec(threshold.base), book.param(threshold.base)).lower()
    label = str(THRESHOLDS.get(threshold.key, threshold.key))
    words = str(COMPARISONS[str(threshold.comparison)])
    text = f"{label}: {words} {threshold.numerator}/{threshold.denominator} {base}".rstrip()
    outcomes = [str(OUTCOMES[o]) for o in threshold.outcome if o in OUTCOMES]
    return f"{text} → {', '.join(outcomes)}" if outcomes else text


def _rule(book: Rulebook, rule_id: str) -> RuleLine | None:
    found = lookup(rule_id, book.document)
    if found is None:
        return None
    where = ", ".join(p for p in (found.document, found.article, found.clause) if p)
    statement = found.statement_en if _english() else found.statement
    return RuleLine(rule_id, where, statement, not found.article)


def _cycles(book: Rulebook) -> str:
    if book.domain is not Domain.CLASSIFICATION:
        return ""
    first = book.effective_from.year
    if book.effective_to is None:
        return _("Năm đánh giá %(first)s trở đi") % {"first": first}
    return _("Năm đánh giá %(first)s–%(last)s") % {"first": first, "last": book.effective_to.year}


def _card(book: Rulebook, today: dt.date, titles: dict[str, str]) -> RulebookCard:
    lines = {rule_id: _rule(book, rule_id) for rule_id in book.rules}
    return RulebookCard(
        title="; ".join(book.documents),
        bodies=", ".join(str(BODIES[str(b)]) for b in sorted(book.bodies)),
        effective_from=book.effective_from,
        effective_to=book.effective_to,
        in_force=book.in_force_on(today),
        from_confirmed=book.effective_from_confirmed,
        specified=book.specified,
        cycles=_cycles(book),
        superseded_by=titles.get(book.superseded_by or "", ""),
        params=tuple(_param(book, spec) for spec in book.specs),
        thresholds=tuple(threshold_sentence(book, t) for t in book.thresholds),
        rules=tuple(line for line in lines.values() if line is not None),
        rules_not_in_table=", ".join(rule_id for rule_id, line in lines.items() if line is None),
    )


def rules_page(today: dt.date) -> list[DomainGroup]:
    """Every rulebook grouped by domain (in :data:`DOMAINS` order), newest first."""
    books = rulebook_registry().all()
    titles = {b.rulebook_id: "; ".join(b.documents) for b in books}
    groups = []
    for domain, title in DOMAINS.items():
        mine = sorted((b for b in books if b.domain is domain), key=lambda b: b.effective_from)
        if mine:
            cards = tuple(_card(b, today, titles) for b in reversed(mine))
            groups.append(DomainGroup(str(title), cards))
    return groups
