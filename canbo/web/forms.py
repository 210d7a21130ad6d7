"""Input forms of the web shell: the tree's as-of date, the unit search box."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _


class AsOfForm(forms.Form):
    """The date the tree is read on (OR-19); empty or invalid means today."""

    as_of = forms.DateField(
        label=_("Tại ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def day(self, today: dt.date) -> dt.date:
        """The cleaned date, or ``today`` when the field is empty or not a date."""
        if self.is_valid() and self.cleaned_data["as_of"]:
            return self.cleaned_data["as_of"]  # type: ignore[no-any-return]
        return today


class SearchForm(forms.Form):
    """Words of a unit's name, current or former (OR-18)."""

    q = forms.CharField(
        label=_("Tên đơn vị"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "autofocus": True}),
    )

    def text(self) -> str:
        return str(self.cleaned_data.get("q") or "") if self.is_valid() else ""
