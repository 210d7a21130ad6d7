"""Every date and id a URL can carry, asked for where nothing is: the page says so in words and
never fails. The unit page on a day the unit did not exist names the days it did, and links to
them; a person page asked for a day before the birth says so; a date that is not a date is
named on the page instead of being silently replaced by today."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core.types import LineageKind, Role
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.registry import changes as svc
from tests import factories as f
from tests.integration.test_fuzz_endpoints import _client, targets, world  # noqa: F401

pytestmark = pytest.mark.django_db

MISSING_ID = "424242"
DATES = ("1900-01-01", "2024-02-30", "31/12/2024", "hôm qua")
ENGLISH_DEFAULTS = {"Not found.", "Not Found", "The request was refused."}
ANSWERS = {200, 301, 302, 400, 403, 404, 405, 409}


def _missing_id_paths(ids: dict[str, int]) -> list[str]:
    paths = []
    for target in targets(ids):
        if target.huge and not target.path.startswith("/admin/"):
            paths.append(target.huge[0].replace("9223372036854775808", MISSING_ID))
    return paths


def test_every_id_in_a_url_that_names_nothing_gets_a_page_in_words(
    world: dict[str, int],  # noqa: F811
) -> None:
    client = _client("admin")
    paths = _missing_id_paths(world)
    assert len(paths) > 20
    for path in paths:
        response = client.get(path)
        assert response.status_code in ANSWERS, path
        if response.status_code == 404 and "html" in response.get("Content-Type", ""):
            heading = re.search(r"<h1>([^<]+)</h1>", response.content.decode())
            assert heading is not None, path
            assert heading[1] not in ENGLISH_DEFAULTS, (path, heading[1])


def test_every_page_given_any_date_answers_without_failing(
    world: dict[str, int],  # noqa: F811
) -> None:
    client = _client("admin")
    for target in targets(world):
        if target.path.startswith("/admin/"):
            continue  # Django's own admin site
        for day in DATES:
            response = client.get(target.path, {"as_of": day, "on": day, "date": day})
            assert response.status_code in ANSWERS, (target.path, day)


def _merged() -> f.SmallTree:
    """The small tree with Hà Giang and Tuyên Quang merged on 01/07/2025 (OR-16)."""
    tree = f.small_tree()
    svc.reorganize(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        kind=LineageKind.MERGE,
        date=dt.date(2025, 7, 1),
        legal_basis="NQ 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    return tree


def test_a_unit_asked_for_a_day_it_did_not_exist_names_the_days_it_did() -> None:
    tree = _merged()
    client = _staff_over(tree.central)
    before = client.get(f"/units/{tree.tuyen_quang_new}/", {"as_of": "2024-12-31"})
    page = before.content.decode()
    assert before.status_code == 200
    assert "Đơn vị này không tồn tại tại ngày 31/12/2024." in page
    links = re.findall(rf'href="/units/{tree.tuyen_quang_new}/\?as_of=([0-9-]+)"', page)
    assert "2025-07-01" in links
    after = client.get(f"/units/{tree.ha_giang}/", {"as_of": "2026-01-01"})
    assert after.status_code == 200
    assert "Đơn vị này không tồn tại tại ngày 01/01/2026." in after.content.decode()
    assert re.search(
        rf'href="/units/{tree.ha_giang}/\?as_of=\d{{4}}-\d\d-\d\d"', after.content.decode()
    )


def _staff_over(root: int) -> Client:
    user = User.objects.create_user("bantochuc", password="mat-khau-rat-dai-2026")
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=root, valid_from=dt.date(2000, 1, 1)
    )
    client = Client()
    client.force_login(user)
    return client


def test_a_unit_page_outside_the_actors_scope_still_answers_like_a_missing_one() -> None:
    tree = f.small_tree()
    client = _staff_over(tree.cell_b)
    response = client.get(f"/units/{tree.cell_a}/", {"as_of": "1990-01-01"})
    assert response.status_code == 404
    assert "Chi bộ thôn Na Pô" not in response.content.decode()


def test_a_person_asked_for_a_day_before_their_birth_says_so() -> None:
    tree = _merged()
    an = f.person("Nguyễn Văn An", tree.cell_a)
    client = _staff_over(tree.central)
    page = client.get(f"/people/{an}/", {"as_of": "1900-01-01"}).content.decode()
    assert "Người này chưa sinh hoặc đã mất tại ngày 01/01/1900" in page
    assert f'href="/people/{an}/"' in page
    plain = client.get(f"/people/{an}/").content.decode()
    assert "data-absent" not in plain


def test_a_date_that_is_not_a_date_is_named_on_the_page() -> None:
    tree = _merged()
    client = _staff_over(tree.central)
    page = client.get(f"/units/{tree.commune}/", {"as_of": "2024-02-30"}).content.decode()
    assert '"2024-02-30" không phải là ngày hợp lệ' in page
    tree_page = client.get("/tree/", {"as_of": "hôm qua"}).content.decode()
    assert "không phải là ngày hợp lệ" in tree_page
