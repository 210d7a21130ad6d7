"""Forms of the clerk's records: a person's identity, Party membership events, posts held,
discipline, leave, retirement notices, relatives, and changes of units.

Each form parses and cleans input at the edge and builds the core value a service checks;
the rules themselves live in the core and the services, whose refusals come back to the field
they name (:func:`canbo.web.record_views.show_refusal`). A cell or a unit is chosen with the
type-ahead picker (:mod:`canbo.web.widgets`), checked against the actor's scope; a person's
own posts, relatives, and a unit's siblings and children are short selects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from canbo.core import records as rec
from canbo.core.registry import PersonData, UnitVersionData
from canbo.core.types import DisciplineForm, Interval, LeaveKind, RelationKind, Sex, UnitKind
from canbo.registry import choices
from canbo.registry.search import UNIT
from canbo.services.ports import Actor

from .widgets import PickerField, bind_pickers

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _text(label: Any, max_length: int, *, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=required)


class PersonForm(forms.Form):
    """Identity of a person (sơ yếu: họ tên, ngày sinh, giới tính, dân tộc, quê quán, số
    định danh cá nhân); Party dates change through the membership events, not here."""

    full_name = _text(_("Họ và tên"), 128, required=True)
    code = _text(_("Mã cán bộ"), 32, required=True)
    birth_date = date_field(_("Ngày sinh"))
    sex = forms.ChoiceField(label=_("Giới tính"), choices=choices.Sex.choices)
    ethnicity = _text(_("Dân tộc"), 32)
    hometown = _text(_("Quê quán"), 255)
    national_id = _text(_("Số định danh cá nhân"), 12)
    party_card_number = _text(_("Số thẻ đảng viên"), 16)

    def person(self, base: PersonData | None = None) -> PersonData:
        """The cleaned identity over ``base`` (which keeps the Party dates)."""
        c = self.cleaned_data
        party = base or PersonData("", "", dt.date.min, Sex.MALE)
        return PersonData(
            code=c["code"],
            full_name=c["full_name"],
            birth_date=c["birth_date"],
            sex=Sex(c["sex"]),
            ethnicity=c["ethnicity"],
            hometown=c["hometown"],
            national_id=c["national_id"],
            party_card_number=c["party_card_number"],
            party_admission_date=party.party_admission_date,
            official_membership_date=party.official_membership_date,
            party_exit_date=party.party_exit_date,
            death_date=party.death_date,
        )


class PersonEditForm(PersonForm):
    since = date_field(
        _("Áp dụng từ ngày"),
        help_text=_("Thông tin cũ được giữ lại trong lịch sử đến ngày trước đó."),
    )


class MemberForm(PersonForm):
    """A member already in the Party who joins this cell (records carried over)."""

    party_admission_date = date_field(_("Ngày vào Đảng"))
    official_membership_date = date_field(_("Ngày chính thức"), required=False)
    since = date_field(_("Sinh hoạt tại chi bộ từ ngày"))

    def person(self, base: PersonData | None = None) -> PersonData:
        c = self.cleaned_data
        return dataclasses.replace(
            super().person(base),
            party_admission_date=c["party_admission_date"],
            official_membership_date=c["official_membership_date"],
        )


class AdmissionForm(PersonForm):
    admitted_on = date_field(
        _("Ngày kết nạp"),
        help_text=_("Thời kỳ dự bị 12 tháng tính từ ngày chi bộ tổ chức lễ kết nạp."),
    )
    decision_ref = _text(_("Số quyết định kết nạp"), 64)


class RecognitionForm(forms.Form):
    recognized_on = date_field(_("Ngày công nhận chính thức"))
    decision_ref = _text(_("Số quyết định"), 64)


TRANSFER_KINDS = (
    ("official", pgettext_lazy("transfer of Party activity", "Chính thức")),
    ("temporary", pgettext_lazy("transfer of Party activity", "Tạm thời")),
)
LEAVING = tuple(
    (k, label)
    for k, label in choices.PartyEventKind.choices
    if rec.PartyEventKind(k) in rec.LEAVING_KINDS
)


class TransferForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=TRANSFER_KINDS, widget=forms.RadioSelect)
    to_cell = PickerField(UNIT, label=_("Chuyển đến chi bộ"))
    on = date_field(_("Từ ngày"))
    until = date_field(_("Đến ngày (sinh hoạt tạm thời)"), required=False)
    decision_ref = _text(_("Số giấy giới thiệu, quyết định"), 64)

    def __init__(self, *args: Any, actor: Actor, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bind_pickers(self, actor, today)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == "temporary" and not data.get("until"):
            self.add_error("until", _("Cần ngày kết thúc sinh hoạt tạm thời."))
        return data


class LeaveRollForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=LEAVING)
    on = date_field(_("Ngày"))
    decision_ref = _text(_("Số quyết định"), 64)
    note = _text(_("Ghi chú"), 255)


class PositionForm(forms.Form):
    title_code = forms.ChoiceField(label=_("Chức danh"))
    unit_id = PickerField(UNIT, label=_("Đơn vị"))
    how = forms.ChoiceField(label=_("Hình thức"), choices=choices.HowFilled.choices)
    valid_from = date_field(_("Từ ngày"))
    term_ends = date_field(_("Hết thời hạn"), required=False)
    decision_ref = _text(_("Số quyết định"), 128)
    is_concurrent = forms.BooleanField(label=_("Kiêm nhiệm"), required=False)

    def __init__(
        self,
        *args: Any,
        titles: list[tuple[str, str]],
        actor: Actor,
        today: dt.date,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_code"].choices = [("", "—"), *titles]  # type: ignore[attr-defined]
        bind_pickers(self, actor, today)

    def record(self) -> rec.PositionData:
        c = self.cleaned_data
        return rec.PositionData(
            title_code=c["title_code"],
            unit_id=c["unit_id"],
            how=c["how"],
            valid=Interval(c["valid_from"]),
            decision_ref=c["decision_ref"],
            term_ends=c["term_ends"],
            is_concurrent=c["is_concurrent"],
        )


class EndPositionForm(forms.Form):
    record_id = forms.TypedChoiceField(label=_("Chức vụ"), coerce=int)
    last_day = date_field(_("Thôi giữ chức vụ từ ngày (ngày cuối)"))

    def __init__(self, *args: Any, held: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record_id"].choices = [("", "—"), *held]  # type: ignore[attr-defined]


class DisciplineRecordForm(forms.Form):
    form = forms.ChoiceField(label=_("Hình thức kỷ luật"), choices=choices.DisciplineForm.choices)
    decision_date = date_field(_("Ngày quyết định"))
    authority = _text(_("Cấp quyết định"), 255, required=True)
    decision_ref = _text(_("Số quyết định"), 64)
    violation_date = date_field(_("Ngày vi phạm"), required=False)
    reason = forms.CharField(
        label=_("Nội dung vi phạm"), max_length=2000, required=False, widget=forms.Textarea
    )
    self_remedied = forms.BooleanField(label=_("Tự phát hiện, khắc phục"), required=False)

    def record(self) -> rec.DisciplineData:
        c = self.cleaned_data
        return rec.DisciplineData(
            form=DisciplineForm(c["form"]),
            decision_date=c["decision_date"],
            authority=c["authority"],
            decision_ref=c["decision_ref"],
            violation_date=c["violation_date"],
            reason=c["reason"],
            self_remedied=c["self_remedied"],
        )


class LeaveForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=choices.LeaveKind.choices)
    starts = date_field(_("Từ ngày"))
    ends = date_field(_("Đến ngày"))
    note = _text(_("Ghi chú"), 255)

    def record(self) -> rec.LeaveData:
        c = self.cleaned_data
        return rec.LeaveData(LeaveKind(c["kind"]), c["starts"], c["ends"], c["note"])


class RetirementForm(forms.Form):
    notice_date = date_field(_("Ngày thông báo"))
    retirement_date = date_field(_("Ngày nghỉ hưu"))
    decision_ref = _text(_("Số văn bản"), 64)

    def record(self) -> rec.RetirementNoticeData:
        c = self.cleaned_data
        return rec.RetirementNoticeData(c["notice_date"], c["retirement_date"], c["decision_ref"])


class RelativeForm(forms.Form):
    relation = forms.ChoiceField(label=_("Quan hệ"), choices=choices.RelationKind.choices)
    full_name = _text(_("Họ và tên"), 128, required=True)
    birth_year = forms.IntegerField(
        label=_("Năm sinh"), required=False, min_value=1900, max_value=2100
    )
    workplace = _text(_("Nơi công tác"), 255)
    declared_on = date_field(_("Ngày kê khai"))
    ended_on = date_field(
        _("Quan hệ chấm dứt từ"),
        required=False,
        help_text=_("Người thân đã mất, hoặc hôn nhân đã chấm dứt."),
    )

    def record(self) -> rec.RelativeData:
        c = self.cleaned_data
        return rec.RelativeData(
            relation=RelationKind(c["relation"]),
            declared_on=c["declared_on"],
            full_name=c["full_name"],
            birth_year=c["birth_year"],
            workplace=c["workplace"],
            ended_on=c["ended_on"],
        )


class EndRelativeForm(forms.Form):
    record_id = forms.TypedChoiceField(label=_("Người thân"), coerce=int)
    ended_on = date_field(_("Quan hệ chấm dứt từ"))

    def __init__(self, *args: Any, relatives: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record_id"].choices = [("", "—"), *relatives]  # type: ignore[attr-defined]


class UnitForm(forms.Form):
    """A new unit under this one (thành lập), from a date, on a legal basis."""

    name = _text(_("Tên đơn vị"), 255, required=True)
    code = _text(_("Mã đơn vị"), 64, required=True)
    kind = forms.ChoiceField(label=_("Loại"), choices=choices.UnitKind.choices)
    valid_from = date_field(_("Hiệu lực từ ngày"))
    legal_basis = _text(_("Căn cứ (số quyết định)"), 255, required=True)

    def version(self, parent_id: int | None) -> UnitVersionData:
        c = self.cleaned_data
        return UnitVersionData(
            code=c["code"],
            name=c["name"],
            kind=UnitKind(c["kind"]),
            valid=Interval(c["valid_from"]),
            parent_id=parent_id,  # type: ignore[arg-type]
            legal_basis=c["legal_basis"],
        )


class RenameForm(forms.Form):
    name = _text(_("Tên mới"), 255, required=True)
    valid_from = date_field(_("Hiệu lực từ ngày"))
    legal_basis = _text(_("Căn cứ (số quyết định)"), 255, required=True)


class MergeForm(UnitForm):
    """This unit and the chosen siblings merge into a new unit under the same parent."""

    others = forms.TypedMultipleChoiceField(
        label=_("Hợp nhất cùng các đơn vị"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, siblings: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["others"].choices = siblings  # type: ignore[attr-defined]
        self.fields["valid_from"].label = _("Ngày hợp nhất")


class SplitForm(forms.Form):
    """This unit ends; two new units under the same parent take its place (chia tách)."""

    first_name = _text(_("Tên đơn vị thứ nhất"), 255, required=True)
    first_code = _text(_("Mã đơn vị thứ nhất"), 64, required=True)
    second_name = _text(_("Tên đơn vị thứ hai"), 255, required=True)
    second_code = _text(_("Mã đơn vị thứ hai"), 64, required=True)
    to_second = forms.TypedMultipleChoiceField(
        label=_("Đơn vị trực thuộc chuyển sang đơn vị thứ hai"),
        help_text=_("Các đơn vị không chọn chuyển sang đơn vị thứ nhất."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    valid_from = date_field(_("Ngày chia tách"))
    legal_basis = _text(_("Căn cứ (số quyết định)"), 255, required=True)

    def __init__(self, *args: Any, children: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_second"].choices = children  # type: ignore[attr-defined]
