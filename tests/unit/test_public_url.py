"""The address voters' phones open: configured, else the LAN address when serving on every
interface, else the address served on."""

from __future__ import annotations

import pytest

from canbo.demo import server
from canbo.demo.server import ServeOptions, public_url


def test_a_configured_public_address_wins() -> None:
    options = ServeOptions("0.0.0.0", 8000)  # noqa: S104
    assert public_url(options, {"CANBO_PUBLIC_URL": "https://bophieu.example.vn"}) == (
        "https://bophieu.example.vn/"
    )


def test_serving_on_every_interface_gives_the_lan_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server, "lan_address", lambda: "192.168.1.20")
    assert public_url(ServeOptions("0.0.0.0", 8080), {}) == "http://192.168.1.20:8080/"  # noqa: S104
    assert public_url(ServeOptions("::", 8080), {}) == "http://192.168.1.20:8080/"


def test_serving_on_one_address_gives_that_address() -> None:
    assert public_url(ServeOptions("127.0.0.1", 8000), {}) == "http://127.0.0.1:8000/"


def test_the_lan_address_is_an_ipv4_address() -> None:
    parts = server.lan_address().split(".")
    assert len(parts) == 4 and all(p.isdigit() for p in parts)
