"""The unit of work of report requests and surveys on the default database."""

from __future__ import annotations

from canbo.audit.log import DjangoAuditLog
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader

from .repository import DjangoSurveyRepository, DjangoUnitDirectory


class DjangoSurveyUnitOfWork(AtomicWork):
    """One transaction; ``commit()`` must be called or everything is rolled back."""

    def __init__(self) -> None:
        super().__init__()
        self.surveys = DjangoSurveyRepository()
        self.units = DjangoUnitDirectory()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
