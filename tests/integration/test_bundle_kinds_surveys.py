"""Report requests go down and submissions come up as bundle kinds, through the surveys app's
own selectors and use cases: a request received again adds nothing, a form changed under the
same version is refused, and only the scope's submissions of the period leave."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from canbo.bundles.kinds import load_all
from canbo.core.errors import Conflict, ValidationError
from canbo.core.surveys.forms import FieldKind, FieldSpec, FormSpec
from canbo.core.types import AccountId, Role, UnitId, UnitKind
from canbo.registry.models import OrgUnit
from canbo.services.ports import Actor, Grant
from canbo.services.surveys import forms, requests, submissions
from canbo.surveys import models as sv
from canbo.surveys.uow import DjangoSurveyUnitOfWork
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
PERIOD = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
SPEC = FormSpec(
    "dieu-le",
    1,
    "Khảo sát tình hình thi hành Điều lệ Đảng",
    (FieldSpec("chi_bo", "Số chi bộ", FieldKind.NUMBER, unit="chi bộ", minimum=0, integer=True),),
)


def staff(unit: UnitId, account: int) -> Actor:
    return Actor(AccountId(account), "bantochuc", (Grant(Role.ORG_STAFF, unit),))


def sent() -> tuple[UnitId, UnitId, UnitId, int]:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    minh = f.unit("Đảng bộ xã Minh Quang", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    lam = f.unit("Đảng bộ xã Lâm Bình", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    uow = DjangoSurveyUnitOfWork()
    form_id = forms.define_form(uow, staff(province, 1), province, SPEC, NOW)
    request_id = requests.send_request(
        uow,
        staff(province, 1),
        form_id=form_id,
        requester_id=province,
        target_kind="commune_party_committee",
        deadline=dt.date(2026, 3, 31),
        title="Khảo sát thi hành Điều lệ Đảng năm 2026",
        now=NOW,
        today=TODAY,
    )
    return province, minh, lam, request_id


def submit(request_id: int, unit: UnitId, answers: dict[str, Any], account: int) -> None:
    assignment = sv.Assignment.objects.get(request_id=request_id, unit_id=unit)
    submissions.submit(
        DjangoSurveyUnitOfWork(), staff(unit, account), assignment.pk, answers, now=NOW,
        today=TODAY,
    )  # fmt: skip


def test_survey_submissions_carry_the_scope_s_versions_with_their_request() -> None:
    province, minh, lam, request_id = sent()
    submit(request_id, minh, {"chi_bo": 12}, 2)
    submit(request_id, lam, {"chi_bo": 7}, 3)
    codec = load_all()["survey_submissions"]

    (record,) = codec.export(minh, *PERIOD)

    minh_code = OrgUnit.objects.get(pk=minh).code
    assert record["unit"] == minh_code
    assert record["answers"] == {"chi_bo": 12}
    assert record["version"] == 1
    assert record["form"] == {"code": "dieu-le", "version": 1}
    assert record["key"].endswith("/1")
    assert len(list(codec.export(province, *PERIOD))) == 2
    assert list(codec.export(province, dt.date(2025, 1, 1), dt.date(2025, 12, 31))) == []


def test_report_forms_received_assign_the_request_once_and_refuse_a_changed_form() -> None:
    province, minh, lam, _request_id = sent()
    codec = load_all()["report_forms"]
    records = list(codec.export(province, *PERIOD))
    (record,) = records
    assert record["unit"] == OrgUnit.objects.get(pk=province).code
    assert record["form"]["code"] == "dieu-le"

    # As the commune's installation would receive it: the same form is already here, the
    # request (new to it under the sender's key) is assigned to the communes.
    assert codec.apply(records, receipt_id=9) == 1
    received = sv.SurveyRequest.objects.get(origin_key=record["key"])
    assert received.deadline == dt.date(2026, 3, 31)
    assert set(received.assignments.values_list("unit_id", flat=True)) == {minh, lam}
    assert codec.apply(records, receipt_id=10) == 0

    changed = copy.deepcopy(records)
    changed[0]["key"] = "other:1"
    changed[0]["form"]["title"] = "Biểu mẫu đã sửa mà không tăng phiên bản"
    count = sv.SurveyRequest.objects.count()
    with pytest.raises(Conflict) as refused:
        codec.apply(changed, receipt_id=11)
    assert refused.value.code == "survey_form_version_differs"
    assert sv.SurveyRequest.objects.count() == count


def test_report_forms_from_a_requester_unknown_here_are_refused() -> None:
    province, _minh, _lam, _request = sent()
    records = list(load_all()["report_forms"].export(province, *PERIOD))
    records[0]["unit"] = "KHONG-CO"
    with pytest.raises(ValidationError) as refused:
        load_all()["report_forms"].apply(records, receipt_id=12)
    assert refused.value.code == "bundle_requester_unknown"
