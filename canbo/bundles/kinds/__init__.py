"""Registry of bundle kinds: one codec per kind (see ``canbo.services.bundles.ports.KindCodec``).

A kind module of this package calls ``register(codec)`` at import; ``load_all()`` imports
every module of the package (found by ``pkgutil``, nothing to list) so the registry is
complete before a bundle is exported or read.
"""

from __future__ import annotations

import importlib
import pkgutil

from canbo.services.bundles.ports import KindCodec

CODECS: dict[str, KindCodec] = {}

_loaded = False


def register(codec: KindCodec) -> KindCodec:
    """Register ``codec`` under its kind (a later registration replaces an earlier one)."""
    CODECS[codec.kind] = codec
    return codec


def load_all() -> dict[str, KindCodec]:
    """Import every kind module and return the registry."""
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return CODECS


def codec(kind: str) -> KindCodec | None:
    load_all()
    return CODECS.get(kind)
