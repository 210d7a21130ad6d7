"""The statistics page's choices (a GET form): the unit with the type-ahead picker, the as-of
date, the table; the comparison's two dates."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.registry.search import UNIT

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TABLES = (
    ("", _("Tất cả các biểu")),
    ("bieu1", _("Biểu 1: Tăng, giảm đảng viên")),
    ("bieu2", _("Biểu 2: Đảng viên mới kết nạp")),
    ("bieu3", _("Biểu 3: Chất lượng đội ngũ đảng viên")),
    ("bieu4", _("Biểu 4: Dân tộc, tôn giáo")),
    ("bieu5", _("Biểu 5: Tổ chức cơ sở đảng")),
)


class ReportForm(forms.Form):
    don_vi = PickerField(UNIT, label=_("Đơn vị"))
    ngay = forms.DateField(label=_("Tính đến ngày"), widget=DATE)
    bieu = forms.ChoiceField(label=_("Biểu"), choices=TABLES, required=False)


class CompareForm(forms.Form):
    don_vi = PickerField(UNIT, label=_("Đơn vị hiện nay"))
    truoc = forms.DateField(label=_("Trước sắp xếp, tính đến ngày"), widget=DATE)
    sau = forms.DateField(label=_("Sau sắp xếp, tính đến ngày"), widget=DATE)


def day_of(data: object, key: str, default: dt.date) -> dt.date:
    """The date a GET form names (to bind the pickers on it), else ``default``."""
    raw = data.get(key, "") if hasattr(data, "get") else ""
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        return default
