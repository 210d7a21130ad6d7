"""Registry of bundle kinds: one codec per kind (see ``canbo.services.bundles.ports.KindCodec``).

A kind module calls ``register(codec)`` at import; ``load_all()`` imports the kind modules
listed in ``KIND_MODULES`` so the registry is complete before a bundle is exported or read.
"""

from __future__ import annotations

import importlib

from canbo.services.bundles.ports import KindCodec

CODECS: dict[str, KindCodec] = {}

# Modules of this package that register a codec (added by each kind's author).
KIND_MODULES: tuple[str, ...] = ()


def register(codec: KindCodec) -> KindCodec:
    """Register ``codec`` under its kind (a later registration replaces an earlier one)."""
    CODECS[codec.kind] = codec
    return codec


def load_all() -> dict[str, KindCodec]:
    """Import every kind module and return the registry."""
    for name in KIND_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return CODECS


def codec(kind: str) -> KindCodec | None:
    load_all()
    return CODECS.get(kind)
