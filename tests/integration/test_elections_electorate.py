"""Who receives a code when the whole congress elects, on the database (SQLite and
PostgreSQL): probationary members attend a cell or members' congress without a vote, so a round
of the whole congress names its electorate (the official members convened, EL-19) and the
hand-over gives them nothing; the round then records and its minutes are signed (EL-30). At a
delegates' congress the electorate is the official delegates and the convening committee, with
an alternate seated in an absent delegate's place and without the alternate left unseated
(EL-20, EL-36)."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.congresses import models as cm
from canbo.congresses.uow import DjangoCongressUnitOfWork
from canbo.core.elections.model import CongressKind, DelegateStatus, ElectionKind
from canbo.core.errors import Conflict
from canbo.elections import models
from canbo.elections.uow import DjangoElectionsUnitOfWork
from canbo.services.congresses import bodies, congress
from canbo.services.congresses.ports import CongressData, WorkingBody
from canbo.services.elections import candidates, elections, results
from canbo.services.elections.ports import CandidateSource, CongressId, ElectionId, RoundId
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting.ports import Medium, SessionId
from canbo.voting import models as vm
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f

from .election_builders import OPENS, CellCongress, cell_congress, session_of, strike, vote

pytestmark = pytest.mark.django_db(transaction=True)
NOW = dt.datetime(2025, 5, 10, 9, 30, tzinfo=dt.UTC)
TRIAL = ("Lò Thị Mai", "Sùng Văn Páo")
DELEGATES = (
    "Nông Văn Bảo",
    "Ma Thị Cúc",
    "Hà Văn Dũng",
    "Lục Thị Hoa",
    "Quan Văn Khánh",
    "Triệu Thị Liên",
    "Vàng Văn Lử",
    "Giàng Thị Mỷ",
    "Hoàng Văn Nam",
)


def _committee_round(
    c: CellCongress, kind: ElectionKind = ElectionKind.CELL_COMMITTEE
) -> ElectionId:
    """The committee of three from four names, the list voted, the first round opened."""
    cid = CongressId(c.congress)
    eid = elections.create_election(
        c.uow(), c.runner, cid, kind, 3, seats_for=10, seats_against=0, attending=12
    )
    for p in c.people[:4]:
        candidates.add_candidate(c.uow(), c.runner, cid, eid, p, CandidateSource.CONVENER)
    elections.approve_list(c.uow(), c.runner, cid, eid, agree=10, against=0, attending=12)
    results.start_round(c.uow(), c.runner, cid, eid)
    return eid


def _hand_to_hall(sid: SessionId) -> conf_svc.HandOutResult:
    return conf_svc.hand_out(U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)


@pytest.mark.parametrize("commune", [False, True], ids=["cell", "members"])
def test_probationary_members_in_the_hall_get_no_code_and_the_round_records(
    commune: bool,
) -> None:
    c = cell_congress(commune=commune, probationary=TRIAL)
    for p in (*c.people[:-1], *c.probationary):
        assert conf_svc.check_in(U(), SYSTEM, c.site, person_id=p).codes == ()
    kind = ElectionKind.COMMITTEE if commune else ElectionKind.CELL_COMMITTEE
    eid = _committee_round(c, kind)
    sid = session_of(eid)
    electorate = vm.VoteSession.objects.get(pk=sid).parameters["electorate"]
    assert sorted(electorate) == sorted(int(p) for p in c.people)

    handed = _hand_to_hall(sid)
    assert len(handed.codes) == 10 and handed.counts.present == 10
    assert not set(TRIAL) & set(handed.persons) and len(handed.persons) == 10

    a, b, cu, d = c.people[:4]
    kept = [(a, b, cu)] * 7 + [(a, b, d)] * 2 + [(b, cu, d)]
    vote(c, sid, handed.codes, [strike(k, (a, b, cu, d)) for k in kept])
    data = results.record_result(c.uow(), c.runner, CongressId(c.congress), eid, NOW)
    assert data["figures"]["issued"] == 10 and data["denominator"]["convened"] == 10
    assert all(check["ok"] for check in data["checks"])
    assert data["elected"] == ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường"]  # 10, 9, 8
    rnd = models.Round.objects.get(election_id=eid)
    results.sign_minutes(c.uow(), c.runner, CongressId(c.congress), eid, RoundId(rnd.pk), NOW)
    assert models.Round.objects.get(pk=rnd.pk).minutes_signed_at is not None


def test_a_probationary_member_checking_in_after_the_round_opened_gets_no_code() -> None:
    c = cell_congress(probationary=TRIAL[:1])
    _committee_round(c)
    late = conf_svc.check_in(U(), SYSTEM, c.site, person_id=c.probationary[0])
    assert late.codes == () and late.paper_sessions == ()
    official = conf_svc.check_in(U(), SYSTEM, c.site, person_id=c.people[0])
    assert len(official.codes) == 1


def test_handing_a_code_to_a_named_probationary_member_is_refused() -> None:
    c = cell_congress(probationary=TRIAL[:1])
    conf_svc.check_in(U(), SYSTEM, c.site, person_id=c.probationary[0])
    sid = session_of(_committee_round(c))
    with pytest.raises(Conflict) as refused:
        conf_svc.hand_out(
            U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False,
            person_ids=[c.probationary[0]],
        )  # fmt: skip
    assert refused.value.code == "hand_out_not_in_electorate"
    assert refused.value.citation.rule_id == "EL-30"  # type: ignore[union-attr]


def test_at_a_delegates_congress_the_seated_alternate_elects_and_the_unseated_one_does_not() -> (
    None
):
    tree = f.small_tree()
    people = [f.person(name, tree.cell_a) for name in DELEGATES]
    convening, officials, alternates = people[:2], people[2:7], people[7:9]
    data = CongressData(
        tree.commune, "", "2025–2030", CongressKind.DELEGATES, OPENS, OPENS, "Hội trường", "",
        parameters={"higher_consent": True},
    )  # fmt: skip
    cid = congress.create_congress(DjangoCongressUnitOfWork(), SYSTEM, data)
    congress.set_convening_committee(DjangoCongressUnitOfWork(), SYSTEM, cid, convening)
    congress.add_delegates(DjangoCongressUnitOfWork(), SYSTEM, cid, officials)
    congress.add_delegates(DjangoCongressUnitOfWork(), SYSTEM, cid, alternates, alternate=True)
    congress.build_roll(DjangoCongressUnitOfWork(), SYSTEM, cid)
    congress.fix_roll(DjangoCongressUnitOfWork(), SYSTEM, cid)
    congress.open_congress(DjangoCongressUnitOfWork(), SYSTEM, cid)
    site = conf_svc.add_site(
        U(), SYSTEM, cm.Congress.objects.get(pk=cid).conference_id, "Hội trường"
    )
    absent = officials[-1]
    for p in people:
        if p != absent:
            conf_svc.check_in(U(), SYSTEM, site, person_id=p)
    hands = bodies.HandCount(8)
    bodies.set_working_body(
        DjangoCongressUnitOfWork(), SYSTEM, cid, WorkingBody.CREDENTIALS, [convening[0]],
        convening[0], hands,
    )  # fmt: skip
    bodies.credentials_report(
        DjangoCongressUnitOfWork(), SYSTEM, cid,
        {absent: DelegateStatus.ABSENT_WHOLE_CONGRESS,
         alternates[0]: DelegateStatus.ALTERNATE_SEATED},
        {alternates[0]: absent}, "01-BC/TTTC",
    )  # fmt: skip
    voters = DjangoElectionsUnitOfWork().congresses.electorate(CongressId(cid))
    assert voters == frozenset([*convening, *officials[:-1], alternates[0]])
