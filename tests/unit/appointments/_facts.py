"""Builders of candidate facts and proposals for the eligibility tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from canbo.core.appointments.model import CandidateFacts, Proposal, Purpose
from canbo.core.types import Sex

D = dt.date
ON = D(2026, 11, 2)


def person(**changes: Any) -> CandidateFacts:
    base: dict[str, Any] = {
        "person_id": "P1",
        "name": "Nguyễn Văn An",
        "sex": Sex.MALE,
        "birth_date": D(1980, 3, 10),
        "post_since": D(2020, 1, 1),
        "dossier_verified": True,
        "health_certificate_on": D(2026, 9, 1),
    }
    base.update(changes)
    return CandidateFacts(**base)


def appoint(on: dt.date = ON, **changes: Any) -> Proposal:
    base: dict[str, Any] = {
        "purpose": Purpose.APPOINTMENT,
        "decision_date": on,
        "higher_post": True,
        "in_planning": True,
        "dossier_received": on,
    }
    base.update(changes)
    return Proposal(**base)


def plan(on: dt.date = ON, **changes: Any) -> Proposal:
    base: dict[str, Any] = {"purpose": Purpose.PLANNING, "decision_date": on, "higher_post": True}
    base.update(changes)
    return Proposal(**base)
