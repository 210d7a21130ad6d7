"""The downward bundle kinds land through the receiver's own registry: the unit tree (units,
versions, lineage) and the title catalogue, upserted by code, idempotent, audited as the
bundle, and refused whole when they would rewrite history.

One test database cannot hold two installations, so a round trip exports, renames every code
(the units the receiver has never seen), applies, and compares with the original."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from canbo.audit.models import AuditEntry
from canbo.bundles.kinds import load_all
from canbo.bundles.models import BundleReceipt, Installation
from canbo.bundles.selectors import received_records
from canbo.classification import models as cl
from canbo.core.errors import Conflict
from canbo.core.types import LineageKind
from canbo.registry import models as reg
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import SYSTEM
from canbo.services.registry import changes
from tests import factories as f

pytestmark = pytest.mark.django_db

PERIOD = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def merged_tree() -> f.SmallTree:
    """Hà Giang and the old Tuyên Quang merged into the new Tuyên Quang on 01/07/2025; the
    commune of Hà Giang moves under it."""
    tree = f.small_tree()
    changes.reorganize(
        DjangoRegistryUnitOfWork(),
        SYSTEM,
        kind=LineageKind.MERGE,
        date=dt.date(2025, 7, 1),
        legal_basis="Nghị quyết 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    return tree


def renamed(records: list[dict[str, Any]], prefix: str = "R-") -> list[dict[str, Any]]:
    """The same records as another installation's units would be (every unit code new)."""
    out = copy.deepcopy(records)
    for r in out:
        r["unit"] = prefix + r["unit"]
        if "code" in r:
            r["code"] = prefix + r["code"]
        for v in r.get("versions", ()):
            v["parent"] = prefix + v["parent"] if v["parent"] else None
        r["links"] = [[prefix + p, prefix + s, share] for p, s, share in r.get("links", ())]
    return out


def shape(prefix: str = "") -> dict[str, Any]:
    """Each unit (by code without the prefix): its versions (name, kind, parent, dates)."""
    units = reg.OrgUnit.objects.filter(code__startswith=prefix) if prefix else reg.OrgUnit.objects
    out = {}
    for unit in units.exclude(code__startswith="R-") if not prefix else units:
        versions = unit.versions.order_by("valid_from").select_related("parent")
        out[unit.code.removeprefix(prefix)] = (
            unit.valid_from,
            unit.valid_to,
            [
                (
                    v.name,
                    v.kind,
                    v.parent.code.removeprefix(prefix) if v.parent else None,
                    v.valid_from,
                    v.valid_to,
                )
                for v in versions
            ],
        )
    return out


def lineage(prefix: str = "") -> set[tuple[Any, ...]]:
    links = reg.LineageLink.objects.select_related("event", "predecessor", "successor")
    return {
        (
            link.event.kind,
            link.event.date,
            link.predecessor.code.removeprefix(prefix),
            link.successor.code.removeprefix(prefix),
            link.share,
        )
        for link in links
        if link.successor.code.startswith("R-") == bool(prefix)
    }


def test_unit_tree_exports_the_subtree_its_predecessors_and_the_units_above() -> None:
    tree = merged_tree()
    records = list(load_all()["unit_tree"].export(tree.tuyen_quang_new, *PERIOD))
    units = {r["code"] for r in records if r["record"] == "unit"}
    codes = dict(reg.OrgUnit.objects.values_list("pk", "code"))
    # the subtree, both predecessors (lineage), and the central committee above them
    assert units == {
        codes[u]
        for u in (
            tree.central,
            tree.ha_giang,
            tree.tuyen_quang_old,
            tree.tuyen_quang_new,
            tree.commune,
            tree.cell_a,
            tree.cell_b,
        )
    }
    # each record is filed under a unit of the subtree on the period's end (the receiver's
    # scope check): the units above and the ended predecessors under the scope unit
    filed = {r["code"]: r["unit"] for r in records if r["record"] == "unit"}
    assert filed[codes[tree.central]] == codes[tree.tuyen_quang_new]
    assert filed[codes[tree.ha_giang]] == codes[tree.tuyen_quang_new]
    assert filed[codes[tree.cell_a]] == codes[tree.cell_a]
    commune = next(r for r in records if r["code"] == codes[tree.commune])
    assert [v["parent"] for v in commune["versions"]] == [
        codes[tree.ha_giang],
        codes[tree.tuyen_quang_new],
    ]
    assert commune["versions"][0]["valid_to"] == "2025-06-30"
    assert commune["versions"][1]["valid_to"] is None
    (event,) = [r for r in records if r["record"] == "lineage"]
    assert sorted(event["links"]) == sorted(
        [
            [codes[tree.ha_giang], codes[tree.tuyen_quang_new], "whole"],
            [codes[tree.tuyen_quang_old], codes[tree.tuyen_quang_new], "whole"],
        ]
    )


def test_unit_tree_round_trip_builds_the_same_history_once() -> None:
    tree = merged_tree()
    codec = load_all()["unit_tree"]
    records = renamed(list(codec.export(tree.tuyen_quang_new, *PERIOD)))
    before = shape()

    changed = codec.apply(records, receipt_id=7)

    assert changed > 0
    assert shape("R-") == before
    assert lineage("R-") == lineage()
    assert AuditEntry.objects.filter(actor_label="bundle:7").count() == changed
    # The same bundle again changes nothing.
    assert codec.apply(records, receipt_id=8) == 0
    assert not AuditEntry.objects.filter(actor_label="bundle:8").exists()


def test_unit_tree_adds_a_later_version_and_refuses_a_different_past() -> None:
    tree = merged_tree()
    codec = load_all()["unit_tree"]
    records = list(codec.export(tree.tuyen_quang_new, *PERIOD))
    codes = dict(reg.OrgUnit.objects.values_list("pk", "code"))
    later = copy.deepcopy(records)
    cell = next(r for r in later if r["code"] == codes[tree.cell_a])
    cell["versions"][-1]["valid_to"] = "2026-01-31"
    cell["versions"].append(
        {
            **cell["versions"][-1],
            "name": "Chi bộ thôn Na Pô mới",
            "valid_from": "2026-02-01",
            "valid_to": None,
        }
    )

    assert codec.apply(later, receipt_id=3) == 1
    names = list(
        reg.UnitVersion.objects.filter(unit_id=tree.cell_a)
        .order_by("valid_from")
        .values_list("name", "valid_to")
    )
    assert names[-2:] == [
        ("Chi bộ thôn Na Pô", dt.date(2026, 1, 31)),
        ("Chi bộ thôn Na Pô mới", reg.UnitVersion._meta.get_field("valid_to").default),
    ]

    rewritten = copy.deepcopy(records)
    commune = next(r for r in rewritten if r["code"] == codes[tree.commune])
    commune["versions"][0]["name"] = "Đảng bộ xã Yên Minh (tên khác)"
    count = reg.UnitVersion.objects.count()
    with pytest.raises(Conflict) as refused:
        codec.apply(rewritten, receipt_id=4)
    assert refused.value.code == "bundle_unit_history_differs"
    assert refused.value.fields["unit"] == codes[tree.commune]
    assert reg.UnitVersion.objects.count() == count


def test_titles_are_upserted_by_code_and_audited_once() -> None:
    f.small_tree()
    reg.Title.objects.create(code="BT", name="Bí thư", level="commune", rank=1)
    reg.Title.objects.create(code="PBT", name="Phó Bí thư", level="commune", rank=2)
    codec = load_all()["titles"]
    scope = reg.OrgUnit.objects.order_by("pk").first()
    assert scope is not None
    records = list(codec.export(scope.pk, *PERIOD))
    assert [r["code"] for r in records] == ["BT", "PBT"]
    assert all(r["unit"] == scope.code for r in records)

    changed_records = copy.deepcopy(records)
    changed_records[1]["name"] = "Phó Bí thư Thường trực"
    changed_records.append(
        {
            **records[0],
            "key": "title/UVBTV",
            "code": "UVBTV",
            "name": "Ủy viên Ban Thường vụ",
            "rank": 3,
        }
    )
    assert codec.apply(changed_records, receipt_id=5) == 2
    assert reg.Title.objects.get(code="PBT").name == "Phó Bí thư Thường trực"
    assert reg.Title.objects.get(code="UVBTV").rank == 3
    actions = set(
        AuditEntry.objects.filter(actor_label="bundle:5").values_list("action", flat=True)
    )
    assert actions == {"title.change", "title.create"}
    assert codec.apply(changed_records, receipt_id=6) == 0


def _receipt(scope: int, sha: str, received: dt.datetime) -> int:
    sender = reg.OrgUnit.objects.get(pk=scope)
    upper, _ = Installation.objects.get_or_create(
        name="Tỉnh ủy Tuyên Quang", defaults={"relation": "upper", "root_unit": sender}
    )
    return BundleReceipt.objects.create(
        sha256=sha, manifest={}, sender=upper, key_id="k1", direction="down",
        scope_unit=sender, scope_code=sender.code, period_start=PERIOD[0],
        period_end=PERIOD[1], kinds="rule_parameters", counts={}, created=received,
        received_at=received, status="current",
    ).pk  # fmt: skip


def test_rule_parameters_of_the_cycles_above_are_kept_and_shown_as_received() -> None:
    tree = merged_tree()
    opened = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    for root, year in ((tree.tuyen_quang_new, 2025), (tree.central, 2025), (tree.cell_a, 2025),
                       (tree.tuyen_quang_new, 2024)):  # fmt: skip
        cl.Cycle.objects.create(
            year=year, as_of=dt.date(year, 12, 31), root_id=root, name=f"Đợt {year}",
            rulebook="QD366", parameters={"cl_quota_ratio": "0.2"},
            settings={"cl_publicity_audience": ["subject"]}, opened_by="tinhuy", opened_at=opened,
        )  # fmt: skip
    codec = load_all()["rule_parameters"]
    records = list(codec.export(tree.commune, *PERIOD))
    codes = dict(reg.OrgUnit.objects.values_list("pk", "code"))
    # the cycles over the commune's province and the whole tree, not a cell's nor last year's
    assert {r["root"] for r in records} == {codes[tree.tuyen_quang_new], codes[tree.central]}
    assert all(r["unit"] == codes[tree.commune] for r in records)
    assert records[0]["settings"] == {"cl_publicity_audience": ["subject"]}

    first = _receipt(tree.commune, "a" * 64, opened)
    assert codec.apply(records, first) == 2
    shown = received_records("rule_parameters", [tree.commune])
    assert {r.payload["root"] for r in shown} == {codes[tree.tuyen_quang_new], codes[tree.central]}
    # a newer bundle with the same choices changes nothing, one new choice counts once
    again = copy.deepcopy(records)
    again[0]["parameters"] = {"cl_quota_ratio": "0.15"}
    second = _receipt(tree.commune, "b" * 64, opened + dt.timedelta(days=1))
    assert codec.apply(again, second) == 1
