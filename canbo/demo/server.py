"""A production-grade WSGI server for ``canbo serve``: gunicorn with threaded workers.

Static files are served by Django's ``StaticFilesHandler`` from the installed apps' static
folders, so the server needs neither a network nor a ``collectstatic`` step (closed networks).
Access logs stay off: request times and paths could link a voter to a ballot (settings.LOGGING).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections
from gunicorn.app.base import BaseApplication

WsgiApp = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """Where and how to listen; ``workers=0`` means one worker per CPU, at most four."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 0
    threads: int = 4
    timeout: int = 120

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def worker_count(self) -> int:
        return self.workers or max(1, min(4, os.cpu_count() or 1))


WILDCARDS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - the addresses meaning "every interface"


def lan_address() -> str:
    """This machine's address on the local network, as phones on it reach it.

    Connecting a UDP socket sends nothing: it only asks the kernel which interface would
    carry the packet. Without a route (an isolated machine), the host name's address.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            address = str(probe.getsockname()[0])
    except OSError:
        address = ""
    if not address or address.startswith("127."):
        try:
            address = socket.gethostbyname(socket.gethostname())
        except OSError:
            address = "127.0.0.1"
    return address


def public_url(options: ServeOptions, environ: Mapping[str, str] = os.environ) -> str:
    """The address voters' phones open (QR codes): ``CANBO_PUBLIC_URL`` if configured, else
    the LAN address when listening on every interface, else the address listened on."""
    configured = environ.get("CANBO_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/") + "/"
    if options.host in WILDCARDS:
        return ServeOptions(lan_address(), options.port).url
    return options.url


def publish_url(url: str) -> None:
    """Make the running settings build QR codes with ``url`` and accept it as a host name.

    Called before gunicorn forks its workers, which inherit the settings as changed here.
    """
    from django.conf import settings

    settings.CANBO_PUBLIC_URL = url.rstrip("/")
    host = urlsplit(url).hostname or ""
    if host and "*" not in settings.ALLOWED_HOSTS and host not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, host]


def wsgi_app() -> WsgiApp:
    """The Django application with static files served from the app folders."""
    return StaticFilesHandler(get_wsgi_application())


class CanboServer(BaseApplication):  # type: ignore[misc]
    """gunicorn embedded: no command line of its own, configured from :class:`ServeOptions`."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        settings = {
            "bind": f"{self.options.host}:{self.options.port}",
            "workers": self.options.worker_count,
            "worker_class": "gthread",
            "threads": self.options.threads,
            "timeout": self.options.timeout,
            "graceful_timeout": 10,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "canbo",
        }
        for key, value in settings.items():
            self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        return wsgi_app()


def serve(options: ServeOptions) -> None:
    """Run the server until interrupted. Database connections opened before the fork are
    closed first: a SQLite handle must not be shared between processes."""
    connections.close_all()
    CanboServer(options).run()
