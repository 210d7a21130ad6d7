"""A delegates' congress run through its pages over HTTP, as the commune's organization staff:
created with the higher committee's consent, convening committee and delegates chosen by
name, a convening-committee member who retired before the opening proposed and listed as not
convened, the roll fixed into the conference, check-in at a bridge site, the credentials
committee approved by show of hands, an alternate seated for an absent official delegate, and
the base with an absent committee member subtracted; every change audited."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.conferences.models import Site
from canbo.congresses import models
from canbo.core.types import Role, Sex
from tests import factories as f
from tests.e2e.test_crawler import crawl, machine_values

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
OPENS = dt.date(2025, 5, 10)


def staff_client(unit: int) -> Client:
    user = get_user_model().objects.create_user("bantochuc", password="mat-khau-dai-1")
    RoleGrant.objects.create(user=user, role=Role.ORG_STAFF, unit_id=unit, valid_from=OPENS)
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, url: str, data: dict[str, object] | None = None) -> None:
    answer = client.post(url, data or {})
    assert answer.status_code == 302, answer.content.decode()[:3000]


def test_a_delegates_congress_from_the_roll_to_the_base() -> None:
    tree = f.small_tree()
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
    p = [
        f.person(n, tree.cell_a, sex=Sex.FEMALE if i % 2 else Sex.MALE) for i, n in enumerate(names)
    ]
    old = f.person("Đỗ Văn Giáp", tree.cell_b, birth=dt.date(1963, 1, 2))  # retired early 2025
    staff = staff_client(tree.commune)
    answer = staff.post(
        "/dai-hoi/",
        {
            "unit": f"id:{tree.commune}", "term_label": "2025–2030", "kind": "delegates",
            "higher_consent": "on", "opens_on": OPENS.isoformat(),
            "closes_on": (OPENS + dt.timedelta(days=1)).isoformat(), "place": "Yên Minh",
        },
    )  # fmt: skip
    assert answer.status_code == 302, answer.content.decode()[:2000]
    cid = int(re.search(r"/dai-hoi/(\d+)/", answer["Location"]).group(1))
    url = f"/dai-hoi/{cid}/"
    post(staff, url + "ban-trieu-tap/", {"people": [f"id:{p[0]}", f"id:{old}"]})
    post(staff, url + "danh-sach/")
    post(staff, url + "dai-bieu/", {"people": [f"id:{x}" for x in p[1:4]]})
    post(staff, url + "dai-bieu/", {"people": [f"id:{p[4]}"], "alternate": "on"})
    page = staff.get(url).content.decode()
    assert "Nghỉ hưu trước ngày khai mạc" in page  # proposed by the registry
    post(staff, url + "khong-trieu-tap/de-xuat/")
    post(staff, url + "chot-danh-sach/")
    congress = models.Congress.objects.get(pk=cid)
    assert congress.status == "roll_fixed"
    assert not models.RollEntry.objects.filter(congress=congress, person_id=old).exists()

    post(staff, f"/hoi-nghi/{congress.conference_id}/diem-cau/", {"name": "Hội trường xã"})
    site = Site.objects.get(conference_id=congress.conference_id)
    for person in (p[1], p[2], p[4]):  # the committee member p[0] and delegate p[3] are absent
        assert staff.post(f"/hoi-nghi/diem-cau/{site.pk}/", {"person": person}).status_code == 200
    body = {"body": "credentials", "people": [f"id:{p[1]}"], "head": f"id:{p[1]}",
            "votes_for": 3, "votes_against": 0, "abstained": 0}  # fmt: skip
    absent_head = {**body, "people": [f"id:{p[0]}"], "head": f"id:{p[0]}"}
    refused = staff.post(url + "co-quan/", absent_head)  # not checked in: not offered
    assert refused.status_code == 400
    assert not models.BodyApproval.objects.filter(congress=congress).exists()
    post(staff, url + "co-quan/", body)
    assert models.BodyApproval.objects.filter(congress=congress, body="credentials").exists()
    absent = {"person": f"id:{p[3]}", "status": "absent_whole_congress", "report_ref": "BC 01"}
    post(staff, url + "tham-tra-tu-cach/", absent)
    seated = {"person": f"id:{p[4]}", "status": "alternate_seated", "seated_for": f"id:{p[3]}"}
    post(staff, url + "tham-tra-tu-cach/", {**seated, "report_ref": "BC 01"})
    page = staff.get(url).content.decode()
    assert "Đại biểu dự khuyết thay thế" in page
    assert "Cấp ủy viên triệu tập vắng mặt cả đại hội" in page  # p[0] proposed
    post(staff, url + "tru/de-xuat/")
    lines = list(
        models.BaseSubtraction.objects.filter(congress=congress).values_list("person_id", "reason")
    )
    assert lines == [(p[0], "committee_absent")]
    page = staff.get(url).content.decode()
    assert "Tổng số triệu tập: 4; số dùng để tính kết quả: 3." in page
    assert "EL-20" not in page and "QĐ 190-QĐ/TW" in page
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"congress.credentials", "congress.working_body", "congress.subtractions"} <= actions
    # The crawler's rules on the congress pages as they now stand (roll, bodies, base).
    findings = crawl(staff, machine_values(), "bantochuc")
    ours = [f for f in findings.failures() if "/dai-hoi/" in f]
    assert ours == []
    assert findings.read > 2
