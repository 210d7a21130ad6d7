"""``canbo bundle export|verify|import|keys``: signed bundles between installations.

A refusal prints its code and the reason in Vietnamese and English on stderr and exits with
status 2; nothing is written. ``keys`` manages this installation's key pair (in the data
folder's ``keys/``) and the public keys of the installations above and below it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.bundles import selectors
from canbo.bundles.keystore import FileKeyStore
from canbo.bundles.kinds import load_all
from canbo.bundles.uow import DjangoBundleUnitOfWork
from canbo.core.bundles import signing
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError
from canbo.refusals import cli_text
from canbo.registry.management.commands.canbo_import import actor_named
from canbo.services.bundles import keys, receive, send
from canbo.services.bundles.ports import KeyView, Relation
from canbo.services.ports import Actor

REFUSED = 2


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _add_keys(sub: Any) -> None:
    k = sub.add_parser("keys", help="this installation's key and the registered installations")
    ks = k.add_subparsers(dest="keys_verb", required=True)
    p = ks.add_parser("init", help="name this installation and make its key pair")
    p.add_argument("--installation", required=True, help="this installation's name")
    p.add_argument("--unit", required=True, help="code of the root unit it holds")
    ks.add_parser("show", help="print this installation's current public key")
    ks.add_parser("list", help="registered installations and keys")
    p = ks.add_parser("register", help="register an upper or lower installation's public key")
    p.add_argument("--installation", required=True)
    p.add_argument("--unit", required=True, help="code of the root unit of its subtree")
    p.add_argument("--public-key", required=True, type=Path, help="file with its public key")
    p.add_argument("--relation", choices=["lower", "upper"], default="lower")
    p = ks.add_parser("revoke", help="revoke a registered key")
    p.add_argument("key_id")
    p.add_argument("--reason", required=True)
    ks.add_parser("rotate", help="a new key pair for this installation")


class Command(BaseCommand):
    help = "Gói liên thông có chữ ký giữa các hệ thống (signed bundles between installations)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as", dest="username", help="act as this account (its scope)")
        parser.add_argument("--now", help="the moment to check expiry against (ISO, tests)")
        sub = parser.add_subparsers(dest="verb", required=True)
        p = sub.add_parser("export", help="write a signed bundle")
        p.add_argument("--kinds", required=True, help="k1,k2")
        p.add_argument("--scope", required=True, help="scope unit code")
        p.add_argument("--from", dest="start", required=True, type=_day)
        p.add_argument("--to", dest="end", required=True, type=_day)
        p.add_argument("--out", required=True, type=Path)
        p.add_argument("--valid-days", type=int, default=send.DEFAULT_VALID_DAYS)
        sub.add_parser("verify", help="check a bundle, write nothing").add_argument(
            "file", type=Path
        )
        sub.add_parser("import", help="verify and import a bundle").add_argument("file", type=Path)
        _add_keys(sub)

    def handle(self, *args: Any, **o: Any) -> None:
        now = dt.datetime.fromisoformat(o["now"]) if o["now"] else SystemClock().now()
        actor = actor_named(o["username"], now.date())
        verb = o["verb"] if o["verb"] != "keys" else "keys_" + o["keys_verb"]
        try:
            getattr(self, "do_" + verb)(actor, o, now)
        except DomainError as exc:
            self.stderr.write(cli_text(exc))
            raise CommandError(exc.code, returncode=REFUSED) from None

    def _read(self, path: Path) -> bytes:
        if not path.is_file():
            raise CommandError(f"Không thấy tệp / file not found: {path}", returncode=REFUSED)
        return path.read_bytes()

    def do_export(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        request = send.ExportRequest(
            tuple(k.strip() for k in o["kinds"].split(",") if k.strip()),
            o["scope"], o["start"], o["end"], o["valid_days"],
        )  # fmt: skip
        path: Path = o["out"]
        tmp = path.with_name(path.name + ".part")
        try:
            with tmp.open("wb") as out:
                m = send.export_bundle(
                    DjangoBundleUnitOfWork(), actor, FileKeyStore(), load_all(), request, out, now
                )
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        tmp.replace(path)
        counts = ", ".join(f"{k} {n}" for k, n in m.counts.items())
        self.stdout.write(f"Đã xuất gói / bundle written: {path} ({counts})")

    def do_verify(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        v = receive.verify_bundle(
            DjangoBundleUnitOfWork(), actor, self._read(o["file"]), load_all(), now
        )
        m = v.manifest
        self.stdout.write(
            f"Gói hợp lệ / bundle valid: {m.sender} → {m.scope} "
            f"{m.period_start.isoformat()}..{m.period_end.isoformat()} "
            f"{json.dumps(m.counts)} sha256 {v.sha256}"
        )

    def do_import(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        outcome = receive.import_bundle(
            DjangoBundleUnitOfWork(), actor, self._read(o["file"]), load_all(), now
        )
        r = outcome.receipt
        if not outcome.changed:
            self.stdout.write(
                f"Gói này đã được nhập trước đó, không thay đổi gì / already imported, "
                f"nothing changed (sha256 {r.sha256})"
            )
            return
        line = f"Đã nhập / imported: {outcome.rows} (sha256 {r.sha256})"
        if r.status == "superseded":
            line += " — gói cũ hơn gói đang dùng, lưu là đã thay thế / older than the current one"
        elif outcome.superseded:
            line += f" — thay thế gói / supersedes receipt {outcome.superseded}"
        self.stdout.write(line)

    def _key_line(self, key: KeyView) -> None:
        self.stdout.write(
            f"{key.installation.name} {key.key_id} {signing.encode_key(key.public_key)}"
        )

    def do_keys_init(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        key = keys.init_own(
            DjangoBundleUnitOfWork(), actor, FileKeyStore(), o["installation"], o["unit"], now
        )
        self._key_line(key)

    def do_keys_rotate(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        self._key_line(keys.rotate_own(DjangoBundleUnitOfWork(), actor, FileKeyStore(), now))

    def do_keys_show(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        private = FileKeyStore().current()
        if private is None:
            raise CommandError(
                "Chưa có khóa / no key yet: canbo bundle keys init", returncode=REFUSED
            )
        public = signing.public_key_of(private)
        self.stdout.write(signing.encode_key(public))  # alone on stdout: `> this.pub` to send
        self.stderr.write(f"mã khóa / key id: {signing.key_id(public)}")

    def do_keys_list(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        for inst in selectors.installations():
            for key in inst.keys.all():
                state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "valid"
                self.stdout.write(
                    f"{inst.name}\t{inst.relation}\t{inst.root_unit.code}\t{key.key_id}\t{state}"
                )

    def do_keys_register(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        text = self._read(o["public_key"]).decode("ascii", "replace").strip()
        key = keys.register(
            DjangoBundleUnitOfWork(), actor, o["installation"], Relation(o["relation"]),
            o["unit"], text, now,
        )  # fmt: skip
        self._key_line(key)

    def do_keys_revoke(self, actor: Actor, o: dict[str, Any], now: dt.datetime) -> None:
        key = keys.revoke(DjangoBundleUnitOfWork(), actor, o["key_id"], o["reason"], now)
        self.stdout.write(f"Đã thu hồi / revoked {key.key_id}")
