"""Forms of the election pages: input parsed at the edge, the rules stay in the use cases.

People are chosen with the type-ahead picker (by name, within the congress's organization),
never typed as codes; enum values are chosen from their labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.registry.pickers import PickerField
from canbo.services.elections.ports import SUPPLEMENTARY_STEPS

from . import choices

MAX_COUNT = 100_000


def count(label: Any, *, required: bool = True) -> forms.IntegerField:
    """A head count (votes, people attending): a whole number from 0."""
    return forms.IntegerField(label=label, min_value=0, max_value=MAX_COUNT, required=required)


STEP_LABELS = {
    "need_reported": _("Báo cáo về nhu cầu bầu bổ sung"),
    "committee_list": _("Cấp ủy đề xuất danh sách"),
    "nominations": _("Đề cử, ứng cử"),
    "withdrawals": _("Quyết định rút tên (xin ý kiến nếu cần)"),
    "list_and_seats_voted": _("Biểu quyết danh sách và số lượng bầu"),
    "election_held": _("Bầu cử, kiểm phiếu, công bố kết quả"),
}


class ElectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Bầu"), choices=choices.ElectionKind.choices)
    seats = forms.IntegerField(
        label=_("Số lượng bầu (đại hội đã biểu quyết)"), min_value=1, max_value=500
    )
    alternate_seats = forms.IntegerField(
        label=_("Số đại biểu dự khuyết"), min_value=0, max_value=500, initial=0, required=False
    )
    seats_for = count(_("Số tán thành số lượng bầu"))
    seats_against = count(_("Số không tán thành"))
    attending = count(_("Số đại biểu có mặt khi biểu quyết"))
    supplementary = forms.BooleanField(label=_("Bầu bổ sung"), required=False)


class CandidateForm(forms.Form):
    person = PickerField(label=_("Người được giới thiệu, đề cử hoặc ứng cử"))
    source = forms.ChoiceField(label=_("Nguồn"), choices=choices.CandidateSource.choices)
    agree = count(_("Số đại biểu tán thành (đề cử, ứng cử)"), required=False)
    attending = count(_("Số đại biểu có mặt"), required=False)
    proposer = PickerField(label=_("Người đề cử"), required=False)
    reelected = forms.BooleanField(label=_("Tái cử (đã là ủy viên nhiệm kỳ trước)"), required=False)

    def within(self, unit_id: int) -> CandidateForm:
        for name in ("person", "proposer"):
            field = self.fields[name]
            assert isinstance(field, PickerField)  # noqa: S101
            field.set_within(unit_id)
        return self


class WithdrawForm(forms.Form):
    candidate = forms.TypedChoiceField(label=_("Người rút tên"), coerce=int, choices=())
    decision = forms.CharField(label=_("Quyết định của đại hội"), max_length=500)

    def __init__(self, *args: Any, names: Sequence[tuple[int, str]] = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["candidate"]
        assert isinstance(field, forms.TypedChoiceField)  # noqa: S101
        field.choices = list(names)


class HandsForm(forms.Form):
    agree = count(_("Số tán thành"))
    against = count(_("Số không tán thành"))
    attending = count(_("Số đại biểu có mặt"))


class OpinionForm(forms.Form):
    """An opinion ballot's counts (EL-28): ballots collected and, per name, the ballots
    agreeing to keep it."""

    ballots = forms.IntegerField(
        label=_("Số phiếu xin ý kiến thu về"), min_value=1, max_value=100_000
    )

    def __init__(self, *args: Any, names: Sequence[tuple[int, str]] = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        for cid, name in names:
            self.fields[f"votes_{cid}"] = count(name)

    def counts(self) -> dict[int, int]:
        return {
            int(k.removeprefix("votes_")): v
            for k, v in self.cleaned_data.items()
            if k.startswith("votes_")
        }


class DecisionForm(forms.Form):
    decision = forms.CharField(label=_("Quyết định của đại hội"), max_length=500, required=False)


class StepForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Bước đã làm"), choices=[(s, STEP_LABELS[s]) for s in SUPPLEMENTARY_STEPS]
    )


class ApprovalForm(forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định chuẩn y"), max_length=64)
    decided_on = forms.DateField(label=_("Ngày quyết định"))
