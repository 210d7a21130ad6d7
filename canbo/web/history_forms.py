"""Forms of the personal history form (sơ yếu lý lịch): one per kind of entry, the end of an
entry, and the photo. Each builds the core value the service checks
(:mod:`canbo.core.personal_history`); the field names are the value's, so that a refusal
comes back next to the field it names."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core import personal_history as ph

from .record_forms import date_field

KIND_LABELS = {
    ph.HistoryKind.EDUCATION: _("Giáo dục phổ thông"),
    ph.HistoryKind.QUALIFICATION: _("Trình độ chuyên môn"),
    ph.HistoryKind.THEORY: _("Lý luận chính trị"),
    ph.HistoryKind.STATE_MANAGEMENT: _("Quản lý nhà nước"),
    ph.HistoryKind.LANGUAGE: _("Ngoại ngữ"),
    ph.HistoryKind.IT: _("Tin học"),
    ph.HistoryKind.WORK: _("Quá trình công tác"),
    ph.HistoryKind.AWARD: _("Khen thưởng"),
}
LEVEL_CHOICES = {
    "so_cap": _("Sơ cấp"),
    "trung_cap": _("Trung cấp"),
    "cao_cap": _("Cao cấp"),
    "cu_nhan": _("Cử nhân"),
    "can_su": _("Cán sự"),
    "chuyen_vien": _("Chuyên viên"),
    "chuyen_vien_chinh": _("Chuyên viên chính"),
    "chuyen_vien_cao_cap": _("Chuyên viên cao cấp"),
    "cao_dang": _("Cao đẳng"),
    "dai_hoc": _("Đại học"),
    "thac_si": _("Thạc sĩ"),
    "tien_si": _("Tiến sĩ"),
}


def _text(label: Any, limit: int, *, required: bool = False, help_text: Any = "") -> Any:
    return forms.CharField(label=label, max_length=limit, required=required, help_text=help_text)


def _year(label: Any, *, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=required, min_value=1900, max_value=2100)


def _levels(kind: ph.HistoryKind) -> forms.ChoiceField:
    choices = [("", "—"), *((k, LEVEL_CHOICES[k]) for k in ph.LEVELS[kind])]
    return forms.ChoiceField(label=_("Trình độ"), choices=choices)


class HistoryItemForm(forms.Form):
    """The fields every entry has; a subclass names its kind and adds its own fields."""

    kind: ph.HistoryKind = ph.HistoryKind.EDUCATION

    def record(self) -> ph.HistoryItemData:
        c = self.cleaned_data
        return ph.HistoryItemData(
            kind=self.kind,
            declared_on=c["declared_on"],
            level=c.get("level") or "",
            field_name=c.get("field_name") or "",
            institution=c.get("institution") or "",
            year=c.get("year"),
            starts=c.get("starts"),
            ends=c.get("ends"),
            decision_ref=c.get("decision_ref") or "",
            note=c.get("note") or "",
        )


class EducationForm(HistoryItemForm):
    kind = ph.HistoryKind.EDUCATION
    level = _text(
        _("Trình độ giáo dục phổ thông"),
        8,
        required=True,
        help_text=_("Số lớp đã học trên hệ đào tạo: 12/12, hoặc 10/10 theo hệ cũ."),
    )
    institution = _text(_("Trường"), 255)
    year = _year(_("Năm tốt nghiệp"))
    declared_on = date_field(_("Ngày kê khai"))


class QualificationForm(HistoryItemForm):
    kind = ph.HistoryKind.QUALIFICATION
    level = _levels(ph.HistoryKind.QUALIFICATION)
    field_name = _text(_("Chuyên ngành"), 255, required=True)
    institution = _text(_("Cơ sở đào tạo"), 255)
    year = _year(_("Năm tốt nghiệp"))
    decision_ref = _text(_("Số văn bằng"), 128)
    declared_on = date_field(_("Ngày kê khai"))


class TheoryForm(HistoryItemForm):
    kind = ph.HistoryKind.THEORY
    level = _levels(ph.HistoryKind.THEORY)
    institution = _text(_("Cơ sở đào tạo"), 255)
    year = _year(_("Năm tốt nghiệp"))
    declared_on = date_field(_("Ngày kê khai"))


class StateManagementForm(TheoryForm):
    kind = ph.HistoryKind.STATE_MANAGEMENT
    level = _levels(ph.HistoryKind.STATE_MANAGEMENT)


class LanguageForm(HistoryItemForm):
    kind = ph.HistoryKind.LANGUAGE
    field_name = _text(_("Ngoại ngữ"), 255, required=True)
    level = _text(
        _("Trình độ, chứng chỉ"), 64, required=True, help_text=_("Ví dụ: B1, bậc 3/6, IELTS 6.5.")
    )
    year = _year(_("Năm cấp"))
    declared_on = date_field(_("Ngày kê khai"))


class ITForm(HistoryItemForm):
    kind = ph.HistoryKind.IT
    level = _text(
        _("Trình độ, chứng chỉ"),
        64,
        required=True,
        help_text=_("Ví dụ: chứng chỉ ứng dụng công nghệ thông tin cơ bản."),
    )
    year = _year(_("Năm cấp"))
    declared_on = date_field(_("Ngày kê khai"))


class WorkForm(HistoryItemForm):
    kind = ph.HistoryKind.WORK
    starts = date_field(_("Từ ngày"))
    ends = date_field(_("Đến ngày"), required=False, help_text=_("Để trống nếu đang công tác."))
    institution = _text(_("Đơn vị công tác"), 255, required=True)
    field_name = _text(_("Chức vụ"), 255)
    declared_on = date_field(_("Ngày kê khai"))


class AwardForm(HistoryItemForm):
    kind = ph.HistoryKind.AWARD
    year = _year(_("Năm"), required=True)
    level = _text(_("Hình thức khen thưởng"), 64, required=True)
    institution = _text(_("Cấp quyết định"), 255)
    decision_ref = _text(_("Số quyết định"), 128)
    declared_on = date_field(_("Ngày kê khai"))


FORMS: dict[str, type[HistoryItemForm]] = {
    "hoc-van": EducationForm,
    "chuyen-mon": QualificationForm,
    "ly-luan-chinh-tri": TheoryForm,
    "quan-ly-nha-nuoc": StateManagementForm,
    "ngoai-ngu": LanguageForm,
    "tin-hoc": ITForm,
    "qua-trinh-cong-tac": WorkForm,
    "khen-thuong": AwardForm,
}
"""The slug of each entry's form on the person page, in the form's order."""


class EndItemForm(forms.Form):
    record_id = forms.TypedChoiceField(label=_("Mục"), coerce=int)
    ended_on = date_field(_("Hết hiệu lực từ ngày"))

    def __init__(self, *args: Any, items: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record_id"].choices = [("", "—"), *items]  # type: ignore[attr-defined]


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Ảnh 4 × 6 cm"),
        help_text=_("Tệp JPEG hoặc PNG, không quá 2 MB. Ảnh cũ vẫn được lưu."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
