"""The planning unit of work on the default database.

The appointment context sits above planning and knows complaints and open processes: it
registers its adapter of :class:`canbo.services.planning.ports.AppointmentFacts` with
:func:`register_appointment_facts` (from its ``AppConfig.ready``); until then nobody has a
complaint or an open process.
"""

from __future__ import annotations

from collections.abc import Callable

from canbo.audit.log import DjangoAuditLog
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.services.planning.ports import AppointmentFacts, NoAppointmentFacts

from .repository import DjangoGradeRepository, DjangoPlanRepository, DjangoRegistryFactsRepository

_appointment_facts: Callable[[], AppointmentFacts] = NoAppointmentFacts


def register_appointment_facts(factory: Callable[[], AppointmentFacts]) -> None:
    """Called once by the appointment app so planning reads its complaints and processes."""
    global _appointment_facts
    _appointment_facts = factory


class DjangoPlanningUnitOfWork(AtomicWork):
    def __init__(self) -> None:
        super().__init__()
        self.registry = DjangoRegistryFactsRepository()
        self.grades = DjangoGradeRepository()
        self.plans = DjangoPlanRepository()
        self.appointments: AppointmentFacts = _appointment_facts()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
