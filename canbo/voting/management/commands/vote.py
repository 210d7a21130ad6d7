"""``canbo vote``: run a conference and a confidence vote from the command line.

Every step of the web pages has a verb here, calling the same services (docs/voting.md):
``conference-create``, ``site-add``, ``agenda``, ``convene``, ``session-create``, ``checkin``,
``slips``, ``key``, ``ready``, ``open``, ``cast``, ``close``, ``paper``, ``resolve``, ``totals``,
``count``, ``sign``, ``publish``, ``correct``, ``status``, ``results``, ``minutes``. Output is
one JSON document on stdout; a refusal is printed on stderr with its code and the command exits
with status 2.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.accounts.actors import actor_for
from canbo.conferences import selectors as conf_sel
from canbo.core.errors import DomainError, NotFound, ValidationError
from canbo.core.types import PersonId
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import ballot_box
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as svc
from canbo.services.voting.ports import (
    ConferenceData,
    ConferenceId,
    ElectionTotals,
    LineReading,
    Medium,
    PaperMode,
    PaperReading,
    PaperTotals,
    PersonTotals,
    SessionId,
    SiteId,
)
from canbo.voting import selectors
from canbo.voting.exports import minutes_pdf, results_xlsx
from canbo.voting.refusals import message
from canbo.voting.uow import DjangoVotingUnitOfWork as U

EXIT_REFUSED = 2
STEPS = {
    "ready": svc.mark_ready,
    "open": svc.open_vote,
    "close": svc.close_vote,
    "sign": count_svc.sign,
    "publish": count_svc.publish,
}


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _add_parsers(parser: CommandParser) -> None:
    sub = parser.add_subparsers(dest="verb", required=True)
    p = sub.add_parser("conference-create")
    p.add_argument("--unit", required=True, help="unit code")
    p.add_argument("--title", required=True)
    p.add_argument(
        "--body", default="party", choices=["party", "national_assembly", "peoples_council"]
    )
    p.add_argument("--date", required=True, type=_date)
    p.add_argument("--place", default="")
    p = sub.add_parser("site-add")
    p.add_argument("--conference", type=int, required=True)
    p.add_argument("--name", required=True)
    p = sub.add_parser("agenda")
    p.add_argument("--conference", type=int, required=True)
    p.add_argument("items", nargs="+")
    p = sub.add_parser("convene")
    p.add_argument("--conference", type=int, required=True)
    p.add_argument("persons", nargs="+", help="person codes")
    _add_vote_parsers(sub)


def _add_vote_parsers(sub: Any) -> None:
    p = sub.add_parser("session-create")
    p.add_argument("--conference", type=int, required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--subject", action="append", default=[], help="CODE=position")
    p.add_argument("--counter", action="append", default=[], help="username")
    p.add_argument("--paper-mode", default="per_ballot", choices=[m.value for m in PaperMode])
    p.add_argument("--dossier-sent", type=_date)
    p.add_argument("--questions-sent", type=_date)
    p.add_argument("--members-in-office", type=int)
    p = sub.add_parser("checkin")
    p.add_argument("--site", type=int, required=True)
    p.add_argument("--person", help="person code")
    p.add_argument("--qr", help="token printed on the invitation")
    p.add_argument("--paper", action="store_true")
    p.add_argument("--preprinted", action="store_true", help="hand a pre-printed code slip")
    p = sub.add_parser("slips")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--reason", default="", help="why more slips than persons convened")
    p = sub.add_parser("key", help="the counting committee's key: prints one share per member")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--threshold", type=int, help="shares needed at counting (default: majority)")
    _add_count_parsers(sub)


def _add_count_parsers(sub: Any) -> None:
    p = sub.add_parser("cast")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--code", required=True)
    p.add_argument(
        "--mark",
        action="append",
        default=[],
        help="PERSONCODE=high|mid|low; on an election ballot PERSONCODE=struck|agree|disagree",
    )
    for name in (*STEPS, "status", "results"):
        sub.add_parser(name).add_argument("--session", type=int, required=True)
    p = sub.add_parser("count")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--share", action="append", default=[], help="a committee member's key share")
    p.add_argument("--shares-file", type=Path, help="key shares, one per line")
    p.add_argument(
        "--conclusion",
        action="append",
        default=[],
        help="election: the committee's conclusion on referred ballots, "
        "CODE=invalid|valid_not_counted (e.g. no_box_marked=invalid)",
    )
    for name in ("paper", "resolve", "correct"):
        p = sub.add_parser(name)
        p.add_argument("--session", type=int, required=True)
        p.add_argument("--serial", type=int)
        p.add_argument("--operator", type=int, default=1)
        p.add_argument("--line", action="append", default=[], help="PERSONCODE=reading")
        p.add_argument("--not-issued", action="store_true")
        p.add_argument("--collected", type=int)
        p.add_argument("--reason", default="")
    p = sub.add_parser("totals")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--collected", type=int, required=True)
    p.add_argument("--line", action="append", default=[], help="PERSONCODE=high,mid,low,invalid")
    p = sub.add_parser("election-totals", help="manual count of an election's paper ballots")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--valid", type=int, required=True)
    p.add_argument("--invalid", type=int, required=True)
    p.add_argument("--line", action="append", default=[], help="PERSONCODE=VOTES")
    p = sub.add_parser("minutes")
    p.add_argument("--session", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--xlsx", type=Path)


def _person_ids(codes: list[str]) -> list[PersonId]:
    ids, unknown = conf_sel.person_ids_for_codes(codes)
    if unknown:
        raise ValidationError("person_not_found", codes=unknown)
    return ids


def _pairs(items: list[str]) -> dict[PersonId, str]:
    pairs = [item.split("=", 1) for item in items]
    if any(len(p) != 2 for p in pairs):
        raise ValidationError("form_invalid", expected="CODE=VALUE")
    ids = _person_ids([p[0].strip() for p in pairs])
    return dict(zip(ids, [p[1].strip() for p in pairs], strict=True))


def _reading(o: dict[str, Any]) -> PaperReading:
    lines = {int(k): LineReading(v) for k, v in _pairs(o["line"]).items()}
    return PaperReading(o["serial"], lines, o["not_issued"])


def _totals(o: dict[str, Any]) -> PaperTotals:
    counts = {
        int(k): PersonTotals(*(int(x) for x in v.split(","))) for k, v in _pairs(o["line"]).items()
    }
    return PaperTotals(o["collected"], counts)


class Command(BaseCommand):
    help = "Run a conference and a confidence vote."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as", dest="as_user", help="act as this account (username)")
        _add_parsers(parser)

    def handle(self, *args: Any, **o: Any) -> None:
        try:
            out = getattr(self, "do_" + o["verb"].replace("-", "_"))(self._actor(o), o)
        except DomainError as exc:
            fields = json.dumps(exc.as_dict(), ensure_ascii=False, default=str)
            self.stderr.write(f"{message(exc)}\n{fields}")
            raise CommandError(exc.code, returncode=EXIT_REFUSED) from None
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=1, default=str))

    def _actor(self, o: dict[str, Any]) -> Actor:
        if not o.get("as_user"):
            return SYSTEM
        user = get_user_model().objects.filter(username=o["as_user"]).first()
        if user is None:
            raise CommandError(f"no such account: {o['as_user']}")
        return actor_for(user)

    def do_conference_create(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        unit = conf_sel.unit_id_for_code(o["unit"])
        if unit is None:
            raise ValidationError("unit_not_found", unit_code=o["unit"])
        data = ConferenceData(unit, o["title"], o["body"], o["date"], o["place"])
        return {"conference": conf_svc.create_conference(U(), actor, data)}

    def do_site_add(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        cid = ConferenceId(o["conference"])
        return {"site": conf_svc.add_site(U(), actor, cid, o["name"])}

    def do_agenda(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        conf_svc.set_agenda(U(), actor, ConferenceId(o["conference"]), o["items"])
        return {"agenda": o["items"]}

    def do_convene(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        ids = _person_ids(o["persons"])
        return {"added": conf_svc.convene(U(), actor, ConferenceId(o["conference"]), ids)}

    def do_session_create(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        accounts, missing = selectors.account_ids(o["counter"])
        if missing:
            raise ValidationError("person_not_found", usernames=missing)
        plan = svc.SessionPlan(
            o["title"],
            list(_pairs(o["subject"]).items()),
            accounts,
            PaperMode(o["paper_mode"]),
            o["dossier_sent"],
            o["questions_sent"],
            o["members_in_office"],
        )
        return {"session": svc.create_session(U(), actor, ConferenceId(o["conference"]), plan)}

    def do_checkin(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        person = _person_ids([o["person"]])[0] if o["person"] else None
        medium = Medium.PAPER if o["paper"] else Medium.ELECTRONIC
        r = conf_svc.check_in(
            U(),
            actor,
            SiteId(o["site"]),
            person_id=person,
            qr_token=o["qr"],
            medium=medium,
            preprinted=o["preprinted"],
        )
        codes = [{"session": c.session_id, "code": c.code} for c in r.codes]
        return {
            "person": r.full_name,
            "codes": codes,
            "paper": list(r.paper_sessions),
            "slips": list(r.slip_sessions),
        }

    def do_slips(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        codes = svc.print_slips(U(), actor, SessionId(o["session"]), o["count"], o["reason"])
        return {"codes": sorted(codes)}

    def do_key(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        key = svc.make_ballot_key(U(), actor, SessionId(o["session"]), o["threshold"])
        names = selectors.session_page(actor, o["session"]).counters
        return {
            "fingerprint": ballot_box.key_fingerprint(key.public_key),
            "threshold": key.threshold,
            "shares": [
                {"member": name, "share": share}
                for name, share in zip(names, key.shares, strict=True)
            ],
        }

    def do_cast(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        marks = {int(k): v for k, v in _pairs(o["mark"]).items()}
        return {"receipt": svc.cast_ballot(U(), SessionId(o["session"]), o["code"], marks)}

    def _step(self, name: str, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        STEPS[name](U(), actor, SessionId(o["session"]))
        return self.do_status(actor, o)

    def do_ready(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        return self._step("ready", actor, o)

    def do_open(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        return self._step("open", actor, o)

    def do_close(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        return self._step("close", actor, o)

    def do_count(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        shares = list(o["share"])
        if o["shares_file"] is not None:
            shares += o["shares_file"].read_text(encoding="utf-8").splitlines()
        pairs = [c.split("=", 1) for c in o["conclusion"]]
        if any(len(p) != 2 for p in pairs):
            raise ValidationError("form_invalid", expected="CODE=CONCLUSION")
        conclusions = {k.strip(): v.strip() for k, v in pairs}
        count_svc.count(U(), actor, SessionId(o["session"]), shares, conclusions)
        return self.do_status(actor, o)

    def do_sign(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        return self._step("sign", actor, o)

    def do_publish(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        return self._step("publish", actor, o)

    def do_paper(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        sid = SessionId(o["session"])
        agreed = count_svc.enter_paper_ballot(U(), actor, sid, o["operator"], _reading(o))
        return {
            "serial": o["serial"],
            "agreed": agreed,
            "discrepancies": [d.serial for d in count_svc.discrepancies(U(), sid)],
        }

    def do_resolve(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        count_svc.resolve(U(), actor, SessionId(o["session"]), _reading(o))
        return {"resolved": o["serial"]}

    def do_totals(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        count_svc.enter_totals(U(), actor, SessionId(o["session"]), _totals(o))
        return {"collected": o["collected"]}

    def do_election_totals(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        votes = {int(k): int(v) for k, v in _pairs(o["line"]).items()}
        totals = ElectionTotals(o["valid"], o["invalid"], votes)
        count_svc.enter_election_totals(U(), actor, SessionId(o["session"]), totals)
        return {"collected": totals.collected}

    def do_correct(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if o["collected"] is not None:
            extra["totals"] = _totals(o)
        else:
            extra["readings"] = (_reading(o),)
        number = count_svc.correct(U(), actor, SessionId(o["session"]), o["reason"], **extra)
        return {"version": number}

    def do_status(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        page = selectors.session_page(actor, o["session"])
        s = page.session
        issues = []
        if s.status == "draft":
            issues = [i.code for i in svc.check_readiness(U(), actor, SessionId(s.pk))]
        return {
            "session": s.pk,
            "status": s.status,
            "issued": page.issued,
            "cast": page.cast,
            "issues": issues,
            "versions": page.versions,
        }

    def do_results(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        page = selectors.session_page(actor, o["session"])
        if page.election is not None:  # an election round: its tally (docs/voting.md)
            if page.election["tally"] is None:
                raise NotFound("result_not_found", session_id=o["session"])
            return dict(page.election["tally"])
        return dict(selectors.minutes_data(actor, o["session"])["data"])

    def do_minutes(self, actor: Actor, o: dict[str, Any]) -> dict[str, Any]:
        data = selectors.minutes_data(actor, o["session"])
        o["out"].write_bytes(minutes_pdf(data))
        if o["xlsx"]:
            o["xlsx"].write_bytes(results_xlsx(data))
        return {"minutes": str(o["out"]), "xlsx": str(o["xlsx"]) if o["xlsx"] else None}
