"""The access matrix: every role, inside and outside the object's scope, against every URL.

The URL patterns are enumerated from the resolver, so a new page or endpoint is in the matrix
the day it is added (a new path parameter fails :func:`test_every_path_parameter_is_filled`
until the matrix knows which object to put in it). For every actor and every pattern, with the
path filled with a real object and with a missing id, GET and POST (and PATCH where the API has
it), the matrix asserts:

- an actor who may not read the object (a grant outside its scope, no grant, anonymous) gets
  exactly the answer a missing id gets: same status, same redirect, same body once the path and
  the CSRF token are taken out;
- a write by an actor outside the object's scope, or inside it without a role the write needs,
  changes nothing: every table (the audit chain included) has the same rows before and after;
- a read answers the same on the pages and on the API for the same object.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from canbo.accounts.models import RoleGrant
from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.types import AccountId, PersonId, Role, UnitId, UnitKind
from canbo.registry.models import OrgUnit, Person
from canbo.services.classification import cycle as cycle_svc
from canbo.services.elections.ports import CongressId
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import ConferenceData
from canbo.voting.uow import DjangoVotingUnitOfWork
from tests import factories as f
from tests.integration import voting_builders as vb

pytestmark = pytest.mark.django_db

MISSING = 987_654_321
HELD_ON = dt.date(2026, 11, 20)
CYCLE_AS_OF = dt.date(2025, 12, 31)
GRANT_FROM = dt.date(2020, 1, 1)
WRITE = {Role.ADMIN, Role.ORG_STAFF}
STAFF = WRITE | {Role.COUNTING_COMMITTEE}
STEP_TAKERS = {Role.CELL_SECRETARY, Role.ORG_STAFF}
NOBODY: set[Role] = set()

# Which roles (over a subtree holding the object) may write through each URL: written out
# here, independently of canbo.core.permissions, so the two are checked against each other.
# A URL not listed is still in the matrix (scope and missing-alike checks); only the
# "inside the scope without the role" check needs this table.
WRITERS: dict[str, set[Role]] = {
    "api:units": WRITE,
    "api:unit-versions": WRITE,
    "api:people": WRITE,
    "api:person": WRITE,
    "api:person-transfer": WRITE,
    "api:classification-open": {Role.ORG_STAFF},
    "api:classification-compute": {Role.ORG_STAFF, Role.ADMIN},
    "api:classification-publish": {Role.STANDING_COMMITTEE},
    "api:classification-quota": {Role.STANDING_COMMITTEE},
    "api:classification-step": STEP_TAKERS,
    "classification:open": {Role.ORG_STAFF},
    "classification:compute": {Role.ORG_STAFF, Role.ADMIN},
    "classification:publish": {Role.STANDING_COMMITTEE},
    "classification:resolve_quota": {Role.STANDING_COMMITTEE},
    "classification:step": STEP_TAKERS,
    "classification:upload": STEP_TAKERS,
    "conferences:list": WRITE,
    "conferences:agenda": WRITE,
    "conferences:add_site": WRITE,
    "conferences:convene": WRITE,
    "conferences:invitations": WRITE,  # the QR on an invitation checks a delegate in
    "conferences:show_item": STAFF,
    "conferences:checkin": STAFF,
    "congresses:overview": WRITE,
    "congresses:committee": WRITE,
    "congresses:roll": WRITE,
    "congresses:delegates": WRITE,
    "congresses:not_convened": WRITE,
    "congresses:accept_out": WRITE,
    "congresses:fix": WRITE,
    "congresses:open": WRITE,
    "congresses:close": WRITE,
    "congresses:body": WRITE,
    "congresses:credentials": WRITE,
    "congresses:subtract": WRITE,
    "congresses:accept_lines": WRITE,
    "congresses:unsubtract": WRITE,
    "congresses:convene_again": WRITE,
    # The elections of a congress are run by those who run its conference; the approval
    # (chuẩn y) by those who write records over the unit above the congress's.
    "elections:list": WRITE,
    "elections:add_candidate": WRITE,
    "elections:withdraw": WRITE,
    "elections:opinion": WRITE,
    "elections:approve_list": WRITE,
    "elections:start_round": WRITE,
    "elections:record_result": WRITE,
    "elections:close": WRITE,
    "elections:step": WRITE,
    "elections:sign": WRITE,
    "elections:approve": WRITE,
    "voting:create": WRITE,
    "voting:edit": WRITE,
    "voting:action": WRITE,
    "voting:slips": WRITE,
    "voting:hand_out": STAFF,  # the codes or ballots of a round opened after check-in
    # Counting-committee work is for the members named on the session, not for a role.
    "voting:paper": NOBODY,
    "voting:totals": NOBODY,
    "voting:discrepancies": NOBODY,
    "voting:correction": NOBODY,
    "voting:key": NOBODY,
    "voting:count": NOBODY,
    "programme:create": WRITE,
    "programme:progress": WRITE,
    "programme:status": WRITE,
    "programme:document": WRITE,
    "surveys:form_new": WRITE,
    "surveys:request_new": WRITE,
    "surveys:remind": WRITE,
    "surveys:fill": WRITE | {Role.CELL_SECRETARY},
    "surveys:upload": WRITE | {Role.CELL_SECRETARY},
    "bundles:export": WRITE,
    "bundles:upload": WRITE,
    "bundles:register": {Role.ADMIN},
    "bundles:revoke": {Role.ADMIN},
}

# Reads that the pages and the API both answer, with the same path parameters.
WEB_API_PAIRS = [
    ("web:unit", "api:unit"),
    ("web:children", "api:unit-children"),
    ("web:person", "api:person"),
    ("classification:cycle", "api:classification-quota"),
    ("classification:unit", "api:classification-subjects"),
    ("classification:stats", "api:classification-stats"),
    ("classification:subject", "api:classification-subject"),
]

# Public by design (login, language, the voter's pages): the draft-session rule of the voter
# pages has its own test below.
VOTER_PAGES = {"voting:vote", "voting:ballots", "voting:language"}
SESSION_PAGES = {"web:login", "web:totp_verify", "web:totp_setup", "web:logout", "set_language"}

# Tables a request may touch without changing a record: the session store.
VOLATILE_TABLES = {"django_session"}

CSRF = re.compile(r"(csrfmiddlewaretoken\" value=\"|X-CSRFToken\": \")[A-Za-z0-9]+")


# The world ------------------------------------------------------------------------------------


@dataclass
class World:
    """Province P (with a commune, two cells, people, a conference, a draft vote and a
    classification cycle) and province Q, the scope outside it."""

    province: UnitId
    other_province: UnitId
    commune: UnitId
    cell_a: UnitId
    cell_b: UnitId
    people: list[PersonId]
    unit_code: str
    person_code: str
    conference: int
    site: int
    session: int
    cycle: int
    subject: int
    objects: dict[str, int] = field(default_factory=dict)
    candidates: list[int] = field(default_factory=list)


def _staff(root: UnitId) -> Actor:
    return Actor(AccountId(1), "btc", (Grant(Role.ORG_STAFF, root),))


def build_world() -> World:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Lai Châu", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    other = f.unit("Đảng bộ tỉnh Điện Biên", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    f.unit("Đảng bộ xã Mường Phăng", UnitKind.COMMUNE_PARTY_COMMITTEE, other)
    commune = f.unit("Đảng bộ xã Sìn Hồ", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell_a = f.unit("Chi bộ bản Nậm Tăm", UnitKind.CELL, commune)
    cell_b = f.unit("Chi bộ bản Pa Tần", UnitKind.CELL, commune)
    people = [f.person(name, cell_a) for name in vb.NAMES[:5]]
    counters = [vb.counter(f"kiem-phieu-{i}", commune) for i in (1, 2)]
    uow = DjangoVotingUnitOfWork
    data = ConferenceData(commune, "Hội nghị Ban Chấp hành Đảng bộ xã", "party", HELD_ON, "Sìn Hồ")
    cid = conf_svc.create_conference(uow(), SYSTEM, data)
    conf_svc.set_agenda(uow(), SYSTEM, cid, ["Khai mạc", "Lấy phiếu tín nhiệm"])
    site = conf_svc.add_site(uow(), SYSTEM, cid, "Hội trường Đảng ủy xã")
    conf_svc.convene(uow(), SYSTEM, cid, people)
    sid = vote_svc.create_session(uow(), SYSTEM, cid, vb.plan(people[:2], counters))
    uow = DjangoClassificationUnitOfWork
    cycle = cycle_svc.open_cycle(
        uow(), _staff(province), 2025, province, CYCLE_AS_OF, "Xếp loại 2025"
    )
    from canbo.classification.models import CycleSubject

    subject = CycleSubject.objects.get(cycle_id=cycle, person_id=people[0]).pk
    from canbo.congresses.uow import DjangoCongressUnitOfWork
    from canbo.core.elections.model import CongressKind
    from canbo.services.congresses import congress as congress_svc
    from canbo.services.congresses.ports import CongressData

    opens = dt.date(2025, 5, 10)
    meeting = CongressData(cell_a, "", "2025–2030", CongressKind.CELL, opens, opens, "", "")
    congress = congress_svc.create_congress(DjangoCongressUnitOfWork(), SYSTEM, meeting)
    election, listed, round_ = _election(CongressId(congress), people)
    return World(
        province=province,
        other_province=other,
        commune=commune,
        cell_a=cell_a,
        cell_b=cell_b,
        people=people,
        unit_code=OrgUnit.objects.get(pk=commune).code,
        person_code=Person.objects.get(pk=people[0]).code,
        conference=int(cid),
        site=int(site),
        session=int(sid),
        cycle=int(cycle),
        subject=subject,
        objects={
            "congress": int(congress),
            "election": int(election),
            "candidate": listed[0],
            "round": int(round_),
            "process": _process(commune, people),
            "complaint": _complaint(people),
            **_plan(commune, people),
            **_scans(sid),
            **_programme(commune),
            **_survey(province, commune),
            **_bundle(commune),
        },
        candidates=listed,
    )


def _process(commune: UnitId, people: list[PersonId]) -> int:
    """An appointment process of the commune with one candidate, its first step convened."""
    from canbo.appointments import models as am
    from canbo.registry.models import Title

    title = Title.objects.create(code="PCT_UBND_X", name="Phó Chủ tịch UBND xã", level="commune")
    process = am.AppointmentProcess.objects.create(
        kind="in_place", title=title, unit_id=commune, rulebook_id="QD377_2025",
        started_on=dt.date(2026, 9, 1), proposer_id=people[1],
    )  # fmt: skip
    am.ProcessCandidate.objects.create(process=process, person_id=people[0], full_name="A")
    step = am.ProcessStep.objects.create(process=process, kind="leadership_first", order=1)
    am.StepParticipant.objects.create(step=step, person_id=people[2], role="voter")
    return int(process.pk)


def _complaint(people: list[PersonId]) -> int:
    """An open complaint about a person of the commune (AP-19)."""
    from canbo.appointments import models as am

    row = am.Complaint.objects.create(person_id=people[0], received_on=dt.date(2026, 9, 2))
    return int(row.pk)


def _scans(session: int) -> dict[str, int]:
    """A batch of paper ballot scans of the draft vote with one sheet read into it."""
    from canbo.voting import models as vm

    batch = vm.ScanBatch.objects.create(session_id=session, files=1)
    sheet = vm.ScannedSheet.objects.create(batch=batch, file="lo-1.pdf", page=1, status="review")
    return {"batch": int(batch.pk), "sheet": int(sheet.pk)}


def _programme(commune: UnitId) -> dict[str, int]:
    """A project of the commune's 2026 work programme with one document."""
    from canbo.programme import models as wm

    item = wm.ProgrammeItem.objects.create(
        kind="project", title="Đề án", owner_unit_id=commune, unit_id=commune, year=2026,
        deadline=dt.date(2026, 12, 31), created_on=dt.date(2026, 1, 5),
    )  # fmt: skip
    doc = wm.ProgrammeDocument.objects.create(
        item=item, name="du-thao.pdf", path="programme/none.pdf", media_type="application/pdf",
        size=5, sha256="0" * 64, uploaded_on=dt.date(2026, 1, 5),
    )  # fmt: skip
    return {"programme_item": int(item.pk), "programme_document": int(doc.pk)}


def _survey(province: UnitId, commune: UnitId) -> dict[str, int]:
    """A report request of the province to its communes; the commune's assignment."""
    from canbo.core.surveys.forms import FieldKind, FieldSpec, FormSpec
    from canbo.services.surveys import forms, requests
    from canbo.surveys.models import Assignment
    from canbo.surveys.uow import DjangoSurveyUnitOfWork as uow

    at = dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)
    spec = FormSpec("ks", 1, "Khảo sát", (FieldSpec("n", "Số chi bộ", FieldKind.NUMBER),))
    form_id = forms.define_form(uow(), _staff(province), province, spec, at)
    request_id = requests.send_request(
        uow(), _staff(province), form_id=form_id, requester_id=province,
        target_kind="commune_party_committee", deadline=dt.date(2026, 12, 31), title="Khảo sát",
        now=at, today=dt.date(2026, 9, 1),
    )  # fmt: skip
    assignment = Assignment.objects.get(request_id=request_id, unit_id=commune)
    return {"survey_request": int(request_id), "survey_assignment": int(assignment.pk)}


def _bundle(commune: UnitId) -> dict[str, int]:
    """A bundle of the commune's installation received here, with one record, and the
    installation's registered key."""
    from canbo.bundles import models as bm

    at = dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)
    sender = bm.Installation.objects.create(
        name="Xã Sìn Hồ", relation="lower", root_unit_id=commune
    )
    key = bm.InstallationKey.objects.create(
        installation=sender, key_id="k" * 16, public_key="A" * 44, valid_from=at
    )
    code = OrgUnit.objects.get(pk=commune).code
    receipt = bm.BundleReceipt.objects.create(
        sha256="0" * 64, manifest={}, sender=sender, key_id=key.key_id, direction="up",
        scope_unit_id=commune, scope_code=code, period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 6, 30), kinds="congress_results",
        counts={"congress_results": 1}, created=at, received_at=at, status="current",
    )  # fmt: skip
    bm.ReceivedRecord.objects.create(
        receipt=receipt, kind="congress_results", unit_id=commune, key="dh-1", payload={}
    )
    return {"receipt": int(receipt.pk), "bundle_key": int(key.pk)}


def _plan(commune: UnitId, people: list[PersonId]) -> dict[str, int]:
    """A plan of the commune's post with one person in it."""
    from canbo.planning import models as pm
    from canbo.registry.models import Title

    title = Title.objects.create(code="BT_X_QH", name="Bí thư Đảng ủy xã", level="commune")
    plan = pm.Plan.objects.create(
        title=title, unit_id=commune, term_label="2030–2035", term_start=dt.date(2030, 10, 1),
        term_end=dt.date(2035, 9, 30), rulebook_id="QD377_2025", approved_on=dt.date(2026, 1, 5),
        approved_by_ref="12-QĐ/ĐU",
    )  # fmt: skip
    entry = pm.PlanEntry.objects.create(
        plan=plan, person_id=people[0], added_on=dt.date(2026, 1, 5), added_decision="12-QĐ/ĐU"
    )
    return {"plan": int(plan.pk), "entry": int(entry.pk)}


def _election(congress: CongressId, people: list[PersonId]) -> tuple[int, list[int], int]:
    """The cell congress's secretary election: its list of three voted and a first round
    opened on a vote session of the congress's conference."""
    from canbo.core.elections.model import ElectionKind
    from canbo.elections.uow import DjangoElectionsUnitOfWork as uow
    from canbo.services.elections import candidates, elections, results
    from canbo.services.elections.ports import CandidateSource

    eid = elections.create_election(
        uow(), SYSTEM, congress, ElectionKind.SECRETARY, 1,
        seats_for=5, seats_against=0, attending=5,
    )  # fmt: skip
    listed = [
        int(candidates.add_candidate(uow(), SYSTEM, congress, eid, p, CandidateSource.CONVENER))
        for p in people[:3]
    ]
    elections.approve_list(uow(), SYSTEM, congress, eid, agree=5, against=0, attending=5)
    round_ = results.start_round(uow(), SYSTEM, congress, eid)
    return eid, listed, round_


# The actors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    """An account: a role over province P (inside), over province Q (outside), no grant at
    all, or nobody signed in."""

    role: Role | None
    inside: bool
    anonymous: bool = False

    @property
    def label(self) -> str:
        if self.anonymous:
            return "anonymous"
        if self.role is None:
            return "no-grant"
        return f"{self.role}-{'inside' if self.inside else 'outside'}"

    @property
    def reads_target(self) -> bool:
        """Whether the objects of province P are within this actor's scope at all."""
        return self.role is not None and self.inside

    def client(self, world: World) -> tuple[Client, Any]:
        client = Client()
        if self.anonymous:
            return client, None
        user = get_user_model().objects.create_user(self.label, password="mat-khau-dai-1")
        if self.role is not None:
            root = world.province if self.inside else world.other_province
            RoleGrant.objects.create(user=user, role=self.role, unit_id=root, valid_from=GRANT_FROM)
        client.force_login(user)
        return client, user


ACTORS = [Who(role, inside) for role in Role for inside in (True, False)] + [
    Who(None, False),
    Who(None, False, anonymous=True),
]


# The URLs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    params: tuple[str, ...]
    callback: Any


def _routes(
    patterns: list[Any], namespace: str = "", inherited: tuple[str, ...] = ()
) -> Iterator[Route]:
    for p in patterns:
        own = tuple(p.pattern.regex.groupindex)
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace or "") if x)
            yield from _routes(p.url_patterns, ns, inherited + own)
        elif isinstance(p, URLPattern) and p.name:
            name = f"{namespace}:{p.name}" if namespace else p.name
            yield Route(name, inherited + own, p.callback)


def routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _routes(get_resolver().url_patterns):
        seen.setdefault(route.name, route)
    return sorted(seen.values(), key=lambda r: r.name)


# Values for each path parameter: an object of province P, or a fixed word of the pattern.
OBJECT_PARAMS = {
    "unit_id": "commune",
    "person_id": "person",
    "cid": "conference",
    "sid": "session",
    "site_id": "site",
    "cycle_id": "cycle",
    "congress_id": "congress",
    "election_id": "election",
    "round_id": "round",
    "pk": "subject",
    "object_id": "person",
    "id": "person",
    "process_id": "process",
    "complaint_id": "complaint",
    "plan_id": "plan",
    "bid": "batch",
    "shid": "sheet",
    "entry_id": "entry",
    "item_id": "programme_item",
    "document_id": "programme_document",
    "request_id": "survey_request",
    "assignment_id": "survey_assignment",
    "receipt_id": "receipt",
}
FIXED_PARAMS = {
    "operator": "1",
    "pos": "1",
    "action": "ready",
    "step": "comment",
    "form": "danh-sach",
    "fmt": "xlsx",
    "content_type_id": "1",
    "kind": "leadership_first",
    "year": "2026",
    "order": "1",
    "slug": "xep-loai",
    "code": "bieu1",
}
# A fixed parameter whose word differs by route (``kind`` of a bundle's records is a kind of
# data, not an appointment step's kind).
ROUTE_PARAMS: dict[str, dict[str, str]] = {
    "bundles:records": {"kind": "congress_results"},
}
ADMIN_LABELS = ("registry", "accounts", "auth", "audit", "voting", "conferences", "classification")


def _object(world: World, kind: str) -> int:
    return {
        "commune": world.commune,
        "person": world.people[0],
        "conference": world.conference,
        "site": world.site,
        "session": world.session,
        "cycle": world.cycle,
        "subject": world.subject,
        **world.objects,
    }[kind]


def path_for(route: Route, world: World, missing: bool) -> str | None:
    """The route's path with every object parameter filled (or the missing id)."""
    kwargs: dict[str, Any] = {}
    for name in route.params:
        if name in OBJECT_PARAMS:
            kwargs[name] = MISSING if missing else _object(world, OBJECT_PARAMS[name])
        elif name in ROUTE_PARAMS.get(route.name, {}):
            kwargs[name] = ROUTE_PARAMS[route.name][name]
        elif name in FIXED_PARAMS:
            kwargs[name] = FIXED_PARAMS[name]
        elif name == "app_label":
            for label in ADMIN_LABELS:
                try:
                    return reverse(route.name, kwargs={**kwargs, "app_label": label})
                except NoReverseMatch:
                    continue
            return None
        else:
            raise AssertionError(f"{route.name}: path parameter {name!r} is not in the matrix")
    return reverse(route.name, kwargs=kwargs)


def body_for(name: str, world: World) -> dict[str, Any]:
    """A valid body for the write, so that only authorization can refuse it."""
    code = f"N{world.session:05d}"
    bodies: dict[str, dict[str, Any]] = {
        "api:units": {
            "code": f"U{code}",
            "name": "Chi bộ bản Mới",
            "kind": "cell",
            "parent": world.commune,
            "valid_from": "2026-01-01",
        },
        "api:unit-versions": {"valid_from": "2026-06-01", "name": "Đảng bộ xã Sìn Hồ Mới"},
        "api:people": {
            "code": f"P{code}",
            "full_name": "Lò Văn Mới",
            "birth_date": "1990-01-01",
            "sex": "M",
            "cell": world.cell_a,
        },
        "api:person": {"full_name": "Lò Thị Đổi"},
        "api:person-transfer": {"to_cell": world.cell_b, "on": "2026-12-01"},
        "api:classification-open": {"name": "Đợt mới", "year": 2025, "unit": world.province},
        "api:classification-step": {"text": "Chi bộ nhất trí."},
        "api:classification-quota": {"group": "x", "reason": "Lý do"},
        "classification:open": {"name": "Đợt mới", "year": 2025, "root": world.province},
        "classification:step": {"text": "Chi bộ nhất trí."},
        "classification:resolve_quota": {"g": "x", "reason": "Lý do"},
        "conferences:list": {
            "unit_code": world.unit_code,
            "title": "Hội nghị mới",
            "body": "party",
            "held_on": "2026-12-10",
            "place": "Hội trường",
        },
        "conferences:agenda": {"lines": "Khai mạc\nBế mạc"},
        "conferences:add_site": {"name": "Điểm cầu bản Mới"},
        "conferences:convene": {"lines": world.person_code},
        "conferences:checkin": {"person": world.people[0]},
        "voting:create": {
            "title": "Lấy phiếu mới",
            "subjects": f"{world.person_code} | Bí thư",
            "counters": "kiem-phieu-1",
            "paper_mode": "per_ballot",
        },
        "voting:edit": {"title": "Lấy phiếu đổi tên", "paper_mode": "per_ballot"},
        "voting:slips": {"count": 2, "reason": "In trước"},
        "voting:hand_out": {"medium": "paper", "all": ""},
        "elections:list": {
            "kind": "secretary",
            "seats": 1,
            "seats_for": 5,
            "seats_against": 0,
            "attending": 5,
            "supplementary": "on",
        },
        "elections:add_candidate": {"person": f"id:{world.people[3]}", "source": "convener"},
        "elections:withdraw": {
            "candidate": world.objects["candidate"],
            "decision": "Đại hội đồng ý cho rút tên",
        },
        "elections:opinion": {
            "ballots": 5,
            **{f"votes_{c}": 4 for c in world.candidates},
        },
        "elections:approve_list": {"agree": 5, "against": 0, "attending": 5},
        "elections:start_round": {"decision": "Đại hội quyết định bầu tiếp"},
        "elections:close": {"decision": "Đại hội quyết định dừng bầu"},
        "elections:step": {"step": "need_reported"},
        "elections:approve": {"decision_number": "15-QĐ/ĐU", "decided_on": "2025-05-20"},
        "programme:create": {
            "kind": "project",
            "title": "Đề án mới",
            "unit": f"id:{world.commune}",
            "deadline": "2026-12-31",
        },
        "programme:progress": {"reported_on": "2026-06-01", "percent": "30"},
        "programme:status": {"status": "completed", "on": "2026-06-01"},
        "bundles:export": {
            "kinds": ["congress_results"],
            "scope": f"id:{world.commune}",
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
        },
        "bundles:register": {
            "name": "Xã Mới",
            "relation": "lower",
            "unit": f"id:{world.commune}",
            "public_key": "B" * 43 + "=",
        },
        "bundles:revoke": {"key_id": "k" * 16, "reason": "Lộ khóa"},
    }
    return bodies.get(name, {})


# Observing -----------------------------------------------------------------------------------


def snapshot() -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows (the audit chain included)."""
    out: dict[str, tuple[int, str]] = {}
    with connection.cursor() as cur:
        for table in sorted(connection.introspection.table_names(cur)):
            if table in VOLATILE_TABLES:
                continue
            cur.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            rows = sorted(repr(row) for row in cur.fetchall())
            out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return out


def changed(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list[str]:
    return sorted(t for t in after if before.get(t) != after[t])


def shape(response: Any, path: str) -> tuple[int, str, str]:
    """Status, redirect target and body, without what differs by the id asked or by request."""
    body = response.content.decode("utf-8", errors="replace").replace(path, "<path>")
    body = CSRF.sub(r"\1<csrf>", body)
    location = re.sub(r"\d+", "N", response.get("Location", ""))
    return response.status_code, location, body


def error_code(response: Any) -> str:
    """The machine code of a refusal, from the API's JSON or the page's ``<code>``."""
    text = response.content.decode("utf-8", errors="replace")
    found = re.search(r'"code": ?"([a-z_]+)"|<code>([a-z_]+)</code>', text)
    return next((g for g in found.groups() if g), "") if found else ""


def outcome(response: Any) -> str:
    """What a read answered, comparable between a page and the API."""
    if response.status_code in (301, 302) and "/login/" in response.get("Location", ""):
        return "sign-in"
    if response.status_code == 401:
        return "sign-in"
    return str(response.status_code)


def send(client: Client, method: str, path: str, body: dict[str, Any]) -> Any:
    if method == "GET":
        return client.get(path)
    if path.startswith("/api/"):
        return getattr(client, method.lower())(
            path, json.dumps(body), content_type="application/json"
        )
    return client.post(path, body)


def _methods(route: Route) -> list[str]:
    methods = ["GET", "POST"]
    view_class = getattr(route.callback, "view_class", None)
    if view_class is not None and hasattr(view_class, "patch"):
        methods.append("PATCH")
    return methods


def _relogin(client: Client, user: Any) -> None:
    """A logout URL ends the session; the matrix goes on as the same account."""
    if user is not None and "_auth_user_id" not in client.session:
        client.force_login(user)


# The matrix ----------------------------------------------------------------------------------


class Watch:
    """Whether a request changed the database. Every write the matrix sends must change
    nothing, so one snapshot before and one after the whole sweep decide; only when they
    differ is the sweep run again with a snapshot around each write, to name it."""

    def __init__(self, precise: bool) -> None:
        self.precise = precise
        self.problems: list[str] = []

    def send(self, client: Client, method: str, path: str, body: dict[str, Any]) -> Any:
        before = snapshot() if self.precise and method != "GET" else None
        response = send(client, method, path, body)
        if before is not None:
            touched = changed(before, snapshot())
            if touched:
                self.problems.append(f"{method} {path}: changed {touched}")
        return response


def _check_alike(watch: Watch, client: Client, user: Any, route: Route, world: World) -> list[str]:
    """Forbidden and missing answer alike, and a write by a non-reader changes nothing."""
    problems: list[str] = []
    target, missing = path_for(route, world, False), path_for(route, world, True)
    if target is None or missing is None:
        return problems
    for method in _methods(route):
        body = body_for(route.name, world)
        got = watch.send(client, method, target, body)
        _relogin(client, user)
        lost = send(client, method, missing, body)
        _relogin(client, user)
        if target != missing and shape(got, target) != shape(lost, missing):
            problems.append(
                f"{method} {target}: {got.status_code} {got.get('Location', '')} differs from "
                f"missing {lost.status_code} {lost.get('Location', '')}"
            )
    return problems


def _check_inside(
    watch: Watch, client: Client, user: Any, route: Route, world: World, who: Who
) -> list[str]:
    """Inside the scope, a read the role does not open answers like a missing object, and a
    write the role does not allow changes nothing."""
    target = path_for(route, world, False)
    if target is None or not route.params:
        return []
    problems = []
    got = client.get(target)
    if got.status_code == 404:
        # A readable object may lack a part (no result yet: ``result_not_found``); when the
        # refusal is the object's own "not found", it must be the missing id's answer.
        missing = path_for(route, world, True)
        assert missing is not None
        lost = client.get(missing)
        if error_code(got) == error_code(lost) and shape(got, target) != shape(lost, missing):
            problems.append(f"GET {target} as {who.label}: 404 differs from missing")
    writers = WRITERS.get(route.name)
    if writers is None or who.role in writers:
        return problems
    for method in _methods(route)[1:]:
        watch.send(client, method, target, body_for(route.name, world))
        _relogin(client, user)
    return problems


def _check_web_and_api(client: Client, world: World) -> list[str]:
    by_name = {r.name: r for r in routes()}
    problems = []
    for web, api in WEB_API_PAIRS:
        web_path = path_for(by_name[web], world, False)
        api_path = path_for(by_name[api], world, False)
        assert web_path is not None and api_path is not None
        page, answer = outcome(client.get(web_path)), outcome(client.get(api_path))
        if page != answer:
            problems.append(f"{web_path} answers {page}, {api_path} answers {answer}")
    return problems


@pytest.mark.parametrize("who", ACTORS, ids=lambda w: w.label)
def test_every_url_refuses_outside_the_actor_scope_and_role_alike_and_without_change(
    who: Who,
) -> None:
    world = build_world()
    client, user = who.client(world)
    problems = _check_web_and_api(client, world)
    before = snapshot()
    problems += _sweep(Watch(precise=False), client, user, world, who)
    touched = changed(before, snapshot())
    if touched:
        watch = Watch(precise=True)
        _sweep(watch, client, user, world, who)
        problems += [f"refused requests changed {touched}", *watch.problems]
    assert not problems, "\n".join(problems)


def _sweep(watch: Watch, client: Client, user: Any, world: World, who: Who) -> list[str]:
    problems: list[str] = []
    for route in routes():
        if route.name in VOTER_PAGES or route.name in SESSION_PAGES:
            continue
        if who.reads_target:
            problems += _check_inside(watch, client, user, route, world, who)
        else:
            problems += _check_alike(watch, client, user, route, world)
    return problems


def test_every_path_parameter_is_filled() -> None:
    unknown = {
        (route.name, name)
        for route in routes()
        for name in route.params
        if name not in OBJECT_PARAMS and name not in FIXED_PARAMS and name != "app_label"
    }
    assert not unknown, f"add these path parameters to the matrix: {sorted(unknown)}"


def test_every_write_of_the_matrix_names_an_existing_url() -> None:
    names = {r.name for r in routes()}
    assert set(WRITERS) <= names
    assert {n for pair in WEB_API_PAIRS for n in pair} <= names


@pytest.mark.parametrize(
    "who",
    [Who(None, False, anonymous=True), Who(Role.VIEWER, False)],
    ids=lambda w: w.label,
)
def test_the_voter_pages_answer_a_draft_session_like_a_missing_one(who: Who) -> None:
    world = build_world()
    client, _user = who.client(world)
    for name in ("voting:vote", "voting:ballots"):
        target = reverse(name, kwargs={"sid": world.session})
        missing = reverse(name, kwargs={"sid": MISSING})
        for path_args in ({}, {"step": "back", "code": "ABCD-EFGH-IJKL"}):
            got = client.get(target, path_args)
            lost = client.get(missing, path_args)
            assert shape(got, target) == shape(lost, missing), (name, path_args)
            assert "Lấy phiếu" not in got.content.decode()
