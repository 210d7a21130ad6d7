"""Read queries of the vote pages, each scoped to the actor (views never query models)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Max, QuerySet
from django.utils import timezone

from canbo.accounts import scope
from canbo.conferences.selectors import unit_name
from canbo.core.ballots.catalog import default_registry
from canbo.core.errors import NotFound
from canbo.core.types import AccountId, PersonId
from canbo.services.ports import Actor
from canbo.services.voting.ballot_box import key_fingerprint
from canbo.services.voting.ports import Status, SubjectData

from . import compiled, models, seals

SHOWN = (Status.CERTIFIED, Status.PUBLISHED)


@dataclass
class SessionPage:
    session: models.VoteSession
    subjects: list[models.VoteSubject]
    counters: list[str]
    versions: list[dict[str, Any]] = field(default_factory=list)
    issued: dict[str, int] = field(default_factory=dict)
    cast: int | None = None
    unit_name: str = ""
    key_fingerprint: str = ""
    rulebook: str = ""  # the document's name, e.g. "QĐ 96-QĐ/TW"
    committee: list[str] = field(default_factory=list)  # every member's full name, head first
    election: dict[str, Any] | None = None  # an election round: its ballot and latest tally


def session_for(actor: Actor, session_id: int) -> models.VoteSession:
    """The session if its conference's unit is in the actor's scope, else ``NotFound``."""
    row = models.VoteSession.objects.select_related("conference").filter(pk=session_id).first()
    if row is None or not scope.sees_conference(
        actor, row.conference.unit_id, row.conference.held_on
    ):
        raise NotFound("vote_not_found", session_id=session_id)
    return row


def subjects(session_id: int) -> list[models.VoteSubject]:
    return list(
        models.VoteSubject.objects.filter(session_id=session_id)
        .select_related("person")
        .order_by("person__sort_key", "person_id")
    )


def _usernames(ids: list[int]) -> dict[int, str]:
    users = get_user_model().objects.filter(pk__in=ids)
    return {u.pk: u.get_username() for u in users}


def session_page(actor: Actor, session_id: int) -> SessionPage:
    session = session_for(actor, session_id)
    counter_ids = list(
        models.CountingMember.objects.filter(session=session, user__isnull=False)
        .order_by("pk")
        .values_list("user_id", flat=True)
    )
    versions = list(
        models.ResultVersion.objects.filter(session=session).prefetch_related("signoffs")
    )
    names = _usernames(counter_ids)
    page = SessionPage(session, subjects(session_id), [names[i] for i in counter_ids])
    page.committee = [m["full_name"] or "…" for m in committee(session, set())]
    page.versions = [
        {
            "number": v.number,
            "reason": v.reason,
            "certified": v.certified,
            "signed": [names.get(s.user_id, "?") for s in v.signoffs.all()],
        }
        for v in versions
    ]
    for medium in models.Participation.objects.filter(session=session).values_list(
        "medium", flat=True
    ):
        page.issued[medium] = page.issued.get(medium, 0) + 1
    if session.status == Status.CLOSED:
        page.cast = models.SealedBallot.objects.filter(session=session).count()
    elif session.status not in (Status.DRAFT, Status.READY, Status.OPEN):
        page.cast = models.Ballot.objects.filter(session=session).count()
    if session.ballot_key:
        page.key_fingerprint = key_fingerprint(session.ballot_key)
    page.rulebook = default_registry().get(session.rulebook_id).document
    params = session.parameters or {}
    if params.get("ballot_kind"):
        latest = versions[-1].data if versions else None
        sealed = seals.is_sealed(session.pk)
        page.election = {
            "ballot_kind": params["ballot_kind"],
            "seats": params.get("seats"),
            "alternate_seats": params.get("alternate_seats", 0),
            "ballot_title": str(params.get("ballot_title", "")),
            "tally": None if sealed else latest,
            "sealed": sealed,
        }
    return page


def account_ids(usernames: list[str]) -> tuple[list[AccountId], list[str]]:
    found = dict(
        get_user_model().objects.filter(username__in=usernames).values_list("username", "pk")
    )
    ids = [AccountId(found[u]) for u in usernames if u in found]
    return ids, [u for u in usernames if u not in found]


def latest_version(session: models.VoteSession, *, certified: bool) -> models.ResultVersion | None:
    qs = models.ResultVersion.objects.filter(session=session)
    if certified:
        qs = qs.filter(certified=True)
    return qs.order_by("-number").first()


def certified_results(conference_id: int) -> list[dict[str, Any]]:
    """Results shown on the projector: the latest certified version of each certified vote."""
    out = []
    sessions = models.VoteSession.objects.filter(conference_id=conference_id, status__in=SHOWN)
    for session in sessions.order_by("pk"):
        version = latest_version(session, certified=True)
        if version is not None and version.data.get("kind") != "election":
            out.append({"title": session.title, "number": version.number, "data": version.data})
    return out


def published_receipts(session_id: int) -> tuple[models.VoteSession, list[str]]:
    """The public list of electronic ballots (receipts, sorted) once the vote is published."""
    session = models.VoteSession.objects.filter(pk=session_id, status=Status.PUBLISHED).first()
    if session is None:
        raise NotFound("vote_not_found", session_id=session_id)
    ballots = models.Ballot.objects.filter(session=session).order_by("receipt")
    return session, list(ballots.values_list("receipt", flat=True))


def person_history(actor: Actor, person_id: PersonId) -> list[dict[str, Any]]:
    """A person's certified confidence results over the years, newest first (CV-05, CV-20).

    One line per place and vote: results from two places are listed, never merged (CV-05).
    """
    latest = (
        models.ResultVersion.objects.filter(certified=True, session__status__in=SHOWN)
        .values("session_id")
        .annotate(n=Max("number"))
    )
    wanted = {(v["session_id"], v["n"]) for v in latest}
    lines = (
        models.ResultLine.objects.filter(person_id=person_id, version__certified=True)
        .select_related("version__session__conference")
        .order_by("-version__session__conference__held_on")
    )
    rows = []
    for line in lines:
        version = line.version
        conf = version.session.conference
        if (version.session_id, version.number) not in wanted:
            continue
        if not scope.sees_conference(actor, conf.unit_id, conf.held_on):
            continue
        data = next(p for p in version.data["persons"] if p["person_id"] == int(person_id))
        rows.append(
            {
                "year": conf.held_on.year,
                "held_on": conf.held_on,
                "conference": conf.title,
                "session": version.session.title,
                "session_id": version.session_id,
                "version": version.number,
                "line": data,
            }
        )
    return rows


def plan_initial(session: models.VoteSession) -> dict[str, Any]:
    """The edit form's initial values, in the same text format the form parses."""
    lines = [f"{s.person.code} | {s.position}" for s in subjects(session.pk)]
    counters = list(
        models.CountingMember.objects.filter(session=session)
        .select_related("person")
        .order_by("pk")
    )
    names = _usernames([c.user_id for c in counters if c.user_id is not None])
    return {
        "title": session.title,
        "subjects": "\n".join(lines),
        "committee": [c.person_id for c in counters if c.person_id is not None],
        "committee_head": next((c.person_id for c in counters if c.is_head), None),
        "counters": "\n".join(
            names[c.user_id] + (f" | {c.person.code}" if c.person else "")
            for c in counters
            if c.user_id is not None
        ),
        "paper_mode": session.paper_mode,
        "dossier_sent_on": session.dossier_sent_on,
        "questions_sent_on": session.questions_sent_on,
        "members_in_office": session.members_in_office,
    }


def entered_serials(session_id: int, operator: int) -> list[int]:
    rows = models.PaperEntry.objects.filter(session_id=session_id, operator=operator)
    return list(rows.order_by("serial").values_list("serial", flat=True))


@dataclass(frozen=True, slots=True)
class VoterSession:
    """What the voter's pages show of a session: its title, whether it is open, and for an
    election its ballot (kind and number to elect)."""

    pk: int
    title: str
    status: str
    ballot_kind: str = ""
    seats: int = 0
    ballot_title: str = ""  # an appointment step's ballot title; empty: an election ballot

    @property
    def is_election(self) -> bool:
        return bool(self.ballot_kind)


def _params(value: Any) -> dict[str, Any]:
    """A JSON column as read by a raw query (text on some drivers, decoded on others)."""
    if isinstance(value, str | bytes):
        value = json.loads(value)
    return value if isinstance(value, dict) else {}


def _voter_session_query(session_id: int) -> QuerySet[Any]:
    rows = models.VoteSession.objects.filter(pk=session_id).values_list(
        "title", "status", "parameters"
    )
    return rows[:1]


def _ballot_lines_query(session_id: int) -> QuerySet[Any]:
    return (
        models.VoteSubject.objects.filter(session_id=session_id)
        .order_by("person__sort_key", "person_id")
        .values_list("person_id", "person__full_name", "position")
    )


def voter_session(session_id: int) -> VoterSession:
    """The session a voter opens, without its conference (the voter pages need no more).

    A draft is not public: it answers exactly as a session that does not exist."""
    rows = compiled.rows("voter_session", _voter_session_query, (0,), session_id)
    if not rows or rows[0][1] == Status.DRAFT:
        raise NotFound("vote_not_found", session_id=session_id)
    title, status, raw = rows[0]
    params = _params(raw)
    kind = str(params.get("ballot_kind", ""))
    # The voter may keep as many names as are elected from the ballot: on a delegates' list,
    # official and alternate seats together (EL-36).
    keep = int(params.get("seats", 0) or 0) + int(params.get("alternate_seats", 0) or 0)
    return VoterSession(session_id, title, status, kind, keep, str(params.get("ballot_title", "")))


def ballot_lines(session_id: int) -> list[SubjectData]:
    """The printed lines of the ballot in official order (given name, middle, family; CV-12)."""
    rows = compiled.rows("ballot_lines", _ballot_lines_query, (0,), session_id)
    return [SubjectData(PersonId(p), name, position) for p, name, position in rows]


def minutes_data(actor: Actor, session_id: int) -> dict[str, Any]:
    """Everything the minutes and the export print, from the latest result version."""
    session = session_for(actor, session_id)
    version = latest_version(session, certified=False)
    if version is None or (session.parameters or {}).get("ballot_kind"):
        # An election round has no confidence minutes; the election prints its own.
        raise NotFound("result_not_found", session_id=session_id)
    conf = session.conference
    page = session_page(actor, session_id)
    signed = set(version.signoffs.values_list("user_id", flat=True))
    return {
        "session": session,
        "conference": conf,
        "version": version,
        "data": version.data,
        "unit_name": unit_name(conf.unit_id, conf.held_on),
        "issued": page.issued,
        "committee": committee(session, signed),
        "counted_at": counted_at(session.pk),
        "counting_place": counting_place(conf),
    }


def committee(session: models.VoteSession, signed: set[int]) -> list[dict[str, Any]]:
    """The counting committee as the minutes print it, head first (FRM-01): each member's
    full name, from the registry person the member is, else the account's full name; a member
    with neither prints an empty name to write by hand, never the login name."""
    rows = (
        models.CountingMember.objects.filter(session=session)
        .select_related("person", "user")
        .order_by("-is_head", "pk")
    )
    return [
        {
            "full_name": (
                r.person.full_name if r.person else r.user.get_full_name() if r.user else ""
            ).strip(),
            "is_head": r.is_head,
            "signed": r.user_id in signed,
        }
        for r in rows
    ]


def counted_at(session_id: int) -> dt.datetime | None:
    """When the ballots were counted (the audit entry of the count, local time)."""
    from canbo.audit.models import AuditEntry

    at = (
        AuditEntry.objects.filter(action="vote.count", object_type="vote", object_id=session_id)
        .order_by("seq")
        .values_list("at", flat=True)
        .first()
    )
    return timezone.localtime(at) if at else None


def counting_place(conference: Any) -> str:
    """Where the count took place: the conference's main site (its first) and its place name."""
    site = conference.sites.order_by("pk").values_list("name", flat=True).first()
    return ", ".join(p for p in (site, conference.place) if p)


def full_names(usernames: list[str]) -> list[str]:
    """Display names of counting members (full name if the account has one)."""
    users = {u.get_username(): u for u in get_user_model().objects.filter(username__in=usernames)}
    return [(users[n].get_full_name() or n) if n in users else n for n in usernames]
