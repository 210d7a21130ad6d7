"""Forms of the work programme pages: input parsed at the edge, the rules stay in the
services. Units and leads are chosen with the type-ahead pickers; statuses from their labels."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

from . import choices

DATE = forms.DateInput(attrs={"type": "date"})


class FilterForm(forms.Form):
    """The programme's filter (a GET form): whose programme, which year."""

    don_vi = PickerField(UNIT, label=_("Chương trình của"), required=False)
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=choices.ItemKind.choices)
    title = forms.CharField(label=_("Tên đề án, nhiệm vụ"), max_length=500)
    unit = PickerField(UNIT, label=_("Đơn vị chủ trì"))
    lead = PickerField(label=_("Người phụ trách"), required=False)
    deadline = forms.DateField(label=_("Thời hạn hoàn thành"), widget=DATE)
    parent = forms.TypedChoiceField(
        label=_("Thuộc đề án"), coerce=int, required=False, empty_value=None, choices=()
    )
    description = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=DATE)
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=99)
    note = forms.CharField(
        label=_("Nội dung báo cáo"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Chuyển trạng thái"),
        choices=[
            (choices.Status.COMPLETED, choices.Status.COMPLETED.label),
            (choices.Status.CANCELLED, choices.Status.CANCELLED.label),
        ],
    )
    on = forms.DateField(label=_("Ngày"), widget=DATE)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class DocumentForm(forms.Form):
    document = forms.FileField(label=_("Tài liệu (PDF, DOCX, XLSX, ODT; tối đa 20 MB)"))
