"""The member count of a unit page names the unit by its kind: a cell is a cell, not "the whole
Party organization"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role, UnitKind
from tests import factories as f

pytestmark = pytest.mark.django_db


def _page(unit: int, root: int) -> str:
    user = User.objects.create_user("bantochuc", password="mat-khau-rat-dai-2026")
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=root, valid_from=dt.date(2000, 1, 1)
    )
    client = Client()
    client.force_login(user)
    return client.get(f"/units/{unit}/", {"as_of": "2024-12-31"}).content.decode()


def test_a_cell_page_counts_the_cells_members() -> None:
    tree = f.small_tree()
    f.person("Nguyễn Văn An", tree.cell_a)
    page = _page(tree.cell_a, tree.commune)
    assert "Chi bộ có 1 đảng viên tại ngày 31/12/2024." in page
    assert "Toàn đảng bộ" not in page


def test_a_party_committee_page_counts_the_whole_organization() -> None:
    tree = f.small_tree()
    f.person("Nguyễn Văn An", tree.cell_a)
    assert "Toàn đảng bộ có 1 đảng viên tại ngày 31/12/2024." in _page(tree.commune, tree.commune)


def test_a_state_unit_page_does_not_call_itself_a_party_organization() -> None:
    province = f.unit("Tỉnh Hà Giang", UnitKind.PROVINCE)
    page = _page(province, province)
    assert "Đơn vị và các đơn vị trực thuộc có 0 đảng viên" in page
    assert "Toàn đảng bộ" not in page
