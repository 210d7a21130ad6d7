"""Timing flags of a cadre process and the deciding level (handbook PC-09, PC-18, AP-06, AP-10).

:func:`timing_flags` raises the signs inspectors look for: a step or decision by a head who has
a retirement or transfer notice (within ``pc_outgoing_head_window_months``, PC-09, misconduct
A3_5); a process past ``ap_process_deadline_working_days`` from the policy approval (AP-10); a
process decided in fewer than ``pc_rushed_process_working_days`` working days from its start
(PC-09); a dossier received after the decision, which moves the date the age check counts from
(AP-06, PC-05, misconduct A4_3); an appointment that climbs more than one grade (PC-18, report
only). Flags never refuse by themselves; the decision use case refuses what the procedure forbids.
:func:`authority` is AP-10: the level that manages the post decides.
"""

from __future__ import annotations

import datetime as dt

from canbo.core.appointments.model import Check, Severity
from canbo.core.errors import Citation
from canbo.core.member_stats import add_months, add_working_days
from canbo.core.power.model import Flag, Timeline
from canbo.core.rulebook import Rulebook

QD377 = "QĐ 377-QĐ/TW"


def _int(book: Rulebook, name: str) -> int:
    value = book.param(name)
    return value if isinstance(value, int) else 0


def _dates(timeline: Timeline) -> list[dt.date]:
    found = [timeline.started_on, *(day for _kind, day in timeline.step_dates)]
    if timeline.decided_on is not None:
        found.append(timeline.decided_on)
    return found


def _outgoing_head(timeline: Timeline, power: Rulebook) -> Flag | None:
    """PC-09: any step on or after ``notice - window months`` is by an outgoing head."""
    notice = timeline.decider_notice_on
    if notice is None:
        return None
    window = _int(power, "pc_outgoing_head_window_months")
    if not any(day >= add_months(notice, -window) for day in _dates(timeline)):
        return None
    day = notice.strftime("%d/%m/%Y")
    if timeline.decider_name:  # who the head is and the date of the notice (PC-09)
        vi = (
            f"Quy trình được thực hiện khi người đứng đầu, đồng chí {timeline.decider_name}, đã có"
            f" thông báo nghỉ hưu hoặc chuyển công tác ngày {day}."
        )
        en = (
            f"The process ran while the head, {timeline.decider_name}, had a notice of retirement"
            f" or transfer dated {day}."
        )
    else:
        vi = (
            "Quy trình được thực hiện khi người đứng đầu đã có thông báo nghỉ hưu hoặc chuyển"
            f" công tác ngày {day}."
        )
        en = f"The process ran while the head had a notice of retirement or transfer dated {day}."
    if power.param_bool("pc_outgoing_head_requires_superior_approval"):
        vi += " Cần văn bản đồng ý của cấp trên trực tiếp."
        en += " The direct superior's written consent is needed."
    return Flag("outgoing_head", "PC-09", Citation(power.document, rule_id="PC-09"), vi, en)


def _overdue(timeline: Timeline, appointment: Rulebook, today: dt.date) -> Flag | None:
    """AP-10: finished later than the deadline from the policy approval (or still open)."""
    if timeline.policy_approved_on is None:
        return None
    days = _int(appointment, "ap_process_deadline_working_days")
    deadline = add_working_days(timeline.policy_approved_on, days)
    if (timeline.decided_on or today) <= deadline:
        return None
    return Flag(
        "overdue",
        "AP-10",
        Citation(appointment.document, rule_id="AP-10"),
        f"Quá thời hạn {days} ngày làm việc kể từ khi chủ trương được phê duyệt (hạn"
        f" {deadline:%d/%m/%Y}).",
        f"Past the deadline of {days} working days from the policy approval (due"
        f" {deadline:%d/%m/%Y}).",
    )


def _rushed(timeline: Timeline, power: Rulebook) -> Flag | None:
    """PC-09: decided sooner than the shortest plausible process."""
    if timeline.decided_on is None:
        return None
    days = _int(power, "pc_rushed_process_working_days")
    if timeline.decided_on >= add_working_days(timeline.started_on, days):
        return None
    return Flag(
        "rushed",
        "PC-09",
        Citation(power.document, rule_id="PC-09"),
        f"Quy trình được quyết định trong chưa đến {days} ngày làm việc kể từ khi bắt đầu.",
        f"The process was decided in fewer than {days} working days from its start.",
    )


def _dossier_after_decision(timeline: Timeline, power: Rulebook) -> Flag | None:
    """AP-06, PC-05: the age reference date may not follow the decision."""
    received, decided = timeline.dossier_received, timeline.decided_on
    if received is None or decided is None or received <= decided:
        return None
    return Flag(
        "dossier_after_decision",
        "PC-05",
        Citation(power.document, rule_id="PC-05"),
        "Ngày nhận hồ sơ sau ngày quyết định: mốc tính tuổi bổ nhiệm không hợp lệ.",
        "The dossier was received after the decision: the date the age check counts from is "
        "not valid.",
        Severity.BLOCK,
    )


def _level_jump(timeline: Timeline, power: Rulebook) -> Flag | None:
    """PC-18: report only, when ``pc_level_jump_report`` is on."""
    if timeline.level_jump <= 1 or power.param_str("pc_level_jump_report") != "on":
        return None
    return Flag(
        "level_jump",
        "PC-18",
        Citation(power.document, rule_id="PC-18"),
        f"Bổ nhiệm vượt {timeline.level_jump} bậc chức vụ so với chức vụ hiện giữ.",
        f"The appointment climbs {timeline.level_jump} post grades above the current post.",
    )


def timing_flags(
    timeline: Timeline, appointment_rulebook: Rulebook, power_rulebook: Rulebook, today: dt.date
) -> tuple[Flag, ...]:
    """Every timing flag of one process, in a fixed order: ``outgoing_head``, ``overdue``,
    ``rushed``, ``dossier_after_decision``, ``level_jump`` (PC-09, AP-10, PC-05, PC-18)."""
    found = (
        _outgoing_head(timeline, power_rulebook),
        _overdue(timeline, appointment_rulebook, today),
        _rushed(timeline, power_rulebook),
        _dossier_after_decision(timeline, power_rulebook),
        _level_jump(timeline, power_rulebook),
    )
    return tuple(flag for flag in found if flag is not None)


def authority(post_level: str, decider_level: str) -> Check:
    """AP-10: the level that manages the post (the highest post of a person holding several)
    decides the appointment; any other level has no authority."""
    ok = bool(post_level) and post_level == decider_level
    if ok:
        vi, en = "Cấp quyết định là cấp quản lý chức vụ.", "The deciding level manages the post."
    else:
        vi = "Cấp quyết định không phải cấp quản lý chức vụ: không có thẩm quyền bổ nhiệm."
        en = "The deciding level does not manage the post: it has no authority to appoint."
    return Check("authority", "AP-10", ok, Citation(QD377, rule_id="AP-10"), vi, en)
