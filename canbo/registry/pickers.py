"""The one type-ahead picker of the forms: a person or a unit, one or several.

It lives beside the search it asks, in the registry app, so that the conference, vote and
classification forms (below the web shell in the layers) use it too; the web shell's forms
import it as :mod:`canbo.web.widgets`.

``PickerWidget`` renders a text box that asks the search (``/tim/goi-y/``, the actor's scope,
optionally one unit's subtree) as the user types, a list box chosen with the keyboard (arrows,
Enter, Escape) or a tap, and the chosen items as labels (name with birth year and cell, or a
unit with its parent and code), each carried by a hidden ``id:<n>`` value; the script is
``web/picker.js`` (vendored, no build step). With ``options`` the widget is a list of check
boxes (or radio buttons) with a filter box instead, for a list the page already holds (the
delegates present). Without JavaScript the text box stays a text box: a code (several codes
separated by commas or lines) is resolved on the server.

``PickerField`` resolves what was posted, ``id:<n>`` or a code, and checks every id against
the actor's scope on the form's day: an id the actor may not read is refused next to the field
exactly as a code that does not exist, so a hand-made post reaches nothing outside the scope.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.accounts import scope
from canbo.converters import MAX_ID
from canbo.core.errors import DomainError
from canbo.core.validation import code_problem, shown
from canbo.services.ports import Actor

from . import models as registry
from .search import PERSON, UNIT, describe

ID_PREFIX = "id:"
MAX_ID_DIGITS = len(str(MAX_ID))
MAX_CODE = 64  # longer than any code: a typed text is cut before it reaches a query
_SPLIT = re.compile(r"[\s,;]+")


class PickerWidget(forms.Widget):
    """A type-ahead picker for a person or a unit (see the module's text)."""

    template_name = "web/widgets/picker.html"

    def __init__(
        self,
        kind: str = PERSON,
        *,
        multiple: bool = False,
        within: int | None = None,
        options: Sequence[tuple[int, str]] | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs)
        self.kind = kind
        self.multiple = multiple
        self.within = within
        self.options = list(options) if options is not None else None
        self.labels: Callable[[Sequence[int]], Mapping[int, str]] = lambda ids: {}

    @property
    def is_hidden(self) -> bool:
        return False

    def use_required_attribute(self, initial: Any) -> bool:
        # The text box is empty once an item is chosen: the server checks that one was.
        return False

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        getter = getattr(data, "getlist", None)
        values = getter(name) if getter else [data.get(name, "")]
        return [str(v) for v in values if str(v).strip()]

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data

    def chosen(self, value: Any) -> tuple[list[tuple[int, str]], str]:
        """The items already chosen (id, label) and the text left to resolve."""
        ids: list[int] = []
        typed: list[str] = []
        for token in _values(value):
            raw = token[len(ID_PREFIX) :] if token.startswith(ID_PREFIX) else token
            if _is_id(raw) and (token.startswith(ID_PREFIX) or self.options is not None):
                ids.append(int(raw))
            elif not token.startswith(ID_PREFIX):
                typed.append(token)
        ids = list(dict.fromkeys(ids))
        labels = dict(self.options) if self.options is not None else self.labels(ids)
        return [(i, labels[i]) for i in ids if i in labels], ", ".join(typed)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen, typed = self.chosen(value)
        query = {"loai": self.kind}
        if self.within is not None:
            query["trong"] = str(self.within)
        context["widget"]["picker"] = {
            "kind": self.kind,
            "multiple": self.multiple,
            "url": reverse("web:suggest") + "?" + "&".join(f"{k}={v}" for k, v in query.items()),
            "chosen": chosen,
            "chosen_ids": {i for i, _label in chosen},
            "typed": typed,
            "options": self.options,
            "placeholder": _("Gõ tên, mã hoặc năm sinh")
            if self.kind == PERSON
            else _("Gõ tên hoặc mã đơn vị"),
        }
        return context


def _is_id(raw: str) -> bool:
    """Digits of a database id (bounded: a longer number is nobody's id)."""
    return raw.isascii() and raw.isdigit() and len(raw) <= MAX_ID_DIGITS and 0 < int(raw) <= MAX_ID


def _values(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, int):
        return [f"{ID_PREFIX}{value}"]
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for item in value:
        if isinstance(item, int):
            out.append(f"{ID_PREFIX}{item}")
        else:
            out.extend(t for t in _SPLIT.split(str(item)) if t)
    return out


class PickerField(forms.Field):
    """A person or a unit (or several) chosen with :class:`PickerWidget`, resolved and checked
    against the actor's scope on the form's day. Cleans to an ``int`` (``None`` when empty
    and not required) or, with ``multiple``, a list of ints in the order chosen."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "unknown": _("Không tìm thấy trong phạm vi của bạn: %(items)s."),
        "outside": _("Có mục đã chọn không thuộc phạm vi của bạn; hãy chọn lại."),
        "not_offered": _("Không có trong danh sách được chọn: %(items)s."),
        "one_only": _("Chỉ chọn một."),
    }

    def __init__(
        self,
        kind: str = PERSON,
        *,
        multiple: bool = False,
        within: int | None = None,
        options: Sequence[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        self.kind = kind
        self.multiple = multiple
        self.actor: Actor | None = None
        self.day: dt.date | None = None
        widget = PickerWidget(kind, multiple=multiple, within=within, options=options)
        kwargs.setdefault("widget", widget)
        super().__init__(**kwargs)
        self.widget.labels = self._labels

    def __deepcopy__(self, memo: dict[int, Any]) -> PickerField:
        result = super().__deepcopy__(memo)
        assert isinstance(result, PickerField)  # noqa: S101
        result.widget.labels = result._labels
        if self.widget.options is not None:
            result.widget.options = list(self.widget.options)
        return result

    def bind(self, actor: Actor, day: dt.date) -> PickerField:
        """The actor whose scope bounds the choice, and the day it is read on."""
        self.actor, self.day = actor, day
        return self

    def set_options(self, options: Sequence[tuple[int, str]]) -> None:
        self.widget.options = list(options)

    def set_within(self, unit_id: int | None) -> None:
        self.widget.within = unit_id

    def _labels(self, ids: Sequence[int]) -> Mapping[int, str]:
        """Labels of the chosen ids the actor may read (an id posted by hand from outside the
        scope is dropped, never described)."""
        if not ids or self.day is None:
            return {}
        readable = [i for i in ids if self._readable(i)]
        return {hit.id: hit.label for hit in describe(self.kind, readable, self.day)}

    def to_python(self, value: Any) -> list[str]:
        return _values(value)

    def clean(self, value: Any) -> Any:
        tokens = self.to_python(value)
        if not tokens:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [] if self.multiple else None
        ids = self._resolve(tokens)
        if not self.multiple and len(ids) > 1:
            raise forms.ValidationError(self.error_messages["one_only"], code="one_only")
        return ids if self.multiple else ids[0]

    def _resolve(self, tokens: Iterable[str]) -> list[int]:
        options = self.widget.options
        offered = {i for i, _label in options} if options is not None else None
        ids: list[int] = []
        codes: list[str] = []
        bad: list[str] = []
        malformed: list[str] = []
        for token in tokens:
            raw = token[len(ID_PREFIX) :] if token.startswith(ID_PREFIX) else token
            if _is_id(raw) and (offered is not None or token.startswith(ID_PREFIX)):
                ids.append(int(raw))
            elif token.startswith(ID_PREFIX):
                bad.append(token)
            elif code_problem(token[:MAX_CODE]) is None:
                codes.append(token[:MAX_CODE])
            else:  # not a code at all (a NUL byte, markup): never reaches a query
                malformed.append(shown(token[:MAX_CODE]))
        by_code = _ids_for_codes(self.kind, codes)
        unknown = malformed + [c for c in codes if c not in by_code]
        ids.extend(by_code[c] for c in codes if c in by_code)
        ids = list(dict.fromkeys(ids))
        if offered is not None:
            unknown += [str(i) for i in ids if i not in offered]
            if unknown:
                raise forms.ValidationError(
                    self.error_messages["not_offered"],
                    code="not_offered",
                    params={"items": ", ".join(unknown)},
                )
            return ids
        code_of = {pk: c for c, pk in by_code.items()}
        outside = [i for i in ids if not self._readable(i)]
        unknown += [code_of[i] for i in outside if i in code_of]
        if unknown:
            raise forms.ValidationError(
                self.error_messages["unknown"],
                code="unknown",
                params={"items": ", ".join(unknown)},
            )
        if outside or bad:  # an id posted by hand: not named back
            raise forms.ValidationError(self.error_messages["outside"], code="outside")
        return ids

    def _readable(self, pk: int) -> bool:
        if self.actor is None or self.day is None:
            return False
        try:
            if self.kind == UNIT:
                scope.load_unit(self.actor, pk, self.day)
            else:
                scope.load_person(self.actor, pk, self.day)
        except DomainError:
            return False
        return True


def _ids_for_codes(kind: str, codes: Sequence[str]) -> dict[str, int]:
    if not codes:
        return {}
    model = registry.OrgUnit if kind == UNIT else registry.Person
    exact = dict(model.objects.filter(code__in=codes).values_list("code", "pk"))
    upper = [c.upper() for c in codes if c not in exact]
    if upper:
        found = dict(model.objects.filter(code__in=upper).values_list("code", "pk"))
        exact.update({c: found[c.upper()] for c in codes if c.upper() in found})
    return {c: int(pk) for c, pk in exact.items()}


def bind_pickers(form: forms.BaseForm, actor: Actor, day: dt.date) -> None:
    """Give every picker of ``form`` the actor and the day its choices are read on."""
    for field in form.fields.values():
        if isinstance(field, PickerField):
            field.bind(actor, day)
