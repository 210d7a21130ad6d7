"""No request makes canbo answer 500. Every URL pattern of the project (walked from the root URL
configuration, so a new page is fuzzed without being listed here) is requested as an anonymous
visitor, as an account with no grant and as an administrator who passed TOTP, with:

- every integer in the path set to values no database integer holds (2**63, 2**64, 40 digits);
- GET and POST with no body, form bodies whose every field (the names the page's own form
  shows, plus every input name the forms and serializers know) carries a hostile value: huge and
  negative integers, ``1e400``, ``NaN``, a right-to-left override, NUL, emoji, combining marks,
  a 5,000-digit number;
- JSON bodies: malformed, 10,000 levels deep (arrays and objects), the same hostile values and
  lone surrogates, ``NaN`` and ``1e400`` as numbers, a body over the size limit, and a wrong
  content type; PATCH and PUT as well on the API.

The corpus is deterministic, so a failure names the request that caused it; the whole run stays
well under a minute on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.integration import classification_fixtures as cf
from tests.integration import voting_builders as vb

pytestmark = pytest.mark.django_db

HUGE_IDS = ("9223372036854775808", "18446744073709551616", "9" * 40)
HOSTILE = (
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
    "1e400",
    "NaN",
    "\u202eevil",
    "a\x00b",
    "😀🇻🇳",
    "e" + "\u0301" * 200,
    "9" * 5000,
)
DEEP = 10_000
# Every input name the forms and serializers know; each page's own form adds its names.
FIELDS = (
    "code", "name", "kind", "level_class", "parent", "short_name", "admin_code", "legal_basis",
    "valid_from", "valid_to", "date", "predecessors", "successors", "shares", "predecessor",
    "successor", "share", "full_name", "birth_date", "sex", "cell", "since", "to_cell", "on",
    "year", "unit", "root", "as_of", "parameters", "text", "level", "lower", "serial",
    "collected", "count", "members_in_office", "person", "token", "step", "title", "place",
    "held_on", "body", "counters", "subjects", "q", "subtree", "limit", "offset", "items",
    "site", "medium", "reason", "file", "action", "language", "next", "username", "password",
)  # fmt: skip
INPUT_NAME = re.compile(r'name="([^"]{1,80})"')
ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^)]*)\)")


@dataclass(frozen=True)
class Target:
    """One URL pattern as a concrete path, and its variants with out-of-range integers."""

    route: str
    path: str
    huge: tuple[str, ...]


def _leaves(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for p in patterns:
        route = prefix + str(p.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(p, URLResolver):
            yield from _leaves(p.url_patterns, route)
        else:
            yield route


def _fill(route: str, ids: dict[str, int], number: str | None) -> str:
    """The route with each parameter set: ids from the world (or ``number`` for every id),
    the first alternative of a choice group, a plain word for a string."""

    def param(name: str, conv: str | None, body: str | None) -> str:
        if body is not None and re.fullmatch(r"[\w|-]+", body):
            return body.split("|")[0]
        if body is not None and not body.startswith(("\\d", "[0-9]")):
            return "1"
        if conv in ("str", "slug", "path") and name not in ids:
            return "open" if name == "action" else "1"
        return number if number is not None else str(ids.get(name, 1))

    path = REGEX_GROUP.sub(lambda m: param(m["name"], None, m["body"]), route)
    path = ROUTE_PARAM.sub(lambda m: param(m["name"], m["conv"], None), path)
    return "/" + path.replace("\\.", ".").replace("\\", "")


def targets(ids: dict[str, int]) -> list[Target]:
    found = []
    for route in dict.fromkeys(_leaves(get_resolver().url_patterns)):
        has_id = bool(re.search(r"<(int|id):|<path:object_id>|<id>|\\d\+|\[0-9\]", route))
        huge = tuple(_fill(route, ids, n) for n in HUGE_IDS) if has_id else ()
        found.append(Target(route, _fill(route, ids, None), huge))
    return found


@pytest.fixture
def world() -> dict[str, int]:
    """A conference with a draft vote and a classification cycle, so that paths reach real
    objects and the views go past their first lookup."""
    hall = vb.hall(convened=4)
    commune = cf.commune()
    cycle = cf.open_cycle(commune)
    subject = cf.subject_of(cycle, person=commune.secretary)
    return {
        "cid": hall.conference,
        "sid": hall.session,
        "site_id": hall.sites[0],
        "person_id": hall.persons[0],
        "unit_id": hall.unit,
        "cycle_id": cycle,
        "pk": subject,
        "operator": 1,
        "pos": 0,
        "object_id": hall.persons[0],
    }


def _client(role: str) -> Client:
    client = Client(raise_request_exception=False)
    users = get_user_model().objects
    if role == "admin":
        admin = users.create_user("quantri", password="mat-khau-dai-1", is_superuser=True)
        admin.is_staff = True
        admin.save()
        device = TOTPDevice.objects.create(user=admin, name="TOTP", confirmed=True)
        client.force_login(admin)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    elif role == "no-grant":
        client.force_login(users.create_user("khongquyen", password="mat-khau-dai-1"))
    return client


def _stress_bodies() -> list[tuple[str, bytes]]:
    """Bodies that stress the request itself: parse errors, depth, size."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440
    return [
        ("malformed", b'{"code": '),
        ("deep arrays", b"[" * DEEP + b"]" * DEEP),
        ("deep objects", b'{"a":' * DEEP + b"1" + b"}" * DEEP),
        ("over the limit", b'{"code": "' + b"a" * (limit + 10) + b'"}'),
    ]


def _value_bodies(fields: list[str]) -> list[tuple[str, bytes]]:
    """JSON objects whose every field carries one hostile value."""
    bodies = [
        ("2**63", json.dumps({k: 2**63 for k in fields}).encode()),
        ("2**64", json.dumps({k: 2**64 for k in fields}).encode()),
        ("-2**63-1", json.dumps({k: -(2**63) - 1 for k in fields}).encode()),
        ("1e400", ("{" + ",".join(f'"{k}": 1e400' for k in fields) + "}").encode()),
        ("NaN", ("{" + ",".join(f'"{k}": NaN' for k in fields) + "}").encode()),
        ("surrogate", ("{" + ",".join(f'"{k}": "\\ud800x"' for k in fields) + "}").encode()),
        ("lists of huge", json.dumps({k: [2**64, {"x": 2**64}] for k in fields}).encode()),
    ]
    bodies += [(f"text {v[:12]!r}", json.dumps({k: v for k in fields}).encode()) for v in HOSTILE]
    return bodies


def _requests(client: Client, target: Target) -> Iterator[tuple[str, object]]:
    """Every request of the corpus for one target, yielding (what was sent, response)."""
    for path in (target.path, *target.huge):
        yield f"GET {path}", client.get(path)
    for path in (target.path, *target.huge[:1]):
        yield f"POST {path}", client.post(path)
    page = client.get(target.path, {"as_of": "2026-01-01"})
    shown = INPUT_NAME.findall(page.content.decode("utf-8", "replace")) if page.content else []
    fields = list(dict.fromkeys([*shown, *FIELDS]))
    for value in HOSTILE:
        form = {k: value for k in fields}
        query = urlencode(form, doseq=True)
        yield (
            f"POST {target.path} form and query {value[:12]!r}",
            client.post(f"{target.path}?{query}", form),
        )
    api = target.path.startswith("/api/")
    methods = ("post", "patch", "put") if api else ("post",)
    # Pages read forms, not JSON: they get only the bodies that stress the request itself.
    bodies = _stress_bodies() + (_value_bodies(fields) if api else [])
    for what, body in bodies:
        for method in methods:
            send = getattr(client, method)
            yield f"{method} {target.path} json {what}", send(target.path, body, "application/json")
    wrong = (("text/plain", b"hello"), ("application/xml", b"<a/>"), ("multipart/form-data", b"x"))
    for kind, body in wrong:
        yield f"POST {target.path} {kind}", client.post(target.path, body, content_type=kind)


@pytest.mark.parametrize("role", ["anonymous", "no-grant", "admin"])
def test_no_request_to_any_endpoint_answers_500(world: dict[str, int], role: str) -> None:
    client = _client(role)
    all_targets = targets(world)
    assert len(all_targets) > 50, "the URL configuration was not walked"
    failures = []
    seen = 0
    for target in all_targets:
        for sent, response in _requests(client, target):
            seen += 1
            if response.status_code >= 500:  # type: ignore[attr-defined]
                failures.append(f"{response.status_code} {sent[:160]}")  # type: ignore[attr-defined]
    assert seen > 1000
    assert not failures, f"{len(failures)} of {seen} requests failed:\n" + "\n".join(failures)


def test_the_walk_reaches_the_voter_page_and_the_api_with_real_objects(
    world: dict[str, int],
) -> None:
    paths = {t.path for t in targets(world)}
    assert f"/bo-phieu/{world['sid']}/bau/" in paths
    assert f"/api/classification/cycles/{world['cycle_id']}/compute/" in paths
    assert f"/danh-gia/doi-tuong/{world['pk']}/self/" in paths
    huge = {h for t in targets(world) for h in t.huge}
    assert "/bo-phieu/18446744073709551616/bau/" in huge


def test_a_dated_query_on_the_api_is_unaffected_by_the_fuzzing_helpers(
    world: dict[str, int],
) -> None:
    response = _client("admin").get("/api/units/", {"as_of": dt.date(2026, 1, 1).isoformat()})
    assert response.status_code == 200


# The fixes the corpus found, one by one, with the answer each must give.


def test_an_id_beyond_64_bits_is_not_found_like_a_missing_object(world: dict[str, int]) -> None:
    client = _client("admin")
    missing = client.get("/bo-phieu/9223372036854775807/bau/")
    for huge in HUGE_IDS:
        assert client.get(f"/bo-phieu/{huge}/bau/").status_code == missing.status_code == 404
        assert client.get(f"/api/people/{huge}/").status_code == 404
        assert client.get(f"/danh-gia/doi-tuong/{huge}/self/").status_code == 404


def _api_refusal(response: object, code: str) -> None:
    assert response.status_code == 400  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["code"] == code
    assert {"message", "message_vi", "message_en"} <= set(body)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"[" * DEEP + b"]" * DEEP, "json_too_deep"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "json_too_deep"),
        (b'{"code": NaN}', "parse_error"),
        (b'{"code": 1e400}', "parse_error"),
        (b'{"full_name": "\\ud800"}', "parse_error"),
        (b'{"code": ', "parse_error"),
    ],
)
def test_the_api_refuses_json_it_cannot_hold_with_a_400_in_the_error_shape(
    world: dict[str, int], body: bytes, code: str
) -> None:
    response = _client("admin").post("/api/people/", body, "application/json")
    _api_refusal(response, code)


def test_the_api_refuses_a_body_over_the_limit_before_parsing_it(
    world: dict[str, int], settings: object
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000  # type: ignore[attr-defined]
    body = b'{"full_name": "' + b"a" * 2000 + b'"}'
    _api_refusal(
        _client("admin").post("/api/people/", body, "application/json"), "request_too_large"
    )


def test_an_out_of_range_integer_is_a_field_error_not_a_database_error(
    world: dict[str, int],
) -> None:
    client = _client("admin")
    for huge in (2**63, 2**64):
        response = client.get("/api/people/", {"unit": huge})
        _api_refusal(response, "invalid_input")
        assert response.json()["fields"]["field"] == "unit"
        moved = client.post(
            f"/api/people/{world['person_id']}/transfer/",
            {"to_cell": huge, "on": "2026-01-01"},
            "application/json",
        )
        _api_refusal(moved, "invalid_input")
        assert moved.json()["fields"]["problem"] == "max_value"


def test_every_integer_field_of_every_form_and_serializer_is_bounded() -> None:
    """A bound on each field keeps a huge number from reaching a query (SQLite raises
    OverflowError, PostgreSQL 'out of range'): the field answers 400 first."""
    import importlib
    import pkgutil

    from django import forms
    from rest_framework import serializers

    import canbo
    from canbo.converters import MAX_ID

    for module in pkgutil.walk_packages(canbo.__path__, "canbo."):
        if module.name.rsplit(".", 1)[-1] in ("forms", "serializers", "api", "views"):
            importlib.import_module(module.name)
    unbounded = []
    for form in _subclasses(forms.Form):
        for name, field in form.base_fields.items():
            if isinstance(field, forms.IntegerField) and not _bounded(field.max_value, MAX_ID):
                unbounded.append(f"{form.__module__}.{form.__name__}.{name}")
    for serializer in _subclasses(serializers.Serializer):
        if serializer.__name__.endswith(("Output", "Serializer")):
            continue  # answers only: nothing parsed from a request
        for name, field in serializer().get_fields().items():
            child = getattr(field, "child", field)
            if isinstance(child, serializers.IntegerField) and not _bounded(
                child.max_value, MAX_ID
            ):
                unbounded.append(f"{serializer.__module__}.{serializer.__name__}.{name}")
    assert not unbounded


def _subclasses(cls: type) -> list[type]:
    found, stack = [], [cls]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("canbo."):
                found.append(sub)
    return found


def _bounded(max_value: object, limit: int) -> bool:
    return isinstance(max_value, int) and max_value <= limit


def test_a_next_parameter_that_is_not_a_path_goes_home_instead_of_failing(
    world: dict[str, int],
) -> None:
    response = _client("admin").get("/login/totp/", {"next": "NaN"})
    assert response.status_code == 302 and response["Location"] == "/"


def test_an_election_form_posted_empty_is_refused_naming_its_first_field(
    world: dict[str, int],
) -> None:
    from canbo.core.errors import ValidationError
    from canbo.elections import forms
    from canbo.refusals import valid_data

    answer = _client("admin").post("/dai-hoi/1/bau-cu/")
    assert answer.status_code == 400
    assert "<code>form_invalid</code>" in answer.content.decode()
    for form in (forms.ElectionForm({}), forms.ElectionForm(None)):
        with pytest.raises(ValidationError) as refused:
            valid_data(form)
        assert refused.value.fields["field"] == "kind"
