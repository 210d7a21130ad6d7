"""A production-grade WSGI server for ``canbo serve``: gunicorn with threaded workers.

Static files are served by Django's ``StaticFilesHandler`` from the installed apps' static
folders, so the server needs neither a network nor a ``collectstatic`` step (closed networks).
Access logs stay off: request times and paths could link a voter to a ballot (settings.LOGGING).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
