"""The table of the clerk's record forms: for each action, its title, its form (with the
choices of the actor's scope), the service it calls and the page it returns to.

The services check and audit; this table only wires a form to one of them. ``fields`` renames
a field named by a refusal to the form's own field (a service says ``date``, the transfer
form calls it ``on``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from canbo.core.records import PartyEventKind
from canbo.core.types import PersonId, UnitId
from canbo.registry import models as m
from canbo.registry.uow import DjangoRegistryUnitOfWork, person_to_domain, version_to_domain
from canbo.services.ports import Actor
from canbo.services.registry import changes, membership, records, reorganizing

from . import history_actions as hist
from . import history_forms as hf
from . import record_forms as rf
from . import record_selectors as sel


@dataclass(frozen=True)
class Subject:
    """What a form acts on: a person (through their cell) or a unit, loaded for writing."""

    actor: Actor
    today: dt.date
    person: m.Person | None = None
    unit: m.UnitVersion | None = None

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.full_name
        return self.unit.name if self.unit is not None else ""

    @property
    def person_id(self) -> PersonId:
        assert self.person is not None  # noqa: S101 - person actions load the person
        return PersonId(self.person.pk)

    @property
    def unit_id(self) -> UnitId:
        assert self.unit is not None  # noqa: S101 - unit actions load the unit
        return UnitId(self.unit.unit_id)

    def back(self) -> str:
        if self.person is not None:
            return reverse("web:person", args=[self.person.pk])
        return reverse("web:unit", args=[self.unit_id])


@dataclass(frozen=True)
class Action:
    title: str | Promise
    form: Callable[[Any, Subject], forms.Form]
    apply: Callable[[Subject, Any], str]
    fields: Mapping[str, str] = field(default_factory=dict)
    irreversible: bool = False


def _uow() -> DjangoRegistryUnitOfWork:
    return DjangoRegistryUnitOfWork()


def _to_person(s: Subject) -> str:
    return reverse("web:person", args=[s.person_id]) + "#party-events-h"


def _cell(s: Subject) -> int:
    return sel.person_cell(s.person_id, s.today) or 0


# People -----------------------------------------------------------------------------------


def _edit_form(data: Any, s: Subject) -> forms.Form:
    p = s.person
    assert p is not None  # noqa: S101
    initial = {f: getattr(p, f) for f in rf.PersonForm.base_fields} | {"since": s.today}
    return rf.PersonEditForm(data, initial=initial)


def _edit(s: Subject, form: rf.PersonEditForm) -> str:
    assert s.person is not None  # noqa: S101
    data = form.person(person_to_domain(s.person))
    since = form.cleaned_data["since"]
    changes.update_person(_uow(), s.actor, s.person_id, data, s.today, since)
    return _to_person(s)


def _recognize(s: Subject, form: rf.RecognitionForm) -> str:
    c = form.cleaned_data
    membership.recognize_official(
        _uow(), s.actor, s.person_id, c["recognized_on"], c["decision_ref"], s.today
    )
    return _to_person(s)


def _recognition_form(data: Any, s: Subject) -> forms.Form:
    desk = sel.person_desk(s.actor, s.person_id, s.today)
    return rf.RecognitionForm(data, initial={"recognized_on": desk.recognition_due})


def _transfer_form(data: Any, s: Subject) -> forms.Form:
    initial = {"kind": "official", "on": s.today}
    return rf.TransferForm(data, actor=s.actor, today=s.today, initial=initial)


def _transfer(s: Subject, form: rf.TransferForm) -> str:
    c = form.cleaned_data
    until = c["until"] if c["kind"] == "temporary" else None
    membership.transfer_activity(
        _uow(),
        s.actor,
        s.person_id,
        c["to_cell"],
        c["on"],
        c["decision_ref"],
        s.today,
        until=until,
    )
    return _to_person(s)


def _leave_roll(s: Subject, form: rf.LeaveRollForm) -> str:
    c = form.cleaned_data
    membership.end_membership(
        _uow(),
        s.actor,
        s.person_id,
        PartyEventKind(c["kind"]),
        c["on"],
        c["decision_ref"],
        s.today,
        c["note"],
    )
    return _to_person(s)


def _position_form(data: Any, s: Subject) -> forms.Form:
    titles = sel.title_choices()
    return rf.PositionForm(data, titles=titles, actor=s.actor, today=s.today)


def _add_record(s: Subject, form: Any) -> str:
    records.add_record(_uow(), s.actor, s.person_id, form.record(), s.today)
    return _to_person(s)


def _end_post(s: Subject, form: rf.EndPositionForm) -> str:
    c = form.cleaned_data
    records.end_position(_uow(), s.actor, s.person_id, c["record_id"], c["last_day"])
    return _to_person(s)


def _end_relative(s: Subject, form: rf.EndRelativeForm) -> str:
    c = form.cleaned_data
    membership.end_relative(_uow(), s.actor, s.person_id, c["record_id"], c["ended_on"], s.today)
    return _to_person(s)


def _plain(cls: type[forms.Form], **initial: Any) -> Callable[[Any, Subject], forms.Form]:
    def make(data: Any, s: Subject) -> forms.Form:
        return cls(data, initial={k: (s.today if v == "today" else v) for k, v in initial.items()})

    return make


PERSON_ACTIONS: dict[str, Action] = {
    "sua": Action(_("Sửa thông tin cá nhân"), _edit_form, _edit),
    "cong-nhan-chinh-thuc": Action(
        _("Công nhận đảng viên chính thức"),
        _recognition_form,
        _recognize,
        {"date": "recognized_on"},
    ),
    "chuyen-sinh-hoat": Action(
        _("Chuyển sinh hoạt đảng"),
        _transfer_form,
        _transfer,
        {"date": "on", "unit_id": "to_cell"},
    ),
    "ra-khoi-dang": Action(
        _("Ra khỏi Đảng, khai trừ, từ trần"),
        _plain(rf.LeaveRollForm, on="today"),
        _leave_roll,
        {"date": "on"},
        irreversible=True,
    ),
    "chuc-vu": Action(_("Bổ nhiệm, bầu, giao quyền chức vụ"), _position_form, _add_record),
    "thoi-chuc-vu": Action(
        _("Thôi giữ chức vụ"),
        lambda data, s: rf.EndPositionForm(
            data, held=sel.held_posts(s.person_id, s.today), initial={"last_day": s.today}
        ),
        _end_post,
    ),
    "ky-luat": Action(_("Kỷ luật"), _plain(rf.DisciplineRecordForm), _add_record),
    "nghi": Action(_("Nghỉ, miễn, đình chỉ sinh hoạt"), _plain(rf.LeaveForm), _add_record),
    "nghi-huu": Action(_("Thông báo nghỉ hưu"), _plain(rf.RetirementForm), _add_record),
    "nguoi-than": Action(
        _("Kê khai người thân"), _plain(rf.RelativeForm, declared_on="today"), _add_record
    ),
    "nguoi-than-cham-dut": Action(
        _("Ghi nhận quan hệ chấm dứt"),
        lambda data, s: rf.EndRelativeForm(data, relatives=sel.living_relatives(s.person_id)),
        _end_relative,
    ),
    # The personal history form (sơ yếu lý lịch): one form per kind of entry.
    **{
        f"ly-lich-{slug}": Action(hf.KIND_LABELS[cls.kind], hist.item_form(cls), hist.add_item)
        for slug, cls in hf.FORMS.items()
    },
    "ly-lich-ket-thuc": Action(_("Kết thúc một mục lý lịch"), hist.end_form, hist.end_item),
    "anh": Action(_("Tải ảnh 4 × 6 cm"), hist.photo_form, hist.add_photo),
}


# Units ------------------------------------------------------------------------------------


def _add_member(s: Subject, form: rf.MemberForm) -> str:
    data = form.person()
    since = form.cleaned_data["since"]
    pid = changes.create_person(_uow(), s.actor, data, s.unit_id, since, s.today)
    return reverse("web:person", args=[pid])


def _admit(s: Subject, form: rf.AdmissionForm) -> str:
    c = form.cleaned_data
    pid = membership.admit_member(
        _uow(), s.actor, form.person(), s.unit_id, c["admitted_on"], c["decision_ref"], s.today
    )
    return reverse("web:person", args=[pid]) + "#party-events-h"


def _new_unit(s: Subject, form: rf.UnitForm) -> str:
    unit_id = changes.create_unit(_uow(), s.actor, form.version(s.unit_id))
    return reverse("web:unit", args=[unit_id])


def _rename(s: Subject, form: rf.RenameForm) -> str:
    assert s.unit is not None  # noqa: S101
    c = form.cleaned_data
    current = version_to_domain(s.unit)
    renamed = dataclasses.replace(
        current,
        name=c["name"],
        valid=dataclasses.replace(current.valid, valid_from=c["valid_from"]),
        legal_basis=c["legal_basis"],
    )
    changes.change_unit(_uow(), s.actor, s.unit_id, renamed)
    return reverse("web:unit", args=[s.unit_id])


def _merge(s: Subject, form: rf.MergeForm) -> str:
    assert s.unit is not None  # noqa: S101
    c = form.cleaned_data
    units = [s.unit_id, *c["others"]]
    new = reorganizing.merge_units(
        _uow(), s.actor, units, form.version(s.unit.parent_id), c["legal_basis"]
    )
    return reverse("web:unit", args=[new])


def _split(s: Subject, form: rf.SplitForm) -> str:
    assert s.unit is not None  # noqa: S101
    c = form.cleaned_data
    base = version_to_domain(s.unit)
    start = dataclasses.replace(base.valid, valid_from=c["valid_from"], valid_to=None)
    successors = [
        dataclasses.replace(
            base,
            code=c[f"{n}_code"],
            name=c[f"{n}_name"],
            valid=start,
            legal_basis=c["legal_basis"],
            unit_id=None,
            short_name="",
            admin_code="",
        )
        for n in ("first", "second")
    ]
    moves = {UnitId(child): 1 for child in c["to_second"]}
    reorganizing.split_unit(_uow(), s.actor, s.unit_id, successors, moves, c["legal_basis"])
    return reverse("web:unit", args=[s.unit.parent_id or s.unit_id])


UNIT_ACTIONS: dict[str, Action] = {
    "ket-nap": Action(
        _("Kết nạp đảng viên"),
        _plain(rf.AdmissionForm),
        _admit,
        {"date": "admitted_on", "since": "admitted_on"},
    ),
    "them-dang-vien": Action(_("Thêm đảng viên"), _plain(rf.MemberForm), _add_member),
    "them-don-vi": Action(
        _("Thành lập đơn vị trực thuộc"), _plain(rf.UnitForm, valid_from="today"), _new_unit
    ),
    "doi-ten": Action(
        _("Đổi tên đơn vị"),
        lambda data, s: rf.RenameForm(data, initial={"name": s.name, "valid_from": s.today}),
        _rename,
    ),
    "hop-nhat": Action(
        _("Hợp nhất đơn vị"),
        lambda data, s: rf.MergeForm(
            data,
            siblings=sel.sibling_choices(s.actor, s.unit_id, s.today),
            initial={"valid_from": s.today, "kind": s.unit.kind if s.unit else ""},
        ),
        _merge,
        {"date": "valid_from"},
        irreversible=True,
    ),
    "chia-tach": Action(
        _("Chia tách đơn vị"),
        lambda data, s: rf.SplitForm(
            data, children=sel.child_choices(s.unit_id, s.today), initial={"valid_from": s.today}
        ),
        _split,
        {"date": "valid_from"},
        irreversible=True,
    ),
}
