"""Types of the citation table: a rule, the provisions it sits in, and the confidence mark."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Confidence(StrEnum):
    """How the article of a rule was established."""

    TEXT = "text"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, slots=True)
class Provision:
    """Where a rule sits in one document: ``Điều 11``, ``khoản 2`` (``điểm a`` if given)."""

    document: str
    article: str = ""
    clause: str = ""
    source: str = ""
    confidence: Confidence = Confidence.UNCONFIRMED

    def __post_init__(self) -> None:
        if not self.document.strip():
            raise ValueError("a provision names its document")
        if self.confidence is Confidence.TEXT and not self.article:
            raise ValueError(
                f"{self.document}: a provision checked against the text has an article"
            )
        if self.clause and not self.article:
            raise ValueError(f"{self.document}: a clause without its article")

    def is_named_by(self, part: str) -> bool:
        """Whether one named document of a citation (``"QĐ 124-QĐ/TW (default)"``) is this one."""
        return _names(_normal(part), self.document)

    @property
    def text(self) -> str:
        """Document, then article and clause where known: QĐ 96-QĐ/TW, Điều 11, khoản 2."""
        return ", ".join(part for part in (self.document, self.article, self.clause) if part)


@dataclass(frozen=True, slots=True)
class RuleText:
    """One handbook rule: its primary provision, its statement, and further documents."""

    rule_id: str
    document: str
    article: str
    clause: str
    statement: str
    statement_en: str
    source: str
    confidence: Confidence
    elsewhere: tuple[Provision, ...] = ()

    def __post_init__(self) -> None:
        if not RULE_ID.fullmatch(self.rule_id):
            raise ValueError(f"not a rule ID: {self.rule_id!r}")
        if not self.statement or not self.statement_en:
            raise ValueError(f"{self.rule_id}: a rule has a statement in both languages")
        self.primary  # noqa: B018 - validates the primary provision when built

    @property
    def primary(self) -> Provision:
        """The provision of the rule's primary document."""
        return Provision(self.document, self.article, self.clause, self.source, self.confidence)

    @property
    def provisions(self) -> tuple[Provision, ...]:
        """Every document the rule sits in, primary first."""
        return (self.primary, *self.elsewhere)

    @property
    def text(self) -> str:
        """The primary provision as a person reads it."""
        return self.primary.text

    def in_document(self, document: str) -> Provision | None:
        """The provision in ``document``, which may name several (``"QĐ 366-QĐ/TW; HD 43"``).

        The first named part that is one of the rule's documents wins (a part may add a note
        after the name: ``"QĐ 124-QĐ/TW (default for QĐ 366)"``); ``None`` if none is, because
        an article of another document would send the reader to the wrong text.
        """
        for part in _parts(document):
            for provision in self.provisions:
                if _names(part, provision.document):
                    return provision
        return None

    def for_document(self, document: str) -> RuleText:
        """This rule with ``document``'s provision as its primary one (itself if not found)."""
        found = self.in_document(document)
        if found is None or found == self.primary:
            return self
        return dataclasses.replace(
            self,
            document=found.document,
            article=found.article,
            clause=found.clause,
            source=found.source or self.source,
            confidence=found.confidence,
        )


RULE_ID = re.compile(r"[A-Z]{2,4}[0-9]{0,3}-[0-9]{2}[a-z]?")
# Any handbook rule ID, for checks that no page shows one bare.
BARE_RULE_ID = re.compile(
    r"\b(?:GEN|CV|NA|EL|CL|CL124|CL132|CLS|PL|AP|TR|ST|PC|OR|RA|DOC|FRM|WP|SV)-\d"
)


def _normal(document: str) -> str:
    return " ".join(document.split()).casefold()


def _names(part: str, document: str) -> bool:
    name = _normal(document)
    return part == name or part.startswith((f"{name} ", f"{name}("))


def _parts(document: str) -> Iterable[str]:
    yield _normal(document)
    for part in re.split(r"[;,]", document):
        if part.strip():
            yield _normal(part)


def rule(
    rule_id: str,
    document: str,
    article: str,
    clause: str,
    statement: str,
    statement_en: str,
    source: str,
    confidence: str,
    *elsewhere: Provision,
) -> RuleText:
    return RuleText(
        rule_id,
        document,
        article,
        clause,
        statement,
        statement_en,
        source,
        Confidence(confidence),
        tuple(elsewhere),
    )


def at(
    document: str, article: str = "", clause: str = "", source: str = "", confidence: str = ""
) -> Provision:
    mark = Confidence(confidence) if confidence else Confidence.UNCONFIRMED
    return Provision(document, article, clause, source, mark)


def table(rules: Iterable[RuleText]) -> Mapping[str, RuleText]:
    table: dict[str, RuleText] = {}
    for rule in rules:
        if rule.rule_id in table:
            raise ValueError(f"rule {rule.rule_id} is listed twice")
        table[rule.rule_id] = rule
    return MappingProxyType(table)
