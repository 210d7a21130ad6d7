"""A whole cycle through the API: open, steps, quota conflict, publish, complaint, re-classify."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from canbo.classification.models import CycleSubject
from tests.integration import classification_fixtures as fx

pytestmark = pytest.mark.django_db(transaction=True)


def _client(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _step(u: dict[str, Any], pk: int, values: dict[str, str], decider: str) -> None:
    base = f"/api/classification/subjects/{pk}"
    r = _client(u["bi-thu"]).post(f"{base}/self/", values, format="json")
    assert r.status_code == 201, r.json()
    assert _client(u["bi-thu"]).post(f"{base}/comment/", {"text": "Nhất trí"}).status_code == 201
    proposed = r.json()["proposed_level"]
    r = _client(u["btc-tinh"]).post(f"{base}/appraisal/", {"level": proposed}, format="json")
    assert r.status_code == 201, r.json()
    r = _client(u[decider]).post(f"{base}/decision/", {"level": proposed}, format="json")
    assert r.status_code == 201, r.json()


def test_a_whole_cycle_runs_through_the_api() -> None:
    c = fx.commune()
    u = fx.users(c)
    r = _client(u["btc-tinh"]).post(
        "/api/classification/cycles/",
        {
            "name": "Xếp loại 2025 xã Bát Xát",
            "year": 2025,
            "unit": c.commune,
            "as_of": "2025-12-31",
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    cycle_id = r.json()["id"]
    subjects = CycleSubject.objects.filter(cycle_id=cycle_id, exemption="")
    r = _client(u["bi-thu"]).post(
        f"/api/classification/subjects/{subjects.get(person_id=c.member_b).pk}/decision/",
        {"level": "HTT"}, format="json",
    )  # fmt: skip
    assert (r.status_code, r.json()["code"]) == (403, "step_role_required")
    for unit in (c.cell_a, c.cell_b):
        _step(u, subjects.get(unit_id=unit, kind="collective").pk, fx.FAIR, "tt-xa")
    for i, person in enumerate((*c.members_a, c.member_b, c.disciplined)):
        _step(u, subjects.get(person_id=person).pk, fx.GOOD if i < 2 else fx.FAIR, "tt-xa")
    head = {**fx.GOOD, "led_units_tasks_pct": "100", "led_units_exceeded_pct": "40"}
    _step(u, subjects.get(person_id=c.secretary).pk, head, "tt-xa")
    _step(u, subjects.get(unit_id=c.commune, kind="collective").pk, fx.FAIR, "tt-tinh")

    quota = _client(u["tt-xa"]).get(f"/api/classification/cycles/{cycle_id}/quota/").json()
    over = [q for q in quota if q["over_by"]]
    assert [(q["group"], q["over_by"]) for q in over] == [(f"dang-vien@{c.commune}", 2)]
    r = _client(u["tt-tinh"]).post(f"/api/classification/cycles/{cycle_id}/publish/")
    assert (r.status_code, r.json()["code"]) == (409, "quota_exceeded")
    first = subjects.get(person_id=c.members_a[0]).pk
    body = {"group": over[0]["group"], "lower": [first], "reason": ""}
    r = _client(u["tt-xa"]).post(
        f"/api/classification/cycles/{cycle_id}/quota/", body, format="json"
    )
    assert (r.status_code, r.json()["code"]) == (400, "quota_reason_required")
    body["reason"] = "Điểm thấp hơn trong nhóm"
    r = _client(u["tt-xa"]).post(
        f"/api/classification/cycles/{cycle_id}/quota/", body, format="json"
    )
    assert r.json()["over_by"] == 0
    assert (
        _client(u["tt-tinh"]).post(f"/api/classification/cycles/{cycle_id}/publish/").status_code
        == 200
    )

    pk = subjects.get(person_id=c.member_b).pk
    viewer = _client(u["dang-vien"])
    assert viewer.get(f"/api/classification/subjects/{pk}/").json()["final_level"] == "HTT"
    assert (
        viewer.post(
            f"/api/classification/subjects/{pk}/complaint/", {"text": "Xin xem lại"}
        ).status_code
        == 201
    )
    r = _client(u["tt-tinh"]).post(
        f"/api/classification/subjects/{pk}/reclassification/",
        {"level": "HTXS", "reason": "Xác minh có thành tích"}, format="json",
    )  # fmt: skip
    assert r.status_code == 201, r.json()
    detail = viewer.get(f"/api/classification/subjects/{pk}/").json()
    assert (detail["final_level"], detail["version"]) == ("HTXS", 2)
    kinds = [(rec["kind"], rec["level"]) for rec in detail["records"] if rec["level"]]
    assert ("decision", "HTT") in kinds and ("reclassification", "HTXS") in kinds
