"""Units re-formed by the 01/07/2025 merger are not "formed less than six months ago" for the
2025 review: a successor by merger counts its months from its predecessors under the unconfirmed
parameter ``cl_merger_successor_classified`` (default: classified); a unit that is really new
still waits six months (CL-18)."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.classification.models import Cycle, CycleSubject
from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.classification.param_specs import ALL_PARAMS
from canbo.core.types import Confidence, LineageKind, Role, UnitKind
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.classification import cycle as cycle_svc
from canbo.services.classification.ports import NEW_ORG
from canbo.services.registry import changes as svc
from tests import factories as f

from .classification_fixtures import actor

pytestmark = pytest.mark.django_db

MERGER = dt.date(2025, 7, 1)
AS_OF = dt.date(2025, 12, 31)
NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)


def _merged_province() -> tuple[int, int]:
    """The small tree merged on 01/07/2025, and a cell really formed on 01/10/2025."""
    tree = f.small_tree()
    svc.reorganize(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        kind=LineageKind.MERGE,
        date=MERGER,
        legal_basis="NQ 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    new_cell = f.unit("Chi bộ thôn Mới", UnitKind.CELL, tree.commune, since=dt.date(2025, 10, 1))
    return tree.tuyen_quang_new, new_cell


def _exemptions(root: int, overrides: dict[str, str] | None = None) -> dict[int, str]:
    staff = actor("ban-to-chuc", Role.ORG_STAFF, root)  # type: ignore[arg-type]
    cycle = cycle_svc.open_cycle(
        DjangoClassificationUnitOfWork(), staff, 2025, root, AS_OF, "Xếp loại 2025",  # type: ignore[arg-type]
        overrides=overrides, now=NOW,
    )  # fmt: skip
    rows = CycleSubject.objects.filter(cycle_id=cycle, kind="collective")
    return dict(rows.values_list("unit_id", "exemption"))


def test_a_province_formed_by_the_merger_is_classified_for_2025() -> None:
    province, new_cell = _merged_province()
    exemptions = _exemptions(province)
    assert exemptions[province] == ""
    assert exemptions[new_cell] == NEW_ORG
    cycle = Cycle.objects.get()
    assert cycle.parameters["cl_merger_successor_classified"] is True


def test_the_parameter_set_to_false_counts_a_successor_as_new() -> None:
    province, _ = _merged_province()
    exemptions = _exemptions(province, {"cl_merger_successor_classified": "false"})
    assert exemptions[province] == NEW_ORG


def test_the_parameter_is_declared_unconfirmed_with_words_for_its_values() -> None:
    spec = next(p for p in ALL_PARAMS if p.name == "cl_merger_successor_classified")
    assert spec.confidence is Confidence.UNCONFIRMED
    assert spec.default is True and spec.rule_id == "CL-18"
    assert spec.value_label(True) and spec.value_label(False)
