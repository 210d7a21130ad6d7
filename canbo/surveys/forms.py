"""Forms of the report request pages: parsed at the edge, the rules stay in the services.
Units are chosen with the type-ahead picker; the answers of a report are read from the POST by
:func:`raw_answers` and checked whole by the service."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from canbo.core.surveys.forms import FieldKind, FormSpec
from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

from . import choices

DATE = forms.DateInput(attrs={"type": "date"})

EXAMPLE_SPEC = {
    "code": "ks_mau",
    "version": 1,
    "title": "Khảo sát mẫu",
    "fields": [
        {"key": "so_chi_bo", "label": "Số chi bộ", "kind": "number", "unit": "chi bộ",
         "minimum": 0, "integer": True},
        {"key": "danh_gia", "label": "Đánh giá chung", "kind": "choice",
         "options": [{"value": "tot", "label": "Tốt"}, {"value": "kha", "label": "Khá"}]},
        {"key": "kien_nghi", "label": "Kiến nghị", "kind": "text", "required": False},
    ],
}  # fmt: skip


class FormDefinitionForm(forms.Form):
    """A form's definition as JSON (the shape of ``FormSpec.as_dict``), owned by a unit."""

    owner = PickerField(UNIT, label=_("Đơn vị lập biểu mẫu"))
    spec = forms.CharField(
        label=_("Nội dung biểu mẫu (JSON)"),
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        max_length=200_000,
    )

    @staticmethod
    def example() -> str:
        return json.dumps(EXAMPLE_SPEC, ensure_ascii=False, indent=2)

    def clean_spec(self) -> dict[str, Any]:
        try:
            data = json.loads(self.cleaned_data["spec"])
        except ValueError as exc:
            raise forms.ValidationError(_("Không đọc được JSON.")) from exc
        if not isinstance(data, dict):
            raise forms.ValidationError(_("Không đọc được JSON."))
        return data


class RequestForm(forms.Form):
    """Send a form to the units of a kind in the requester's subtree."""

    form = forms.TypedChoiceField(label=_("Biểu mẫu"), coerce=int, choices=())
    requester = PickerField(UNIT, label=_("Đơn vị yêu cầu"))
    target_kind = forms.ChoiceField(label=_("Gửi tới"), choices=choices.TargetKind.choices)
    title = forms.CharField(label=_("Tên yêu cầu"), max_length=255)
    deadline = forms.DateField(label=_("Hạn nộp"), widget=DATE)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, form_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["form"]
        if isinstance(field, forms.TypedChoiceField):
            field.choices = form_choices


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel đã điền"))
    reason = forms.CharField(label=_("Lý do đính chính"), required=False, max_length=2000)


class RemindForm(forms.Form):
    note = forms.CharField(label=_("Lời nhắc"), required=False, max_length=500)


def raw_answers(spec: FormSpec, post: QueryDict) -> dict[str, Any]:
    """The answers as posted by the fill page: ``f_<key>`` for a field (a list for multiple
    choices), ``t_<key>_<row>_<column>`` for a table cell."""
    raw: dict[str, Any] = {}
    for item in spec.fields:
        name = f"f_{item.key}"
        if item.kind is FieldKind.TABLE:
            rows = []
            for row in range(item.max_rows):
                cells = {c.key: post.get(f"t_{item.key}_{row}_{c.key}", "") for c in item.columns}
                rows.append(cells)
            raw[item.key] = rows
        elif item.kind is FieldKind.CHOICE and item.multiple:
            raw[item.key] = post.getlist(name)
        else:
            raw[item.key] = post.get(name, "")
    return raw
