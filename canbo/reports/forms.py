"""The results reports' query: a unit (type-ahead picker, checked against the scope) and a
period."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT


class DateInput(forms.DateInput):
    input_type = "date"


class ReportQuery(forms.Form):
    unit = PickerField(UNIT, label=_("Đơn vị"))
    start = forms.DateField(label=_("Từ ngày"), widget=DateInput(format="%Y-%m-%d"))
    end = forms.DateField(label=_("Đến ngày"), widget=DateInput(format="%Y-%m-%d"))
