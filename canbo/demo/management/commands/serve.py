"""``canbo serve``: start the web server (gunicorn, threaded workers) on 127.0.0.1."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from canbo.demo.server import ServeOptions, public_url, publish_url, serve


def add_serve_arguments(parser: CommandParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port (8000)")
    parser.add_argument(
        "--workers", type=int, default=0, help="worker processes (default: CPUs, at most 4)"
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (4)")


def options_from(opts: dict[str, Any]) -> ServeOptions:
    return ServeOptions(
        host=opts["host"], port=opts["port"], workers=opts["workers"], threads=opts["threads"]
    )


def announce(out: Any, options: ServeOptions) -> None:
    """Print where canbo listens and, when phones can reach it, the address they open.

    The public address (``CANBO_PUBLIC_URL``, else the LAN address when listening on every
    interface) is what the voters' QR codes carry; it is accepted as a host name too.
    """
    out.write(f"canbo đang chạy tại / serving at: {options.url}")
    phones = public_url(options)
    if phones != options.url:
        publish_url(phones)
        out.write(f"Điện thoại trong mạng nội bộ mở / phones on the LAN open: {phones}")
    if options.host not in {"127.0.0.1", "localhost", "::1"}:
        out.write(
            "Cảnh báo: máy chủ nghe trên mọi giao diện mạng; hãy đặt sau HTTPS "
            "(warning: not bound to loopback; put it behind HTTPS)."
        )
    out.write("Nhấn Ctrl+C để dừng / press Ctrl+C to stop.")
    sys.stdout.flush()


class Command(BaseCommand):
    help = "Start the canbo web server (gunicorn) on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        add_serve_arguments(parser)

    def handle(self, *args: Any, **opts: Any) -> None:
        options = options_from(opts)
        announce(self.stdout, options)
        serve(options)
