"""What the upward bundle kinds carry: the published classification, the certified confidence
votes and the congresses with their election results of the sender's subtree and period,
units and people by code, nothing from outside the scope or the period, nothing unpublished."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from canbo.bundles.kinds import load_all
from canbo.classification import models as cl
from canbo.conferences.models import Conference
from canbo.congresses import models as cg
from canbo.core.types import PersonId, UnitId, UnitKind
from canbo.elections import models as el
from canbo.registry.models import OrgUnit, Person
from canbo.services.bundles.ports import Direction
from canbo.services.ports import SYSTEM
from canbo.services.stats.statistics import member_statistics
from canbo.stats.selectors import reader
from canbo.voting import models as voting
from tests import factories as f

pytestmark = pytest.mark.django_db

YEAR = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Place:
    province: UnitId
    commune: UnitId
    cell: UnitId
    other_commune: UnitId
    other_cell: UnitId
    mai: PersonId
    pao: PersonId
    stranger: PersonId


def place() -> Place:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    commune = f.unit("Đảng bộ xã Minh Quang", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ thôn Khuôn Khương", UnitKind.CELL, commune)
    other_province = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    other = f.unit("Đảng bộ xã Bát Xát", UnitKind.COMMUNE_PARTY_COMMITTEE, other_province)
    other_cell = f.unit("Chi bộ thôn Trung Chải", UnitKind.CELL, other)
    mai = f.person("Lý Thị Mai", cell)
    pao = f.person("Giàng A Páo", cell)
    stranger = f.person("Vàng Seo Chử", other_cell)
    return Place(province, commune, cell, other, other_cell, mai, pao, stranger)


def code(unit_id: int) -> str:
    return OrgUnit.objects.get(pk=unit_id).code


def pcode(person_id: int) -> str:
    return Person.objects.get(pk=person_id).code


def export(kind: str, scope: int, period: tuple[dt.date, dt.date] = YEAR) -> list[dict]:
    records = list(load_all()[kind].export(scope, *period))
    json.dumps(records)  # every record is JSON-safe as it is
    return records


def cycle(root: int, year: int, status: str) -> cl.Cycle:
    return cl.Cycle.objects.create(
        year=year,
        as_of=dt.date(year, 12, 31),
        root_id=root,
        name=f"Đánh giá, xếp loại năm {year}",
        rulebook="QD366",
        parameters={},
        settings={},
        status=status,
        opened_by="tinhuy",
        opened_at=NOW,
        published_at=NOW if status == "published" else None,
    )


def subject(c: cl.Cycle, unit: int, person: int | None, level: int | None, **kw: object) -> None:
    cl.CycleSubject.objects.create(
        cycle=c,
        kind="collective" if person is None else "individual",
        unit_id=unit,
        person_id=person,
        decider_id=unit,
        top_id=unit,
        group="g",
        group_unit_id=unit,
        final_level=level,
        **kw,
    )


def test_every_kind_of_the_issue_is_registered_with_its_direction() -> None:
    codecs = load_all()
    up = {
        "congress_results",
        "classification_results",
        "confidence_results",
        "statistics",
        "survey_submissions",
    }
    down = {"unit_tree", "titles", "report_forms"}
    assert up <= set(codecs)
    assert down <= set(codecs)
    assert all(codecs[k].direction is Direction.UP for k in up)
    assert all(codecs[k].direction is Direction.DOWN for k in down)


def test_classification_results_carry_published_levels_of_the_scope_only() -> None:
    p = place()
    published = cycle(p.province, 2025, "published")
    subject(published, p.commune, None, 3)
    subject(published, p.cell, p.mai, 2)
    subject(published, p.cell, p.pao, None, exemption="admitted_lt_6_months")
    subject(published, p.cell, p.pao, None)  # still pending: nothing to send
    subject(published, p.other_cell, p.stranger, 1)  # another province's subtree
    still_open = cycle(p.province, 2025, "open")
    subject(still_open, p.cell, p.mai, 0)  # not published: never leaves the installation
    last_year = cycle(p.province, 2024, "published")
    subject(last_year, p.cell, p.mai, 1)  # outside the period

    records = export("classification_results", p.commune)

    by_person = {r["person"]: r for r in records if r["person"]}
    assert len(records) == 3
    assert by_person[pcode(p.mai)]["level"] == "HTT"
    assert by_person[pcode(p.mai)]["full_name"] == "Lý Thị Mai"
    assert by_person[pcode(p.mai)]["unit"] == code(p.cell)
    assert by_person[pcode(p.pao)]["level"] is None
    assert by_person[pcode(p.pao)]["exemption"] == "admitted_lt_6_months"
    collective = next(r for r in records if r["subject_kind"] == "collective")
    assert collective["level"] == "HTXS"
    assert collective["key"] == f"2025/{code(p.province)}/collective/{code(p.commune)}"
    assert len({r["key"] for r in records}) == len(records)
    assert all(r["year"] == 2025 and r["cycle_root"] == code(p.province) for r in records)


def _vote(unit: int, held_on: dt.date, status: str, lines: list[tuple[int, str]]) -> None:
    conference = Conference.objects.create(
        unit_id=unit, title="Hội nghị Ban Chấp hành", body="party", held_on=held_on
    )
    session = voting.VoteSession.objects.create(
        conference=conference, title="Lấy phiếu tín nhiệm", rulebook_id="QD96_2023", status=status
    )
    persons = [
        {
            "person_id": pid,
            "position": "Bí thư",
            "high": 9,
            "mid": 1,
            "low": 0,
            "invalid": 0,
            "band": band,
        }
        for pid, band in lines
    ]
    voting.ResultVersion.objects.create(
        session=session, number=1, data={"persons": persons, "convened": 10}, certified=False
    )
    voting.ResultVersion.objects.create(
        session=session,
        number=2,
        reason="Nhập lại phiếu",
        data={"persons": persons, "convened": 10},
        certified=status in ("certified", "published"),
    )


def test_confidence_results_carry_the_latest_certified_version_with_people_by_code() -> None:
    p = place()
    _vote(p.commune, dt.date(2025, 11, 5), "certified", [(p.mai, "A"), (p.pao, "B")])
    _vote(p.commune, dt.date(2025, 11, 6), "counted", [(p.mai, "C")])  # not certified yet
    _vote(p.other_commune, dt.date(2025, 11, 5), "published", [(p.stranger, "A")])
    _vote(p.commune, dt.date(2024, 11, 5), "published", [(p.mai, "A")])  # before the period

    records = export("confidence_results", p.province)

    assert len(records) == 1
    (record,) = records
    assert record["unit"] == code(p.commune)
    assert record["version"] == 2
    assert record["held_on"] == "2025-11-05"
    assert record["result"] == {"convened": 10}
    lines = {line["person"]: line for line in record["persons"]}
    assert set(lines) == {pcode(p.mai), pcode(p.pao)}
    assert lines[pcode(p.pao)]["band"] == "B"
    assert lines[pcode(p.pao)]["full_name"] == "Giàng A Páo"
    assert all("person_id" not in line for line in record["persons"])


def _congress(unit: int, opens: dt.date, status: str) -> cg.Congress:
    conference = Conference.objects.create(
        unit_id=unit, title="Đại hội", body="party", held_on=opens
    )
    return cg.Congress.objects.create(
        unit_id=unit,
        title="Đại hội Đảng bộ xã Minh Quang lần thứ XXV",
        term_label="2025-2030",
        kind="delegates",
        opens_on=opens,
        closes_on=opens + dt.timedelta(days=1),
        rulebook_id="QD190_2025",
        conference=conference,
        status=status,
    )


def test_congress_results_carry_each_election_its_rounds_and_the_people_elected() -> None:
    p = place()
    congress = _congress(p.commune, dt.date(2025, 6, 10), "closed")
    cg.RollEntry.objects.create(congress=congress, person_id=p.mai, role="official_delegate")
    cg.RollEntry.objects.create(congress=congress, person_id=p.pao, role="official_delegate")
    election = el.Election.objects.create(congress=congress, kind="committee", seats=1)
    session = voting.VoteSession.objects.create(
        conference=congress.conference,
        title="Bầu Ban Chấp hành",
        rulebook_id="QD190_2025",
        status="published",
        parameters={"ballot_kind": "strike_out"},
    )
    result = {
        "format_version": 1,
        "candidates": [
            {"name": "Lý Thị Mai", "person_id": p.mai, "votes": 2, "elected": True},
            {"name": "Giàng A Páo", "person_id": p.pao, "votes": 1, "elected": False},
        ],
        "elected": ["Lý Thị Mai"],
    }
    rnd = el.Round.objects.create(
        election=election, number=1, vote_session=session, seats=1, result=result
    )
    el.ElectedPerson.objects.create(
        election=election, round=rnd, person_id=p.mai, congress=congress
    )
    el.Approval.objects.create(
        election=election,
        approving_unit_id=p.province,
        decision_number="123-QĐ/TU",
        decided_on=dt.date(2025, 6, 20),
    )
    _congress(p.commune, dt.date(2025, 7, 1), "preparing")  # nothing held yet
    _congress(p.other_commune, dt.date(2025, 6, 10), "closed")  # outside the scope

    records = export("congress_results", p.province)

    assert len(records) == 1
    (record,) = records
    assert record["unit"] == code(p.commune)
    assert record["convened"] == 2
    (one,) = record["elections"]
    assert one["approval"]["approving_unit"] == code(p.province)
    assert one["approval"]["decision_number"] == "123-QĐ/TU"
    (first,) = one["rounds"]
    assert [c["person"] for c in first["result"]["candidates"]] == [pcode(p.mai), pcode(p.pao)]
    assert all("person_id" not in c for c in first["result"]["candidates"])
    (person,) = one["elected"]
    assert person["person"] == pcode(p.mai)
    assert person["sex"] == "M"
    assert person["round"] == 1
    # confidence results never carry an election round
    assert export("confidence_results", p.province) == []


def test_upward_kinds_write_nothing_when_applied() -> None:
    codecs = load_all()
    for kind in ("congress_results", "classification_results", "confidence_results"):
        assert codecs[kind].apply([{"unit": "X", "key": "k"}], receipt_id=1) == 0


def test_statistics_carry_the_scope_s_report_and_one_per_unit_below() -> None:
    p = place()
    as_of = dt.date(2025, 12, 31)

    records = export("statistics", p.province, (dt.date(2025, 1, 1), as_of))

    assert [r["unit"] for r in records] == [code(p.province), code(p.commune)]
    assert [r["scope"] for r in records] == [True, False]
    top = records[0]["report"]
    assert "unit_id" not in top
    assert top["as_of"] == "2025-12-31"
    assert {t["code"] for t in top["tables"]} >= {"bieu1", "bieu2"}
    assert records[0]["key"] == f"statistics/{code(p.province)}/2025-12-31"
    # the statistics use case's own report, as it exports it, the row id left out
    own = member_statistics(SYSTEM, reader(), p.commune, as_of).as_dict()
    own.pop("unit_id")
    assert records[1]["report"] == own
