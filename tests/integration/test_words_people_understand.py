"""Pages that speak to people: Vietnamese unless English is chosen, styled error pages with a
way back, refusals without machine codes in view, confirmations before irreversible steps, a
projector without staff menus, and QR codes that carry the address phones open."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import Client, RequestFactory, override_settings
from django.views import defaults

from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import Hall, check_in, close_and_count, hall, open_vote

FORM = "application/x-www-form-urlencoded"


def cast_all(h: Hall, codes: list[str]) -> None:
    """Each code casts one ballot on the voter page, as a phone does."""
    marks = {f"p{p}": lv for p, lv in zip(h.subjects, ["high", "mid", "low"], strict=True)}
    for code in codes:
        body = urlencode({"step": "cast", "code": code, **marks})
        Client().post(f"/bo-phieu/{h.session}/bau/", body, content_type=FORM)


pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(actor: Actor) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(pk=actor.account_id))
    return client


def visible(page: str) -> str:
    """The text a person sees: no hidden elements, scripts or tags."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<(\w+)[^>]*\shidden[\s>][^<]*(?:<(?!/\1>)[^<]*)*</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_a_missing_page_is_a_styled_vietnamese_page_with_a_way_home_whatever_the_browser_says() -> (
    None
):
    answer = Client().get("/khong-co-trang-nay/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = answer.content.decode()
    assert answer.status_code == 404
    assert 'lang="vi"' in page and "Không tìm thấy trang" in page
    assert 'href="/"' in page and "Về trang chủ" in page
    assert "Not Found" not in page


def test_english_is_shown_only_when_chosen_with_the_language_switch() -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/khong-co-trang-nay/").content.decode()
    assert 'lang="en"' in page


def test_the_forbidden_and_the_server_error_pages_extend_the_site_with_a_way_back() -> None:
    request = RequestFactory().get("/hoi-nghi/1/", HTTP_REFERER="/hoi-nghi/")
    request.user = get_user_model()()
    forbidden = defaults.permission_denied(request, PermissionError()).content.decode()
    assert "Không có quyền truy cập" in forbidden
    assert 'href="/hoi-nghi/"' in forbidden and "Quay lại trang trước" in forbidden
    broken = defaults.server_error(request)
    assert broken.status_code == 500
    page = broken.content.decode()
    assert "Hệ thống gặp lỗi khi xử lý yêu cầu" in page and "Về trang chủ" in page
    assert 'class="site"' in page  # the site's own header, not Django's bare page


def test_a_refusal_page_shows_words_and_a_way_back_not_the_machine_code() -> None:
    h = hall()
    client = signed_in(h.counters[0])
    answer = client.get("/hoi-nghi/999999/", HTTP_REFERER="/hoi-nghi/")
    page = answer.content.decode()
    assert answer.status_code == 404
    assert "Không tìm thấy hội nghị." in visible(page)
    assert "conference_not_found" not in visible(page)
    assert "<code>conference_not_found</code>" in page  # kept for machines, hidden
    assert 'href="/hoi-nghi/"' in page
    unit = client.get("/units/999999/", HTTP_REFERER="/tree/").content.decode()
    assert "Không tìm thấy đơn vị." in visible(unit) and "unit_not_found" not in visible(unit)
    assert 'href="/tree/"' in unit and "Về trang chủ" in unit


def confirm_boxes(page: str) -> int:
    return len(re.findall(r'<input type="checkbox" name="confirm" value="1" required>', page))


def test_closing_counting_signing_and_publishing_each_ask_for_a_confirmation() -> None:
    h: Hall = hall()
    codes = check_in(h, h.persons)
    open_vote(h)
    cast_all(h, codes[:3])
    client = signed_in(h.counters[0])
    session = f"/bo-phieu/{h.session}/"
    assert confirm_boxes(client.get(session).content.decode()) == 1  # close
    vote_svc.close_vote(U(), SYSTEM, h.session)
    assert confirm_boxes(client.get(f"{session}kiem-phieu/").content.decode()) == 1  # count
    close_and_count(h)
    assert confirm_boxes(client.get(session).content.decode()) == 1  # sign
    count_svc.sign(U(), h.counters[0], h.session)
    count_svc.sign(U(), h.counters[1], h.session)
    assert confirm_boxes(client.get(session).content.decode()) == 1  # publish


def test_the_projector_has_no_staff_menus_says_voting_is_open_and_waits_for_publication() -> None:
    h = hall()
    codes = check_in(h, h.persons)
    open_vote(h)
    cast_all(h, codes[:3])
    client = signed_in(h.counters[0])
    projector = f"/hoi-nghi/{h.conference}/trinh-chieu/"
    page = client.get(projector).content.decode()
    assert "Đăng xuất" not in page and "<nav" not in page and 'class="site"' not in page
    assert 'data-vote-open="1"' in page and "Đang mở bỏ phiếu" in page
    assert 'hx-trigger="every 3s"' in page
    assert re.search(r"data-present>\s*9\s*<", page)
    close_and_count(h)
    for counter in h.counters:
        count_svc.sign(U(), counter, h.session)
    live = client.get(f"{projector}noi-dung/").content.decode()
    assert 'data-vote-open="0"' in live and "data-published-result" not in live
    count_svc.publish(U(), h.counters[0], h.session)
    live = client.get(f"{projector}noi-dung/").content.decode()
    assert "data-published-result" in live and "Nguyễn Thị Hoa" in live


def voter_url(path: str, code: str, host: str = "127.0.0.1:8000") -> str:
    request = RequestFactory().get("/", HTTP_HOST=host)
    template = Template("{% load voting %}{% voter_url path code %}")
    return template.render(Context({"request": request, "path": path, "code": code}))


def test_voter_qr_codes_carry_the_public_address_when_one_is_configured() -> None:
    assert voter_url("/bo-phieu/7/", "ABCD") == "http://127.0.0.1:8000/bo-phieu/7/?ma=ABCD"
    with override_settings(CANBO_PUBLIC_URL="http://192.168.1.20:8000"):
        assert voter_url("/bo-phieu/7/", "ABCD") == "http://192.168.1.20:8000/bo-phieu/7/?ma=ABCD"


def test_dates_and_numbers_read_the_vietnamese_way_and_the_english_way_when_chosen() -> None:
    import datetime as dt

    from django.utils import formats, translation

    day = dt.date(2026, 7, 1)
    with translation.override("vi"):
        assert formats.date_format(day) == "01/07/2026"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "01/07/2026"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1.234,5"
        assert (
            Template("{{ d }} {{ x }}").render(Context({"d": day, "x": 45.3})) == "01/07/2026 45,3"
        )
    with translation.override("en"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"


def test_an_invalid_query_parameter_is_named_on_the_page_never_silently_replaced() -> None:
    h = hall()
    client = signed_in(h.counters[0])
    tree = client.get("/tree/?as_of=hom-qua").content.decode()
    assert "data-bad-date" in tree and "hom-qua" in tree
    search = client.get("/search/?q=Hoa&trong=abc")
    assert search.status_code == 400 and 'class="errorlist"' in search.content.decode()


def test_stored_values_read_as_words_and_a_result_lists_its_parameters_as_sentences() -> None:
    from canbo.core.rulebook_catalog import rulebook_registry
    from canbo.web.templatetags import labels

    assert labels.rulebook_name("QD366_HD43").startswith("QĐ 366-QĐ/TW")
    assert labels.unit_kind("grassroots_cell") == "Chi bộ cơ sở"
    assert labels.subject_kind("individual") == "Đảng viên"
    assert labels.vote_status("open") == "Đang bỏ phiếu"
    h = hall()
    assert labels.peer_group(f"dang-vien@{h.unit}").startswith("Đảng viên — ")
    book = rulebook_registry().get("QD96_2023").as_dict()
    html = Template(
        "{% load labels %}{% basis b.id b.parameters b.unconfirmed_parameters %}"
    ).render(Context({"b": book}))
    assert "Căn cứ áp dụng" in html and "QĐ 96-QĐ/TW" in html
    assert "cv_exempt_decision_scope" not in html and "<li>" in html
    assert "mặc định, chưa được xác nhận" in html
