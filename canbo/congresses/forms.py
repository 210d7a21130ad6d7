"""Forms of the congress pages: parsed at the edge, then a service is called. People and
units are chosen with the pickers, never typed codes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.registry.search import PERSON, UNIT

from . import choices

DATE = forms.DateInput(attrs={"type": "date"})


class CongressForm(forms.Form):
    unit = PickerField(UNIT, label=_("Tổ chức đảng"))
    term_label = forms.CharField(label=_("Nhiệm kỳ"), max_length=32, initial="2025–2030")
    kind = forms.ChoiceField(
        label=_("Hình thức đại hội"),
        choices=[("", _("Theo số đảng viên chính thức (đề xuất)")), *choices.CongressKind.choices],
        required=False,
    )
    higher_consent = forms.BooleanField(
        label=_("Cấp ủy cấp trên đồng ý tổ chức đại hội đại biểu"),
        help_text=_("Khi đảng bộ chưa đến mức phải tổ chức đại hội đại biểu."),
        required=False,
    )
    opens_on = forms.DateField(label=_("Ngày khai mạc"), widget=DATE)
    closes_on = forms.DateField(label=_("Ngày bế mạc"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=128, required=False)


class PeopleForm(forms.Form):
    people = PickerField(PERSON, multiple=True, label=_("Chọn theo họ tên"))


class DelegatesForm(PeopleForm):
    alternate = forms.BooleanField(label=_("Đại biểu dự khuyết"), required=False)


class NotConvenedForm(forms.Form):
    person = PickerField(PERSON, label=_("Người không triệu tập"))
    reason = forms.ChoiceField(label=_("Lý do"), choices=choices.NotConvenedReason.choices)
    fact_date = forms.DateField(label=_("Ngày phát sinh"), widget=DATE)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class BodyForm(forms.Form):
    body = forms.ChoiceField(label=_("Cơ quan"), choices=choices.WorkingBody.choices)
    people = PickerField(PERSON, multiple=True, label=_("Thành viên (người có mặt)"))
    head = PickerField(PERSON, label=_("Trưởng ban, người đứng đầu"))
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0, max_value=100_000)
    votes_against = forms.IntegerField(
        label=_("Không tán thành"), min_value=0, max_value=100_000, initial=0
    )
    abstained = forms.IntegerField(
        label=_("Không biểu quyết"), min_value=0, max_value=100_000, initial=0
    )

    def set_present(self, options: list[tuple[int, str]]) -> None:
        for name in ("people", "head"):
            self.fields[name].set_options(options)  # type: ignore[attr-defined]


class CredentialsForm(forms.Form):
    person = PickerField(PERSON, label=_("Đại biểu"))
    status = forms.ChoiceField(label=_("Tư cách"), choices=choices.DelegateStatus.choices)
    seated_for = PickerField(
        PERSON, label=_("Thay cho đại biểu chính thức vắng mặt"), required=False
    )
    report_ref = forms.CharField(
        label=_("Báo cáo thẩm tra tư cách đại biểu"), max_length=64, required=False
    )

    def set_roll(self, options: list[tuple[int, str]]) -> None:
        for name in ("person", "seated_for"):
            self.fields[name].set_options(options)  # type: ignore[attr-defined]


class SubtractionForm(forms.Form):
    person = PickerField(PERSON, label=_("Người bị trừ khỏi số tính kết quả"))
    reason = forms.ChoiceField(label=_("Lý do"), choices=choices.Subtraction.choices)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def set_roll(self, options: list[tuple[int, str]]) -> None:
        self.fields["person"].set_options(options)  # type: ignore[attr-defined]
