"""Input forms of the web shell: the tree's as-of date, the search box."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_ID


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
    """The search box: words of a name (with or without tones), a code, a national ID or a
    birth year; optionally only people or only units, and only below one unit."""

    q = forms.CharField(
        label=_("Tìm người, đơn vị"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "autofocus": True}),
    )
    loai = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Người và đơn vị")), ("person", _("Người")), ("unit", _("Đơn vị"))],
    )
    trong = forms.IntegerField(
        label=_("Trong đơn vị"), required=False, min_value=1, max_value=MAX_ID
    )

    def text(self) -> str:
        return str(self.cleaned_data.get("q") or "") if self.is_valid() else ""

    def kinds(self) -> frozenset[str]:
        chosen = self.cleaned_data.get("loai") if self.is_valid() else ""
        return frozenset({chosen}) if chosen else frozenset({"person", "unit"})

    def within(self) -> int | None:
        return self.cleaned_data.get("trong") if self.is_valid() else None
