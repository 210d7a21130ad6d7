"""Typed domain errors.

Every refusal carries a stable machine ``code``, the fields that explain it, and (where a
regulation produced it) a :class:`Citation`. The web and API layers map a ``DomainError`` to an
HTTP status and a translated message in one place; the core never formats user text itself
beyond a plain English default, so that ``vi`` and ``en`` catalogues stay the source of wording.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canbo.core.citations import RuleText, lookup, resolve


@dataclass(frozen=True, slots=True)
class Citation:
    """A pointer to the text that produced a decision, e.g. QĐ 96-QĐ/TW, Điều 11, khoản 3.

    ``rule_id`` is the stable handbook ID (``CV-17``), kept as a machine field; ``unconfirmed``
    lists the named parameters whose documented default the outcome depended on. A citation
    built with a rule ID and no article takes the article and clause that the shipped citation
    table (:mod:`canbo.core.citations`) gives for that rule in this document, so that a person
    reads the document, article and clause, never the bare ID.
    """

    document: str
    article: str = ""
    clause: str = ""
    rule_id: str = ""
    unconfirmed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.rule_id or (self.article and self.clause):
            return
        found = resolve(self.rule_id, self.document)
        if found is None or not found.article:
            return
        if not self.article:
            object.__setattr__(self, "article", found.article)
            object.__setattr__(self, "clause", found.clause)
        elif self.article == found.article:
            object.__setattr__(self, "clause", found.clause)

    @property
    def rule(self) -> RuleText | None:
        """The table entry of ``rule_id`` as it sits in this document, if the table has it."""
        return lookup(self.rule_id, self.document) if self.rule_id else None

    @property
    def statement(self) -> str:
        """The rule's short statement in Vietnamese ("" if the rule is not in the table)."""
        found = self.rule
        return found.statement if found is not None else ""

    @property
    def statement_en(self) -> str:
        """The rule's short statement in English ("" if the rule is not in the table)."""
        found = self.rule
        return found.statement_en if found is not None else ""

    def __str__(self) -> str:
        """Document, article, clause; with several documents, the article follows its own.

        ``"QĐ 366-QĐ/TW; HD 43-HD/BTCTW"`` with Điều 11 reads "QĐ 366-QĐ/TW, Điều 11;
        HD 43-HD/BTCTW"; an article with one part per document (``"Điều 169, khoản 2;
        Điều 4"``) is paired with them in order.
        """
        return _citation_text(self.document, self.article, self.clause, self.rule_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "article": self.article,
            "clause": self.clause,
            "rule_id": self.rule_id,
            "unconfirmed": list(self.unconfirmed),
            "text": str(self),
            "statement": self.statement,
            "statement_en": self.statement_en,
        }


@functools.lru_cache(maxsize=4096)
def _citation_text(document: str, article: str, clause: str, rule_id: str) -> str:
    parts = [p.strip() for p in document.split(";") if p.strip()]
    if len(parts) < 2 or not article:
        return _joined(document, article, clause)
    articles = [a.strip() for a in article.split(";")]
    if len(articles) == len(parts) and not clause:
        return "; ".join(_joined(p, a) for p, a in zip(parts, articles, strict=True))
    at = _article_part(parts, rule_id, document)
    located = _joined(parts[at], article, clause)
    return "; ".join([located, *(p for i, p in enumerate(parts) if i != at)])


def _article_part(parts: list[str], rule_id: str, document: str) -> int:
    found = resolve(rule_id, document) if rule_id else None
    if found is not None:
        for i, part in enumerate(parts):
            if found.is_named_by(part):
                return i
    return 0


def _joined(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


class DomainError(Exception):
    """A refused action or invalid input, with a machine code and the fields that explain it.

    ``status`` is the HTTP status the edge should answer with (400 bad input, 403 refused by a
    rule, 404 not found — also used for "forbidden" so that existence is not leaked, 409
    conflict with current state).
    """

    status: int = 400
    default_message: str = "The request was refused."

    def __init__(
        self,
        code: str,
        message: str | None = None,
        *,
        citation: Citation | None = None,
        **fields: Any,
    ) -> None:
        self.code = code
        self.message = message or self.default_message
        self.citation = citation
        self.fields: Mapping[str, Any] = fields
        super().__init__(f"{code}: {self.message}")

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fields:
            data["fields"] = {k: _plain(v) for k, v in self.fields.items()}
        if self.citation is not None:
            data["citation"] = self.citation.as_dict()
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


class ValidationError(DomainError):
    """Bad input: a value out of range, a malformed file, a missing field."""

    status = 400
    default_message = "The input is not valid."


class NotFound(DomainError):
    """Missing, or not visible to the actor: the two are answered alike on purpose."""

    status = 404
    default_message = "Not found."


class RuleViolation(DomainError):
    """The action is refused by a regulation; ``citation`` names the clause."""

    status = 403
    default_message = "Refused by the rules."


class PermissionDenied(DomainError):
    """The actor may see the object but has no role that allows this action on it."""

    status = 403
    default_message = "You do not have permission for this action."


class Conflict(DomainError):
    """The action conflicts with the current state (already closed, duplicate, stale)."""

    status = 409
    default_message = "The action conflicts with the current state."


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in an imported file: 1-based ``row`` (header is row 1), ``column`` name.

    ``message_vi`` and ``message_en`` are both kept so that a report can be printed in either
    language offline, without the translation catalogue.
    """

    row: int
    column: str
    code: str
    message_vi: str
    message_en: str
    value: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
            "value": self.value,
        }


class ImportRejected(ValidationError):
    """An import with at least one bad row: nothing was written."""

    def __init__(self, errors: list[RowError], *, total_rows: int = 0) -> None:
        self.errors = errors
        super().__init__(
            "import_rejected",
            f"{len(errors)} problem(s) found; nothing was imported.",
            error_count=len(errors),
            total_rows=total_rows,
        )
