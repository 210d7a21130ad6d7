"""The results reports on the database (SQLite and PostgreSQL): rolled up by branch with the
tree's recursive query, only published, certified and held results, received records marked;
each as a page, an XLSX with numbers as numbers and a PDF; the dashboard's charts draw exactly
the numbers of their tables."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.bundles import models as bundles
from canbo.classification import models as cl
from canbo.conferences.models import Conference
from canbo.congresses import models as cg
from canbo.core.types import PersonId, Role, Sex, UnitId, UnitKind
from canbo.elections import models as el
from canbo.reports.reader import DjangoResultsReader
from canbo.services.ports import Actor, Grant
from canbo.services.reports.results import ReportKind, results_report
from canbo.voting import models as voting
from tests import factories as f

pytestmark = pytest.mark.django_db

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)
QUERY = "start=2025-01-01&end=2025-12-31"


@dataclass(frozen=True)
class Place:
    province: UnitId
    minh: UnitId
    bat: UnitId
    cell: UnitId
    bat_cell: UnitId
    other: UnitId
    mai: PersonId
    pao: PersonId
    lan: PersonId
    stranger: PersonId


def place() -> Place:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    minh = f.unit("Đảng bộ xã Minh Quang", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    bat = f.unit("Đảng bộ xã Bạch Xa", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ thôn Khuôn Khương", UnitKind.CELL, minh)
    bat_cell = f.unit("Chi bộ thôn Nà Héc", UnitKind.CELL, bat)
    other_province = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    other = f.unit("Đảng bộ xã Bát Xát", UnitKind.COMMUNE_PARTY_COMMITTEE, other_province)
    mai = f.person("Lý Thị Mai", cell, sex=Sex.FEMALE, birth=dt.date(1990, 2, 3))
    pao = f.person("Giàng A Páo", cell, birth=dt.date(1968, 4, 5))
    lan = f.person("Hoàng Thị Lan", bat_cell, sex=Sex.FEMALE)
    stranger = f.person("Vàng Seo Chử", f.unit("Chi bộ thôn Trung Chải", UnitKind.CELL, other))
    return Place(province, minh, bat, cell, bat_cell, other, mai, pao, lan, stranger)


def cycle(root: int, year: int, status: str) -> cl.Cycle:
    return cl.Cycle.objects.create(
        year=year, as_of=dt.date(year, 12, 31), root_id=root, name=f"Xếp loại năm {year}",
        rulebook="QD366", parameters={}, settings={}, status=status, opened_by="tinhuy",
        opened_at=NOW, published_at=NOW if status == "published" else None,
    )  # fmt: skip


def subject(c: cl.Cycle, unit: int, person: int | None, level: int | None, **kw: object) -> None:
    cl.CycleSubject.objects.create(
        cycle=c, kind="collective" if person is None else "individual", unit_id=unit,
        person_id=person, decider_id=unit, top_id=unit, group="g", group_unit_id=unit,
        final_level=level, **kw,
    )  # fmt: skip


def vote(unit: int, held_on: dt.date, status: str, lines: list[tuple[int, str]]) -> None:
    conference = Conference.objects.create(
        unit_id=unit, title="Hội nghị Ban Chấp hành", body="party", held_on=held_on
    )
    session = voting.VoteSession.objects.create(
        conference=conference, title="Lấy phiếu tín nhiệm", rulebook_id="QD96_2023", status=status
    )
    persons = [
        {"person_id": pid, "position": "Bí thư", "high": 9, "mid": 1, "low": 0, "invalid": 0,
         "band": band}
        for pid, band in lines
    ]  # fmt: skip
    first = voting.ResultVersion.objects.create(
        session=session, number=1, data={"persons": persons}, certified=True
    )
    voting.ResultLine.objects.create(
        version=first, person_id=lines[0][0], position="Bí thư", high=0, mid=0, low=9,
        invalid=0, band="C",
    )  # fmt: skip  # replaced by the correction below when that is certified
    certified = status in ("certified", "published")
    second = voting.ResultVersion.objects.create(
        session=session, number=2, reason="Nhập lại", data={"persons": persons},
        certified=certified,
    )  # fmt: skip
    for pid, band in lines:
        voting.ResultLine.objects.create(
            version=second, person_id=pid, position="Bí thư", high=9, mid=1, low=0, invalid=0,
            band=band,
        )  # fmt: skip


def congress(unit: int, opens: dt.date, status: str, elected: list[int]) -> cg.Congress:
    conference = Conference.objects.create(
        unit_id=unit, title="Đại hội", body="party", held_on=opens
    )
    c = cg.Congress.objects.create(
        unit_id=unit, title="Đại hội", term_label="2025-2030", kind="delegates", opens_on=opens,
        closes_on=opens + dt.timedelta(days=1), rulebook_id="QD190_2025",
        conference=conference, status=status,
    )  # fmt: skip
    if elected:
        election = el.Election.objects.create(
            congress=c, kind="committee", seats=len(elected), status="approved"
        )
        session = voting.VoteSession.objects.create(
            conference=conference, title="Bầu Ban Chấp hành", rulebook_id="QD190_2025",
            status="published",
        )  # fmt: skip
        rnd = el.Round.objects.create(
            election=election, number=1, vote_session=session, seats=len(elected)
        )
        for pid in elected:
            el.ElectedPerson.objects.create(election=election, round=rnd, person_id=pid, congress=c)
    return c


def received(p: Place, kind: str, unit: int, payloads: list[dict]) -> None:  # type: ignore[type-arg]
    sender = bundles.Installation.objects.create(
        name="Máy trạm xã Bạch Xa", relation="lower", root_unit_id=p.bat
    )
    receipt = bundles.BundleReceipt.objects.create(
        sha256="ab" * 32, manifest={}, sender=sender, key_id="k1", direction="up",
        scope_unit_id=p.bat, scope_code="X", period_start=START, period_end=END, kinds=kind,
        counts={kind: len(payloads)}, created=NOW, received_at=NOW, status="current",
    )  # fmt: skip
    for i, payload in enumerate(payloads):
        bundles.ReceivedRecord.objects.create(
            receipt=receipt, kind=kind, unit_id=unit, key=f"k{i}", payload=payload
        )


def world() -> Place:
    p = place()
    published = cycle(p.province, 2025, "published")
    subject(published, p.minh, None, 3)
    subject(published, p.cell, None, 2)
    subject(published, p.cell, p.mai, 2)
    subject(published, p.cell, p.pao, None, exemption="admitted_lt_6_months")
    subject(published, p.bat_cell, p.lan, 0)
    subject(published, p.other, p.stranger, 1)  # another province
    subject(cycle(p.province, 2025, "open"), p.cell, p.mai, 0)  # not published
    subject(cycle(p.province, 2024, "published"), p.cell, p.mai, 1)  # another year
    vote(p.minh, dt.date(2025, 11, 5), "certified", [(p.mai, "none"), (p.pao, "B")])
    vote(p.minh, dt.date(2025, 11, 6), "counted", [(p.mai, "C")])  # not certified
    vote(p.bat, dt.date(2024, 11, 5), "published", [(p.lan, "C")])  # before the period
    congress(p.minh, dt.date(2025, 6, 10), "closed", [p.mai, p.pao])
    congress(p.bat, dt.date(2025, 6, 12), "open", [])
    congress(p.bat, dt.date(2025, 12, 1), "preparing", [])  # not held yet
    congress(p.other, dt.date(2025, 6, 10), "closed", [p.stranger])
    return p


def staff(p: Place) -> Actor:
    return Actor(None, "bantochuc", (Grant(Role.ORG_STAFF, p.province),))


def client(p: Place, root: UnitId | None = None) -> Client:
    user = User.objects.create_user("bantochuc.tq", password="x-Secret-123")
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=root or p.province, valid_from=dt.date(2020, 1, 1)
    )
    c = Client()
    c.force_login(user)
    return c


def client_again(p: Place) -> Client:
    c = Client()
    c.force_login(User.objects.get(username="bantochuc.tq"))
    return c


def by_name(kind: ReportKind, p: Place) -> dict[str, dict[str, int]]:
    rep = results_report(staff(p), DjangoResultsReader(), kind, p.province, START, END)
    return {
        ("↑" if r.received else "") + r.name: dict(zip(rep.columns, r.values, strict=True))
        for r in rep.rows
    } | {"total": dict(zip(rep.columns, rep.total, strict=True))}


def test_classification_counts_published_levels_of_the_year_by_commune() -> None:
    p = world()
    found = by_name(ReportKind.CLASSIFICATION, p)
    minh = found["Đảng bộ xã Minh Quang"]
    assert (minh["collective_total"], minh["collective_HTXS"], minh["collective_HTT"]) == (2, 1, 1)
    assert (minh["person_total"], minh["person_HTT"], minh["person_KHT"]) == (1, 1, 0)
    assert found["Đảng bộ xã Bạch Xa"]["person_KHT"] == 1
    assert found["total"]["person_total"] == 2
    assert found["total"]["person_HT"] == 0


def test_confidence_counts_the_latest_certified_version_of_votes_held_in_the_period() -> None:
    p = world()
    found = by_name(ReportKind.CONFIDENCE, p)
    assert found["Đảng bộ xã Minh Quang"] == {
        "sessions": 1, "people": 2, "band_none": 1, "band_B": 1, "band_C": 0,
    }  # fmt: skip
    assert found["total"]["band_C"] == 0


def test_congresses_count_those_held_and_the_committee_elected() -> None:
    p = world()
    found = by_name(ReportKind.CONGRESSES, p)
    minh = found["Đảng bộ xã Minh Quang"]
    assert (minh["congresses"], minh["closed"], minh["committees"], minh["elected"]) == (1, 1, 1, 2)
    assert (minh["women"], minh["young"], minh["pending"]) == (1, 1, 0)
    bat = found["Đảng bộ xã Bạch Xa"]
    assert (bat["congresses"], bat["closed"], bat["committees"]) == (1, 0, 0)
    assert found["total"]["congresses"] == 2


def test_what_a_lower_installation_sent_is_a_marked_row_counted_in_the_total() -> None:
    p = world()
    payloads = [
        {"subject_kind": "individual", "level": "HTXS", "year": 2025},
        {"subject_kind": "collective", "level": "HT", "year": 2025},
        {"subject_kind": "individual", "level": "HTXS", "year": 2024},  # another year
    ]
    offline = f.unit("Chi bộ thôn Phiêng Tạ", UnitKind.CELL, p.bat)  # its results are not here
    received(p, "classification_results", offline, payloads)
    found = by_name(ReportKind.CLASSIFICATION, p)
    row = found["↑Đảng bộ xã Bạch Xa"]
    assert (row["person_HTXS"], row["collective_HT"], row["person_total"]) == (1, 1, 1)
    assert found["total"]["person_total"] == 3

    page = client(p).get(f"/bao-cao/xep-loai/?unit=id:{p.province}&{QUERY}")
    html = page.content.decode()
    assert page.status_code == 200
    assert "nhận từ hệ thống cấp dưới" in html
    assert "Máy trạm xã Bạch Xa" in html
    from openpyxl import load_workbook

    book = client_again(p).get(f"/bao-cao/xep-loai.xlsx?unit=id:{p.province}&{QUERY}")
    names = [
        row[1] for row in load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True)
    ]
    assert "Đảng bộ xã Bạch Xa (nhận từ hệ thống cấp dưới: Máy trạm xã Bạch Xa)" in names


def test_what_was_sent_for_a_unit_whose_own_results_are_here_is_not_counted_twice() -> None:
    p = world()
    payloads = [{"subject_kind": "individual", "level": "HTT", "year": 2025}]
    received(p, "classification_results", p.cell, payloads)  # the cell's results are here
    found = by_name(ReportKind.CLASSIFICATION, p)
    assert not any(name.startswith("↑") for name in found)
    assert found["total"]["person_total"] == 2
    html = client(p).get(f"/bao-cao/xep-loai/?unit=id:{p.province}&{QUERY}").content.decode()
    assert "data-already-held" in html


def test_a_unit_that_did_not_exist_on_the_last_day_is_refused_on_the_page() -> None:
    p = world()
    gone = f.unit(
        "Đảng bộ xã Yên Thuận", UnitKind.COMMUNE_PARTY_COMMITTEE, p.province,
        until=dt.date(2025, 6, 30),
    )  # fmt: skip
    page = client(p).get(f"/bao-cao/tin-nhiem/?unit=id:{gone}&{QUERY}")
    assert page.status_code == 400
    assert "không tồn tại vào ngày 31/12/2025" in page.content.decode()


def test_another_provinces_commune_is_not_found() -> None:
    p = world()
    page = client(p).get(f"/bao-cao/dai-hoi/?unit=id:{p.other}&{QUERY}")
    assert page.status_code in (400, 404)
    assert "Bát Xát" not in page.content.decode().split("<main", 1)[-1].split("</form>", 1)[-1]


@pytest.mark.parametrize("slug", ["xep-loai", "tin-nhiem", "dai-hoi"])
def test_each_report_is_a_page_an_xlsx_of_numbers_and_a_pdf(slug: str) -> None:
    from openpyxl import load_workbook

    p = world()
    c = client(p)
    page = c.get(f"/bao-cao/{slug}/?unit=id:{p.province}&{QUERY}")
    assert page.status_code == 200
    assert "Đảng bộ xã Minh Quang" in page.content.decode()
    book = c.get(f"/bao-cao/{slug}.xlsx?unit=id:{p.province}&{QUERY}")
    assert book.status_code == 200
    sheet = load_workbook(io.BytesIO(book.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "ĐẢNG BỘ TỈNH TUYÊN QUANG"
    total = next(row for row in values if row[1] == "Tổng cộng")
    assert all(isinstance(v, int) for v in total[2:])
    assert sum(total[2:]) > 0
    pdf = c.get(f"/bao-cao/{slug}.pdf?unit=id:{p.province}&{QUERY}")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def _chart_rows(option: dict) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    series = option["series"][0]
    if series["type"] == "pie":
        return [(d["name"], d["value"]) for d in series["data"]]
    axis = option["xAxis"] if option["xAxis"]["type"] == "category" else option["yAxis"]
    return list(zip(axis["data"], series["data"], strict=True))


def test_each_chart_of_the_dashboard_draws_exactly_the_numbers_of_its_table() -> None:
    p = world()
    page = client(p).get(f"/bao-cao/tong-quan/?unit=id:{p.province}&{QUERY}")
    assert page.status_code == 200
    html = page.content.decode()
    keys = re.findall(r'<table class="figures" data-chart="([^"]+)">', html)
    assert {"members-age", "classification-person", "confidence", "congresses", "programme"} <= set(
        keys
    )
    for key in keys:
        script = re.search(
            rf'<script id="option-{key}" type="application/json">(.*?)</script>', html, re.S
        )
        table = re.search(rf'<table class="figures" data-chart="{key}">(.*?)</table>', html, re.S)
        assert script is not None and table is not None
        counts = [int(n) for n in re.findall(r'data-count="(\d+)"', table[1])]
        assert [v for _label, v in _chart_rows(json.loads(script[1]))] == counts
    confidence = re.search(r'data-chart="confidence">(.*?)</table>', html, re.S)
    assert confidence is not None
    assert re.findall(r'data-count="(\d+)"', confidence[1]) == ["1", "1", "0"]
    members = re.search(r'data-chart="members-status">(.*?)</table>', html, re.S)
    assert members is not None
    assert sum(int(n) for n in re.findall(r'data-count="(\d+)"', members[1])) == 3


def test_the_hub_links_every_report() -> None:
    p = world()
    html = client(p).get("/bao-cao/").content.decode()
    for path in ("/bao-cao/tong-quan/", "/bao-cao/xep-loai/", "/thong-ke/", "/lien-thong/"):
        assert f'href="{path}"' in html


def test_the_report_page_runs_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    p = world()
    c = client(p)
    with django_assert_max_num_queries(40):
        assert c.get(f"/bao-cao/dai-hoi/?unit=id:{p.province}&{QUERY}").status_code == 200


def test_a_cell_secretary_opens_on_the_cell_and_sees_its_own_results_only() -> None:
    p = world()
    user = User.objects.create_user("bithu.nahec", password="x-Secret-123")
    RoleGrant.objects.create(
        user=user, role=Role.CELL_SECRETARY, unit_id=p.bat_cell, valid_from=dt.date(2020, 1, 1)
    )
    c = Client()
    c.force_login(user)
    html = c.get(f"/bao-cao/xep-loai/?{QUERY}").content.decode()
    assert "Chi bộ thôn Nà Héc (trực tiếp)" in html
    assert "Minh Quang" not in html
    empty = c.get(f"/bao-cao/dai-hoi/?unit=id:{p.bat_cell}&{QUERY}").content.decode()
    assert "Chưa có kết quả nào trong kỳ báo cáo." in empty
