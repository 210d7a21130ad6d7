"""Planning and appointment eligibility, rule by rule, with citations (handbook PL, AP, TR).

:func:`evaluate` applies to one person and one proposal the checks of its purpose under one
rulebook (chosen by the caller by the date of the step, GEN-01):

- planning: PL-02 higher post, PL-08 age (``pl_min_months_next_term``, a warning below
  ``pl_preferred_months_next_term``), discipline (QĐ 377: PL-11; before: PL-09 with the
  appointment windows), PL-10 confidence band B/C, PL-06 a KHT year, PL-12 standards (a
  warning), AP-19 complaints and investigations;
- appointment: AP-02 planning, AP-03 tenure, AP-04 dossier, AP-05/AP-06 age for a full term
  from the day the dossier was received (first appointment or higher post only), AP-07 health,
  AP-08 discipline, AP-19, PL-10;
- reappointment: TR-02 (tasks completed in the term, health), the discipline record (PL-11,
  AP-08), AP-19, PL-10 and TR-03 near retirement (a warning).

Discipline (AP-08, PL-11): the bar lasts until the end of the longest window of any Party or
State decision (:func:`discipline_bar_until`); a decision date on or after it passes. Windows
are whole months from the decision's effective date. Rulebooks are compiled once (windows,
limits, citations), passing checks are shared constants and retirement months are cached, so
a province's review runs in seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from canbo.core.appointments.model import (
    CandidateFacts,
    Check,
    Discipline,
    Eligibility,
    Proposal,
    Purpose,
    Severity,
)
from canbo.core.appointments.params import decode_map, decode_months
from canbo.core.appointments.posts import PostGrade, compare
from canbo.core.appointments.rulebooks import QD50
from canbo.core.errors import Citation, ValidationError
from canbo.core.retirement import retirement
from canbo.core.rulebook import Regime, Rulebook
from canbo.core.types import Sex

FOREVER = dt.date.max
"""The bar of a form no case lifts (expulsion; removal from post for QĐ 377 planning)."""

STATE_LAW = "Luật Cán bộ, công chức 2008 (sửa đổi 2019)"
_PARTY_WINDOWS = {
    Regime.QD105: "ap_discipline_windows_105",
    Regime.QD80: "ap_discipline_windows_80",
    Regime.QD377: "ap_discipline_windows_377",
}


def month_index(day: dt.date) -> int:
    """Months since year 0 (GEN-07)."""
    return day.year * 12 + day.month - 1


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, the day clamped to the end of a shorter month."""
    index = month_index(day) + months
    year, month = divmod(index, 12)
    month += 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return min(dt.date(year, month, 28) + dt.timedelta(days=day.day - 28), nxt - dt.timedelta(1))


def full_months(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = month_index(end) - month_index(start)
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


_RETIREMENT: dict[tuple[int, Sex], int] = {}


def retirement_index(birth_date: dt.date, sex: Sex) -> int:
    """The month index of the retirement month (RA-03), cached per birth month and sex."""
    key = (month_index(birth_date), sex)
    found = _RETIREMENT.get(key)
    if found is None:
        found = _RETIREMENT[key] = retirement(birth_date, sex).month_index
    return found


@dataclass(frozen=True, slots=True)
class _Compiled:
    """One rulebook's values and citations, computed once."""

    book: Rulebook
    party: dict[str, int | None]  # appointment windows per Party form (None: no window)
    party_planning: dict[str, int | None]
    state: dict[str, int]
    min_tenure: int
    full_term: int
    health_months: int
    pl_min: int
    pl_preferred: int
    age_from_dossier: bool
    tenure_blocks: bool
    near_full: int
    near_to_retirement: int
    cite: dict[str, Citation]
    passed: dict[str, Check]


_CACHE: dict[int, _Compiled] = {}


def _int(book: Rulebook, name: str) -> int:
    value = book.param(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("parameter_value_not_allowed", name=name, value=value)
    return value


def _planning_windows(book: Rulebook, party: dict[str, int | None]) -> dict[str, int | None]:
    if book.regime is not Regime.QD377:
        return party
    rule = decode_map(book, "pl_discipline_rule_377")
    expiry = _int(book, "pl_discipline_expiry_months")
    out: dict[str, int | None] = {"cach_chuc": None, "khai_tru": None}
    for form, key in (("khien_trach", "khien_trach"), ("canh_cao", "canh_cao_not_removal")):
        raw = rule.get(key, "")
        out[form] = expiry if raw == "discipline_expired" else int(raw) if raw.isdigit() else None
    return out


def _citations(book: Rulebook) -> dict[str, Citation]:
    doc = book.document
    planning_doc = doc if book.regime is Regime.QD377 else QD50
    u = book.unconfirmed
    return {
        "planning_higher_post": Citation(planning_doc, rule_id="PL-02"),
        "age_planning": Citation(
            planning_doc, rule_id="PL-08", unconfirmed=u("pl_min_months_next_term")
        ),
        "discipline_planning": (
            Citation(doc, rule_id="PL-11", unconfirmed=u("pl_discipline_rule_377"))
            if book.regime is Regime.QD377
            else Citation(QD50, rule_id="PL-09")
        ),
        "confidence": Citation("QĐ 96-QĐ/TW", rule_id="PL-10"),
        "classification": Citation(planning_doc, rule_id="PL-06"),
        "standards": Citation(
            planning_doc, rule_id="PL-12", unconfirmed=u("pl_blocking_standards")
        ),
        "complaints": Citation(doc, rule_id="AP-19"),
        "planning": Citation(doc, rule_id="AP-02"),
        "tenure": Citation(doc, rule_id="AP-03", unconfirmed=u("ap_377_keeps_80_conditions")),
        "dossier": Citation(doc, rule_id="AP-04"),
        "age_full_term": Citation(
            "HD 06-HD/BTCTW", rule_id="AP-06", unconfirmed=u("ap_age_method")
        ),
        "age_not_required": Citation(doc, rule_id="AP-05"),
        "health": Citation(
            doc, rule_id="AP-07", unconfirmed=u("ap_health_certificate_max_age_months")
        ),
        "discipline": Citation(
            doc,
            rule_id="AP-08",
            unconfirmed=u("ap_discipline_window_start") if book.regime is Regime.QD377 else (),
        ),
        "discipline_reappointment": Citation(
            doc, rule_id="PL-11" if book.regime is Regime.QD377 else "AP-08"
        ),
        "state_discipline": Citation(STATE_LAW, "Điều 82", rule_id="AP-08"),
        "term_tasks": Citation(doc, rule_id="TR-02"),
        "near_retirement": Citation(doc, rule_id="TR-03", unconfirmed=u("tr_near_retirement_rule")),
        "plan_per_post": Citation(doc, rule_id="PL-03"),
        "plan_posts_per_person": Citation(doc, rule_id="PL-04"),
        "planning_with_proposal": Citation(doc, rule_id="PL-05"),
        "consecutive": Citation(
            doc, rule_id="TR-04", unconfirmed=u("tr_max_head_months_same_unit")
        ),
    }


_PASSED: dict[str, tuple[str, str, str]] = {
    # key: (rule, vi, en) of a check that holds; shared by every person
    "planning_higher_post": (
        "PL-02",
        "Chức danh quy hoạch cao hơn chức vụ hiện giữ.",
        "The planned post is higher than the post held.",
    ),
    "age_planning": (
        "PL-08",
        "Đủ tuổi quy hoạch (đủ thời gian công tác).",
        "Old enough for planning: enough working time left.",
    ),
    "discipline": ("AP-08", "Không trong thời hạn bị kỷ luật.", "Not within a discipline window."),
    "confidence": (
        "PL-10",
        "Không có kết quả tín nhiệm thấp (mức B, C).",
        "No low-confidence result (band B or C).",
    ),
    "classification": (
        "PL-06",
        "Không có năm không hoàn thành nhiệm vụ.",
        "No year of tasks not completed.",
    ),
    "standards": (
        "PL-12",
        "Tiêu chuẩn chức danh do cấp có thẩm quyền xem xét khi phê duyệt.",
        "The post's standards are examined by the competent level at approval.",
    ),
    "complaints": (
        "AP-19",
        "Không có khiếu nại, tố cáo hoặc điều tra chưa kết luận.",
        "No open complaint, denunciation or investigation.",
    ),
    "planning": (
        "AP-02",
        "Đã được quy hoạch chức danh này hoặc tương đương, cao hơn.",
        "Planned for this post or an equivalent or higher one.",
    ),
    "tenure": (
        "AP-03",
        "Đủ thời gian giữ chức vụ hiện tại hoặc tương đương.",
        "Long enough in the current or an equivalent post.",
    ),
    "dossier": ("AP-04", "Hồ sơ đã được thẩm định, xác minh.", "The dossier is verified."),
    "age_full_term": (
        "AP-06",
        "Đủ tuổi công tác trọn một nhiệm kỳ.",
        "Young enough to serve a full term.",
    ),
    "age_not_required": (
        "AP-05",
        "Không cần đủ một nhiệm kỳ (chức vụ ngang hoặc thấp hơn).",
        "A full term is not required (an equal or lower post).",
    ),
    "health": ("AP-07", "Có giấy chứng nhận sức khỏe còn giá trị.", "A valid health certificate."),
    "term_tasks": ("TR-02", "Hoàn thành nhiệm vụ trong nhiệm kỳ.", "Tasks completed in the term."),
    "near_retirement": (
        "TR-03",
        "Còn đủ thời gian cho một nhiệm kỳ mới.",
        "Enough time left for a new term.",
    ),
}


def _compile(book: Rulebook) -> _Compiled:
    found = _CACHE.get(id(book))
    if found is not None and found.book is book:
        return found
    party: dict[str, int | None] = dict(decode_months(book, _PARTY_WINDOWS[book.regime]))
    party["khai_tru"] = None
    near = decode_months(book, "tr_near_retirement_rule")
    cite = _citations(book)
    passed = {}
    for key, (rule, vi, en) in _PASSED.items():
        severity = Severity.WARN if key == "standards" else Severity.BLOCK
        passed[key] = Check(key, rule, True, cite[key], vi, en, severity)
    discipline = passed["discipline"]
    for variant in ("discipline_planning", "discipline_reappointment"):
        citation = cite[variant]
        passed[variant] = Check(
            "discipline", citation.rule_id, True, citation, discipline.message_vi,
            discipline.message_en,
        )  # fmt: skip
    compiled = _Compiled(
        book=book,
        party=party,
        party_planning=_planning_windows(book, party),
        state=decode_months(book, "ap_discipline_windows_state"),
        min_tenure=_int(book, "ap_min_tenure_months"),
        full_term=_int(book, "ap_full_term_months"),
        health_months=_int(book, "ap_health_certificate_max_age_months"),
        pl_min=_int(book, "pl_min_months_next_term"),
        pl_preferred=_int(book, "pl_preferred_months_next_term"),
        age_from_dossier=book.param("ap_age_method") == "hd06_months_from_dossier_receipt",
        tenure_blocks=book.regime is not Regime.QD377
        or book.param_bool("ap_377_keeps_80_conditions"),
        near_full=near.get("full_term_months", 60),
        near_to_retirement=near.get("to_retirement_months", 24),
        cite=cite,
        passed=passed,
    )
    _CACHE[id(book)] = compiled
    return compiled


def _window(rules: _Compiled, item: Discipline, planning: bool) -> int | None:
    table: dict[str, int | None] | dict[str, int]
    if item.party:
        table = rules.party_planning if planning else rules.party
    else:
        table = rules.state
    if item.form not in table:
        raise ValidationError(
            "discipline_form_unknown", field="discipline", value=item.form, party=item.party
        )
    return table[item.form]


def discipline_bar_until(
    disciplines: Iterable[Discipline], purpose: Purpose, rulebook: Rulebook
) -> dt.date | None:
    """The first day a person is clear of every discipline window (AP-08, PL-11), or ``None``.

    The longer of the Party and State windows governs: the latest end of any decision's window
    (``FOREVER`` for a form no case lifts). Planning under QĐ 377 uses
    ``pl_discipline_rule_377``; appointment and reappointment use the rulebook's Party windows.
    """
    rules = _compile(rulebook)
    planning = purpose is Purpose.PLANNING
    latest: dt.date | None = None
    for item in disciplines:
        months = _window(rules, item, planning)
        until = FOREVER if months is None else add_months(item.effective, months)
        if latest is None or until > latest:
            latest = until
    return latest


def _higher(candidate: CandidateFacts, proposal: Proposal) -> bool | None:
    if proposal.higher_post is not None:
        return proposal.higher_post
    if proposal.post is None:
        return None
    if candidate.current_post is None:
        return True
    return compare(proposal.post, candidate.current_post) > 0


def _fail(
    rules: _Compiled,
    proposal: Proposal,
    key: str,
    rule: str,
    vi: str,
    en: str,
    severity: Severity = Severity.BLOCK,
    cite: str = "",
) -> Check:
    return Check(
        key,
        rule,
        False,
        rules.cite[cite or key],
        vi,
        en,
        severity,
        proposal.overrides.get(key, "") if severity is Severity.BLOCK else "",
    )


def _discipline(
    rules: _Compiled, candidate: CandidateFacts, proposal: Proposal, purpose: Purpose
) -> Check:
    if purpose is Purpose.PLANNING:
        cite, rule = "discipline_planning", rules.cite["discipline_planning"].rule_id
    elif purpose is Purpose.REAPPOINTMENT:
        cite, rule = "discipline_reappointment", rules.cite["discipline_reappointment"].rule_id
    else:
        cite, rule = "discipline", "AP-08"
    if not candidate.disciplines:
        return rules.passed[cite]
    until = discipline_bar_until(candidate.disciplines, purpose, rules.book)
    if until is None or proposal.decision_date >= until:
        return rules.passed[cite]
    if until == FOREVER:
        vi = "Hình thức kỷ luật không thuộc các trường hợp được xem xét."
        en = "The form of discipline is not among the cases that can be considered."
    else:
        vi = f"Trong thời hạn kỷ luật đến hết ngày {(until - dt.timedelta(1)):%d/%m/%Y}."
        en = f"Within a discipline window until {(until - dt.timedelta(1)).isoformat()} inclusive."
    state_governs = any(
        not d.party and add_months(d.effective, rules.state.get(d.form, 0)) == until
        for d in candidate.disciplines
    )
    return _fail(
        rules,
        proposal,
        "discipline",
        rule,
        vi,
        en,
        cite="state_discipline" if state_governs else cite,
    )


def _confidence(rules: _Compiled, candidate: CandidateFacts, proposal: Proposal) -> Check:
    latest: tuple[str, dt.date] | None = None
    for band, day in candidate.confidence_bands:
        if day <= proposal.decision_date and (latest is None or day > latest[1]):
            latest = (band, day)
    if latest is None or latest[0].upper() not in {"B", "C"}:
        return rules.passed["confidence"]
    band, day = latest[0].upper(), latest[1]
    return _fail(
        rules,
        proposal,
        "confidence",
        "PL-10",
        f"Kết quả lấy phiếu tín nhiệm ngày {day:%d/%m/%Y} ở mức {band}: không quy hoạch, bổ "
        "nhiệm chức vụ cao hơn.",
        f"The confidence vote of {day.isoformat()} is in band {band}: no planning or "
        "appointment to a higher post.",
    )


def _classification(
    rules: _Compiled, candidate: CandidateFacts, proposal: Proposal, since_year: int | None
) -> Check:
    """PL-06: the latest result is KHT; with ``since_year`` (TR-02): any KHT in the term."""
    key = "classification" if since_year is None else "term_tasks"
    years = [
        (year, level)
        for year, level in candidate.classifications
        if year <= proposal.decision_date.year and (since_year is None or year >= since_year)
    ]
    if since_year is None:
        years = [max(years)] if years else []
    bad = sorted(year for year, level in years if level.casefold() == "kht")
    if not bad:
        return rules.passed[key]
    listed = ", ".join(str(y) for y in bad)
    return _fail(
        rules,
        proposal,
        key,
        "PL-06" if since_year is None else "TR-02",
        f"Không hoàn thành nhiệm vụ năm {listed}.",
        f"Tasks not completed in {listed}.",
    )


def _complaints(rules: _Compiled, candidate: CandidateFacts, proposal: Proposal) -> Check:
    if candidate.open_complaints <= 0 and not candidate.under_investigation:
        return rules.passed["complaints"]
    return _fail(
        rules,
        proposal,
        "complaints",
        "AP-19",
        f"Có {candidate.open_complaints} khiếu nại, tố cáo chưa giải quyết"
        + (" và đang bị điều tra, thanh tra." if candidate.under_investigation else "."),
        f"{candidate.open_complaints} open complaint(s) or denunciation(s)"
        + (" and an investigation under way." if candidate.under_investigation else "."),
    )


def _health(rules: _Compiled, candidate: CandidateFacts, proposal: Proposal) -> Check:
    on = candidate.health_certificate_on
    if on is None:
        return _fail(
            rules,
            proposal,
            "health",
            "AP-07",
            "Chưa có ngày của giấy chứng nhận sức khỏe: cần kiểm tra.",
            "No health certificate date: to be checked.",
            Severity.WARN,
        )
    if on <= proposal.decision_date < add_months(on, rules.health_months):
        return rules.passed["health"]
    return _fail(
        rules,
        proposal,
        "health",
        "AP-07",
        f"Giấy chứng nhận sức khỏe ngày {on:%d/%m/%Y} không còn giá trị "
        f"({rules.health_months} tháng).",
        f"The health certificate of {on.isoformat()} is not valid ({rules.health_months} months).",
    )


def _planning_checks(
    rules: _Compiled, c: CandidateFacts, p: Proposal, ret: int
) -> tuple[list[Check], int]:
    checks = []
    higher = _higher(c, p)
    if higher:
        checks.append(rules.passed["planning_higher_post"])
    elif higher is None:
        checks.append(
            _fail(
                rules,
                p,
                "planning_higher_post",
                "PL-02",
                "Chưa xác định được chức danh quy hoạch có cao hơn chức vụ hiện giữ.",
                "Whether the planned post is higher than the post held is not known.",
                Severity.WARN,
            )
        )
    else:
        checks.append(
            _fail(
                rules,
                p,
                "planning_higher_post",
                "PL-02",
                "Chỉ quy hoạch chức danh cao hơn chức vụ hiện giữ.",
                "Only a post higher than the one held can be planned.",
            )
        )
    left = ret - month_index(p.term_start or p.decision_date)
    if left >= rules.pl_preferred:
        checks.append(rules.passed["age_planning"])
    elif left >= rules.pl_min:
        checks.append(
            _fail(
                rules,
                p,
                "age_planning",
                "PL-08",
                f"Còn {left} tháng công tác từ đầu nhiệm kỳ, dưới {rules.pl_preferred} tháng "
                "(hai nhiệm kỳ).",
                f"{left} months of work left from the start of the term, under "
                f"{rules.pl_preferred} (two terms).",
                Severity.WARN,
            )
        )
    else:
        checks.append(
            _fail(
                rules,
                p,
                "age_planning",
                "PL-08",
                f"Còn {left} tháng công tác từ đầu nhiệm kỳ, cần ít nhất {rules.pl_min} tháng.",
                f"{left} months of work left from the start of the term; at least {rules.pl_min} "
                "needed.",
            )
        )
    checks.append(_discipline(rules, c, p, Purpose.PLANNING))
    checks.append(_confidence(rules, c, p))
    checks.append(_classification(rules, c, p, None))
    checks.append(rules.passed["standards"])
    checks.append(_complaints(rules, c, p))
    return checks, left


def _in_planning(c: CandidateFacts, p: Proposal) -> bool:
    if p.in_planning is not None:
        return p.in_planning
    if p.post is None:
        return bool(c.planned_for)
    post = p.post
    return any(compare(planned, post) >= 0 for planned in c.planned_for)


def _appointment_checks(
    rules: _Compiled, c: CandidateFacts, p: Proposal, ret: int
) -> tuple[list[Check], int]:
    checks = []
    if _in_planning(c, p):
        checks.append(rules.passed["planning"])
    else:
        checks.append(
            _fail(
                rules,
                p,
                "planning",
                "AP-02",
                "Chưa được quy hoạch chức danh này hoặc chức danh tương đương, cao hơn.",
                "Not planned for this post or an equivalent or higher one.",
            )
        )
    checks.append(_tenure(rules, c, p))
    if c.dossier_verified:
        checks.append(rules.passed["dossier"])
    else:
        unknown = c.dossier_verified is None
        checks.append(
            _fail(
                rules,
                p,
                "dossier",
                "AP-04",
                "Chưa rõ hồ sơ đã được thẩm định, xác minh: cần kiểm tra."
                if unknown
                else "Hồ sơ chưa được thẩm định, xác minh đầy đủ.",
                "Whether the dossier is verified is not known: to be checked."
                if unknown
                else "The dossier is not fully verified.",
                Severity.WARN if unknown else Severity.BLOCK,
            )
        )
    reference = p.decision_date
    if rules.age_from_dossier and p.dossier_received is not None:
        reference = p.dossier_received
    left = ret - month_index(reference)
    if p.first_time or _higher(c, p) is not False:
        if rules.age_from_dossier and p.dossier_received is None:
            checks.append(
                _fail(
                    rules,
                    p,
                    "age_full_term",
                    "AP-06",
                    "Chưa có ngày nhận hồ sơ: tuổi bổ nhiệm tính từ ngày này.",
                    "No dossier received date: the appointment age counts from it.",
                )
            )
        elif left >= rules.full_term:
            checks.append(rules.passed["age_full_term"])
        else:
            checks.append(
                _fail(
                    rules,
                    p,
                    "age_full_term",
                    "AP-06",
                    f"Còn {left} tháng đến tháng nghỉ hưu, cần ít nhất {rules.full_term} tháng.",
                    f"{left} months left to the retirement month; at least {rules.full_term} "
                    "needed.",
                )
            )
    else:
        checks.append(rules.passed["age_not_required"])
    checks.append(_health(rules, c, p))
    checks.append(_discipline(rules, c, p, Purpose.APPOINTMENT))
    checks.append(_complaints(rules, c, p))
    checks.append(_confidence(rules, c, p))
    return checks, left


def _tenure(rules: _Compiled, c: CandidateFacts, p: Proposal) -> Check:
    severity = Severity.BLOCK if rules.tenure_blocks else Severity.WARN
    if c.post_since is None:
        if p.first_time:
            return rules.passed["tenure"]
        return _fail(
            rules,
            p,
            "tenure",
            "AP-03",
            "Chưa có ngày bắt đầu giữ chức vụ hiện tại.",
            "No start date of the current post.",
            severity,
        )
    held = full_months(c.post_since, p.decision_date)
    if held >= rules.min_tenure:
        return rules.passed["tenure"]
    return _fail(
        rules,
        p,
        "tenure",
        "AP-03",
        f"Giữ chức vụ hiện tại {held} tháng, cần ít nhất {rules.min_tenure} tháng.",
        f"{held} months in the current post; at least {rules.min_tenure} needed.",
        severity,
    )


def _reappointment_checks(
    rules: _Compiled, c: CandidateFacts, p: Proposal, ret: int
) -> tuple[list[Check], int]:
    since = c.post_since.year if c.post_since is not None else p.decision_date.year
    checks = [
        _classification(rules, c, p, since),
        _health(rules, c, p),
        _discipline(rules, c, p, Purpose.REAPPOINTMENT),
        _complaints(rules, c, p),
        _confidence(rules, c, p),
    ]
    start = p.term_start or p.decision_date
    left = ret - month_index(start)
    if left >= rules.near_full:
        checks.append(rules.passed["near_retirement"])
    else:
        kind_vi, kind_en = (
            ("bổ nhiệm lại đến khi nghỉ hưu", "reappointment until retirement")
            if left >= rules.near_to_retirement
            else (
                "xem xét kéo dài thời gian giữ chức vụ đến khi nghỉ hưu",
                "an extension in post until retirement",
            )
        )
        checks.append(
            _fail(
                rules,
                p,
                "near_retirement",
                "TR-03",
                f"Còn {left} tháng đến tháng nghỉ hưu: {kind_vi}.",
                f"{left} months left to the retirement month: {kind_en}.",
                Severity.WARN,
            )
        )
    return checks, ret - month_index(p.decision_date)


_BY_PURPOSE: dict[
    Purpose,
    Callable[[_Compiled, CandidateFacts, Proposal, int], tuple[list[Check], int]],
] = {
    Purpose.PLANNING: _planning_checks,
    Purpose.APPOINTMENT: _appointment_checks,
    Purpose.REAPPOINTMENT: _reappointment_checks,
}


def evaluate(candidate: CandidateFacts, proposal: Proposal, rulebook: Rulebook) -> Eligibility:
    """Every check of ``proposal.purpose`` for ``candidate`` under ``rulebook``.

    ``months_left`` counts from the check's reference date: the planned term's start
    (planning, PL-08), the day the dossier was received (appointment, AP-06, when
    ``ap_age_method`` says so; else the decision date), the decision date (reappointment).
    """
    rules = _compile(rulebook)
    ret = retirement_index(candidate.birth_date, candidate.sex)
    checks, left = _BY_PURPOSE[proposal.purpose](rules, candidate, proposal, ret)
    year, month0 = divmod(ret, 12)
    return Eligibility(
        candidate.person_id,
        proposal.purpose,
        rulebook.rulebook_id,
        (year, month0 + 1),
        left,
        tuple(checks),
    )


def planning_limits(
    person_id: str,
    post: PostGrade,
    *,
    plans_of_post: int,
    plans_of_person_same_level: int,
    in_appointment_process: bool,
    rulebook: Rulebook,
    name: str = "",
) -> tuple[Check, ...]:
    """PL-03, PL-04 and PL-05 for adding ``person_id`` to a plan of ``post``.

    ``name`` is the person's full name, as the messages show it to the clerk (the id is only a
    fallback when no name is given).

    ``plans_of_post`` counts the people already planned for the post and term (without this
    one), ``plans_of_person_same_level`` the posts of the post's grade this person is already
    planned for; ``in_appointment_process`` is true while the person is proposed for
    appointment (planning may not run together with it).
    """
    rules = _compile(rulebook)
    per_post = _int(rulebook, "pl_max_per_post")
    per_person = _int(rulebook, "pl_max_posts_per_cadre")
    return (
        Check(
            "plan_per_post",
            "PL-03",
            plans_of_post + 1 <= per_post,
            rules.cite["plan_per_post"],
            f"Chức danh {post.name} đã có {plans_of_post} người được quy hoạch (tối đa "
            f"{per_post}).",
            f"{plans_of_post} people are already planned for {post.name} (at most {per_post}).",
        ),
        Check(
            "plan_posts_per_person",
            "PL-04",
            plans_of_person_same_level + 1 <= per_person,
            rules.cite["plan_posts_per_person"],
            f"Cán bộ {name or person_id} đã được quy hoạch {plans_of_person_same_level} chức "
            f"danh cùng cấp (tối đa {per_person}).",
            f"{name or person_id} is already planned for {plans_of_person_same_level} posts at "
            f"this level (at most {per_person}).",
        ),
        Check(
            "planning_with_proposal",
            "PL-05",
            not in_appointment_process,
            rules.cite["planning_with_proposal"],
            "Đang trong quy trình bổ nhiệm: không quy hoạch đồng thời."
            if in_appointment_process
            else "Không đồng thời với đề xuất bổ nhiệm.",
            "In an appointment process: planning cannot run at the same time."
            if in_appointment_process
            else "Not at the same time as an appointment proposal.",
        ),
    )


def consecutive_warning(
    terms_held: int, head_months_same_unit: int, rulebook: Rulebook
) -> Check | None:
    """TR-04: a warning when a reappointment would make a third consecutive term
    (``tr_max_consecutive_terms``) or reach ``tr_max_head_months_same_unit`` as head in one
    unit; ``None`` otherwise."""
    rules = _compile(rulebook)
    max_terms = _int(rulebook, "tr_max_consecutive_terms")
    max_months = _int(rulebook, "tr_max_head_months_same_unit")
    if terms_held + 1 <= max_terms and head_months_same_unit + 60 < max_months:
        return None
    return Check(
        "consecutive",
        "TR-04",
        False,
        rules.cite["consecutive"],
        f"Đã giữ {terms_held} nhiệm kỳ liên tiếp, {head_months_same_unit} tháng là cấp trưởng tại"
        f" đơn vị (mức lưu ý: {max_terms} nhiệm kỳ, {max_months} tháng).",
        f"{terms_held} consecutive terms held, {head_months_same_unit} months as head of the unit"
        f" (warning at {max_terms} terms, {max_months} months).",
        Severity.WARN,
    )
