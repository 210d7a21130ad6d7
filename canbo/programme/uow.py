"""The work programme's unit of work on the default database."""

from __future__ import annotations

from canbo.audit.log import DjangoAuditLog
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader

from .repository import DjangoProgrammeRepository, DjangoUnitTree


class DjangoProgrammeUnitOfWork(AtomicWork):
    def __init__(self) -> None:
        super().__init__()
        self.items = DjangoProgrammeRepository()
        self.units = DjangoUnitTree()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
