"""Forms of the bundle pages: input parsed at the edge, every check stays in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

from . import choices

DATE = forms.DateInput(attrs={"type": "date"})
MAX_UPLOAD = 512 * 1024 * 1024


class ExportForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Loại dữ liệu"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    scope = PickerField(UNIT, label=_("Đơn vị (phạm vi)"))
    period_start = forms.DateField(label=_("Từ ngày"), widget=DATE)
    period_end = forms.DateField(label=_("Đến ngày"), widget=DATE)

    def __init__(self, *args: Any, kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kinds"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [(k, kind_choice(k)) for k in sorted(kinds, key=_upward_first)]


def _direction(kind: str) -> str:
    from .kinds import codec

    found = codec(kind)
    return str(found.direction) if found else ""


def _upward_first(kind: str) -> tuple[bool, str]:
    return (_direction(kind) != choices.Direction.UP, kind)


def kind_choice(kind: str) -> str:
    """A kind as the export form offers it, with the way it travels: results go up to the
    level above, reference data goes down to the levels below."""
    direction, label = _direction(kind), choices.kind_label(kind)
    if direction == choices.Direction.UP:
        return f"{label} ({_('gửi lên cấp trên')})"
    if direction == choices.Direction.DOWN:
        return f"{label} ({_('gửi xuống cấp dưới')})"
    return label


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp gói liên thông"))


class RegisterForm(forms.Form):
    name = forms.CharField(label=_("Tên hệ thống"), max_length=120)
    relation = forms.ChoiceField(
        label=_("Quan hệ"),
        choices=[(c.value, c.label) for c in (choices.Relation.LOWER, choices.Relation.UPPER)],
    )
    unit = PickerField(UNIT, label=_("Đơn vị gốc của hệ thống đó"))
    public_key = forms.CharField(label=_("Khóa công khai (base64)"), max_length=64)


class RevokeForm(forms.Form):
    key_id = forms.CharField(max_length=64, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Lý do thu hồi"), max_length=255)
