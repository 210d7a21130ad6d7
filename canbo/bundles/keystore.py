"""This installation's private keys in the data folder: ``keys/<key id>.ed25519`` (base64,
mode 0600) and ``keys/current`` naming the one bundles are signed with. Never in the
database, so a database backup carried elsewhere cannot sign for this installation."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from canbo.core.bundles import signing


class FileKeyStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(settings.DATA_DIR) / "keys"

    def current(self) -> bytes | None:
        pointer = self.folder / "current"
        if not pointer.is_file():
            return None
        path = self.folder / f"{pointer.read_text().strip()}.ed25519"
        if not path.is_file():
            return None
        return signing.decode_key(path.read_text())

    def save(self, private: bytes) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        kid = signing.key_id(signing.public_key_of(private))
        path = self.folder / f"{kid}.ed25519"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(signing.encode_key(private) + "\n")
        os.chmod(path, 0o600)
        tmp = self.folder / "current.tmp"
        tmp.write_text(kid + "\n")
        tmp.replace(self.folder / "current")
