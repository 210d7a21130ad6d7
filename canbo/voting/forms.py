"""Forms of the vote pages. Ballot, paper-reading and totals forms are built from the
session's printed lines (the persons voted on, in official order)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.converters import MAX_COUNT
from canbo.registry.pickers import PickerField
from canbo.registry.search import PERSON, UNIT
from canbo.services.voting.ports import (
    ElectionBallotKind,
    ElectionTotals,
    LineReading,
    PaperReading,
    PaperTotals,
    PersonTotals,
    SubjectData,
)

from . import choices
from .models import VoteSubject

T = TypeVar("T")
LEVEL_CHOICES = [c for c in choices.LINE_READINGS if c[0] in ("high", "mid", "low")]


class SessionForm(forms.Form):
    """The vote's plan. The people voted on are the holders of a unit's posts and people
    chosen by name (each with the posts held on the conference date); the counting committee
    is chosen by name among the people convened (those present first), its head first. The
    two text boxes are the advanced way: codes with their posts, accounts of members."""

    title = forms.CharField(label=_("Tên cuộc lấy phiếu"), max_length=255)
    subject_unit = PickerField(
        UNIT,
        required=False,
        label=_("Lấy phiếu đối với những người giữ chức vụ trong đơn vị"),
        help_text=_("Mỗi người được ghi trên phiếu với các chức vụ đang giữ vào ngày họp."),
    )
    subject_people = PickerField(
        PERSON, multiple=True, required=False, label=_("Thêm người được lấy phiếu")
    )
    committee = PickerField(
        PERSON,
        multiple=True,
        required=False,
        options=(),
        label=_("Ban kiểm phiếu: chọn theo tên trong số đại biểu"),
        help_text=_("Đại biểu đã điểm danh có mặt được xếp trước."),
    )
    committee_head = PickerField(
        PERSON, required=False, options=(), label=_("Trưởng Ban kiểm phiếu")
    )
    subjects = forms.CharField(
        label=_("Người được lấy phiếu: mỗi dòng «mã cán bộ | chức vụ»"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    counters = forms.CharField(
        label=_(
            "Tài khoản của thành viên Ban kiểm phiếu làm việc trên hệ thống (tạo khóa, nhập "
            "mảnh khóa, ký kết quả): mỗi dòng «tên đăng nhập | mã cán bộ»"
        ),
        help_text=_(
            "Không bắt buộc với thành viên chỉ ký trên giấy. Một dòng không có mã cán bộ là "
            "một thành viên chỉ có tài khoản (dòng đầu là trưởng ban khi không chọn theo tên)."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    ADVANCED = ("subjects", "counters")
    paper_mode = forms.ChoiceField(label=_("Phiếu giấy"), choices=choices.PaperMode.choices)
    dossier_sent_on = forms.DateField(
        label=_("Ngày gửi hồ sơ cho người bỏ phiếu"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    questions_sent_on = forms.DateField(
        label=_("Ngày gửi câu hỏi cho người được lấy phiếu"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    members_in_office = forms.IntegerField(
        label=_("Tổng số đại biểu (Quốc hội, HĐND)"),
        required=False,
        min_value=1,
        max_value=MAX_COUNT,
    )

    def subject_lines(self) -> list[tuple[str, str]]:
        out = []
        for line in self.cleaned_data["subjects"].splitlines():
            code, _sep, position = line.partition("|")
            if code.strip():
                out.append((code.strip(), position.strip()))
        return out

    def counter_names(self) -> list[str]:
        return [name for name, _code in self.counter_lines()]

    def counter_lines(self) -> list[tuple[str, str]]:
        """Each account line: the login name and the code of the person it belongs to."""
        out = []
        for line in self.cleaned_data["counters"].splitlines():
            name, _sep, code = line.partition("|")
            if name.strip():
                out.append((name.strip(), code.strip()))
        return out

    def set_convened(self, options: Sequence[tuple[int, str]]) -> None:
        """The people convened: the committee is chosen among them."""
        for name in ("committee", "committee_head"):
            field = self.fields[name]
            assert isinstance(field, PickerField)  # noqa: S101
            field.set_options(options)

    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in self.visible_fields() if f.name not in self.ADVANCED]

    def advanced_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.ADVANCED]

    def advanced_open(self) -> bool:
        """The advanced boxes are shown open when they hold something or an error."""
        return any(self[name].errors or self[name].value() for name in self.ADVANCED)


class SlipsForm(forms.Form):
    count = forms.IntegerField(label=_("Số phiếu mã cần in"), min_value=1, max_value=5000)
    reason = forms.CharField(
        label=_("Lý do in vượt số người được triệu tập"), max_length=500, required=False
    )


class KeyForm(forms.Form):
    threshold = forms.IntegerField(
        label=_("Số mảnh khóa cần để mở phiếu"), min_value=1, max_value=15, required=False
    )


class CountForm(forms.Form):
    """One field per member of the counting committee for the key shares (CV-14, EL-07)."""

    def __init__(self, members: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, members + 1):
            self.fields[f"share_{i}"] = forms.CharField(
                label=_("Mảnh khóa %(n)s") % {"n": i},
                max_length=120,
                required=False,
                widget=forms.TextInput(
                    attrs={
                        "autocomplete": "off",
                        "autocapitalize": "characters",
                        "spellcheck": "false",
                    }
                ),
            )

    def shares(self) -> list[str]:
        return [v for k, v in self.cleaned_data.items() if k.startswith("share_") and v]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã bỏ phiếu"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


def _line_field(subject: VoteSubject, options: Sequence[tuple[str, Any]]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=subject.person.full_name,
        help_text=subject.position,
        choices=options,
        widget=forms.RadioSelect,
    )


# Built once: normalizing the choices of 50 new fields per request was a third of a cast.
_LEVEL_FIELD = forms.ChoiceField(choices=LEVEL_CHOICES, widget=forms.RadioSelect)


def _shallow(obj: T) -> T:
    """``copy.copy`` without the pickling protocol (ten times faster for a form field)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


def _level_field(subject: SubjectData) -> forms.ChoiceField:
    """A copy of the prototype level field for one printed line (as ``Field.__deepcopy__``
    does, but sharing the immutable normalized choices)."""
    field = _shallow(_LEVEL_FIELD)
    field.widget = _shallow(_LEVEL_FIELD.widget)
    field.widget.attrs = dict(_LEVEL_FIELD.widget.attrs)
    field.label, field.help_text = subject.full_name, subject.position
    return field


class BallotForm(CodeForm):
    """The electronic ballot: one level per person, every line answered (CV-12)."""

    def __init__(self, subjects: Sequence[SubjectData], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget = forms.HiddenInput()
        for s in subjects:
            self.fields[f"p{s.person_id}"] = _level_field(s)
        self.subjects = list(subjects)

    def marks(self) -> dict[int, str]:
        return {s.person_id: self.cleaned_data[f"p{s.person_id}"] for s in self.subjects}


class PaperReadingForm(forms.Form):
    """One paper ballot as read by one operator (or the committee's resolution)."""

    serial = forms.IntegerField(label=_("Số thứ tự phiếu"), min_value=1, max_value=MAX_COUNT)
    not_issued = forms.BooleanField(
        label=_("Phiếu không do Ban kiểm phiếu phát ra"), required=False
    )

    def __init__(self, subjects: Sequence[VoteSubject], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for s in subjects:
            self.fields[f"p{s.person_id}"] = _line_field(s, choices.LINE_READINGS)
        self.subjects = list(subjects)

    def reading(self) -> PaperReading:
        d = self.cleaned_data
        lines = {s.person_id: LineReading(d[f"p{s.person_id}"]) for s in self.subjects}
        return PaperReading(d["serial"], lines, d["not_issued"])


class TotalsForm(forms.Form):
    """Per-person totals of a manual paper count."""

    collected = forms.IntegerField(
        label=_("Số phiếu giấy thu về"), min_value=0, max_value=MAX_COUNT
    )

    def __init__(self, subjects: Sequence[VoteSubject], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for s in subjects:
            for key, label in (
                ("high", _("Cao")),
                ("mid", _("Tín nhiệm")),
                ("low", _("Thấp")),
                ("invalid", _("Không hợp lệ")),
            ):
                self.fields[f"p{s.person_id}_{key}"] = forms.IntegerField(
                    label=f"{s.person.full_name}: {label}",
                    min_value=0,
                    max_value=MAX_COUNT,
                    initial=0,
                )
        self.subjects = list(subjects)

    def totals(self) -> PaperTotals:
        d = self.cleaned_data
        counts = {
            s.person_id: PersonTotals(
                *(d[f"p{s.person_id}_{k}"] for k in ("high", "mid", "low", "invalid"))
            )
            for s in self.subjects
        }
        return PaperTotals(d["collected"], counts)


class CorrectionTotalsForm(TotalsForm):
    reason = forms.CharField(label=_("Lý do đính chính"), widget=forms.Textarea(attrs={"rows": 2}))

    def correction(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["reason"], "totals": self.totals()}


class CorrectionReadingForm(PaperReadingForm):
    reason = forms.CharField(label=_("Lý do đính chính"), widget=forms.Textarea(attrs={"rows": 2}))

    def correction(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["reason"], "readings": (self.reading(),)}


class ElectionReadingForm(PaperReadingForm):
    """One paper election ballot as read: kept or struck per name (strike-out), or agree,
    disagree, no box or both boxes per name (agree/disagree), and "not issued" (EL-14, EL-16)."""

    def __init__(
        self, subjects: Sequence[VoteSubject], kind: str, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(subjects, *args, **kwargs)
        options = choices.ELECTION_READINGS[ElectionBallotKind(kind)]
        for s in subjects:
            field = self.fields[f"p{s.person_id}"]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101
            field.choices = options
            field.help_text = ""
            if kind == ElectionBallotKind.STRIKE_OUT:
                field.initial = LineReading.KEPT


class ElectionCorrectionReadingForm(ElectionReadingForm):
    reason = forms.CharField(label=_("Lý do đính chính"), widget=forms.Textarea(attrs={"rows": 2}))

    def correction(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["reason"], "readings": (self.reading(),)}


class ElectionTotalsForm(forms.Form):
    """A manual count of an election's paper ballots: valid and invalid ballots, and the
    votes of each candidate on the valid ones."""

    valid = forms.IntegerField(label=_("Số phiếu hợp lệ"), min_value=0, max_value=MAX_COUNT)
    invalid = forms.IntegerField(
        label=_("Số phiếu không hợp lệ"), min_value=0, max_value=MAX_COUNT, initial=0
    )

    def __init__(self, subjects: Sequence[VoteSubject], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for s in subjects:
            self.fields[f"p{s.person_id}"] = forms.IntegerField(
                label=_("%(name)s: số phiếu bầu") % {"name": s.person.full_name},
                min_value=0,
                max_value=MAX_COUNT,
                initial=0,
            )
        self.subjects = list(subjects)

    def totals(self) -> ElectionTotals:
        d = self.cleaned_data
        votes = {int(s.person_id): d[f"p{s.person_id}"] for s in self.subjects}
        return ElectionTotals(d["valid"], d["invalid"], votes)


class ElectionCorrectionTotalsForm(ElectionTotalsForm):
    reason = forms.CharField(label=_("Lý do đính chính"), widget=forms.Textarea(attrs={"rows": 2}))

    def correction(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["reason"], "totals": self.totals()}


class ConclusionsForm(forms.Form):
    """The counting committee's conclusion on ballots referred to it (EL-07, EL-16)."""

    no_box_marked = forms.ChoiceField(
        label=_("Phiếu một người không đánh dấu ô nào"),
        choices=choices.CONCLUSIONS,
        required=False,
    )
    several_boxes_marked = forms.ChoiceField(
        label=_("Phiếu một người đánh dấu cả hai ô"), choices=choices.CONCLUSIONS, required=False
    )

    def conclusions(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if v}


HAND_OUT_MEDIA = (
    ("code", _("Mã bỏ phiếu trên điện thoại, in ngay")),
    ("slip", _("Phiếu mã in sẵn, rút ngẫu nhiên")),
    ("paper", _("Phiếu bầu giấy")),
)


class HandOutForm(forms.Form):
    """The hand-over of a session to persons present: the medium, and the persons ticked
    (none ticked: everyone present who has not received one)."""

    medium = forms.ChoiceField(
        label=_("Phát bằng"), choices=HAND_OUT_MEDIA, initial="code", widget=forms.RadioSelect
    )
    person = forms.TypedMultipleChoiceField(
        label=_("Người có mặt chưa nhận"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, people: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p, name) for p, name in people]  # type: ignore[attr-defined]
