"""The voter's code page and receipt page, rendered once per process, and the cast's parser.

The voter pages carry no CSRF token, no session and no login (``voter_views``), so the code
page of a session is the same bytes for every voter, and the receipt page differs only by the
receipt. Both are kept in process memory: the code page keyed by session, language, title and
status (the status is read on every request, so a page never outlives a status change), the
receipt page as the rendered template with the receipt's two places cut out. Nothing about a
voter is kept: a page with a query string (``?ma=`` pre-fills the code) is never stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language

from canbo.core.errors import Citation
from canbo.services.voting import election
from canbo.services.voting.ports import ElectionBallotKind, SubjectData
from canbo.services.voting.voter_codes import grouped

from . import forms, selectors

LIMIT = 256  # pages kept per process; the store is emptied when full
LEVELS = frozenset(value for value, _label in forms.LEVEL_CHOICES)
CODE_MAX = getattr(forms.CodeForm.base_fields["code"], "max_length", None) or 32
SLOT = "\x01"  # stands for the receipt while the receipt page is rendered once
SAMPLE = "ABCD2345EFGH"
_pages: dict[tuple[Any, ...], Any] = {}


def _kept(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    value = _pages.get(key)
    if value is None:
        value = build()
        if len(_pages) >= LIMIT:
            _pages.clear()
        _pages[key] = value
    return value


def code_page(request: HttpRequest, sid: int) -> HttpResponse:
    """The page where a voter types the code; says so when the vote is not open (CV-12)."""
    session = selectors.voter_session(sid)
    if request.GET:
        form = forms.CodeForm(initial={"code": request.GET.get("ma", "")})
        return render(request, "voting/vote_code.html", {"s": session, "form": form})
    key = ("code", sid, get_language(), session.title, session.status)
    context = {"s": session, "form": forms.CodeForm()}
    body = _kept(key, lambda: render_to_string("voting/vote_code.html", context, request))
    return HttpResponse(body)


def _receipt_parts(request: HttpRequest) -> tuple[str, ...] | None:
    """The receipt page split around the receipt (shown raw, then grouped), or ``None`` if
    the template does not render that way (then every receipt page is rendered)."""
    parts = tuple(
        render_to_string("voting/vote_receipt.html", {"receipt": SLOT}, request).split(SLOT)
    )
    sample = render_to_string("voting/vote_receipt.html", {"receipt": SAMPLE}, request)
    return parts if len(parts) == 3 and _fill(parts, SAMPLE) == sample else None


def _fill(parts: Sequence[str], receipt: str) -> str:
    return parts[0] + escape(receipt) + parts[1] + escape(grouped(receipt)) + parts[2]


def receipt_page(request: HttpRequest, receipt: str) -> HttpResponse:
    """The receipt the voter keeps to find the ballot on the published list (CV-21)."""
    if request.GET:
        return render(request, "voting/vote_receipt.html", {"receipt": receipt})
    key = ("receipt", request.path, get_language())
    parts = _kept(key, lambda: _receipt_parts(request) or ())
    if not parts:
        return render(request, "voting/vote_receipt.html", {"receipt": receipt})
    return HttpResponse(_fill(parts, receipt))


def parse_cast(
    post: Mapping[str, str], lines: Sequence[SubjectData]
) -> tuple[str, dict[int, str]] | None:
    """The code and one level per printed line of a cast, as ``BallotForm`` would clean
    them, or ``None`` when the form would refuse (the form then shows its errors).

    Every line must carry exactly one of the three levels (CV-12); fields for persons not on
    the ballot are ignored, as by the form; the service checks the lines again.
    """
    code = post.get("code", "").strip()
    if not code or len(code) > CODE_MAX or "\x00" in code:
        return None
    marks: dict[int, str] = {}
    for line in lines:
        level = post.get(f"p{line.person_id}")
        if level not in LEVELS:
            return None
        marks[line.person_id] = level
    return code, marks


APPROVAL_CHOICES = ("agree", "disagree")


def parse_election_cast(
    post: Mapping[str, str], lines: Sequence[SubjectData]
) -> tuple[str, dict[int, str]] | None:
    """The code and the marks of an election ballot: ``x<id>`` crosses a name out,
    ``p<id>`` is agree or disagree; a name left alone is kept (or has no box marked). The
    service checks the marks against the session's ballot."""
    code = post.get("code", "").strip()
    if not code or len(code) > CODE_MAX or "\x00" in code:
        return None
    marks: dict[int, str] = {}
    for line in lines:
        pid = int(line.person_id)
        if post.get(f"x{pid}"):
            marks[pid] = "struck"
        choice = post.get(f"p{pid}")
        if choice in APPROVAL_CHOICES:
            marks[pid] = choice
    return code, marks


def election_ballot(
    session: Any, lines: Sequence[SubjectData], post: Mapping[str, str]
) -> dict[str, Any]:
    """What the election ballot page shows: each name with its mark, the names kept (or
    agreed) against the number to elect, and the warning of an invalid ballot (EL-16)."""
    kind = ElectionBallotKind(session.ballot_kind)
    spec = election.ElectionSpec(kind, session.seats)
    rows = []
    for line in lines:
        pid = int(line.person_id)
        struck = bool(post.get(f"x{pid}")) if kind is ElectionBallotKind.STRIKE_OUT else False
        choice = post.get(f"p{pid}", "")
        rows.append(
            {
                "id": pid,
                "name": line.full_name,
                "struck": struck,
                "choice": choice if choice in APPROVAL_CHOICES else "",
            }
        )
    if kind is ElectionBallotKind.STRIKE_OUT:
        kept = sum(1 for r in rows if not r["struck"])
    else:
        kept = sum(1 for r in rows if r["choice"] == "agree")
    found = election.warning(spec, len(rows), kept)
    cite: Citation | None = found.citation if found else None
    return {
        "kind": str(kind),
        "strike_out": kind is ElectionBallotKind.STRIKE_OUT,
        "rows": rows,
        "kept": kept,
        "seats": spec.seats,
        "candidates": len(rows),
        "warning": found.code if found else "",
        "citation": cite,
        "kept_rows": [r for r in rows if not r["struck"]] if rows else [],
    }
