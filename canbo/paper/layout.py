"""The geometry of a printed ballot, and the code printed on each of its sheets.

A :class:`Layout` says where everything is on every page of one printed ballot, in millimetres
from the page's top-left corner: the four registration marks (solid squares at the corners, in
the order top-left, top-right, bottom-right, bottom-left), the sheet code (a QR code), and per
person the row, the printed name and the boxes to mark. The printer (:mod:`canbo.paper.printing`)
writes it beside the PDF as ``<name>.layout.json``; the reader (:mod:`canbo.paper.reading`) needs
nothing else to read a scan. A layout file of another version is refused, never half read.

The sheet code carries ``CB1|<layout_id>|<page>|<serial>|<check>``: the layout, the page of the
ballot (a long list runs over several pages, all with the same serial), a random serial of 12
base32 characters drawn from :mod:`secrets`, and the first 6 hex digits of SHA-256 over the other
fields, so that a damaged or mistyped code is refused rather than read as another sheet. The
serial is tied to no voter: see docs/voting.md, "Paper ballots: printing".
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from canbo.core.errors import ValidationError

LAYOUT_VERSION = 1
CODE_PREFIX = "CB1"
SERIAL_LENGTH = 12
SERIAL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648 base32: no 0/1/8/9 to misread
_SERIAL_RE = re.compile(f"^[{SERIAL_ALPHABET}]{{{SERIAL_LENGTH}}}$")
_LAYOUT_ID_RE = re.compile(r"^[0-9a-f]{16}$")


class BallotKind(StrEnum):
    CONFIDENCE = "confidence"  # QĐ 96: three levels per person
    STRIKE_OUT = "strike-out"  # Party election: strike out the names not chosen
    APPROVAL = "approval"  # agree / disagree per person


PAPERS = ("a4", "a5")


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres from the page's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def as_list(self) -> list[float]:
        return [round(float(v), 3) for v in (self.x, self.y, self.w, self.h)]

    @classmethod
    def from_list(cls, value: Any) -> Box:
        x, y, w, h = (float(v) for v in value)
        return cls(x, y, w, h)


@dataclass(frozen=True)
class NameRow:
    order: int
    name: str
    position: str
    page: int
    row: Box  # the whole row
    name_box: Box  # where the name is printed (strike-out: the stroke is read here)
    boxes: dict[str, Box] = field(default_factory=dict)
    # confidence: {"high", "mid", "low"}; approval: {"agree", "disagree"}; strike-out: {}

    def as_dict(self) -> dict[str, Any]:
        return {
            "order": self.order,
            "name": self.name,
            "position": self.position,
            "page": self.page,
            "row": self.row.as_list(),
            "name_box": self.name_box.as_list(),
            "boxes": {k: b.as_list() for k, b in self.boxes.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NameRow:
        return cls(
            order=int(data["order"]),
            name=str(data["name"]),
            position=str(data["position"]),
            page=int(data["page"]),
            row=Box.from_list(data["row"]),
            name_box=Box.from_list(data["name_box"]),
            boxes={str(k): Box.from_list(v) for k, v in data["boxes"].items()},
        )


@dataclass(frozen=True)
class PageLayout:
    page: int  # 1-based page of the ballot
    width_mm: float
    height_mm: float
    marks: tuple[Box, ...]  # 4 solid squares: TL, TR, BR, BL
    code: Box  # the QR code (its modules, quiet zone excluded)
    rows: tuple[NameRow, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "width_mm": float(self.width_mm),
            "height_mm": float(self.height_mm),
            "marks": [m.as_list() for m in self.marks],
            "code": self.code.as_list(),
            "rows": [r.as_dict() for r in self.rows],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageLayout:
        return cls(
            page=int(data["page"]),
            width_mm=float(data["width_mm"]),
            height_mm=float(data["height_mm"]),
            marks=tuple(Box.from_list(m) for m in data["marks"]),
            code=Box.from_list(data["code"]),
            rows=tuple(NameRow.from_dict(r) for r in data["rows"]),
        )


@dataclass(frozen=True)
class Layout:
    layout_id: str  # random hex (16), also in the sheet code
    session: str  # "S<id>" from the web flow, "offline:<sha8 of names>" from the CLI
    kind: BallotKind
    seats: int | None  # strike-out: the number to elect
    title: str
    organization: str
    paper: str  # "a4" | "a5"
    pages: tuple[PageLayout, ...]

    @property
    def rows(self) -> tuple[NameRow, ...]:
        """Every person's row, in ballot order, across pages."""
        return tuple(r for p in self.pages for r in p.rows)

    def page(self, number: int) -> PageLayout:
        for p in self.pages:
            if p.page == number:
                return p
        raise ValidationError("paper_layout_page_unknown", page=number, pages=len(self.pages))

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": LAYOUT_VERSION,
            "layout_id": self.layout_id,
            "session": self.session,
            "kind": str(self.kind),
            "seats": self.seats,
            "title": self.title,
            "organization": self.organization,
            "paper": self.paper,
            "pages": [p.as_dict() for p in self.pages],
        }

    def to_json(self) -> str:
        """Canonical JSON (sorted keys, UTF-8 text, no spaces): the same layout, the same text."""
        return json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the canonical JSON."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    @classmethod
    def from_json(cls, text: str | bytes) -> Layout:
        """The layout in ``text``; a file of another version or not a layout is refused
        (``paper_layout_version``, ``paper_layout_invalid``)."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ValidationError("paper_layout_invalid", reason=str(exc)[:200]) from exc
        if not isinstance(data, dict):
            raise ValidationError("paper_layout_invalid", reason="not an object")
        version = data.get("version")
        if version != LAYOUT_VERSION:
            raise ValidationError(
                "paper_layout_version", version=str(version), expected=LAYOUT_VERSION
            )
        try:
            layout = cls(
                layout_id=str(data["layout_id"]),
                session=str(data["session"]),
                kind=BallotKind(data["kind"]),
                seats=None if data.get("seats") is None else int(data["seats"]),
                title=str(data["title"]),
                organization=str(data["organization"]),
                paper=str(data["paper"]),
                pages=tuple(PageLayout.from_dict(p) for p in data["pages"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError("paper_layout_invalid", reason=repr(exc)[:200]) from exc
        if not _LAYOUT_ID_RE.match(layout.layout_id) or not layout.pages:
            raise ValidationError("paper_layout_invalid", reason="layout_id or pages")
        return layout


# --- the sheet code -------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetCode:
    layout_id: str
    page: int
    serial: str


def new_layout_id() -> str:
    return secrets.token_hex(8)


def new_serial() -> str:
    """12 random base32 characters from :mod:`secrets` (60 bits): tied to no voter."""
    return "".join(secrets.choice(SERIAL_ALPHABET) for _ in range(SERIAL_LENGTH))


def _check(layout_id: str, page: int, serial: str) -> str:
    text = f"{CODE_PREFIX}|{layout_id}|{page}|{serial}"
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:6]


def code_payload(layout_id: str, page: int, serial: str) -> str:
    """The text of a sheet's QR code: ``CB1|<layout_id>|<page>|<serial>|<check>``."""
    return f"{CODE_PREFIX}|{layout_id}|{page}|{serial}|{_check(layout_id, page, serial)}"


def parse_code(text: str) -> SheetCode | None:
    """The fields of a sheet code, or None when it is not one of ours or its check fails."""
    parts = text.strip().split("|")
    if len(parts) != 5 or parts[0] != CODE_PREFIX:
        return None
    _, layout_id, page, serial, check = parts
    if not _LAYOUT_ID_RE.match(layout_id) or not _SERIAL_RE.match(serial):
        return None
    if not (page.isascii() and page.isdigit()) or int(page) < 1:
        return None
    if check != _check(layout_id, int(page), serial):
        return None
    return SheetCode(layout_id, int(page), serial)
