from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "canbo.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_ensure_genesis, sender=self)


def _ensure_genesis(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """Give a new (or flushed) database its authenticated genesis head.

    Only when both audit tables are empty; ``migrate`` never touches an existing head. After
    a wipe of both tables this starts a new installation id, which every anchor taken before
    the wipe then exposes (``canbo audit verify --anchor``).
    """
    from .log import ensure_genesis

    ensure_genesis(using)
