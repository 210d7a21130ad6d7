"""The REST API over real HTTP: basic authentication against the running server."""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from typing import Any

import pytest
import yaml
from django.contrib.auth import get_user_model

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-cua-ban-to-chuc"


@pytest.fixture
def tree() -> f.SmallTree:
    return f.small_tree()


@pytest.fixture
def opener(live_server: Any, tree: f.SmallTree) -> urllib.request.OpenerDirector:
    """An HTTP client that answers the server's Basic challenge as Hà Giang's staff."""
    user = get_user_model().objects.create_user(username="bantochuc.hg", password=PASSWORD)
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=tree.ha_giang, valid_from=dt.date(2000, 1, 1)
    )
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, live_server.url, "bantochuc.hg", PASSWORD)
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords))


def http(url: str, **kwargs: Any) -> urllib.request.Request:
    """A request to the live server (an http:// URL built by the fixture)."""
    return urllib.request.Request(url, **kwargs)  # noqa: S310


def fetch(opener: urllib.request.OpenerDirector, request: urllib.request.Request) -> Any:
    with opener.open(request, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def test_units_as_of_a_date_are_listed_for_the_staff_over_basic_auth(
    live_server: Any, opener: urllib.request.OpenerDirector, tree: f.SmallTree
) -> None:
    request = http(f"{live_server.url}/api/units/?as_of=2024-12-31")
    status, content_type, body = fetch(opener, request)
    assert status == 200 and content_type.startswith("application/json")
    names = [row["name"] for row in json.loads(body)["results"]]
    assert names == [
        "Chi bộ thôn Bản Lý",
        "Chi bộ thôn Na Pô",
        "Đảng bộ tỉnh Hà Giang",
        "Đảng bộ xã Yên Minh",
    ]


def test_a_call_without_credentials_is_refused_with_a_code(
    live_server: Any, tree: f.SmallTree
) -> None:
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{live_server.url}/api/units/", timeout=10)  # noqa: S310
    assert err.value.code == 401
    assert err.value.headers["WWW-Authenticate"].startswith("Basic")
    assert json.loads(err.value.read())["code"] == "not_authenticated"


def test_bad_input_over_http_is_refused_in_english_naming_the_field(
    live_server: Any, opener: urllib.request.OpenerDirector, tree: f.SmallTree
) -> None:
    payload = {
        "code": "DV-HTTP",
        "full_name": "Hoàng Thị Mai",
        "birth_date": "2999-01-01",
        "sex": "F",
        "cell": tree.cell_a,
    }
    request = http(
        f"{live_server.url}/api/people/",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept-Language": "en"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        fetch(opener, request)
    body = json.loads(err.value.read())
    assert err.value.code == 400
    assert body["fields"]["field"] == "birth_date"
    assert body["message"].startswith("Date of birth:")
    assert body["message_vi"].startswith("Ngày sinh:")


def test_the_openapi_schema_is_served_as_yaml_and_as_json(
    live_server: Any, opener: urllib.request.OpenerDirector
) -> None:
    _, _, raw_yaml = fetch(opener, http(f"{live_server.url}/api/schema/"))
    as_yaml = yaml.safe_load(raw_yaml)
    request = http(f"{live_server.url}/api/schema/?format=json")
    _, content_type, raw_json = fetch(opener, request)
    as_json = json.loads(raw_json)
    assert "json" in content_type
    assert as_yaml["openapi"].startswith("3.") and as_json["openapi"] == as_yaml["openapi"]
    assert "/api/units/{unit_id}/members/" in as_json["paths"]
    _, docs_type, docs = fetch(opener, http(f"{live_server.url}/api/docs/"))
    assert docs_type.startswith("text/html") and b"swagger-ui" in docs
