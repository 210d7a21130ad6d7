"""The services refuse a step out of its lifecycle exactly as before the tables moved to the core:
the same codes, fields, messages and citations, and nothing written."""

from __future__ import annotations

import pytest

from canbo.audit.models import AuditEntry
from canbo.classification import selectors
from canbo.classification.models import CycleSubject, StepRecord
from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
from canbo.core.classification.model import Level
from canbo.core.errors import Conflict
from canbo.core.types import Role
from canbo.services.classification import bulk, results, steps
from canbo.services.classification import cycle as cycles
from canbo.services.ports import SYSTEM
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests.integration import classification_fixtures as fx

from .voting_builders import check_in, close_and_count, hall, open_vote, plan

pytestmark = pytest.mark.django_db(transaction=True)

PUBLISHED_TEXT = (
    "Đợt đã công bố kết quả; chỉ giải quyết khiếu nại. / The cycle is published; only "
    "complaints are handled now."
)


def _refusal(call: object, *args: object) -> Conflict:
    with pytest.raises(Conflict) as refused:
        call(*args)  # type: ignore[operator]
    return refused.value


def test_vote_steps_out_of_their_status_are_refused_with_the_status_and_what_was_expected() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    vote_svc.cast_ballot(U(), h.session, codes[0], {int(p): "high" for p in h.subjects})
    entries = AuditEntry.objects.count()
    edit = _refusal(vote_svc.update_session, U(), SYSTEM, h.session, plan(h.subjects, h.counters))
    assert (edit.code, dict(edit.fields)) == ("vote_not_draft", {"status": "open"})
    ready = _refusal(vote_svc.mark_ready, U(), SYSTEM, h.session)
    assert (ready.code, dict(ready.fields)) == (
        "vote_wrong_status",
        {"status": "open", "expected": ["draft"]},
    )
    counter = h.counters[0]
    early = _refusal(count_svc.count, U(), counter, h.session, h.shares)
    assert dict(early.fields) == {"status": "open", "expected": ["closed"]}
    close_and_count(h)
    publish = _refusal(count_svc.publish, U(), counter, h.session)
    assert dict(publish.fields) == {"status": "counted", "expected": ["certified"]}
    correct = _refusal(count_svc.correct, U(), counter, h.session, "Sai sót")
    assert (correct.code, dict(correct.fields)) == (
        "vote_wrong_status",
        {"status": "counted", "expected": ["certified", "published"]},
    )
    slips = _refusal(vote_svc.print_slips, U(), SYSTEM, h.session, 1)
    assert slips.fields["expected"] == ["draft", "ready", "open"]
    assert all(e.citation is None for e in (edit, ready, early, publish, correct, slips))
    assert models.VoteSession.objects.get(pk=h.session).status == "counted"
    assert AuditEntry.objects.count() == entries + 2  # the close and the count only


def test_a_published_cycle_refuses_every_step_of_an_open_one_and_an_open_one_complaints() -> None:
    c = fx.commune()
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, person=c.member_b)
    viewer = fx.actor("xem", Role.VIEWER, c.cell_b)
    early = _refusal(results.complain, UnitOfWork(), viewer, pk, "Chưa đúng", fx.NOW)
    assert (early.code, early.message) == (
        "cycle_not_published",
        "Kết quả chưa được công bố. / The results are not published yet.",
    )
    assert early.citation is not None and early.citation.rule_id == "CL-27"
    out_of_order = _refusal(
        steps.decide, UnitOfWork(), fx.actor("tt", Role.STANDING_COMMITTEE, c.commune), pk,
        Level.HTT, "", fx.NOW,
    )  # fmt: skip
    assert dict(out_of_order.fields) == {"step": "decision", "current": 0}
    assert "đối tượng đang ở bước 'chưa tự đánh giá'" in out_of_order.message
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    assert selectors.subject_page(staff, pk).actions == ["self"]
    fx.decide_everyone(cycle_id, c)
    assert selectors.subject_page(staff, pk).actions == ["decision"]
    commune_sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    group = f"dang-vien@{c.commune}"
    first = fx.subject_of(cycle_id, person=c.members_a[0])
    results.resolve_quota(UnitOfWork(), commune_sc, cycle_id, group, [first], "Lý do", fx.NOW)
    province_sc = fx.actor("tt-tinh", Role.STANDING_COMMITTEE, c.province)
    results.publish(UnitOfWork(), province_sc, cycle_id, fx.NOW)
    records = StepRecord.objects.count()
    secretary = fx.actor("bt", Role.CELL_SECRETARY, c.cell_b)
    refusals = [
        _refusal(steps.comment, UnitOfWork(), secretary, pk, "Nhất trí", fx.NOW),
        _refusal(steps.decide, UnitOfWork(), commune_sc, pk, Level.HT, "Lý do", fx.NOW),
        _refusal(results.publish, UnitOfWork(), province_sc, cycle_id, fx.NOW),
        _refusal(
            results.resolve_quota, UnitOfWork(), commune_sc, cycle_id, group, [], "Lý do", fx.NOW
        ),
        _refusal(
            bulk.import_scores, UnitOfWork(), secretary, cycle_id, c.cell_b, ["id"], [], fx.NOW
        ),
    ]
    for refused in refusals:
        assert (refused.code, refused.message) == ("cycle_published", PUBLISHED_TEXT)
        assert refused.citation is not None and refused.citation.rule_id == "CL-27"
    assert StepRecord.objects.count() == records
    assert CycleSubject.objects.get(pk=pk).step == 4
    # A published result is never recomputed in place: not even by the commission.
    proposals = list(CycleSubject.objects.order_by("pk").values_list("pk", "proposal__level"))
    audited = AuditEntry.objects.count()
    commission = fx.actor("btc-tinh", Role.ORG_STAFF, c.province)
    recompute = _refusal(cycles.compute_proposals, UnitOfWork(), commission, cycle_id, 1)
    assert (recompute.code, recompute.message) == ("cycle_published", PUBLISHED_TEXT)
    assert list(CycleSubject.objects.order_by("pk").values_list("pk", "proposal__level")) == (
        proposals
    )
    assert AuditEntry.objects.count() == audited
    assert selectors.subject_page(staff, pk).actions == ["complaint", "reclassification"]
