"""The personal history form's rows of the person page's form table
(:data:`canbo.web.record_actions.PERSON_ACTIONS`): an entry of each kind, the end of an
entry, and the photo. ``subject`` is the record forms' ``Subject`` (actor, today, person)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.urls import reverse

from canbo.core.personal_history import PHOTO_MAX_BYTES
from canbo.core.types import PersonId
from canbo.registry.history_repo import DjangoPersonalHistoryUnitOfWork
from canbo.services.registry import personal_history as service

from . import history_forms as hf
from . import history_selectors as hsel


def _uow() -> DjangoPersonalHistoryUnitOfWork:
    return DjangoPersonalHistoryUnitOfWork()


def _back(subject: Any) -> str:
    return reverse("web:person", args=[subject.person_id]) + "#personal-history-h"


def item_form(cls: type[hf.HistoryItemForm]) -> Callable[[Any, Any], forms.Form]:
    def make(data: Any, subject: Any) -> forms.Form:
        return cls(data, initial={"declared_on": subject.today})

    return make


def add_item(subject: Any, form: hf.HistoryItemForm) -> str:
    service.add_item(
        _uow(), subject.actor, PersonId(subject.person_id), form.record(), subject.today
    )
    return _back(subject)


def end_form(data: Any, subject: Any) -> forms.Form:
    items = hsel.open_item_choices(subject.person_id)
    return hf.EndItemForm(data, items=items, initial={"ended_on": subject.today})


def end_item(subject: Any, form: hf.EndItemForm) -> str:
    c = form.cleaned_data
    service.end_item(
        _uow(), subject.actor, subject.person_id, c["record_id"], c["ended_on"], subject.today
    )
    return _back(subject)


def photo_form(data: Any, subject: Any) -> forms.Form:
    return hf.PhotoForm(data)


def add_photo(subject: Any, form: hf.PhotoForm) -> str:
    upload = form.cleaned_data["photo"]
    content = upload.read(PHOTO_MAX_BYTES + 1)
    service.add_photo(_uow(), subject.actor, subject.person_id, content, subject.today)
    return _back(subject)
