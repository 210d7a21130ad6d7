"""A crawler over every page of the demo, as an administrator, a province clerk and a cell
secretary: no page may show a raw enum value or a rulebook ID, English words on a Vietnamese
page, answer with a server error, or take longer than 500 ms.

It starts at the home page and follows every link and htmx ``hx-get`` of the pages it reads,
within the site, leaving out the Django admin, the API, logging out and the language switch.
Pages of one route are many (a unit, a person): the crawler reads at most ``PER_ROUTE`` of
each, so every kind of page is read without reading the whole tree. Files (PDF, XLSX, CSV) are
only checked for a server error. The demo is built at ``CANBO_CRAWL_SCALE`` (``small`` by
default) for today, so it holds a past published confidence vote, one open today and a
classification cycle in progress.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db import models as dj_models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

import canbo
from canbo.core.clock import SystemClock
from canbo.core.rulebook_catalog import ALL_RULEBOOKS
from canbo.demo.accounts import demo_users, ensure_admin
from canbo.demo.generator import build_demo
from canbo.demo.scales import SCALES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

PER_ROUTE = 6
MAX_PAGES = 400
SLOW_SECONDS = 0.5
SKIPPED_PREFIXES = ("/admin/", "/api/", "/i18n/", "/logout/", "/login/", "/static/")
FILE_SUFFIXES = (".pdf", ".xlsx", ".csv", ".json", ".png", ".svg")
SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)

# Words that give away English on a Vietnamese page (whole words, any case).
ENGLISH_TELLS = frozenset(
    """the and with from this that these not found error none true false null submit save
    cancel delete search page next previous loading required field unknown status level kind
    role ready draft open closed counted certified published yes click here please
    undefined nan""".split()
)

# Pages the crawler still finds at fault, each named with what it shows (empty: none known).
KNOWN_OFFENDERS: dict[str, str] = {}


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(canbo.__path__, "canbo."):
        if ".migrations" in info.name or info.name.startswith("canbo.settings"):
            continue  # settings modules write a key file or need production variables
        if info.name.endswith(("wsgi", "asgi", ".cli")):
            continue
        try:
            yield importlib.import_module(info.name)
        except Exception:  # noqa: S112 - a module that needs a server or an option
            continue


def machine_values() -> frozenset[str]:
    """The values of canbo's StrEnums and TextChoices that read as machine words, and the
    rulebook IDs: any of them in a page's visible text is a raw value that reached it."""
    values: set[str] = set()
    for book in ALL_RULEBOOKS:
        values.update(spec.name for spec in getattr(book, "specs", ()))
    for module in _modules():
        for obj in vars(module).values():
            if not isinstance(obj, type) or not obj.__module__.startswith("canbo"):
                continue
            if issubclass(obj, dj_models.TextChoices) or issubclass(obj, enum.StrEnum):
                values.update(str(member.value) for member in obj)  # type: ignore[attr-defined]
    words = {v for v in values if re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+|[a-z]{4,}", v)}
    return frozenset(words | {str(book.rulebook_id) for book in ALL_RULEBOOKS})


class Page(HTMLParser):
    """The visible text and the links of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.lang = ""
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        for name in ("href", "hx-get"):
            if a.get(name):
                self.links.append(str(a[name]))
        if tag in VOID_TAGS:
            return
        if self._skip:
            if tag == self._skip[0]:
                self._skip.append(tag)
            return
        if tag in SKIPPED_TAGS or "hidden" in a or (a.get("lang") or "").startswith("en"):
            self._skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag == self._skip[0]:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


@dataclass
class Findings:
    """What the crawl found, by kind, each with the page it was found on."""

    read: int = 0
    errors: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)

    def failures(self) -> list[str]:
        return [
            f
            for f in (*self.errors, *self.raw, *self.english, *self.slow)
            if f.split(" ", 1)[0] not in KNOWN_OFFENDERS
        ]


def _route(path: str) -> str:
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return f"{match.view_name}?{'&'.join(sorted(_query_names(path)))}"


def _query_names(path: str) -> set[str]:
    query = urlsplit(path).query
    return {part.split("=", 1)[0] for part in query.split("&") if part}


def _local(link: str) -> str | None:
    link = urldefrag(link)[0]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return link


def _timed_get(client: Client, path: str) -> tuple[Any, float]:
    started = time.perf_counter()
    response = client.get(path)
    return response, time.perf_counter() - started


def crawl(client: Client, raw_values: frozenset[str], username: str = "") -> Findings:
    """Read the pages reachable from the home page; ``username`` (shown in the header as who
    is signed in) is the account's own name, not a value of canbo's."""
    found = Findings()
    seen: set[str] = set()
    per_route: Counter[str] = Counter()
    queue = deque(["/"])
    raw_pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, raw_values)) + r")(?![\w-])")
    while queue and found.read < MAX_PAGES:
        path = queue.popleft()
        route = _route(path)
        if path in seen or per_route[route] >= PER_ROUTE:
            continue
        seen.add(path)
        per_route[route] += 1
        response, seconds = _timed_get(client, path)
        found.read += 1
        if response.status_code >= 500:
            found.errors.append(f"{path} answered {response.status_code}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        if seconds > SLOW_SECONDS:  # measured again once warm: one cold cache is not the page
            with CaptureQueriesContext(connection) as queries:
                _, seconds = _timed_get(client, path)
            if seconds > SLOW_SECONDS:
                slowest = max(
                    queries.captured_queries, key=lambda q: float(q["time"]), default=None
                )
                where = (
                    f"; slowest query {slowest['time']} s: {slowest['sql'][:160]}"
                    if slowest
                    else ""
                )
                found.slow.append(
                    f"{path} took {seconds * 1000:.0f} ms in {len(queries)} queries{where}"
                )
        page = Page()
        page.feed(response.content.decode())
        text = page.visible.replace(username, " ") if username else page.visible
        raw = sorted(set(raw_pattern.findall(text)))
        if raw:
            found.raw.append(f"{path} shows {raw}")
        if page.lang in ("", "vi"):
            words = {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH_TELLS}
            if words:
                found.english.append(f"{path} shows English {sorted(words)}")
        for link in page.links:
            local = _local(link)
            if local is not None and local not in seen and not local.endswith(FILE_SUFFIXES):
                queue.append(local)
            elif local is not None and local.endswith(FILE_SUFFIXES) and local not in seen:
                seen.add(local)
                status = client.get(local).status_code
                if status >= 500:
                    found.errors.append(f"{local} answered {status}")
    return found


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, tuple[Client, str]]]:
    import os

    scale = SCALES[os.environ.get("CANBO_CRAWL_SCALE", "small")]
    with django_db_blocker.unblock():
        result = build_demo(scale, 11, SystemClock().today())
        ensure_admin("admin", "demo-password-123")
        demo_users(result.named, SystemClock().today(), None)
        users = get_user_model().objects
        admin = users.get(username="admin")
        device = TOTPDevice.objects.create(user=admin, name="TOTP", confirmed=True)
        clients: dict[str, tuple[Client, str]] = {}
        for role, username in (
            ("admin", "admin"),
            ("province clerk", "tinhuy.tuyenquang"),
            ("cell secretary", "bithu.chibo"),
        ):
            client = Client(raise_request_exception=False)
            client.force_login(users.get(username=username))
            if role == "admin":
                session = client.session
                session[DEVICE_ID_SESSION_KEY] = device.persistent_id
                session.save()
            clients[role] = (client, username)
        yield clients
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def raw_values() -> frozenset[str]:
    return machine_values()


def test_the_enum_values_searched_for_include_the_ones_people_saw(
    raw_values: frozenset[str],
) -> None:
    assert {"QD96_2023", "cv_exempt_decision_scope"} <= raw_values
    assert any("_" in v for v in raw_values) and len(raw_values) > 20


def test_the_page_reader_leaves_out_hidden_text_and_the_language_switch() -> None:
    page = Page()
    page.feed(
        '<html lang="vi"><p>Trạng thái: đã công bố</p><p hidden><code>vote_not_found</code></p>'
        '<button lang="en">English</button><script>var none = 1;</script>'
        '<a href="/units/1/">x</a><div hx-get="/tim/goi-y/?q=a"></div></html>'
    )
    assert page.visible.strip() == "Trạng thái: đã công bố x"
    assert page.links == ["/units/1/", "/tim/goi-y/?q=a"]


@pytest.mark.parametrize("role", ["admin", "province clerk", "cell secretary"])
def test_every_page_reads_in_vietnamese_without_raw_values_errors_or_slowness(
    demo: dict[str, tuple[Client, str]], raw_values: frozenset[str], role: str
) -> None:
    client, username = demo[role]
    found = crawl(client, raw_values, username)
    assert found.read > 10, f"{role}: the crawl read only {found.read} pages"
    failures = found.failures()
    assert not failures, f"{role}: {len(failures)} problems in {found.read} pages:\n" + "\n".join(
        failures[:80]
    )
