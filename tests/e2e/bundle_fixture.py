"""Two installations for the bundle journey, built through the real services.

Run inside ``canbo manage shell``: ``from tests.e2e.bundle_fixture import commune_laptop;
commune_laptop()`` on the commune's offline laptop (the tree, the commune's members and their
congress of 14/08/2025 held with its committee elected, counted and signed),
``province_office()`` on the province's installation (the same tree: the units carry the
same codes, as the province sent them down). Each prints ``FIXTURE`` and JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.auth import get_user_model

from canbo.accounts.actors import actor_for
from canbo.accounts.models import RoleGrant
from canbo.congresses import models as cm
from canbo.congresses.uow import DjangoCongressUnitOfWork as CU
from canbo.core.elections.model import CongressKind, ElectionKind
from canbo.core.types import LevelClass, PersonId, Role, UnitId, UnitKind
from canbo.elections import models as em
from canbo.elections.uow import DjangoElectionsUnitOfWork as EU
from canbo.registry import models as reg
from canbo.services.congresses import bodies, congress
from canbo.services.congresses.ports import CongressData, WorkingBody
from canbo.services.elections import candidates, elections, results
from canbo.services.elections.ports import CandidateSource, CongressId, RoundId
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import CommitteeMember, Medium, SessionId
from canbo.voting.uow import DjangoVotingUnitOfWork as VU
from tests import factories as f

PROVINCE, COMMUNE, CELL = "TQ-TINH", "TQ-XA-MINH-QUANG", "TQ-CB-KHUON-KHUONG"
JULY = dt.date(2025, 7, 1)
OPENS = dt.date(2025, 8, 14)
PLACE = "Hội trường Đảng ủy xã Minh Quang"
NAMES = (
    "Nông Văn Bảo",
    "Ma Thị Cúc",
    "Hà Văn Dũng",
    "Lục Thị Hoa",
    "Quan Văn Khánh",
    "Triệu Thị Liên",
    "Vàng Văn Lử",
    "Giàng Thị Mỷ",
    "Hoàng Văn Nam",
    "Mai Văn Tổ",
)
PROBATIONARY = "Lò Thị Mai"
PASSWORD = "mat-khau-dai-1"


def _tree() -> dict[str, UnitId]:
    central = f.unit(
        "Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, level=LevelClass.CENTRAL,
        code="TW",
    )  # fmt: skip
    province = f.unit(
        "Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central, since=JULY,
        code=PROVINCE,
    )  # fmt: skip
    commune = f.unit(
        "Đảng bộ xã Minh Quang", UnitKind.COMMUNE_PARTY_COMMITTEE, province, since=JULY,
        code=COMMUNE,
    )  # fmt: skip
    cell = f.unit("Chi bộ thôn Khuôn Khương", UnitKind.CELL, commune, since=JULY, code=CELL)
    return {"province": province, "commune": commune, "cell": cell}


def _account(username: str, role: Role, unit: int) -> Actor:
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    return actor_for(user, OPENS)


def _round(
    runner: Actor, counter: Actor, cid: CongressId, head: PersonId, listed: list[PersonId]
) -> dict[str, Any]:
    """The commune committee, three seats from four names: the list voted, one round on
    phones with codes handed to everyone in the hall who elects, counted and signed."""
    eid = elections.create_election(
        EU(), runner, cid, ElectionKind.COMMITTEE, 3, seats_for=10, seats_against=0, attending=11
    )
    for p in listed:
        candidates.add_candidate(EU(), runner, cid, eid, p, CandidateSource.CONVENER)
    elections.approve_list(EU(), runner, cid, eid, agree=10, against=0, attending=11)
    results.start_round(EU(), runner, cid, eid)
    rnd = em.Round.objects.get(election_id=eid)
    sid = SessionId(rnd.vote_session_id)
    handed = conf_svc.hand_out(VU(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    vote_svc.set_committee(
        VU(), SYSTEM, sid, [CommitteeMember(person_id=head, account_id=counter.account_id)]
    )
    vote_svc.mark_ready(VU(), SYSTEM, sid)
    shares = vote_svc.make_ballot_key(VU(), counter, sid).shares
    vote_svc.open_vote(VU(), SYSTEM, sid)
    a, b, c, d = listed
    kept = [(a, b, c)] * 7 + [(a, b, d)] * 2 + [(b, c, d)]
    for code, keep in zip(handed.codes, kept, strict=True):
        vote_svc.cast_ballot(
            VU(), sid, code, {int(p): "kept" if p in keep else "struck" for p in listed}
        )
    vote_svc.close_vote(VU(), SYSTEM, sid)
    count_svc.count(VU(), counter, sid, shares)
    count_svc.sign(VU(), counter, sid)
    now = dt.datetime.combine(OPENS, dt.time(10, 30), tzinfo=dt.UTC)
    data = results.record_result(EU(), runner, cid, eid, now)
    results.sign_minutes(EU(), runner, cid, eid, RoundId(rnd.pk), now)
    return data


def commune_laptop() -> dict[str, Any]:
    """The commune's laptop: its members' congress held offline, the committee elected."""
    units = _tree()
    people = [f.person(n, units["cell"], since=JULY) for n in NAMES]
    trial = f.person(PROBATIONARY, units["cell"], since=JULY)
    reg.Person.objects.filter(pk=trial).update(
        party_admission_date=dt.date(2025, 3, 3), official_membership_date=None
    )
    runner = _account("bantochuc.xa", Role.ORG_STAFF, units["commune"])
    counter = _account("kiemphieu.xa", Role.COUNTING_COMMITTEE, units["commune"])
    data = CongressData(
        units["commune"], "", "2025–2030", CongressKind.MEMBERS, OPENS, OPENS, PLACE, ""
    )
    cid = congress.create_congress(CU(), SYSTEM, data)
    congress.build_roll(CU(), SYSTEM, cid)
    congress.fix_roll(CU(), SYSTEM, cid)
    congress.open_congress(CU(), SYSTEM, cid)
    site = conf_svc.add_site(VU(), SYSTEM, cm.Congress.objects.get(pk=cid).conference_id, PLACE)
    for p in (*people, trial):  # the probationary member attends without a vote
        conf_svc.check_in(VU(), SYSTEM, site, person_id=p)
    head = people[-1]
    bodies.set_working_body(
        CU(), SYSTEM, cid, WorkingBody.COUNTING, [head], head, bodies.HandCount(10)
    )
    result = _round(runner, counter, CongressId(cid), head, people[:4])
    congress.close_congress(CU(), SYSTEM, cid)
    out = {
        "scope": COMMUNE,
        "province": PROVINCE,
        "congress": int(cid),
        "elected": list(result["elected"]),
        "issued": result["figures"]["issued"],
    }
    print("FIXTURE " + json.dumps(out, ensure_ascii=False))
    return out


def province_office() -> dict[str, Any]:
    """The province's installation: the tree and the organization commission's account."""
    units = _tree()
    _account("tinhuy.tuyenquang", Role.ORG_STAFF, units["province"])
    out = {"scope": PROVINCE, "commune": COMMUNE}
    print("FIXTURE " + json.dumps(out, ensure_ascii=False))
    return out


def received() -> None:
    """What the province holds from below: receipts, current records, audit entries."""
    from canbo.audit.models import AuditEntry
    from canbo.bundles import selectors
    from canbo.bundles.models import BundleReceipt, ReceivedRecord

    rows = selectors.received_records("congress_results", None, None)
    out = {
        "receipts": BundleReceipt.objects.count(),
        "records": ReceivedRecord.objects.count(),
        "audit": AuditEntry.objects.count(),
        "imports": AuditEntry.objects.filter(action="bundle.import").count(),
        "current": [
            {
                "unit": r.unit_code,
                "key": r.key,
                "sender": r.sender,
                "hash": r.receipt_hash,
                "elected": [
                    p.get("full_name")
                    for e in r.payload.get("elections", [])
                    for p in e.get("elected", [])
                ],
            }
            for r in rows
        ],
    }
    print("FIXTURE " + json.dumps(out, ensure_ascii=False))
