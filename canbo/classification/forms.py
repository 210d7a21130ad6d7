"""Forms of the cycle pages: they only parse text; the services validate against the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_ID
from canbo.core.classification.model import Level

from . import choices

LEVEL_CHOICES = [(str(int(v)), label) for v, label in choices.Level.choices]


class OpenCycleForm(forms.Form):
    name = forms.CharField(label=_("Tên đợt"), max_length=200)
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=2018, max_value=2100)
    root = forms.IntegerField(
        label=_("Mã số đơn vị phạm vi"), min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    as_of = forms.DateField(label=_("Thời điểm xác định đối tượng"), required=False)

    def day(self) -> dt.date:
        return self.cleaned_data.get("as_of") or dt.date(self.cleaned_data["year"], 12, 31)


class ScoresForm(forms.Form):
    """Text fields: the service reads and refuses them with the rule (CL-05)."""

    score_general = forms.CharField(label=_("Điểm nhóm tiêu chí chung (0–30)"), required=False)
    score_results = forms.CharField(
        label=_("Điểm kết quả thực hiện nhiệm vụ (0–70)"), required=False
    )
    grade_results = forms.CharField(label=_("Mức tiêu chí kết quả nhiệm vụ"), required=False)
    grade_other_min = forms.CharField(
        label=_("Mức thấp nhất của các tiêu chí khác"), required=False
    )
    tasks_total = forms.CharField(
        label=_("Tổng số nhiệm vụ được giao"),
        help_text=_("Mọi nhiệm vụ được giao trong năm, đã hoặc chưa hoàn thành."),
    )
    tasks_on_time = forms.CharField(
        label=_("Hoàn thành đúng hạn"),
        help_text=_("Số nhiệm vụ hoàn thành đúng hạn, kể cả nhiệm vụ vượt mức."),
    )
    tasks_exceeded = forms.CharField(
        label=_("Vượt mức"),
        help_text=_(
            "Trong số nhiệm vụ đã hoàn thành, số nhiệm vụ vượt mức (đã được tính trong ô đúng hạn"
            " hoặc chậm, không cộng thêm)."
        ),
    )
    tasks_late = forms.CharField(
        label=_("Hoàn thành chậm"), help_text=_("Số nhiệm vụ hoàn thành nhưng chậm so với hạn.")
    )
    tasks_not_done = forms.CharField(
        label=_("Chưa hoàn thành"),
        help_text=_("Số nhiệm vụ chưa hoàn thành. Đúng hạn + chậm + chưa hoàn thành = tổng số."),
        required=False,
    )
    led_units_tasks_pct = forms.CharField(
        label=_("Đơn vị phụ trách hoàn thành (%)"), required=False
    )
    led_units_exceeded_pct = forms.CharField(
        label=_("Đơn vị phụ trách vượt mức (%)"), required=False
    )
    evidence = forms.CharField(
        label=_("Minh chứng, sản phẩm cụ thể"), widget=forms.Textarea, required=False
    )

    @property
    def first_error(self) -> str | None:
        """The first refused box in the page's order: it takes the focus, so a phone opens
        the answer at the refusal instead of at the top of a long page."""
        if not self.is_bound:
            return None
        return next((name for name in self.fields if name in self.errors), None)

    def values(self) -> dict[str, str]:
        skip = ("evidence", "tasks_not_done")
        return {k: v for k, v in self.cleaned_data.items() if k not in skip and v}

    def clean(self) -> dict[str, Any]:
        """Task counts must add up: on time + late + not done = total, and the exceeded ones
        are among the done ones (QĐ 366-QĐ/TW, Phụ lục: the boxes of Mẫu 2A-2C). Counts that
        are not whole numbers are left to the service, which names them."""
        data = super().clean() or {}
        counts = {n: _whole(data.get(n)) for n in TASK_BOXES}
        if counts["tasks_not_done"] is None and not str(data.get("tasks_not_done") or "").strip():
            counts["tasks_not_done"] = 0
        if None in counts.values():
            return data
        total, on_time, exceeded, late, not_done = (int(counts[n] or 0) for n in TASK_BOXES)
        if on_time + late + not_done != total:
            self.add_error(
                "tasks_on_time",
                _(
                    "Đúng hạn ({on_time}) + chậm ({late}) + chưa hoàn thành ({not_done}) = {sum}, "
                    "không bằng tổng số {total}. Nhiệm vụ vượt mức đã nằm trong số đúng hạn "
                    "hoặc chậm, không cộng thêm."
                ).format(
                    on_time=on_time, late=late, not_done=not_done,
                    sum=on_time + late + not_done, total=total,
                ),
            )  # fmt: skip
        if exceeded > on_time + late:
            self.add_error(
                "tasks_exceeded",
                _("Số nhiệm vụ vượt mức không được lớn hơn số đã hoàn thành (đúng hạn + chậm)."),
            )
        return data


TASK_BOXES = ("tasks_total", "tasks_on_time", "tasks_exceeded", "tasks_late", "tasks_not_done")


def _whole(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


class TextForm(forms.Form):
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea)


class LevelForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Mức xếp loại"), choices=LEVEL_CHOICES, coerce=int)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea, required=False)

    def chosen(self) -> Level:
        return Level(self.cleaned_data["level"])


class QuotaForm(forms.Form):
    lower = forms.TypedMultipleChoiceField(label=_("Hạ xuống HTT"), coerce=int, required=False)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea, required=False)
    keep_over = forms.BooleanField(label=_("Giữ vượt tỷ lệ (trường hợp đặc biệt)"), required=False)

    def __init__(self, *args: object, options: list[int] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["lower"].choices = [(o, str(o)) for o in options or []]  # type: ignore[attr-defined]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp XLSX đã điền"))
