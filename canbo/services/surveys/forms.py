"""Report and survey forms: define one, or take one received from the level above.

A form is never changed once stored (SV-01): a change is a new version with the same code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from canbo.core.citations.documents import DESIGN
from canbo.core.errors import Citation, Conflict, ValidationError
from canbo.core.permissions import Action
from canbo.core.surveys.forms import FormSpec
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.ports import Actor

from .ports import FormId, SurveyUnitOfWork


def cite(rule_id: str) -> Citation:
    """The citation of a survey design rule (``SV-01`` … ``SV-05``) or of OR-19, OR-20."""
    return Citation(DESIGN, rule_id=rule_id)


def spec_from(data: Mapping[str, Any]) -> FormSpec:
    """A form from its stored or exported shape; a malformed one is refused, not half read."""
    try:
        return FormSpec.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            "survey_form_invalid", f"invalid form: {exc}", problem=str(exc)
        ) from exc


def define_form(
    uow: SurveyUnitOfWork, actor: Actor, owner_id: UnitId, spec: FormSpec, now: dt.datetime
) -> FormId:
    """Store a new form (or a new version of one) for the owner unit's requests.

    Refused when this code and version already exist (SV-01): a form is never overwritten.
    """
    today = now.date()
    with uow:
        access.access_unit(actor, owner_id, uow.tree, today)
        access.require(actor, Action.REQUEST_REPORTS, owner_id, uow.tree, today)
        if uow.surveys.form_exists(spec.code, spec.version) is not None:
            raise Conflict(
                "survey_form_version_exists",
                citation=cite("SV-01"),
                form_code=spec.code,
                version=spec.version,
            )
        form_id = uow.surveys.add_form(spec, owner_id, now, actor.account_id)
        uow.audit.append(
            actor, "survey.form_define", "survey_form", str(form_id), None, spec.as_dict()
        )
        uow.commit()
    return form_id


def receive_form(
    uow: SurveyUnitOfWork, actor: Actor, owner_id: UnitId, spec: FormSpec, now: dt.datetime
) -> tuple[FormId, bool]:
    """A form sent down by the level above (a signed bundle): stored once, idempotent.

    Returns the form and whether it was new. The same code and version with other content is
    refused (SV-01): the sender changed a form without a new version.
    """
    with uow:
        found = uow.surveys.form_exists(spec.code, spec.version)
        if found is not None:
            stored = uow.surveys.get_form(found)
            if stored is not None and stored.spec.as_dict() != spec.as_dict():
                raise Conflict(
                    "survey_form_version_differs",
                    citation=cite("SV-01"),
                    form_code=spec.code,
                    version=spec.version,
                )
            return found, False
        access.require(actor, Action.REQUEST_REPORTS, owner_id, uow.tree, now.date())
        form_id = uow.surveys.add_form(spec, owner_id, now, actor.account_id)
        uow.audit.append(
            actor, "survey.form_receive", "survey_form", str(form_id), None, spec.as_dict()
        )
        uow.commit()
    return form_id, True
