"""End to end over HTTP (Django test client): the rules page ``/quy-dinh/``."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.test import Client

from canbo.core.rulebook_catalog import ALL_RULEBOOKS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


class _Text(HTMLParser):
    """The text a reader sees: character data outside <script>, <style> and <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in {"script", "style", "title"}

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in {"script", "style", "title"}

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture
def signed_in() -> Client:
    client = Client()
    client.force_login(User.objects.create_user("nguyen.van.an", password="mat-khau-rat-dai-2026"))
    return client


def test_the_rules_page_needs_a_signed_in_user():
    response = Client().get("/quy-dinh/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_rules_page_shows_documents_parameters_in_words_and_no_rulebook_ids(signed_in):
    response = signed_in.get("/quy-dinh/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "QĐ 366-QĐ/TW" in text
    assert "Mức tín nhiệm thấp được tính trên: Số phiếu thu về" in text  # label: value
    assert '"Tổng số phiếu" của NQ 96/2023 là: Số phiếu thu về' in text
    assert "Mức cao nhất khi phiếu tín nhiệm thấp: từ 2/3 tổng số đại biểu" in text  # NQ 85
    assert "QĐ 96-QĐ/TW, Điều 11" in text  # a cited rule with its article
    assert "Đang có hiệu lực" in text
    for book in ALL_RULEBOOKS:
        assert book.rulebook_id not in text
    assert "ballots_collected" not in text and "half_up_2dp" not in text  # no raw enum values


def test_the_main_navigation_links_to_the_rules_page(signed_in):
    response = signed_in.get("/search/")
    assert 'href="/quy-dinh/"' in response.content.decode()


def test_the_rules_page_shows_the_appointment_rulebooks_in_words(signed_in):
    text = visible_text(signed_in.get("/quy-dinh/").content.decode())
    assert "Bổ nhiệm, giới thiệu ứng cử" in text
    assert "QĐ 377-QĐ/TW (08/10/2025)" in text and "QĐ 105-QĐ/TW (19/12/2017)" in text
    assert (
        "Thời gian sau kỷ luật mới được bổ nhiệm, giới thiệu ứng cử chức vụ cao hơn (QĐ 377):"
        " Khiển trách: 24 tháng; Cảnh cáo: 36 tháng; Cách chức: 60 tháng"
    ) in text
    assert "Cách tính tuổi bổ nhiệm: Theo HD 06" in text
    assert "QĐ 377-QĐ/TW, Điều 20" in text  # PL-11 with its article
    assert "khien_trach" not in text and "hd06_months_from_dossier_receipt" not in text
