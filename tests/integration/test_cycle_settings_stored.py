"""A cycle opened with its own settings reads every one of them back from the database."""

from __future__ import annotations

import pytest

from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
from canbo.core.types import Role
from canbo.services.classification import cycle as cycle_svc
from canbo.services.classification.ports import CycleSettings, OrderEnforcement
from tests.integration import classification_fixtures as fx

pytestmark = pytest.mark.django_db


def test_a_cycle_reads_back_every_setting_it_was_opened_with() -> None:
    c = fx.commune()
    settings = CycleSettings(
        cl_order_enforcement=OrderEnforcement.WARN,
        cl_publicity_audience=("subject",),
        cl_complaint_window_days=15,
        cl_quota_exception_outstanding=True,
        cl_quota_grouping_members="commune_party_committee",
        cl_member_decider="cell_committee",
        cl_discipline_date_basis="violation_date",
    )
    staff = fx.actor("ban-to-chuc-tinh", Role.ORG_STAFF, c.province)
    cycle_id = cycle_svc.open_cycle(
        UnitOfWork(),
        staff,
        2025,
        c.province,
        fx.AS_OF,
        "Xếp loại 2025",
        settings=settings,
        now=fx.NOW,
    )
    stored = UnitOfWork().cycles.get(cycle_id)
    assert stored is not None
    assert stored.settings == settings
