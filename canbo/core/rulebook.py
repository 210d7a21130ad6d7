"""One rulebook model for every domain: confidence votes, Party elections, classification.

A :class:`Rulebook` is one regulation version as data (handbook GEN-01): its documents, domain
and bodies, its effective period, its own parameter specs (:class:`ParamSpec`) with the values
in use, its thresholds as values (:class:`Threshold`: "2/3 or more of the total deputies"), the
handbook rules it applies and its citation. The :class:`Regime` names the family of small pure
functions that evaluates it, chosen where a difference is truly procedural (a table keyed by the
regime, never ``if regime is ...`` branches spread through the code). A rulebook is validated
when constructed; :class:`RulebookRegistry` selects one by domain, body and date (GEN-01,
GEN-02). Classification rulebooks govern cycle years: cycle ``Y`` lies in ``[Y-01-01, Y-12-31]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from canbo.core.errors import Citation, NotFound, ValidationError
from canbo.core.types import Confidence

ParamValue = str | bool | int | None | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One named parameter (handbook "Parameters" tables). ``allowed`` empty means any value of
    the default's type. ``label_vi``/``label_en`` say in words what it decides and
    ``value_labels`` (value, vi, en) name its allowed values, for people reading the rules."""

    name: str
    default: ParamValue
    allowed: tuple[ParamValue, ...]
    rule_id: str
    confidence: Confidence = Confidence.UNCONFIRMED
    label_vi: str = ""
    label_en: str = ""
    value_labels: tuple[tuple[ParamValue, str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.allowed and self.default not in self.allowed:
            raise ValueError(f"{self.name}: default {self.default!r} not in allowed values")

    def accepts(self, value: ParamValue) -> bool:
        """True when ``value`` is an allowed value (or of the default's type if unrestricted)."""
        if self.allowed:  # compare types too: 1 == True must not pass for a bool parameter
            return any(type(v) is type(value) and v == value for v in self.allowed)
        if self.default is None:
            return value is None or isinstance(value, int)
        return isinstance(value, type(self.default))

    def value_label(self, value: ParamValue, english: bool = False) -> str | None:
        """The words for ``value`` if the spec names it, else ``None``."""
        for known, vi, en in self.value_labels:
            if type(known) is type(value) and known == value:
                return en if english else vi
        return None


class Body(StrEnum):
    """Who holds the vote or decides: the Party (and political system), the NA, a council."""

    PARTY = "party"
    NATIONAL_ASSEMBLY = "national_assembly"  # Quốc hội
    PEOPLES_COUNCIL = "peoples_council"  # Hội đồng nhân dân


class Domain(StrEnum):
    """GEN-01 selects per domain: a confidence vote and a Party election are different rulebooks."""

    CONFIDENCE_VOTE = "confidence_vote"  # lấy phiếu tín nhiệm
    PARTY_ELECTION = "party_election"  # bầu cử trong Đảng
    CLASSIFICATION = "classification"  # đánh giá, xếp loại chất lượng
    APPOINTMENT = "appointment"  # bổ nhiệm, giới thiệu ứng cử
    POWER_CONTROL = "power_control"  # kiểm soát quyền lực trong công tác cán bộ


class Regime(StrEnum):
    """Which family of pure functions evaluates the rulebook (a procedural difference)."""

    QD262 = "qd262"
    QD96 = "qd96"
    NQ35 = "nq35"
    NQ85 = "nq85"
    NQ96 = "nq96"
    QD244 = "qd244"
    QD190 = "qd190"
    POINTS = "points"  # classification on the 100-point scale (QĐ 366)
    GRADES = "grades"  # classification on criteria grades (QĐ 124, QĐ 132)
    QD105 = "qd105"  # appointment (QĐ 105-QĐ/TW, 2017)
    QD80 = "qd80"  # appointment (QĐ 80-QĐ/TW) and planning (QĐ 50-QĐ/TW)
    QD377 = "qd377"  # planning and appointment (QĐ 377-QĐ/TW, 2025)
    QD205 = "qd205"  # power control in cadre work, QĐ 205-QĐ/TW (2019)
    QD114 = "qd114"  # power control in cadre work, QĐ 114-QĐ/TW (2023)


class Comparison(StrEnum):
    """How a count is compared with a fraction of its base, in integers (GEN-05)."""

    AT_LEAST = ">="
    MORE_THAN = ">"
    LESS_THAN = "<"


@dataclass(frozen=True, slots=True)
class Threshold:
    """``count <op> numerator/denominator × base``, tested on integers, never on a percentage.

    ``base`` names what the fraction is of: a denominator kind (``total_deputies``), a parameter
    whose value is the kind (``na_nq96_denominator``) or a scale (``score_100``). ``outcome``
    names what follows when the threshold holds (consequence codes or a level).
    """

    key: str
    numerator: int
    denominator: int
    comparison: Comparison
    base: str
    rule_id: str
    article: str = ""
    outcome: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0 < self.numerator <= self.denominator:
            raise ValueError(f"{self.key}: a threshold is a fraction in (0, 1]")

    def holds(self, count: int, base: int) -> bool:
        """``den*count >= num*base`` (or ``>``, ``<``) exactly; refuses base ≤ 0 and count < 0."""
        if base <= 0:
            raise ValidationError("denominator_not_positive", denominator=base)
        if count < 0:
            raise ValidationError("count_negative", count=count)
        return self.test(count, base)

    def test(self, count: int, base: int) -> bool:
        """The comparison alone, for inputs already validated (a base of 0 is allowed)."""
        lhs, rhs = self.denominator * count, self.numerator * base
        if self.comparison is Comparison.AT_LEAST:
            return lhs >= rhs
        if self.comparison is Comparison.MORE_THAN:
            return lhs > rhs
        return lhs < rhs

    def least_count(self, base: int) -> int:
        """The integer cutoff for a fixed ``base``, bound once when a rulebook is built: the
        least count that holds (``>=``, ``>``) or, for ``<``, the least count that fails."""
        quotient, remainder = divmod(self.numerator * base, self.denominator)
        if self.comparison is Comparison.MORE_THAN:
            return quotient + 1
        return quotient + (1 if remainder else 0)

    def with_comparison(self, comparison: Comparison) -> Threshold:
        return replace(self, comparison=comparison)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "comparison": str(self.comparison),
            "fraction": f"{self.numerator}/{self.denominator}",
            "base": self.base,
            "rule_id": self.rule_id,
            "outcome": list(self.outcome),
        }


@dataclass(frozen=True)
class Rulebook:
    """One regulation version with its parameter values (GEN-01).

    ``document`` is the main document; ``documents`` all documents with their dates (the main
    one alone when not given). ``effective_to`` is the last day in force (``None`` while in
    force). ``effective_from_confirmed`` is false where the effective clause was not checked
    and the signing/adoption date is used (GEN-03). ``specified`` is false for a rulebook the
    handbook names but does not describe: it can be selected, but evaluating it is refused
    rather than guessed. ``rules`` lists the handbook rule IDs it applies.
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
    documents: tuple[str, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    rules: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.rulebook_id or not self.document or not self.bodies:
            raise ValueError("a rulebook needs an id, a document and at least one body")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(f"{self.rulebook_id}: effective_to is before effective_from")
        names = [s.name for s in self.specs]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.rulebook_id}: duplicate parameter names")
        keys = [t.key for t in self.thresholds]
        if len(keys) != len(set(keys)):
            raise ValueError(f"{self.rulebook_id}: duplicate threshold keys")
        for threshold in self.thresholds:
            if threshold.base.startswith(("cv_", "na_", "cl_")) and threshold.base not in names:
                raise ValueError(f"{self.rulebook_id}: threshold base {threshold.base} unknown")
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
        if not self.documents:
            object.__setattr__(self, "documents", (self.document,))

    @property
    def id(self) -> str:
        """The rulebook id (``QD366_HD43``), as classification has always called it."""
        return self.rulebook_id

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

    def threshold(self, key: str) -> Threshold:
        """The threshold named ``key`` (``band_c``, ``quorum`` ...), or ``NotFound``."""
        for threshold in self.thresholds:
            if threshold.key == key:
                return threshold
        raise NotFound("unknown_threshold", rulebook=self.rulebook_id, key=key)

    def has_threshold(self, key: str) -> bool:
        return any(t.key == key for t in self.thresholds)

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


def cycle_period(first: int, last: int | None) -> tuple[dt.date, dt.date | None]:
    """The effective period of a classification rulebook governing cycles ``first..last``."""
    return dt.date(first, 1, 1), dt.date(last, 12, 31) if last is not None else None


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
