"""Throttling of wrong voter codes: a guesser is slowed down, and the staff are warned.

A voter code is genuine with probability 2^-40 when guessed
(:mod:`canbo.services.voting.voter_codes`);
bounding the rate of wrong codes makes guessing hopeless for the life of any vote. The rule:

* **per client**: at most ``per_client`` wrong codes in ``window`` seconds; further codes from
  that client are refused unseen, right or wrong, until the window slides (a guesser cannot
  learn that a guess was right);
* **per vote**: once more than ``per_vote`` wrong codes arrive in the window from all clients
  together (a guesser who changes addresses), every client that sent a wrong code in the window
  is refused; clients with no wrong code still vote, so a guesser cannot lock the hall out;
* **alert**: at ``alert_after`` wrong codes in the window the staff are warned once per window
  (:func:`canbo.services.voting.sessions.report_guessing`: the session page and the audit log).

The counts live in the server process's memory only (nothing about a client touches the
database or a log, which keeps the voter pages unlinkable); with several worker processes each
enforces its own bounds, so the effective bounds are that many times the parameters.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from canbo.core.errors import DomainError


class TooManyWrongCodes(DomainError):
    """Code checks refused for a while after too many wrong codes (HTTP 429)."""

    status = 429
    default_message = "Too many wrong codes; try again later."


@dataclass(frozen=True, slots=True)
class GuessPolicy:
    per_client: int = 10
    per_vote: int = 200
    alert_after: int = 30
    window: float = 600.0
    max_clients: int = 20000


@dataclass
class _VoteWindow:
    wrong: deque[float] = field(default_factory=deque)
    by_client: dict[str, deque[float]] = field(default_factory=dict)
    alerted_at: float | None = None


class GuessGuard:
    """The per-process record of wrong codes, by vote and by client (thread-safe)."""

    def __init__(
        self, policy: GuessPolicy | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.policy = policy or GuessPolicy()
        self._clock = clock
        self._votes: dict[int, _VoteWindow] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget every count (a new process starts empty; tests start each case so)."""
        with self._lock:
            self._votes.clear()

    def _window(self, session_id: int, now: float) -> _VoteWindow:
        vote = self._votes.setdefault(session_id, _VoteWindow())
        horizon = now - self.policy.window
        while vote.wrong and vote.wrong[0] <= horizon:
            vote.wrong.popleft()
        return vote

    def _client_wrong(self, vote: _VoteWindow, client: str, now: float) -> int:
        times = vote.by_client.get(client)
        if times is None:
            return 0
        while times and times[0] <= now - self.policy.window:
            times.popleft()
        if not times:
            del vote.by_client[client]
            return 0
        return len(times)

    def check(self, session_id: int, client: str) -> None:
        """Refuse the attempt unseen when the client or the vote is over its bound."""
        with self._lock:
            now = self._clock()
            vote = self._window(session_id, now)
            mine = self._client_wrong(vote, client, now)
            over_client = mine >= self.policy.per_client
            over_vote = len(vote.wrong) > self.policy.per_vote and mine > 0
            if over_client or over_vote:
                retry = int(self.policy.window) if over_vote else self._retry(vote, client, now)
                raise TooManyWrongCodes("too_many_wrong_codes", retry_after=retry)

    def _retry(self, vote: _VoteWindow, client: str, now: float) -> int:
        oldest = vote.by_client[client][0]
        return max(1, int(oldest + self.policy.window - now) + 1)

    def wrong(self, session_id: int, client: str) -> int | None:
        """Record a wrong code; return the number of wrong codes in the window when the staff
        should be warned now (once per window), else ``None``."""
        with self._lock:
            now = self._clock()
            vote = self._window(session_id, now)
            vote.wrong.append(now)
            if client not in vote.by_client and len(vote.by_client) >= self.policy.max_clients:
                vote.by_client.pop(next(iter(vote.by_client)))
            vote.by_client.setdefault(client, deque()).append(now)
            recent = vote.alerted_at is not None and now - vote.alerted_at < self.policy.window
            if len(vote.wrong) >= self.policy.alert_after and not recent:
                vote.alerted_at = now
                return len(vote.wrong)
            return None
