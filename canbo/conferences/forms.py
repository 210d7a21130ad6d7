"""Forms of the conference pages: parsed at the edge, then a service is called."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_ID

from . import choices


class ConferenceForm(forms.Form):
    unit_code = forms.CharField(label=_("Mã đơn vị tổ chức hội nghị"), max_length=64)
    title = forms.CharField(label=_("Tên hội nghị"), max_length=255)
    body = forms.ChoiceField(label=_("Hệ thống"), choices=choices.Body.choices)
    held_on = forms.DateField(label=_("Ngày họp"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(
        label=_("Địa danh (ghi ở dòng ngày tháng)"), max_length=128, required=False
    )


class LinesForm(forms.Form):
    """One item per line: agenda items, or person codes to convene."""

    lines = forms.CharField(label=_("Mỗi dòng một mục"), widget=forms.Textarea(attrs={"rows": 5}))

    def items(self) -> list[str]:
        return [ln.strip() for ln in self.cleaned_data["lines"].splitlines() if ln.strip()]


class SiteForm(forms.Form):
    name = forms.CharField(label=_("Tên điểm cầu"), max_length=128)


class CheckInForm(forms.Form):
    person = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    qr = forms.CharField(label=_("Mã QR trên giấy triệu tập"), max_length=64, required=False)
    paper = forms.BooleanField(label=_("Phát phiếu giấy thay cho mã bỏ phiếu"), required=False)
    preprinted = forms.BooleanField(
        label=_("Phát phiếu mã in sẵn (rút ngẫu nhiên)"), required=False
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("person") and not data.get("qr"):
            raise forms.ValidationError(_("Chọn đại biểu hoặc quét mã QR."))
        return data
