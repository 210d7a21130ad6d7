"""The search of people and units over its index, on SQLite (FTS5) and PostgreSQL (GIN):
names without tones, codes, national IDs, birth years; the actor's scope and a unit's subtree;
the index following edits, transfers, renames, reorganizations and the bulk import; the
results page, the header box and the picker's endpoint."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core.errors import NotFound
from canbo.core.importing import PEOPLE_COLUMNS
from canbo.core.types import Interval, LineageKind, Role, UnitId, UnitKind
from canbo.registry import models
from canbo.registry.bulk import DjangoBulkImportUnitOfWork
from canbo.registry.io_files import open_source
from canbo.registry.search import PERSON, UNIT, search
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.registry import changes as svc
from canbo.services.registry import imports
from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-rat-dai-2026"
ADMIN = Actor(None, "admin", (Grant(Role.ADMIN, None),))


@dataclasses.dataclass(frozen=True)
class Town:
    tree: f.SmallTree
    an: int
    binh: int
    lan: int
    other_cell: int


@pytest.fixture
def town() -> Town:
    """Na Pô cell: Nguyễn Văn An (1980), Trần Thị Bình (1975); Bản Lý cell: Nguyễn Thị Lan;
    and a second commune with a cell also called "Chi bộ thôn Na Pô"."""
    tree = f.small_tree()
    an = f.person("Nguyễn Văn An", tree.cell_a, code="DV-0001")
    binh = f.person("Trần Thị Bình", tree.cell_a, birth=dt.date(1975, 2, 3))
    lan = f.person("Nguyễn Thị Lan", tree.cell_b, birth=dt.date(1990, 8, 9))
    _set_national_id(an, "001080012345")
    other = f.unit("Đảng bộ xã Bạch Đích", UnitKind.COMMUNE_PARTY_COMMITTEE, tree.ha_giang)
    other_cell = f.unit("Chi bộ thôn Na Pô", UnitKind.CELL, other, code="NAPO-2")
    return Town(tree, an, binh, lan, other_cell)


def _set_national_id(person_id: int, national_id: str) -> None:
    uow = DjangoRegistryUnitOfWork()
    data = uow.people.get(person_id)  # type: ignore[arg-type]
    assert data is not None
    changed = dataclasses.replace(data, national_id=national_id)
    svc.update_person(DjangoRegistryUnitOfWork(), SYSTEM, person_id, changed, f.TODAY)  # type: ignore[arg-type]


def _ids(text: str, actor: Actor = ADMIN, **kw: object) -> set[int]:
    return {h.id for h in search(actor, text, **kw) if h.kind == PERSON}  # type: ignore[arg-type]


def _secretary_of(cell: int) -> Actor:
    return Actor(None, "bithu", (Grant(Role.CELL_SECRETARY, UnitId(cell)),))


# Finding a person


def test_a_person_is_found_by_name_without_tones_and_by_prefixes(town: Town) -> None:
    assert _ids("nguyen van an") == {town.an}
    assert _ids("NGUYỄN") == {town.an, town.lan}
    assert _ids("ngu") == {town.an, town.lan}
    assert _ids("nguyen van a") == {town.an}
    assert _ids("an nguyen") == {town.an}  # words in any order
    assert _ids("tran thi binh") == {town.binh}
    assert _ids("nguyen binh") == set()


def test_a_person_is_found_by_code_national_id_and_birth_year_with_a_name(town: Town) -> None:
    assert _ids("DV-0001") == {town.an}
    assert _ids("dv 0001") == {town.an}
    assert _ids("001080012345") == {town.an}
    assert _ids("1990 nguyen") == {town.lan}
    assert _ids("nguyen 1980") == {town.an}
    assert _ids("1975") == {town.binh}


def test_a_hit_shows_birth_year_and_the_cell_with_its_parent(town: Town) -> None:
    (hit,) = search(ADMIN, "nguyen van an", {PERSON})
    assert (hit.name, hit.birth_year, hit.unit_name) == ("Nguyễn Văn An", 1980, "Chi bộ thôn Na Pô")
    assert hit.parent_name == "Đảng bộ xã Yên Minh"
    assert hit.label == "Nguyễn Văn An (1980) – Chi bộ thôn Na Pô, Đảng bộ xã Yên Minh"


def test_one_letter_and_operators_find_nothing_and_break_nothing(town: Town) -> None:
    assert search(ADMIN, "N") == []
    assert _ids('"nguyen" OR * NEAR(') == set()
    assert _ids("nguyen & an | !") == {town.an}


# Scope


def test_a_cell_secretary_does_not_find_people_of_another_cell(town: Town) -> None:
    secretary = _secretary_of(town.tree.cell_a)
    assert _ids("nguyen", secretary) == {town.an}
    assert _ids("lan", secretary) == set()
    assert _ids("1990", secretary) == set()


def test_a_search_within_a_unit_keeps_to_its_subtree(town: Town) -> None:
    assert _ids("nguyen", within=town.tree.cell_b) == {town.lan}
    assert _ids("nguyen", within=town.tree.commune) == {town.an, town.lan}
    with pytest.raises(NotFound):
        search(_secretary_of(town.tree.cell_a), "nguyen", within=town.tree.cell_b)


def test_same_named_sibling_units_are_told_apart_by_parent_and_code(town: Town) -> None:
    hits = search(ADMIN, "na po", {UNIT})
    labels = {h.label for h in hits}
    code_a = models.OrgUnit.objects.get(pk=town.tree.cell_a).code
    assert labels == {
        f"Chi bộ thôn Na Pô – Đảng bộ xã Yên Minh ({code_a})",
        "Chi bộ thôn Na Pô – Đảng bộ xã Bạch Đích (NAPO-2)",
    }
    assert all(h.kind_label == "Chi bộ trực thuộc" for h in hits)


# The index follows the registry


def test_the_index_follows_an_edit_of_the_name(town: Town) -> None:
    data = DjangoRegistryUnitOfWork().people.get(town.binh)  # type: ignore[arg-type]
    assert data is not None
    renamed = dataclasses.replace(data, full_name="Trần Thị Bích")
    svc.update_person(DjangoRegistryUnitOfWork(), SYSTEM, town.binh, renamed, f.TODAY)  # type: ignore[arg-type]
    assert _ids("tran thi bich") == {town.binh}
    assert _ids("binh") == set()


def test_the_index_follows_a_transfer_into_another_scope(town: Town) -> None:
    secretary = _secretary_of(town.tree.cell_b)
    assert _ids("an", secretary) == set()
    svc.transfer_person(
        DjangoRegistryUnitOfWork(), SYSTEM, town.an, town.tree.cell_b, dt.date(2026, 1, 1)
    )  # type: ignore[arg-type]
    assert _ids("nguyen van an", secretary) == {town.an}
    assert _ids("nguyen van an", _secretary_of(town.tree.cell_a)) == set()


def test_the_index_follows_a_merge_and_a_rename(town: Town) -> None:
    staff = Actor(None, "tq", (Grant(Role.ORG_STAFF, town.tree.tuyen_quang_new),))
    assert _ids("nguyen", staff) == set()
    svc.reorganize(
        DjangoRegistryUnitOfWork(),
        SYSTEM,
        kind=LineageKind.MERGE,
        date=dt.date(2025, 7, 1),
        legal_basis="NQ 202/2025/QH15",
        predecessors=[town.tree.ha_giang, town.tree.tuyen_quang_old],
        successors=[town.tree.tuyen_quang_new],
    )
    assert _ids("nguyen", staff) == {town.an, town.lan}
    version = DjangoRegistryUnitOfWork().units.get_version(town.tree.cell_b, f.TODAY)
    assert version is not None
    renamed = dataclasses.replace(
        version, name="Chi bộ thôn Bản Lý Hai", valid=Interval(dt.date(2026, 1, 1), None)
    )
    svc.change_unit(DjangoRegistryUnitOfWork(), SYSTEM, town.tree.cell_b, renamed)  # type: ignore[arg-type]
    names = {(h.name, h.is_current) for h in search(ADMIN, "ban ly", {UNIT})}
    assert ("Chi bộ thôn Bản Lý Hai", True) in names


def test_the_index_follows_a_bulk_import(town: Town, tmp_path: Path) -> None:
    header = [c.name for c in PEOPLE_COLUMNS]
    cell = models.OrgUnit.objects.get(pk=town.tree.cell_b).code
    row = [
        "DV-9001", "Hoàng Thị Ánh", "12/01/1988", "Nữ", "Tày", "Hà Giang", "", "", "19/05/2010",
        "19/05/2011", cell, "02/03/2015",
    ]  # fmt: skip
    path = tmp_path / "p.csv"
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    with open_source(path) as source:
        imports.import_people(
            DjangoBulkImportUnitOfWork(),
            SYSTEM,
            source,
            today=f.TODAY,
            file=imports.FileInfo("p.csv", "0" * 64),
        )
    (hit,) = search(_secretary_of(town.tree.cell_b), "hoang thi anh")
    assert (hit.name, hit.birth_year, hit.unit_name) == (
        "Hoàng Thị Ánh",
        1988,
        "Chi bộ thôn Bản Lý",
    )


def test_rebuilding_the_index_gives_the_same_answers(town: Town) -> None:
    before = _ids("nguyen")
    models.SearchEntry.objects.all().delete()
    assert _ids("nguyen") == set()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert _ids("nguyen") == before == {town.an, town.lan}


def test_the_text_index_is_used_not_a_scan(town: Town) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("SELECT name FROM sqlite_master WHERE name = 'registry_search_fts'")
            assert cur.fetchone() is not None
    else:
        with connection.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'registry_search_tsv'")
            assert cur.fetchone() is not None


# Pages


def _client(root: int | None = None, role: Role = Role.ORG_STAFF) -> Client:
    user = User.objects.create_user(f"u{root}", password=PASSWORD)
    RoleGrant.objects.create(user=user, role=role, unit_id=root, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def test_the_results_page_lists_people_found_by_a_name_with_tones(town: Town) -> None:
    client = _client(town.tree.ha_giang)
    page = client.get("/search/", {"q": "Nguyễn"}).content.decode()
    assert "Nguyễn Văn An" in page and "Nguyễn Thị Lan" in page
    assert f"/people/{town.an}/" in page
    assert "sinh năm 1980" in page


def test_the_header_box_is_on_every_page_and_scoped_on_a_unit_page(town: Town) -> None:
    client = _client(town.tree.ha_giang)
    tree_page = client.get("/tree/").content.decode()
    assert 'class="header-search"' in tree_page
    unit_page = client.get(f"/units/{town.tree.cell_b}/", {"as_of": "2024-01-01"}).content.decode()
    assert f'name="trong" value="{town.tree.cell_b}"' in unit_page
    within = client.get("/search/", {"q": "nguyen", "trong": town.tree.cell_b}).content.decode()
    assert "Nguyễn Thị Lan" in within and "Nguyễn Văn An" not in within


def test_the_picker_endpoint_returns_options_with_ids(town: Town) -> None:
    client = _client(town.tree.ha_giang)
    response = client.get("/tim/goi-y/", {"q": "nguyen", "loai": "person"})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'data-id="{town.an}"' in body and f'data-id="{town.lan}"' in body
    assert "<li" in body and "<html" not in body
    units = client.get(
        "/tim/goi-y/", {"q": "na po", "loai": "unit", "trong": town.tree.commune}
    ).content.decode()
    assert f'data-id="{town.tree.cell_a}"' in units and f'data-id="{town.other_cell}"' not in units


def test_an_invalid_parameter_gets_a_message_not_a_silent_default(town: Town) -> None:
    client = _client(town.tree.ha_giang)
    response = client.get("/tim/goi-y/", {"q": "nguyen", "loai": "dog"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert client.get("/search/", {"q": "nguyen", "trong": "abc"}).status_code == 400


def test_an_out_of_scope_unit_in_trong_is_not_found(town: Town) -> None:
    client = _client(town.tree.cell_a, Role.CELL_SECRETARY)
    response = client.get("/tim/goi-y/", {"q": "nguyen", "trong": town.tree.cell_b})
    assert response.status_code == 404
