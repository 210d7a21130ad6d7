"""Documents that can be filed: the counting minutes follow the presentation rules of Party
documents (header, number, place and date, title, signature blocks "T/M" with full names),
carry the time and place of counting, name the counting committee by full name from the
registry (never a login name), cite regulations by document and article (never an internal
rule ID), and no table header breaks inside a word. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from canbo.audit.models import AuditEntry
from canbo.registry.models import Person
from canbo.services.ports import SYSTEM
from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.minutes_layout import HEAD
from canbo.voting.uow import DjangoVotingUnitOfWork

from .voting_builders import Hall, check_in, close_and_count, hall, make_key

pytestmark = pytest.mark.django_db(transaction=True)

RULE_ID = re.compile(r"\b(?:[A-Z]{2,4}-\d{2,3}|[A-Z]{2,3}\d{2,3}_\d{4}|[a-z]+(?:_[a-z]+){2,})\b")
"""A handbook rule ID (CV-07, EL-30), a rulebook ID (QD96_2023) or a machine code."""


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def split_words(text: str, headers: tuple[str, ...] | list[str]) -> list[str]:
    """Header words printed broken across two lines: two consecutive tokens that only make a
    header word together ("Khôn" + "g", "Khôn-" + "g")."""
    words = {w for h in headers for w in h.split()}
    tokens = text.split()
    return [
        a + b
        for a, b in itertools.pairwise(tokens)
        if (a + b in words or a.rstrip("-") + b in words) and a not in words
    ]


def counted_minutes() -> Hall:
    h = hall(convened=9)
    codes = check_in(h, h.persons[:7])
    vote_svc.mark_ready(DjangoVotingUnitOfWork(), SYSTEM, h.session)
    make_key(h)
    vote_svc.open_vote(DjangoVotingUnitOfWork(), SYSTEM, h.session)
    for i, code in enumerate(codes):
        marks = {int(p): ("high", "mid", "low")[(i + j) % 3] for j, p in enumerate(h.subjects)}
        vote_svc.cast_ballot(DjangoVotingUnitOfWork(), h.session, code, marks)
    close_and_count(h)
    return h


def minutes(h: Hall, username: str = "kiemphieu1") -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(f"/bo-phieu/{h.session}/bien-ban-kiem-phieu.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    return pdf_text(response.content)


def test_the_minutes_name_the_counting_committee_by_full_name_with_time_and_place() -> None:
    h = counted_minutes()
    head, member = models.CountingMember.objects.filter(session_id=h.session).order_by("pk")
    head.person = Person.objects.get(full_name="Phạm Quốc Dũng")
    head.save()
    member.user.first_name, member.user.last_name = "Hoàng Thị", "Lan"
    member.user.save()

    text = minutes(h)
    flat = " ".join(text.split())
    assert "Đồng chí Phạm Quốc Dũng - Trưởng ban" in flat
    assert "Đồng chí Hoàng Thị Lan - Ủy viên" in flat
    assert "kiemphieu" not in text  # no login name anywhere
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat and "BAN KIỂM PHIẾU" in flat
    assert "Số ......-BB/BKP" in flat and "Yên Minh, ngày 20 tháng 11 năm 2026" in flat
    assert "T/M BAN KIỂM PHIẾU TRƯỞNG BAN" in flat and "CHỦ TRÌ HỘI NGHỊ" in flat
    at = timezone.localtime(
        AuditEntry.objects.get(action="vote.count", object_id=str(h.session)).at
    )
    when = f"Vào hồi {at.hour:02d} giờ {at.minute:02d} phút, ngày {at.day:02d} tháng {at.month:02d}"
    assert when in flat
    assert "tại Hội trường Đảng ủy xã, Yên Minh, Ban kiểm phiếu tiến hành kiểm phiếu" in flat
    # Signature blocks carry both full names below the room to sign.
    assert flat.rindex("Phạm Quốc Dũng") > flat.index("T/M BAN KIỂM PHIẾU")
    assert flat.rindex("Hoàng Thị Lan") > flat.index("CÁC ỦY VIÊN BAN KIỂM PHIẾU")
    # Citations name the regulation and the article, never an internal rule ID.
    assert "QĐ 96-QĐ/TW, Điều" in flat
    assert not RULE_ID.findall(flat)
    assert not split_words(text, HEAD)


def test_a_member_without_a_name_leaves_a_line_to_write_on_never_the_login() -> None:
    h = counted_minutes()
    text = minutes(h, "kiemphieu2")
    flat = " ".join(text.split())
    assert "kiemphieu" not in text
    assert "Đồng chí " + "." * 40 + " - Trưởng ban" in flat
    assert "Đồng chí " + "." * 40 + " - Ủy viên" in flat
