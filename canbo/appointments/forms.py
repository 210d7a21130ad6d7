"""Forms of the appointment pages: persons and units are chosen with the type-ahead pickers,
titles from the registry's catalogue."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_COUNT
from canbo.core.types import Role, TitleLevel
from canbo.registry import models as reg
from canbo.registry.choices import TitleLevel as TitleLevelChoices
from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

from . import choices


class DateInput(forms.DateInput):
    input_type = "date"


def day(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput)


class OpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Quy trình"), choices=choices.ProcessKind.choices[:2])
    title = forms.ModelChoiceField(
        label=_("Chức vụ bổ nhiệm"), queryset=reg.Title.objects.filter(is_leadership=True)
    )
    unit = PickerField(UNIT, label=_("Cơ quan, đơn vị"))
    candidates = PickerField(label=_("Nhân sự được giới thiệu"), multiple=True)
    proposer = PickerField(label=_("Người đề xuất"), required=False)
    appraiser = PickerField(label=_("Người thẩm định"), required=False)
    started_on = day(_("Ngày bắt đầu quy trình"))
    policy_approved_on = day(_("Ngày có chủ trương bổ nhiệm"), required=False)


class ConveneForm(forms.Form):
    persons = PickerField(label=_("Người được triệu tập"), multiple=True)
    unit = PickerField(
        UNIT, label=_("Đơn vị tổ chức cuộc họp (nếu khác đơn vị có chức vụ)"), required=False
    )
    held_on = day(_("Ngày họp"))
    members = forms.IntegerField(
        label=_("Số thành viên tập thể lãnh đạo"), min_value=1, max_value=MAX_COUNT, required=False
    )


class CounterChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class BallotForm(forms.Form):
    """The counting committee of the step's ballot: accounts holding the counting role (the
    first chosen heads it); it may also be set on the vote's pages."""

    counters = CounterChoice(
        label=_("Ban kiểm phiếu"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["counters"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101
        field.queryset = (
            get_user_model()
            .objects.filter(grants__role=Role.COUNTING_COMMITTEE, is_active=True)
            .distinct()
            .order_by("username")
        )


class CloseForm(forms.Form):
    closed_on = day(_("Ngày kết thúc bước"))


class ReferralForm(forms.Form):
    decision = forms.CharField(
        label=_("Nội dung quyết định"), widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(label=_("Cấp có thẩm quyền"), max_length=255)
    on = day(_("Ngày quyết định"))
    carried = forms.TypedMultipleChoiceField(
        label=_("Nhân sự được tiếp tục"),
        coerce=int,
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, names: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["carried"]
        assert isinstance(field, forms.TypedMultipleChoiceField)  # noqa: S101
        field.choices = list(names)


class DossierForm(forms.Form):
    received_on = day(_("Ngày nhận hồ sơ"))


class DossierItemForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Nhân sự"), coerce=int, choices=())
    item = forms.ChoiceField(label=_("Thành phần hồ sơ"), choices=())
    verified_by = PickerField(label=_("Người xác minh"))
    verified_on = day(_("Ngày xác minh"))

    def __init__(self, *args: Any, names: Any = (), items: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["person"].choices = list(names)  # type: ignore[attr-defined]
        self.fields["item"].choices = list(items)  # type: ignore[attr-defined]


class OverrideForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Nhân sự"), coerce=int, choices=())
    check_key = forms.ChoiceField(label=_("Điều kiện chưa đạt"), choices=())
    decision_ref = forms.CharField(label=_("Số quyết định trường hợp đặc biệt"), max_length=64)
    body = forms.CharField(label=_("Cơ quan quyết định"), max_length=255)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, names: Any = (), checks: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["person"].choices = list(names)  # type: ignore[attr-defined]
        self.fields["check_key"].choices = list(checks)  # type: ignore[attr-defined]


class DeciderForm(forms.Form):
    """The person expected to sign the decision and the deciding body, named before the
    decision so that power control checks them (PC-10)."""

    decider = PickerField(label=_("Người dự kiến ký quyết định"))
    deciding_unit = PickerField(UNIT, label=_("Cơ quan quyết định"), required=False)


class DecideForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Người được bổ nhiệm"), coerce=int, choices=())
    decision_ref = forms.CharField(label=_("Số quyết định"), max_length=64)
    decided_on = day(_("Ngày quyết định"))
    signed_on = day(_("Ngày ký"))
    effective_on = day(_("Ngày có hiệu lực"))
    decider = PickerField(label=_("Người ký quyết định"))
    decider_level = forms.ChoiceField(
        label=_("Cấp quyết định"), choices=TitleLevelChoices.choices, initial=TitleLevel.PROVINCIAL
    )

    def __init__(self, *args: Any, names: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["person"].choices = list(names)  # type: ignore[attr-defined]
