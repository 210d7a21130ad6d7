"""Congress journeys in headless Chromium, as a convening committee and the higher committee
would run them.

(a) A cell congress on its page: the roll from the registry, a member not convened (suspended
from Party activity) picked by name, the roll fixed, the congress opened, the counting committee
by show of hands, the cell committee's election with one floor nominee admitted over 30%,
ballots on phones, a tie at the last seat resolved by a further round among the tied
after the congress's recorded decision, the secretary from the new committee, the counting
minutes as PDF (full names, time, place, "T/M"), the commune's approval, and the new committee
on the cell's page and the secretary's page in the registry.

(b) A grassroots delegates' congress: delegates entered by name, one official absent for the
whole congress and an alternate seated in the place at the credentials review on the congress
page, the counting committee, the committee's election, delegates to the higher congress
(official and alternate on one list), the province's approval.

Codes for a round opened after check-in are handed out on the session's hand-out page. Steps
without a page of their own are done through the same use cases the pages call: check-in at the
hall, the counting committee's key, opening and count of the ballot box, and the delegates'
congress up to its opening (the same steps as (a), with delegates entered). The screens are kept
under test-results/ (docs/screenshots/ with CANBO_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from canbo.congresses import models as cm
from canbo.congresses.uow import DjangoCongressUnitOfWork as CU
from canbo.core.elections.model import CongressKind, DelegateStatus
from canbo.core.types import PersonId, Role
from canbo.elections import models as em
from canbo.registry import models as reg
from canbo.services.congresses import bodies, congress
from canbo.services.congresses.ports import CongressData, WorkingBody
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import CommitteeMember, SessionId, SiteId
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f
from tests.integration.election_builders import NAMES, account
from tests.screenshots import doc_screenshot_dir

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "mat-khau-dai-1"
OPENS = dt.date(2025, 5, 10)
PLACE = "Nhà văn hóa thôn Na Pô"


def login(browser: Any, base: str, username: str, **kw: Any) -> Any:
    context = browser.new_context(locale="vi-VN", **kw)
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_load_state()
    return page


def submit(page: Any, button: str, fields: Mapping[str, str] = {}) -> None:
    """Fill ``fields`` (by name) in the form holding ``button`` and press it."""
    form = page.locator("form", has=page.get_by_role("button", name=button, exact=True))
    for name, value in fields.items():
        box = form.locator(f"[name={name}]")
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(value)
        else:
            box.fill(value)
    form.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def pick_person(page: Any, typed: str, name: str) -> None:
    form = page.locator("form[data-add-candidate]")
    form.locator("#id_person").fill(typed)
    form.locator("#id_person_list li[data-id]", has_text=name).first.click()
    form.locator(".picker-chosen li").first.wait_for()


def add_candidates(page: Any, names: Sequence[str], floor: tuple[str, int, int] | None) -> None:
    for name in names:
        pick_person(page, name.lower(), name)
        submit(page, "Thêm vào danh sách", {"source": "convener"})
    if floor is not None:
        name, agree, attending = floor
        pick_person(page, name.lower(), name)
        submit(
            page, "Thêm vào danh sách",
            {"source": "floor", "agree": str(agree), "attending": str(attending)},
        )  # fmt: skip


def create_election(page: Any, base: str, cid: int, kind: str, seats: int, present: int,
                    alternates: int = 0) -> str:  # fmt: skip
    page.goto(f"{base}/dai-hoi/{cid}/bau-cu/")
    submit(
        page, "Thêm cuộc bầu",
        {"kind": kind, "seats": str(seats), "alternate_seats": str(alternates),
         "seats_for": str(present), "seats_against": "0", "attending": str(present)},
    )  # fmt: skip
    assert re.search(rf"/dai-hoi/{cid}/bau-cu/\d+/$", page.url), page.content()[:2000]
    return str(page.url)


def approve_list_and_open(page: Any, present: int) -> SessionId:
    submit(
        page, "Ghi kết quả biểu quyết danh sách",
        {"agree": str(present), "against": "0", "attending": str(present)},
    )  # fmt: skip
    submit(page, "Tạo phiếu bầu (vòng 1)")
    return last_session(page.url)


def last_session(url: str) -> SessionId:
    eid = int(url.rstrip("/").rsplit("/", 1)[1])
    rnd = em.Round.objects.filter(election_id=eid).order_by("number").last()
    assert rnd is not None
    return SessionId(rnd.vote_session_id)


def open_box(sid: SessionId, head: PersonId, counter: Actor) -> list[str]:
    """The counting committee (its head with an account) makes the key; the vote opens."""
    committee = [CommitteeMember(person_id=head, account_id=counter.account_id)]
    vote_svc.set_committee(U(), SYSTEM, sid, committee)
    vote_svc.mark_ready(U(), SYSTEM, sid)
    shares = vote_svc.make_ballot_key(U(), counter, sid).shares
    vote_svc.open_vote(U(), SYSTEM, sid)
    return list(shares)


def count_box(sid: SessionId, counter: Actor, shares: Sequence[str]) -> None:
    vote_svc.close_vote(U(), SYSTEM, sid)
    count_svc.count(U(), counter, sid, shares)
    count_svc.sign(U(), counter, sid)


def phone_vote(browser: Any, base: str, sid: int, code: str, struck: Sequence[str],
               shot: Path | None = None) -> None:  # fmt: skip
    """A voter on a phone crosses names out and casts; the receipt is shown."""
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(f"{base}/bo-phieu/{sid}/bau/?ma={code}")
    phone.get_by_role("button", name="Tiếp tục").click()
    phone.wait_for_load_state()
    for name in struck:
        phone.locator("label.strike", has_text=name).click()
    if shot is not None:
        phone.screenshot(path=str(shot), full_page=True)
    phone.get_by_role("button", name="Xem lại phiếu").click()
    phone.get_by_role("button", name="Bỏ phiếu").click()
    phone.wait_for_load_state()
    assert phone.locator("[data-receipt]").count() == 1
    context.close()


def cast(sid: SessionId, codes: Sequence[str], ballots: Sequence[Mapping[int, str]]) -> None:
    for code, marks in zip(codes, ballots, strict=True):
        vote_svc.cast_ballot(U(), sid, code, marks)


def strike(kept: Sequence[PersonId], listed: Sequence[PersonId]) -> dict[int, str]:
    return {int(p): ("kept" if p in kept else "struck") for p in listed}


def hand_out(page: Any, base: str, sid: SessionId) -> list[str]:
    """The session's hand-out page: a code for everyone present who has none for this round
    (a round opened after check-in), read off the printed stack; back to the election."""
    back = page.url
    page.goto(f"{base}/bo-phieu/{sid}/phat-ma/")
    form = page.locator("form[data-hand-out]")
    form.locator("input[value=code]").check()
    form.locator("button[name=all]").click()
    page.wait_for_load_state()
    codes = [str(c.get_attribute("data-code")) for c in page.locator("[data-code]").all()]
    assert codes
    page.goto(back)
    return codes


def record_and_sign(page: Any) -> None:
    submit(page, "Tính và ghi kết quả bầu cử")
    page.locator("[data-round] [data-result]").last.wait_for()
    submit(page, "Ban kiểm phiếu ký biên bản")


def _cell_setup() -> dict[str, Any]:
    tree = f.small_tree()
    people = [f.person(name, tree.cell_a) for name in NAMES]
    f.person("Lý Văn Hưu", tree.cell_a)
    data = CongressData(tree.cell_a, "", "2025–2030", CongressKind.CELL, OPENS, OPENS, PLACE, "")
    cid = congress.create_congress(CU(), SYSTEM, data)
    conference = cm.Congress.objects.get(pk=cid).conference_id
    site = conf_svc.add_site(U(), SYSTEM, conference, "Hội trường nhà văn hóa")
    return {
        "tree": tree, "people": people, "cid": int(cid), "site": site,
        "counter": account("kiemphieu", Role.COUNTING_COMMITTEE, tree.cell_a),
        "runner": account("chiuy", Role.ORG_STAFF, tree.cell_a),
        "higher": account("danguyxa", Role.ORG_STAFF, tree.commune),
    }  # fmt: skip


def check_in(site: SiteId, people: Sequence[PersonId]) -> dict[PersonId, str]:
    codes = {}
    for p in people:
        result = conf_svc.check_in(U(), SYSTEM, site, person_id=p)
        if result.codes:
            codes[p] = result.codes[-1].code
    return codes


def pdf_text(page: Any, base: str, shot: Path, selector: str = "[data-minutes]") -> str:
    """The text of the first round's minutes; its first page kept as an image when poppler's
    pdftoppm is installed."""
    href = page.locator(selector).first.get_attribute("href")
    answer = page.request.get(f"{base}{href}")
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    pdf = shot.with_suffix(".pdf")
    pdf.write_bytes(answer.body())
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(shot.with_suffix(""))], check=True,
        )  # fmt: skip
    pdf.unlink()
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.body())).pages)


def test_a_cell_congress_from_the_roll_to_the_registry(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    s = _cell_setup()
    base, cid, people = live_server.url, s["cid"], s["people"]
    a, b, cu, d = people[:4]
    head = people[-1]
    shots = doc_screenshot_dir()
    staff = login(browser, base, "chiuy", viewport={"width": 1280, "height": 900})

    # The roll from the registry as of the opening; a member suspended from Party activity is
    # listed as not convened, picked by name; the roll is fixed and the congress opened.
    staff.goto(f"{base}/dai-hoi/{cid}/")
    submit(staff, "Lập danh sách từ đảng viên của tổ chức vào ngày khai mạc")
    assert cm.RollEntry.objects.filter(congress_id=cid).count() == 11
    out = staff.locator("form", has=staff.get_by_role("button", name="Thêm người không triệu tập"))
    out.locator("#id_person").fill("ly van huu")
    out.locator("#id_person_list li[data-id]", has_text="Lý Văn Hưu").first.click()
    note = "Quyết định đình chỉ sinh hoạt đảng số 12-QĐ/UBKT"
    submit(
        staff, "Thêm người không triệu tập",
        {"reason": "suspended", "fact_date": "2025-04-20", "note": note},
    )  # fmt: skip
    submit(staff, "Chốt danh sách triệu tập và gửi triệu tập")
    submit(staff, "Khai mạc đại hội")
    page = staff.locator("main").inner_text()
    assert "Lý Văn Hưu" in page and "Bị đình chỉ sinh hoạt đảng" in page and note in page
    assert "suspended" not in page
    assert cm.RollEntry.objects.filter(congress_id=cid).count() == 10

    # Counting committee: its head checks in and is approved by show of hands, by name.
    check_in(s["site"], [head])
    staff.reload()
    form = staff.locator("form", has=staff.get_by_role("button", name="Ghi kết quả biểu quyết"))
    form.locator("[name=body]").select_option("counting")
    form.locator(f'input[name=people][value="id:{head}"]').check()
    form.locator(f'input[name=head][value="id:{head}"]').check()
    submit(staff, "Ghi kết quả biểu quyết", {"votes_for": "1"})
    assert "Mai Văn Tổ" in staff.locator("main").inner_text()
    staff.screenshot(path=str(shots / "congress-page.png"), full_page=True)

    # The cell committee: three seats, the convener's three, one floor nominee at 4 of 10.
    url = create_election(staff, base, cid, "cell_committee", 3, 10)
    add_candidates(staff, NAMES[:3], ("Phạm Thị Dung", 4, 10))
    assert staff.locator("[data-candidate]").count() == 4
    sid = approve_list_and_open(staff, 10)
    staff.screenshot(path=str(shots / "election-page.png"), full_page=True)

    # Everyone checks in (codes for round 1); three phones and the rest.
    codes = check_in(s["site"], people[:-1])
    shares = open_box(sid, head, s["counter"])
    listed = (a, b, cu, d)
    phone_vote(browser, base, sid, codes[a], ["Phạm Thị Dung"], shots / "election-phone.png")
    phone_vote(browser, base, sid, codes[b], ["Phạm Thị Dung"])
    phone_vote(browser, base, sid, codes[cu], ["Lê Văn Cường"])
    kept = [(a, b, cu)] + [(a, b, d)] * 2 + [(b, cu, d)] * 2 + [(a, cu, d)]
    cast(sid, [codes[p] for p in people[3:9]], [strike(k, listed) for k in kept])
    count_box(sid, s["counter"], shares)
    submit(staff, "Tính và ghi kết quả bầu cử")
    tie = staff.locator("[data-tie]")
    assert "Lê Văn Cường" in tie.inner_text() and "Phạm Thị Dung" in tie.inner_text()
    submit(staff, "Ban kiểm phiếu ký biên bản")

    # A further round among the tied, after the congress's decision.
    decision = "Đại hội biểu quyết bầu lại giữa hai đồng chí bằng phiếu"
    submit(staff, "Ghi quyết định và tạo phiếu bầu vòng tiếp", {"decision": decision})
    sid2 = last_session(url)
    voters = people[:9]
    codes2 = hand_out(staff, base, sid2)
    shares = open_box(sid2, head, s["counter"])
    phone_vote(browser, base, sid2, codes2[0], ["Phạm Thị Dung"])
    cast(sid2, codes2[1:9], [strike((cu,), (cu, d))] * 5 + [strike((d,), (cu, d))] * 3)
    count_box(sid2, s["counter"], shares)
    record_and_sign(staff)
    assert "Quyết định của đại hội: " + decision in staff.content()
    minutes = pdf_text(staff, base, shots / "election-minutes.png")

    # The secretary, from the new committee.
    create_election(staff, base, cid, "secretary", 1, 10)
    add_candidates(staff, ["Trần Thị Bình"], None)
    sid3 = approve_list_and_open(staff, 10)
    codes3 = hand_out(staff, base, sid3)[: len(voters)]
    shares = open_box(sid3, head, s["counter"])
    cast(sid3, codes3, [{int(b): "agree"}] * 8 + [{int(b): "disagree"}])
    count_box(sid3, s["counter"], shares)
    record_and_sign(staff)

    # The minutes: full names, time, place, "T/M" and the signature spaces.
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Mai Văn Tổ"):
        assert name in minutes, name
    assert PLACE in minutes and "T/M" in minutes
    assert re.search(r"\d{1,2} giờ", minutes) or re.search(r"\d{1,2}:\d{2}", minutes)

    # Approval by the commune's committee; the cell's page and the secretary's show the posts.
    higher = login(browser, base, "danguyxa", viewport={"width": 1280, "height": 900})
    higher.goto(f"{base}/dai-hoi/{cid}/bau-cu/")
    submit(higher, "Ghi quyết định chuẩn y",
           {"decision_number": "125-QĐ/ĐU", "decided_on": "2025-05-20"})  # fmt: skip
    assert "125-QĐ/ĐU" in higher.content()
    assert em.Election.objects.filter(congress_id=cid, status="approved").count() == 2
    higher.goto(f"{base}/units/{s['tree'].cell_a}/")
    unit_page = higher.content()
    assert all(n in unit_page for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"))
    higher.goto(f"{base}/people/{b}/")
    assert "Bí thư" in higher.content()
    assert reg.Term.objects.filter(unit_id=s["tree"].cell_a, name="2025–2030").exists()


def _delegates_setup() -> dict[str, Any]:
    tree = f.small_tree()
    names = [
        "Nguyễn Văn Bảo", "Trần Thị Cúc", "Lê Văn Đạt", "Phạm Thị Duyên", "Hoàng Văn Giáp",
        "Vũ Thị Hằng", "Đặng Văn Hiếu", "Bùi Thị Hoa", "Đỗ Văn Hùng", "Ngô Thị Lan",
        "Dương Văn Lâm", "Lý Thị Mai", "Trịnh Văn Nam", "Đinh Thị Nga", "Tạ Văn Phúc",
        "Lương Thị Quyên", "Cao Văn Sơn", "Hà Thị Thu", "Phan Văn Tùng", "Mai Thị Yến",
    ]  # fmt: skip
    people = [f.person(n, tree.cell_a if i % 2 else tree.cell_b) for i, n in enumerate(names)]
    data = CongressData(
        tree.commune, "", "2025–2030", CongressKind.DELEGATES, dt.date(2025, 6, 12),
        dt.date(2025, 6, 13), "Hội trường Đảng ủy xã", "", parameters={"higher_consent": True},
    )  # fmt: skip
    cid = congress.create_congress(CU(), SYSTEM, data)
    congress.set_convening_committee(CU(), SYSTEM, cid, people[:3])
    congress.add_delegates(CU(), SYSTEM, cid, people[3:18])
    congress.add_delegates(CU(), SYSTEM, cid, people[18:], alternate=True)
    congress.build_roll(CU(), SYSTEM, cid)
    congress.fix_roll(CU(), SYSTEM, cid)
    congress.open_congress(CU(), SYSTEM, cid)
    conference = cm.Congress.objects.get(pk=cid).conference_id
    site = conf_svc.add_site(U(), SYSTEM, conference, "Hội trường Đảng ủy xã")
    return {
        "tree": tree, "people": people, "cid": int(cid), "site": site,
        "counter": account("kiemphieu", Role.COUNTING_COMMITTEE, tree.commune),
        "runner": account("danguy", Role.ORG_STAFF, tree.commune),
        "higher": account("tinhuy", Role.ORG_STAFF, tree.ha_giang),
    }  # fmt: skip


def test_a_delegates_congress_with_an_alternate_seated_to_approval(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    s = _delegates_setup()
    base, cid, people = live_server.url, s["cid"], s["people"]
    absent, seated, head = people[17], people[18], people[16]
    present = [p for p in people if p not in (absent, people[19])]
    check_in(s["site"], present)
    hands = bodies.HandCount(len(present))
    for body in (WorkingBody.PRESIDIUM, WorkingBody.SECRETARIAT, WorkingBody.CREDENTIALS):
        bodies.set_working_body(CU(), SYSTEM, cid, body, [people[0]], people[0], hands)
    bodies.set_working_body(CU(), SYSTEM, cid, WorkingBody.COUNTING, [head], head, hands)
    staff = login(browser, base, "danguy", viewport={"width": 1280, "height": 900})
    staff.goto(f"{base}/dai-hoi/{cid}/")

    # The credentials review on the congress page: one official absent for the whole congress,
    # an alternate seated in the place.
    report = "01-BC/TTTC"
    for person, status, instead in (
        (absent, "absent_whole_congress", None), (seated, "alternate_seated", absent)
    ):  # fmt: skip
        form = staff.locator("form", has=staff.get_by_role("button", name="Ghi theo báo cáo"))
        form.locator(f'input[name=person][value="id:{person}"]').check()
        if instead is not None:
            form.locator(f'input[name=seated_for][value="id:{instead}"]').check()
        submit(staff, "Ghi theo báo cáo", {"status": status, "report_ref": report})
    seated_row = cm.RollEntry.objects.get(congress_id=cid, person_id=seated)
    assert seated_row.status == DelegateStatus.ALTERNATE_SEATED
    assert seated_row.seated_for is not None and seated_row.seated_for.person_id == absent
    page = staff.locator("main").inner_text()
    assert "Phan Văn Tùng" in page and "Hà Thị Thu" in page
    assert "Đại biểu dự khuyết thay thế" in page
    assert "alternate_seated" not in page and "absent_whole_congress" not in page
    n = len(present)

    # The committee: five seats, six names on the list.
    url = create_election(staff, base, cid, "committee", 5, n)
    names = ["Nguyễn Văn Bảo", "Trần Thị Cúc", "Lê Văn Đạt", "Phạm Thị Duyên", "Hoàng Văn Giáp",
             "Vũ Thị Hằng"]  # fmt: skip
    add_candidates(staff, names, None)
    sid = approve_list_and_open(staff, n)
    listed = [
        PersonId(p) for p in em.Candidate.objects.filter(election__congress_id=cid)
        .order_by("sort_key").values_list("person_id", flat=True)
    ]  # fmt: skip
    loser = people[5]
    codes = hand_out(staff, base, sid)
    shares = open_box(sid, head, s["counter"])
    phone_vote(browser, base, sid, codes[0], ["Vũ Thị Hằng"])
    kept = [p for p in listed if p != loser]
    cast(sid, codes[1:], [strike(kept, listed)] * (n - 1))
    count_box(sid, s["counter"], shares)
    record_and_sign(staff)
    assert staff.locator("[data-result] strong", has_text="Trúng cử").count() == 5
    assert url in staff.url

    # Delegates to the provincial congress: two official and one alternate on one list.
    create_election(staff, base, cid, "delegates", 2, n, alternates=1)
    add_candidates(staff, ["Ngô Thị Lan", "Dương Văn Lâm", "Lý Thị Mai", "Trịnh Văn Nam"], None)
    sid = approve_list_and_open(staff, n)
    lan, lam, mai, nam = people[9:13]
    order = [lam, mai, lan, nam]  # ballot order: by given name (Lâm, Lan, Mai, Nam)
    codes = hand_out(staff, base, sid)
    shares = open_box(sid, head, s["counter"])
    patterns = [(lan, lam)] * 5 + [(lan, mai)] * 7 + [(lam, mai)] * 5 + [(lan, nam)]
    cast(sid, codes, [strike(k, order) for k in patterns][: len(codes)])
    count_box(sid, s["counter"], shares)
    record_and_sign(staff)
    result = staff.locator("[data-round] [data-result]").last.inner_text()
    assert "Dự khuyết" in result, result
    staff.screenshot(path=str(screenshot_dir / "journey-congress-delegates.png"), full_page=True)

    higher = login(browser, base, "tinhuy", viewport={"width": 1280, "height": 900})
    higher.goto(f"{base}/dai-hoi/{cid}/bau-cu/")
    submit(higher, "Ghi quyết định chuẩn y",
           {"decision_number": "1520-QĐ/TU", "decided_on": "2025-06-25"})  # fmt: skip
    assert em.Election.objects.filter(congress_id=cid, status="approved").count() == 2
    assert reg.PositionHolding.objects.filter(unit_id=s["tree"].commune).count() >= 5
    higher.goto(f"{base}/dai-hoi/")
    overview = higher.locator("main").inner_text()
    assert "Đại hội Đảng bộ xã Yên Minh nhiệm kỳ 2025–2030" in overview
    higher.screenshot(path=str(screenshot_dir / "journey-congress-overview.png"), full_page=True)
