"""Forms of the conference pages: parsed at the edge, then a service is called."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_ID
from canbo.registry.pickers import PickerField
from canbo.registry.search import PERSON, UNIT

from . import choices


class ConferenceForm(forms.Form):
    # Named for the code it took before the picker: without JavaScript a code is still typed.
    unit_code = PickerField(UNIT, label=_("Đơn vị tổ chức hội nghị"))
    title = forms.CharField(label=_("Tên hội nghị"), max_length=255)
    body = forms.ChoiceField(label=_("Hệ thống"), choices=choices.Body.choices)
    held_on = forms.DateField(label=_("Ngày họp"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(
        label=_("Địa danh (ghi ở dòng ngày tháng)"), max_length=128, required=False
    )


class LinesForm(forms.Form):
    """One item per line: the agenda's items."""

    lines = forms.CharField(label=_("Mỗi dòng một mục"), widget=forms.Textarea(attrs={"rows": 5}))

    def items(self) -> list[str]:
        return [ln.strip() for ln in self.cleaned_data["lines"].splitlines() if ln.strip()]


class ConveneForm(forms.Form):
    """Who to convene: chosen by name, every member of a unit on the conference date, the
    committee of a unit (the holders of its posts), or codes pasted one per line."""

    people = PickerField(PERSON, multiple=True, required=False, label=_("Chọn từng người"))
    unit_members = PickerField(
        UNIT,
        required=False,
        label=_("Triệu tập toàn bộ đảng viên của đơn vị"),
        help_text=_("Đảng viên sinh hoạt trong đơn vị và các đơn vị trực thuộc vào ngày họp."),
    )
    unit_committee = PickerField(
        UNIT,
        required=False,
        label=_("Triệu tập cấp ủy của đơn vị"),
        help_text=_("Những người giữ chức vụ trong đơn vị vào ngày họp."),
    )
    lines = forms.CharField(
        label=_("Dán danh sách mã cán bộ, mỗi dòng một mã"),
        widget=forms.Textarea(attrs={"rows": 4, "id": "id_convene"}),
        required=False,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not any(data.get(k) for k in ("people", "unit_members", "unit_committee", "lines")):
            raise forms.ValidationError(_("Chọn người, đơn vị hoặc dán danh sách mã."))
        return data

    def codes(self) -> list[str]:
        text = str(self.cleaned_data.get("lines") or "")
        return [ln.strip() for ln in text.splitlines() if ln.strip()]


class BulkCheckInForm(forms.Form):
    """Several delegates present, checked in at once (each as a separate check-in)."""

    present = forms.TypedMultipleChoiceField(coerce=int, label=_("Đại biểu có mặt"))
    paper = forms.BooleanField(label=_("Phát phiếu giấy thay cho mã bỏ phiếu"), required=False)

    def __init__(self, *args: object, people: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["present"].choices = people  # type: ignore[attr-defined]


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
