"""Wrong voter codes: a guesser is refused, a voter who never mistyped is not."""

from __future__ import annotations

import pytest

from canbo.services.voting.guard import GuessGuard, GuessPolicy, TooManyWrongCodes


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_is_refused_after_its_wrong_codes_until_the_window_slides() -> None:
    clock = Clock()
    guard = GuessGuard(GuessPolicy(per_client=3, per_vote=100, alert_after=50, window=60), clock)
    for _ in range(3):
        guard.check(1, "a")
        guard.wrong(1, "a")
    with pytest.raises(TooManyWrongCodes) as refused:
        guard.check(1, "a")
    assert refused.value.status == 429 and 1 <= refused.value.fields["retry_after"] <= 61
    guard.check(1, "b")  # another phone votes on
    guard.check(2, "a")  # and the same phone may use another vote's page
    clock.now += 61
    guard.check(1, "a")


def test_many_addresses_guessing_lock_out_every_guesser_but_not_a_clean_voter() -> None:
    guard = GuessGuard(GuessPolicy(per_client=10, per_vote=20, alert_after=1000, window=600))
    for i in range(21):
        guard.wrong(1, f"10.0.0.{i}")
    with pytest.raises(TooManyWrongCodes):
        guard.check(1, "10.0.0.3")
    guard.check(1, "10.0.1.1")  # never sent a wrong code: still votes


def test_the_staff_are_warned_once_per_window() -> None:
    clock = Clock()
    guard = GuessGuard(GuessPolicy(per_client=100, per_vote=1000, alert_after=5, window=60), clock)
    alerts = [guard.wrong(1, f"c{i}") for i in range(12)]
    assert alerts.count(None) == 11 and alerts[4] == 5
    clock.now += 61
    assert [guard.wrong(1, "z") for _ in range(5)][-1] == 5


def test_the_tracked_clients_are_bounded() -> None:
    guard = GuessGuard(GuessPolicy(per_client=5, per_vote=10**9, alert_after=10**9, max_clients=50))
    for i in range(500):
        guard.wrong(1, f"c{i}")
    assert len(guard._votes[1].by_client) <= 50
