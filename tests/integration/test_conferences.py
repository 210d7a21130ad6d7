"""The conference and vote pages through Django's test client: convene, check in at two bridge
sites, quorum shown and enforced, phone casting, paper double entry, count, sign, publish,
minutes PDF, XLSX, and a person's results over the years."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from canbo.accounts.models import RoleGrant
from canbo.audit.log import verify
from canbo.audit.models import AuditHead
from canbo.core.audit_chain import parse_anchors
from canbo.core.types import Role
from canbo.registry.models import OrgUnit, Person
from canbo.voting import models
from tests import factories as f

from .voting_builders import NAMES

pytestmark = pytest.mark.django_db(transaction=True)
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def login(username: str, role: Role, unit: int) -> Client:
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, url: str, data: dict[str, object], status: int = 302) -> str:
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == status, body[:2000]
    return body if status != 302 else response["Location"]


def test_a_full_confidence_vote_runs_through_the_pages() -> None:
    tree = f.small_tree()
    people = [f.person(n, tree.cell_a) for n in NAMES[:9]]
    codes = list(Person.objects.filter(pk__in=people).order_by("pk").values_list("code", flat=True))
    staff = login("bantochuc", Role.ORG_STAFF, tree.commune)
    counters = [login(f"kp{i}", Role.COUNTING_COMMITTEE, tree.commune) for i in (1, 2)]

    unit_code = OrgUnit.objects.get(pk=tree.commune).code
    where = post(
        staff,
        "/hoi-nghi/",
        {
            "unit_code": unit_code,
            "title": "Hội nghị Ban Chấp hành",
            "body": "party",
            "held_on": "2026-11-20",
            "place": "Yên Minh",
        },
    )
    cid = int(re.search(r"/hoi-nghi/(\d+)/", where).group(1))  # type: ignore[union-attr]
    post(staff, f"/hoi-nghi/{cid}/diem-cau/", {"name": "Hội trường"})
    post(staff, f"/hoi-nghi/{cid}/diem-cau/", {"name": "Điểm cầu thôn Na Pô"})
    post(staff, f"/hoi-nghi/{cid}/chuong-trinh/", {"lines": "Khai mạc\nLấy phiếu tín nhiệm"})
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"lines": "\n".join(codes)})
    subjects = "\n".join(f"{c} | Ủy viên Ban Thường vụ" for c in codes[:3])
    where = post(
        staff,
        f"/bo-phieu/hoi-nghi/{cid}/tao/",
        {
            "title": "Lấy phiếu tín nhiệm 2026",
            "subjects": subjects,
            "counters": "kp1\nkp2",
            "paper_mode": "per_ballot",
            "dossier_sent_on": "2026-11-01",
            "questions_sent_on": "2026-11-05",
        },
    )
    sid = int(re.search(r"/bo-phieu/(\d+)/", where).group(1))  # type: ignore[union-attr]
    post(staff, f"/bo-phieu/{sid}/thao-tac/ready/", {})
    post(staff, f"/bo-phieu/{sid}/khoa-kiem-phieu/", {}, 403)  # only the committee makes it
    key_page = post(counters[0], f"/bo-phieu/{sid}/khoa-kiem-phieu/", {}, 200)
    shares = re.findall(r'data-share="([A-Z0-9-]+)"', key_page)
    assert len(shares) == 2 and "kp1" in key_page and "kp2" in key_page
    assert shares[0] not in counters[0].get(f"/bo-phieu/{sid}/").content.decode()
    site_ids = list(
        models.VoteSession.objects.get(pk=sid).conference.sites.values_list("pk", flat=True)
    )
    voter_codes = []
    for i, pid in enumerate(people[:5]):
        page = post(staff, f"/hoi-nghi/diem-cau/{site_ids[i % 2]}/", {"person": pid}, 200)
        voter_codes += re.findall(r'data-code="([A-Z0-9]+)"', page)
    assert len(voter_codes) == 5
    refused = post(staff, f"/bo-phieu/{sid}/thao-tac/open/", {}, 403)
    assert "Chưa đủ 2/3" in refused and "cần ít nhất 6" in refused
    token = models.Convocation.objects.get(person_id=people[5]).qr_token  # type: ignore[attr-defined]
    page = post(staff, f"/hoi-nghi/diem-cau/{site_ids[1]}/", {"qr": token}, 200)
    voter_codes += re.findall(r'data-code="([A-Z0-9]+)"', page)
    post(staff, f"/hoi-nghi/diem-cau/{site_ids[1]}/", {"person": people[6], "paper": "on"}, 200)
    attendance = staff.get(f"/hoi-nghi/{cid}/diem-danh/").content.decode()
    assert "data-present>7<" in attendance and 'data-quorum="met"' in attendance
    post(staff, f"/bo-phieu/{sid}/thao-tac/open/", {})
    voter = Client()
    ids = [str(p) for p in people[:3]]
    receipts = []
    for code in voter_codes:
        body = post(voter, f"/bo-phieu/{sid}/bau/", {"step": "code", "code": code}, 200)
        assert "Phiếu lấy ý kiến tín nhiệm" in body
        marks = {f"p{ids[0]}": "high", f"p{ids[1]}": "mid", f"p{ids[2]}": "low"}
        body = post(voter, f"/bo-phieu/{sid}/bau/", {"step": "review", "code": code, **marks}, 200)
        body = post(voter, f"/bo-phieu/{sid}/bau/", {"step": "cast", "code": code, **marks}, 200)
        receipts += re.findall(r'data-receipt="([A-Z0-9]+)"', body)
    assert len(receipts) == 6
    again = post(voter, f"/bo-phieu/{sid}/bau/", {"step": "code", "code": voter_codes[0]}, 409)
    assert "Mã này đã được dùng" in again
    post(counters[0], f"/bo-phieu/{sid}/thao-tac/close/", {})
    late = post(
        voter, f"/bo-phieu/{sid}/bau/", {"step": "cast", "code": voter_codes[0], **marks}, 409
    )
    assert "không mở" in late
    paper = {"serial": 1, f"p{ids[0]}": "high", f"p{ids[1]}": "low", f"p{ids[2]}": "low"}
    post(counters[0], f"/bo-phieu/{sid}/phieu-giay/1/", paper, 200)
    post(counters[1], f"/bo-phieu/{sid}/phieu-giay/2/", {**paper, f"p{ids[1]}": "several"}, 200)
    listing = counters[0].get(f"/bo-phieu/{sid}/chenh-lech/").content.decode()
    assert 'data-serial="1"' in listing and "Đánh dấu nhiều mức" in listing
    post(counters[0], f"/bo-phieu/{sid}/chenh-lech/", paper)
    too_few = post(counters[0], f"/bo-phieu/{sid}/kiem-phieu/", {"share_1": shares[0]}, 400)
    assert "Cần ít nhất 2 mảnh khóa" in too_few
    post(counters[0], f"/bo-phieu/{sid}/kiem-phieu/", {"share_1": shares[1], "share_2": shares[0]})
    for c in counters:
        post(c, f"/bo-phieu/{sid}/thao-tac/sign/", {})
    post(counters[0], f"/bo-phieu/{sid}/thao-tac/publish/", {})
    listed = voter.get(f"/bo-phieu/{sid}/danh-sach-phieu/").content.decode()
    assert all(f'data-receipt="{r}"' in listed for r in receipts)
    pdf = counters[0].get(f"/bo-phieu/{sid}/bien-ban-kiem-phieu.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bien-ban-kiem-phieu.pdf").write_bytes(pdf.content)
    # The minutes carry a signed checkpoint of the audit chain: filed with the minutes, it is
    # an anchor kept outside the server, and it verifies against the chain as it stands.
    printed = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    anchors = parse_anchors(printed)
    assert len(anchors) == 1 and verify(anchors) is None
    assert anchors[0].seq == AuditHead.objects.get().last_seq
    xlsx = counters[0].get(f"/bo-phieu/{sid}/ket-qua.xlsx")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] in (1, 2, 3)]
    assert {r[1]: (r[5], r[7], r[9]) for r in rows}["Lê Minh Châu"] == (0, 0, 7)
    projector = staff.get(f"/hoi-nghi/{cid}/trinh-chieu/").content.decode()
    assert "Lê Minh Châu" in projector and "Lấy phiếu tín nhiệm" in projector
    history = staff.get(f"/hoi-nghi/can-bo/{people[2]}/tin-nhiem/").content.decode()
    assert "2026" in history and "7 (100%)" in history
