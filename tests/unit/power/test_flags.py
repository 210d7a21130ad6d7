"""Timing flags and the deciding level (PC-09, PC-18, PC-05 with AP-06, AP-10)."""

from __future__ import annotations

import datetime as dt

from canbo.core.appointments.model import Severity
from canbo.core.appointments.rulebooks import QD377_2025
from canbo.core.power.flags import authority, timing_flags
from canbo.core.power.model import Timeline
from canbo.core.power.rulebooks import QD114_2023

START = dt.date(2026, 3, 2)  # a Monday
TODAY = dt.date(2026, 3, 20)


def keys(timeline: Timeline, power: object = QD114_2023, today: dt.date = TODAY) -> list[str]:
    return [f.key for f in timing_flags(timeline, QD377_2025, power, today)]  # type: ignore[arg-type]


def test_an_ordinary_process_raises_no_flag() -> None:
    line = Timeline(
        START,
        decided_on=dt.date(2026, 3, 16),
        policy_approved_on=START,
        dossier_received=dt.date(2026, 3, 9),
        level_jump=1,
    )
    assert keys(line) == []


# PC-09: an outgoing head.
def test_a_step_by_a_head_with_a_retirement_notice_is_flagged() -> None:
    notice = dt.date(2026, 8, 1)
    late = Timeline(START, step_dates=(("wider", dt.date(2026, 3, 10)),), decider_notice_on=notice)
    assert keys(late) == ["outgoing_head"]  # within 6 months before the notice
    early = Timeline(dt.date(2025, 6, 2), decider_notice_on=notice)
    assert keys(early, today=dt.date(2025, 6, 20)) == []
    (flag,) = timing_flags(late, QD377_2025, QD114_2023, TODAY)
    assert (flag.rule, flag.citation.rule_id, flag.severity) == ("PC-09", "PC-09", Severity.WARN)
    assert "cấp trên" in flag.message_vi
    off = QD114_2023.with_parameters(pc_outgoing_head_requires_superior_approval=False)
    assert "cấp trên" not in timing_flags(late, QD377_2025, off, TODAY)[0].message_vi


def test_the_outgoing_head_flag_names_the_head_and_the_date_of_the_notice() -> None:
    line = Timeline(
        START,
        step_dates=(("wider", dt.date(2026, 3, 10)),),
        decider_notice_on=dt.date(2026, 8, 1),
        decider_name="Phạm Minh Đức",
    )
    (flag,) = timing_flags(line, QD377_2025, QD114_2023, TODAY)
    assert "đồng chí Phạm Minh Đức" in flag.message_vi and "01/08/2026" in flag.message_vi
    assert "Phạm Minh Đức" in flag.message_en and "01/08/2026" in flag.message_en
    unnamed = timing_flags(Timeline(START, decider_notice_on=dt.date(2026, 8, 1)), QD377_2025,
                           QD114_2023, TODAY)[0]  # fmt: skip
    assert "01/08/2026" in unnamed.message_vi and "đồng chí" not in unnamed.message_vi


# AP-10: 30 working days from the policy approval.
def test_a_process_past_its_deadline_is_flagged_overdue() -> None:
    line = Timeline(START, policy_approved_on=START)
    assert keys(line, today=dt.date(2026, 4, 13)) == []  # 30 working days later
    assert keys(line, today=dt.date(2026, 4, 14)) == ["overdue"]
    decided = Timeline(START, policy_approved_on=START, decided_on=dt.date(2026, 4, 10))
    assert keys(decided, today=dt.date(2027, 1, 1)) == []


# PC-09: decided in fewer than 5 working days.
def test_a_rushed_decision_is_flagged() -> None:
    assert keys(Timeline(START, decided_on=dt.date(2026, 3, 6))) == ["rushed"]
    assert keys(Timeline(START, decided_on=dt.date(2026, 3, 9))) == []


# AP-06, PC-05: the dossier after the decision.
def test_a_dossier_received_after_the_decision_is_flagged_as_blocking() -> None:
    line = Timeline(START, decided_on=dt.date(2026, 3, 16), dossier_received=dt.date(2026, 3, 17))
    (flag,) = timing_flags(line, QD377_2025, QD114_2023, TODAY)
    assert (flag.key, flag.rule, flag.severity) == (
        "dossier_after_decision",
        "PC-05",
        Severity.BLOCK,
    )


# PC-18: report only.
def test_skipping_levels_is_reported_when_the_report_is_on() -> None:
    line = Timeline(START, level_jump=2)
    assert keys(line) == ["level_jump"]
    assert keys(line, QD114_2023.with_parameters(pc_level_jump_report="off")) == []


def test_the_level_that_manages_the_post_decides() -> None:
    ok = authority("provincial", "provincial")
    assert (ok.key, ok.rule, ok.ok) == ("authority", "AP-10", True)
    refused = authority("provincial", "commune")
    assert not refused.ok and not refused.passes()
    assert not authority("", "").ok
