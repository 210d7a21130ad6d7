"""State machines as data: (state, step) → next state, with the rule and the role behind it.

A lifecycle is a table of :class:`StepRule` rows, one per step an actor takes: the states the
step may start from and the state each leads to, the action of the role table
(:mod:`canbo.core.permissions`) whose roles take it, the citation of the rule that orders it,
and how a step taken from any other state is refused. The table is checked when it is built
(every step has a rule and a way to be refused, every state named is a state of the machine,
no step leads two ways from one state, every state is reachable from the first), so a mistake
in it fails on import, not in a vote. The services ask :meth:`Lifecycle.next` and store the
state it answers; they keep no state checks of their own.

The tables: :mod:`canbo.core.ballots.lifecycle` (the vote session, QĐ 96-QĐ/TW, QĐ 190-QĐ/TW)
and :mod:`canbo.core.classification.lifecycle` (the classification cycle and the steps of one
subject, QĐ 366-QĐ/TW with HD 43-HD/BTCTW).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from .errors import Citation, Conflict, DomainError
from .permissions import Action

S = TypeVar("S", bound=Enum)
A = TypeVar("A", bound=Enum)


@dataclass(frozen=True, slots=True)
class Refusal:
    """How a step taken from a state it does not start from is refused: a ``Conflict`` with
    ``code``, and as fields the current ``status`` and the ``expected`` states when asked."""

    code: str
    message: str | None = None
    citation: Citation | None = None
    with_status: bool = True
    with_expected: bool = True

    def error(self, state: Enum, step: Enum, allowed: Sequence[Enum]) -> DomainError:
        """The refusal of ``step`` in ``state``; ``allowed`` are the states it starts from."""
        fields: dict[str, Any] = {}
        if self.with_status:
            fields["status"] = str(state)
        if self.with_expected:
            fields["expected"] = [str(s) for s in allowed]
        return Conflict(self.code, self.message, citation=self.citation, **fields)


@dataclass(frozen=True, slots=True)
class Transition(Generic[S, A]):
    """One row of the machine: ``step`` taken in ``source`` leads to ``target``."""

    source: S
    step: A
    target: S


@dataclass(frozen=True, slots=True)
class StepRule(Generic[S, A]):
    """A step with the moves it makes (source → target), who takes it and the rule behind it.

    ``action`` names the roles in :data:`canbo.core.permissions.ROLES`; ``None`` is a step
    taken without an account (a voter with a one-time code).
    """

    step: A
    moves: tuple[tuple[S, S], ...]
    action: Action | None
    citation: Citation
    refusal: Refusal

    @property
    def transitions(self) -> tuple[Transition[S, A], ...]:
        return tuple(Transition(source, self.step, target) for source, target in self.moves)


class Lifecycle(Generic[S, A]):
    """A validated state machine over the states ``states`` and the steps ``steps`` (an enum,
    or some of its members when the machine answers only those)."""

    def __init__(
        self,
        name: str,
        states: type[S],
        steps: Iterable[A],
        initial: S,
        rules: Sequence[StepRule[S, A]],
    ) -> None:
        self.name = name
        self.states = states
        self.steps: tuple[A, ...] = tuple(steps)
        self.initial = initial
        self._rules = {rule.step: rule for rule in rules}
        self._next = {(t.source, t.step): t.target for r in rules for t in r.transitions}
        _check(self, rules)

    @property
    def transitions(self) -> tuple[Transition[S, A], ...]:
        """Every row of the table, in the order of the steps."""
        return tuple(t for step in self.steps for t in self._rules[step].transitions)

    def rule(self, step: A) -> StepRule[S, A]:
        return self._rules[step]

    def sources(self, step: A) -> tuple[S, ...]:
        """The states ``step`` may be taken from, in the order of the states."""
        return tuple(s for s in self.states if (s, step) in self._next)

    def allows(self, state: S, step: A) -> bool:
        return (state, step) in self._next

    def next(self, state: S, step: A) -> S:
        """The state after ``step`` taken in ``state``; refused (``Conflict``) otherwise."""
        target = self._next.get((state, step))
        if target is None:
            raise self._rules[step].refusal.error(state, step, self.sources(step))
        return target

    def reachable(self, start: S | None = None) -> frozenset[S]:
        """The states some sequence of allowed steps leads to from ``start`` (or the first)."""
        seen = {self.initial if start is None else start}
        frontier = list(seen)
        while frontier:
            state = frontier.pop()
            for (source, _step), target in self._next.items():
                if source == state and target not in seen:
                    seen.add(target)
                    frontier.append(target)
        return frozenset(seen)


def _check(machine: Lifecycle[S, A], rules: Sequence[StepRule[S, A]]) -> None:
    """Refuse a table with a step without a rule or refusal, a step given twice, a move
    between unknown states, two moves of one step from one state, or an unreachable state."""
    problems: list[str] = []
    steps = [rule.step for rule in rules]
    problems += [f"step {s} has two rules" for s in set(steps) if steps.count(s) > 1]
    problems += [f"step {s} has no rule" for s in machine.steps if s not in steps]
    for rule in rules:
        if rule.step not in machine.steps:
            problems.append(f"{rule.step!r} is not a step of {machine.name}")
        if not rule.moves or not rule.refusal.code:
            problems.append(f"step {rule.step} needs moves and a refusal code")
        sources = [source for source, _ in rule.moves]
        if len(set(sources)) != len(sources):
            problems.append(f"step {rule.step} leads two ways from one state")
        named = {s for move in rule.moves for s in move}
        strays = [s for s in named if not isinstance(s, machine.states)]
        problems += [f"{s!r} is not a state of {machine.name}" for s in strays]
    if not problems:
        lost = set(machine.states) - machine.reachable()
        problems += [f"state {s} is unreachable" for s in sorted(lost, key=str)]
    if problems:
        raise ValueError(f"lifecycle {machine.name}: " + "; ".join(problems))
