"""Forms of power control: a recusal or a reasoned override for a listed participant, a
declared close acquaintance (two persons chosen with the pickers, and the source), and the
control report's unit and period."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_ID
from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

from . import choices


class DateInput(forms.DateInput):
    input_type = "date"


class RecusalForm(forms.Form):
    """One answer for one participant of the panel (the person is the panel's, not typed)."""

    person = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    role = forms.ChoiceField(widget=forms.HiddenInput, choices=choices.ParticipantRole.choices)
    step = forms.CharField(widget=forms.HiddenInput, required=False, max_length=24)
    outcome = forms.ChoiceField(
        label=_("Ghi nhận"), choices=choices.RecusalOutcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Lý do (bắt buộc khi vẫn tham gia)"), required=False, max_length=1000
    )


class AcquaintanceForm(forms.Form):
    """A declared close acquaintance (PC-21): declared, never inferred."""

    person = PickerField(label=_("Người kê khai"))
    other = PickerField(label=_("Người quen biết thân thiết"))
    source = forms.CharField(
        label=_("Nguồn thông tin (tự kê khai, kết luận kiểm tra)"), max_length=255
    )


class ReportForm(forms.Form):
    unit = PickerField(UNIT, label=_("Đơn vị"))
    start = forms.DateField(label=_("Từ ngày"), widget=DateInput(format="%Y-%m-%d"))
    end = forms.DateField(label=_("Đến ngày"), widget=DateInput(format="%Y-%m-%d"))
