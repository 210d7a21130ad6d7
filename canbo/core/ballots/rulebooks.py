"""Rulebooks as data, and the registry that selects one by body and date (handbook GEN-01).

A :class:`Rulebook` names the regulation (document, effective period, the bodies it governs),
which regime of small pure functions evaluates it (:class:`Regime`), and the values of its
named parameters. It is validated when constructed: unknown parameters and values outside the
documented allowed set are refused. A case is always evaluated with the rulebook in force on
the date of the vote or step (GEN-01, GEN-02), never with today's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from canbo.core.ballots.params import ParamSpec, ParamValue
from canbo.core.errors import Citation, NotFound, ValidationError
from canbo.core.types import Confidence


class Body(StrEnum):
    """Who holds the vote: the Party (and political system), the NA, or a People's Council."""

    PARTY = "party"
    NATIONAL_ASSEMBLY = "national_assembly"  # Quốc hội
    PEOPLES_COUNCIL = "peoples_council"  # Hội đồng nhân dân


class Domain(StrEnum):
    """GEN-01 selects per domain: a confidence vote and a Party election are different rulebooks."""

    CONFIDENCE_VOTE = "confidence_vote"  # lấy phiếu tín nhiệm
    PARTY_ELECTION = "party_election"  # bầu cử trong Đảng


class Regime(StrEnum):
    """Which family of pure functions evaluates the rulebook."""

    QD262 = "qd262"
    QD96 = "qd96"
    NQ35 = "nq35"
    NQ85 = "nq85"
    NQ96 = "nq96"
    QD244 = "qd244"
    QD190 = "qd190"


@dataclass(frozen=True)
class Rulebook:
    """One regulation version with its parameter values (GEN-01).

    ``effective_to`` is the last day in force (``None`` while in force).
    ``effective_from_confirmed`` is false where the effective clause was not checked and the
    signing/adoption date is used (GEN-03, ``gen_effective_from_default``).
    ``specified`` is false for a rulebook that the handbook names but does not describe: it can
    be selected, but computing with it is refused rather than guessed.
    """

    rulebook_id: str
    document: str
    domain: Domain
    bodies: frozenset[Body]
    regime: Regime
    effective_from: dt.date
    effective_to: dt.date | None
    specs: tuple[ParamSpec, ...]
    citation: Citation
    superseded_by: str | None = None
    effective_from_confirmed: bool = True
    specified: bool = True
    overrides: Mapping[str, ParamValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.rulebook_id or not self.document or not self.bodies:
            raise ValueError("a rulebook needs an id, a document and at least one body")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(f"{self.rulebook_id}: effective_to is before effective_from")
        names = [s.name for s in self.specs]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.rulebook_id}: duplicate parameter names")
        known = dict(zip(names, self.specs, strict=True))
        for name, value in self.overrides.items():
            spec = known.get(name)
            if spec is None:
                raise ValidationError("unknown_parameter", rulebook=self.rulebook_id, name=name)
            if not spec.accepts(value):
                raise ValidationError(
                    "parameter_value_not_allowed",
                    rulebook=self.rulebook_id,
                    name=name,
                    value=value,
                    allowed=list(spec.allowed),
                )
        object.__setattr__(self, "overrides", MappingProxyType(dict(self.overrides)))

    def in_force_on(self, day: dt.date) -> bool:
        """True when ``day`` lies in ``[effective_from, effective_to]`` (GEN-01)."""
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def spec(self, name: str) -> ParamSpec:
        for spec in self.specs:
            if spec.name == name:
                return spec
        raise NotFound("unknown_parameter", rulebook=self.rulebook_id, name=name)

    def param(self, name: str) -> ParamValue:
        """The value in use: the override if any, else the documented default."""
        spec = self.spec(name)
        return self.overrides.get(name, spec.default)

    def param_str(self, name: str) -> str:
        return str(self.param(name))

    def param_bool(self, name: str) -> bool:
        return bool(self.param(name))

    def parameters(self) -> dict[str, ParamValue]:
        """All parameter values in use, recorded with every stored result (GEN-01)."""
        return {s.name: self.param(s.name) for s in self.specs}

    def unconfirmed(self, *names: str) -> tuple[str, ...]:
        """The subset of ``names`` whose handbook mark is ``unconfirmed``."""
        return tuple(n for n in names if self.spec(n).confidence is Confidence.UNCONFIRMED)

    def as_dict(self) -> dict[str, Any]:
        """The rulebook as recorded with a result: id, document, period, parameter values."""
        params = self.parameters()
        return {
            "id": self.rulebook_id,
            "document": self.document,
            "bodies": sorted(str(b) for b in self.bodies),
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "effective_from_confirmed": self.effective_from_confirmed,
            "superseded_by": self.superseded_by,
            "parameters": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
            "unconfirmed_parameters": list(self.unconfirmed(*params)),
        }

    def with_parameters(self, **values: ParamValue) -> Rulebook:
        """A copy with more overrides, validated like the original."""
        return replace(self, overrides={**self.overrides, **values})


class RulebookRegistry:
    """All known rulebooks; ``select`` answers GEN-01, ``get`` finds one by id."""

    def __init__(self, rulebooks: Iterable[Rulebook]) -> None:
        self._books: dict[str, Rulebook] = {}
        for book in rulebooks:
            if book.rulebook_id in self._books:
                raise ValueError(f"duplicate rulebook id {book.rulebook_id}")
            self._books[book.rulebook_id] = book
        self._check_no_overlap()

    def _check_no_overlap(self) -> None:
        books = sorted(self._books.values(), key=lambda b: b.effective_from)
        for i, first in enumerate(books):
            for second in books[i + 1 :]:
                shared = first.bodies & second.bodies
                if first.domain != second.domain or not shared:
                    continue
                if first.effective_to is None or first.effective_to >= second.effective_from:
                    raise ValueError(
                        f"{first.rulebook_id} and {second.rulebook_id} overlap for {sorted(shared)}"
                    )

    def all(self) -> tuple[Rulebook, ...]:
        return tuple(sorted(self._books.values(), key=lambda b: (b.domain, b.effective_from)))

    def get(self, rulebook_id: str) -> Rulebook:
        """The rulebook with this id (case-insensitive), or ``NotFound``."""
        for key, book in self._books.items():
            if key.casefold() == rulebook_id.casefold():
                return book
        raise NotFound("unknown_rulebook", rulebook_id=rulebook_id, known=sorted(self._books))

    def select(self, body: Body, on: dt.date, domain: Domain = Domain.CONFIDENCE_VOTE) -> Rulebook:
        """The rulebook in force for ``body`` on the date of the vote or step (GEN-01, GEN-02)."""
        for book in self._books.values():
            if book.domain == domain and body in book.bodies and book.in_force_on(on):
                return book
        raise NotFound(
            "no_rulebook_in_force",
            "No rulebook is in force for this body on this date.",
            body=str(body),
            date=on.isoformat(),
            domain=str(domain),
        )
