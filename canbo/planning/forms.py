"""Forms of the planning pages: input parsed at the edge, the rules stay in the services.
People and units are chosen with the type-ahead pickers; reasons from their labels."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

from . import choices

DATE = forms.DateInput(attrs={"type": "date"})


class FilterForm(forms.Form):
    """The list's filter (a GET form): one unit's subtree, the day."""

    don_vi = PickerField(UNIT, label=_("Đơn vị"), required=False)
    ngay = forms.DateField(label=_("Ngày"), widget=DATE, required=False)


class PlanForm(forms.Form):
    title = forms.TypedChoiceField(label=_("Chức danh quy hoạch"), coerce=int, choices=())
    unit = PickerField(UNIT, label=_("Đơn vị"))
    term_label = forms.CharField(label=_("Nhiệm kỳ"), max_length=32, initial="2026-2031")
    term_start = forms.DateField(label=_("Đầu nhiệm kỳ"), widget=DATE)
    term_end = forms.DateField(label=_("Cuối nhiệm kỳ"), widget=DATE)
    approved_on = forms.DateField(label=_("Ngày phê duyệt"), widget=DATE)
    approved_by_ref = forms.CharField(label=_("Quyết định phê duyệt (số, ngày)"), max_length=128)

    def __init__(self, *args: Any, titles: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["title"]
        if isinstance(field, forms.TypedChoiceField):
            field.choices = titles


class AddForm(forms.Form):
    person = PickerField(label=_("Cán bộ đưa vào quy hoạch"))
    on = forms.DateField(label=_("Ngày quyết định"), widget=DATE)
    decision = forms.CharField(label=_("Quyết định đưa vào (số, ngày)"), max_length=128)
    special_decision = forms.CharField(
        label=_("Trường hợp đặc biệt: quyết định của cấp có thẩm quyền"),
        max_length=128,
        required=False,
    )
    special_body = forms.CharField(label=_("Cơ quan quyết định"), max_length=128, required=False)
    special_reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)


class RemoveForm(forms.Form):
    reason = forms.ChoiceField(label=_("Lý do đưa ra"), choices=choices.RemovalReason.choices)
    on = forms.DateField(label=_("Ngày quyết định"), widget=DATE)
    decision = forms.CharField(label=_("Quyết định đưa ra (số, ngày)"), max_length=128)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class GradeForm(forms.Form):
    title = forms.TypedChoiceField(label=_("Chức danh"), coerce=str, choices=())
    tier = forms.IntegerField(label=_("Tầng"), min_value=1, max_value=20)
    grade = forms.IntegerField(
        label=_("Bậc chức vụ (lớn hơn là cao hơn)"), min_value=1, max_value=99
    )
    valid_from = forms.DateField(label=_("Hiệu lực từ"), widget=DATE)
    managing_unit = PickerField(UNIT, label=_("Cấp quản lý"))

    def __init__(self, *args: Any, titles: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["title"]
        if isinstance(field, forms.TypedChoiceField):
            field.choices = titles
