"""Planning and appointment journeys in headless Chromium, as a clerk of a commune's
organization committee would run them in the web UI.

(a) The year's planning review: a person planned before a QĐ 96 vote put them in band B is
proposed for removal (mandatory, with its citation); applying without the decision is refused,
with it the removal is recorded.

(b) A five-step in-place appointment opened on the list page: each step's meeting convened by
picking people, the wider meeting's ballot (step 2) sealed until step 3 is convened, a voter of
the wider meeting declared the candidate's sibling and recused on the control panel before the
ballots, ballots cast on phones (390 px) with one-time codes, the conditions shown with their
citations, the dossier received and verified, a special-case decision for the tenure
condition, the decision recorded and the post in the person's record.

(c) An outside-source appointment (three steps, the sending place's vote).

(d) A reappointment case opened by its timer from the reappointment page.

(e) The control report, as a page and as XLSX and PDF files.

Steps without a page of their own are done through the use cases the pages call: check-in at
the hall, the counting committee's key, opening and counting the ballot box (as the congress
journey does). Screens are kept in ``CANBO_SHOTS_DIR`` when set, else under test-results/
(docs/screenshots/ with CANBO_UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from canbo.appointments import models as am
from canbo.conferences.models import Site
from canbo.core.clock import SystemClock
from canbo.core.types import AccountId, PersonId, Role, Sex
from canbo.planning import models as pm
from canbo.planning.uow import DjangoPlanningUnitOfWork
from canbo.registry import models as reg
from canbo.services.planning import catalogue, plans
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import CommitteeMember, SessionId, SiteId
from canbo.voting.models import ResultLine, ResultVersion, VoteSession
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f
from tests.e2e.test_journey_congress import login, submit
from tests.integration.election_builders import account
from tests.integration.voting_builders import NAMES, counter
from tests.screenshots import doc_screenshot_dir

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = SystemClock().today()
START = TODAY - dt.timedelta(days=20)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def shot(page: Any, name: str, base: Path) -> None:
    folder = Path(os.environ.get("CANBO_SHOTS_DIR") or doc_screenshot_dir())
    page.screenshot(path=str(folder / f"appointment_{name}.png"), full_page=True)


def iso(day: dt.date) -> str:
    return day.isoformat()


# --- the world --------------------------------------------------------------------------------


def world() -> dict[str, Any]:
    """A commune with its people, a commune-managed post with its group IV grade, its plan of
    three, the clerk's and the counting committee's accounts."""
    tree = f.small_tree()
    people = [
        f.person(name, tree.cell_a, sex=sex_of(name), birth=dt.date(1984, 3, 1 + i))
        for i, name in enumerate(NAMES)
    ]
    extra = [
        f.person(n, tree.cell_b, sex=sex_of(n))
        for n in ("Hà Văn Quý", "Tạ Thị Sen", "Mai Văn Tùng")
    ]
    title = reg.Title.objects.create(
        code="PCT_UBND_XA", name="Phó Chủ tịch Ủy ban nhân dân xã", level="commune"
    )
    admin = Actor(None, "admin", (Grant(Role.ADMIN, None),))
    catalogue.add_group_iv_grade(
        DjangoPlanningUnitOfWork(),
        admin,
        title_code="PCT_UBND_XA",
        tier=3,
        grade=35,  # type: ignore[arg-type]
        valid_from=dt.date(2025, 1, 1),
        managing_unit_id=tree.commune,
    )
    staff = Actor(AccountId(0), "tochuc", (Grant(Role.ORG_STAFF, tree.commune),))
    plan = plans.create_plan(
        DjangoPlanningUnitOfWork(),
        staff,
        title_id=title.pk,
        unit_id=tree.commune,  # type: ignore[arg-type]
        term_label="2025–2030",
        term_start=dt.date(2025, 10, 1),
        term_end=dt.date(2030, 9, 30),
        approved_on=dt.date(2025, 11, 1),
        approved_by_ref="215-QĐ/TU",
    )
    for p in people[:3]:
        plans.add_to_plan(
            DjangoPlanningUnitOfWork(),
            staff,
            plan,
            p,
            on=dt.date(2025, 11, 1),  # type: ignore[arg-type]
            decision="215-QĐ/TU",
        )
    return {
        "tree": tree,
        "people": people,
        "extra": extra,
        "title": title,
        "plan": plan,
        "clerk": account("tochuc", Role.ORG_STAFF, tree.commune),
        "counters": [counter(f"kiemphieu{i}", tree.commune) for i in (1, 2)],
    }


def sex_of(name: str) -> Sex:
    return Sex.FEMALE if " Thị " in name else Sex.MALE


def name_of(pid: PersonId) -> str:
    return str(reg.Person.objects.get(pk=pid).full_name)


# --- page helpers ------------------------------------------------------------------------------


def pick(form: Any, field: str, names: Sequence[str]) -> None:
    """Choose people (or a unit) with the form's picker: ticked in a short list, or typed and
    chosen from the type-ahead's menu."""
    box = form.locator(f"#id_{field}")
    if box.evaluate("e => e.tagName") == "UL":
        for n in names:
            box.locator("label", has_text=n).locator("input").check()
        return
    chosen = form.locator(f"[data-picker]:has(#id_{field}) .picker-chosen li")
    for n in names:
        before = chosen.count()
        box.fill(n.lower())
        form.locator(f"#id_{field}_list li[data-id]", has_text=n).first.click()
        chosen.nth(before).wait_for()


def step_block(page: Any, kind: str) -> Any:
    return page.locator(f'li[data-step="{kind}"]')


def convene(page: Any, kind: str, names: Sequence[str], day: dt.date) -> SiteId:
    form = step_block(page, kind).locator("form[data-convene]")
    pick(form, "persons", names)
    form.locator("[name=held_on]").fill(iso(day))
    form.get_by_role("button", name="Triệu tập cuộc họp").click()
    page.wait_for_load_state()
    conference = am.ProcessStep.objects.get(process__pk=pid_of(page), kind=kind).conference_id
    return SiteId(Site.objects.filter(conference_id=conference).values_list("pk", flat=True)[0])


def pid_of(page: Any) -> int:
    found = re.search(r"/bo-nhiem/(\d+)/", page.url)
    assert found, page.url
    return int(found.group(1))


def check_in(site: SiteId, people: Sequence[PersonId]) -> None:
    for p in people:
        conf_svc.check_in(U(), SYSTEM, site, person_id=p)


def open_ballot(page: Any, kind: str, counters: Sequence[Actor]) -> tuple[SessionId, list[str]]:
    """The clerk opens the step's secret ballot (the voting page follows); the counting
    committee makes the key, the box opens and the codes are handed out on the hand-out page."""
    back = page.url.split("/bo-nhiem/")[0] + f"/bo-nhiem/{pid_of(page)}/"
    page.goto(back)
    step_block(page, kind).get_by_role("button", name="Mở bỏ phiếu kín").click()
    page.wait_for_load_state()
    assert "/bo-phieu/" in page.url, page.content()[:3000]
    sid = SessionId(int(re.findall(r"/bo-phieu/(\d+)/", page.url)[0]))
    committee = [CommitteeMember(account_id=c.account_id) for c in counters]
    vote_svc.set_committee(U(), SYSTEM, sid, committee)
    vote_svc.mark_ready(U(), SYSTEM, sid)
    shares = vote_svc.make_ballot_key(U(), counters[0], sid).shares
    vote_svc.open_vote(U(), SYSTEM, sid)
    page.goto(page.url.split("/bo-phieu/")[0] + f"/bo-phieu/{sid}/phat-ma/")
    form = page.locator("form[data-hand-out]")
    form.locator("input[value=code]").check()
    form.locator("button[name=all]").click()
    page.wait_for_load_state()
    codes = [str(c.get_attribute("data-code")) for c in page.locator("[data-code]").all()]
    assert codes
    page.goto(back)
    _SHARES[int(sid)] = list(shares)
    return sid, codes


_SHARES: dict[int, list[str]] = {}


def phone_vote(
    browser: Any,
    base: str,
    sid: int,
    code: str,
    marks: dict[str, str],
    folder: Path | None = None,
    name: str = "",
) -> None:
    """A voter on a phone: strike names (``"struck"``) or answer agree/disagree per name."""
    context = browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{base}/bo-phieu/{sid}/bau/?ma={code}")
    phone.get_by_role("button", name="Tiếp tục").click()
    phone.wait_for_load_state()
    for person, mark in marks.items():
        if mark == "struck":
            phone.locator("label.strike", has_text=person).click()
        else:
            label = "Đồng ý" if mark == "agree" else "Không đồng ý"
            phone.locator("fieldset", has_text=person).get_by_label(label, exact=True).check()
    if folder is not None:
        shot(phone, name, folder)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the ballot scrolls sideways on a phone: {width}px"
    phone.get_by_role("button", name="Xem lại phiếu").click()
    phone.get_by_role("button", name="Bỏ phiếu").click()
    phone.wait_for_load_state()
    assert phone.locator("[data-receipt]").count() == 1
    context.close()


def count_and_close(
    page: Any, kind: str, sid: SessionId, counters: Sequence[Actor], day: dt.date
) -> None:
    vote_svc.close_vote(U(), SYSTEM, sid)
    count_svc.count(U(), counters[0], sid, _SHARES[int(sid)])
    for c in counters:
        count_svc.sign(U(), c, sid)
    page.reload()
    close_step(page, kind, day)


def close_step(page: Any, kind: str, day: dt.date) -> None:
    form = step_block(page, kind).locator("form[data-close]")
    form.locator("[name=closed_on]").fill(iso(day))
    form.get_by_role("button", name="Kết thúc bước, ghi kết quả").click()
    page.wait_for_load_state()
    assert "đã xong" in step_block(page, kind).inner_text().lower(), page.content()[:3000]


def ids(people: Sequence[PersonId]) -> list[int]:
    return [int(p) for p in people]


def open_process(
    page: Any,
    base: str,
    kind: str,
    title: str,
    unit: str,
    candidates: Sequence[str],
    proposer: str,
    appraiser: str | None,
) -> int:
    page.goto(f"{base}/bo-nhiem/")
    form = page.locator("form", has=page.locator("[name=started_on]"))
    form.locator("[name=kind]").select_option(kind)
    form.locator("[name=title]").select_option(label=title)
    pick(form, "unit", [unit])
    pick(form, "candidates", candidates)
    pick(form, "proposer", [proposer])
    if appraiser:
        pick(form, "appraiser", [appraiser])
    form.locator("[name=started_on]").fill(iso(START))
    form.locator("[name=policy_approved_on]").fill(iso(START - dt.timedelta(days=5)))
    form.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    return pid_of(page)


def dossier_and_conditions(page: Any, person: str, verifier: str, day: dt.date) -> None:
    """Receive the dossier, verify every item, record a special-case decision for each
    condition still failing."""
    submit(page, "Ghi ngày nhận hồ sơ", {"received_on": iso(day)})
    form = page.locator("form[data-dossier-item]")
    items = form.locator("[name=item] option").all()
    values = [str(o.get_attribute("value")) for o in items]
    for value in values:
        form = page.locator("form[data-dossier-item]")
        form.locator("[name=person]").select_option(label=person)
        form.locator("[name=item]").select_option(value)
        pick(form, "verified_by", [verifier])
        form.locator("[name=verified_on]").fill(iso(day))
        form.get_by_role("button", name="Ghi đã xác minh").click()
        page.wait_for_load_state()
    assert page.locator("[data-dossier-items] li").count() == len(values)
    conditions = page.locator("[data-conditions]").first
    failed = [r for r in conditions.locator("tbody tr").all() if "Chưa đạt" in r.inner_text()]
    keys = {
        str(o.get_attribute("value")): o.inner_text()
        for o in page.locator("form[data-override] [name=check_key] option").all()
    }
    for row in failed:
        text = row.inner_text()
        key = next((k for k, label in keys.items() if label and label.split()[0] in text), None)
        assert key is not None, text
        submit(
            page,
            "Ghi quyết định trường hợp đặc biệt",
            {
                "check_key": key,
                "decision_ref": "12-QĐ/TU",
                "body": "Ban Thường vụ Tỉnh ủy",
                "reason": "Trường hợp đặc biệt do yêu cầu công tác cán bộ",
            },
        )


def decide(page: Any, person: str, decider: str, level: str, number: str, day: dt.date) -> None:
    form = page.locator("form[data-decide]")
    form.locator("[name=person]").select_option(label=person)
    form.locator("[name=decision_ref]").fill(number)
    for field in ("decided_on", "signed_on", "effective_on"):
        form.locator(f"[name={field}]").fill(iso(day))
    pick(form, "decider", [decider])
    form.locator("[name=decider_level]").select_option(level)
    form.get_by_role("button", name="Ghi quyết định").click()
    page.wait_for_load_state()


# --- (a) the yearly planning review -----------------------------------------------------------


def test_a_yearly_planning_review_removes_the_band_b_person(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    w = world()
    base, people, tree = live_server.url, w["people"], w["tree"]
    binh = people[1]
    held = TODAY - dt.timedelta(days=30)
    conf = f_conference(tree.commune, held)
    session = VoteSession.objects.create(
        conference=conf, title="Lấy phiếu", rulebook_id="QD96_2023"
    )
    version = ResultVersion.objects.create(session=session, number=1, data={}, certified=True)
    ResultLine.objects.create(
        version=version,
        person_id=binh,
        position="Ủy viên Ban Chấp hành",
        high=2,
        mid=1,
        low=7,
        invalid=0,
        band="B",
    )
    page = login(browser, base, "tochuc", viewport=DESKTOP)
    page.goto(f"{base}/quy-hoach/")
    shot(page, "a_planning_list", screenshot_dir)
    page.goto(f"{base}/quy-hoach/ra-soat/{tree.commune}/{TODAY.year}/")
    row = page.locator("tr.removal.mandatory")
    assert row.count() == 1 and name_of(binh) in row.inner_text()
    assert "mức B" in row.inner_text() and "QĐ 96-QĐ/TW" in row.inner_text()
    assert "PL-10" not in page.locator("main").inner_text()
    shot(page, "a_review", screenshot_dir)
    # Applying without the removal decision is refused (the field is required); with it, the
    # person leaves the plan by that decision.
    page.get_by_role("button", name="Áp dụng kết quả rà soát").click()  # the decision is missing
    assert pm.PlanEntry.objects.get(person_id=binh).removed_on is None
    row.locator("input").fill("402-QĐ/TU")
    page.get_by_role("button", name="Áp dụng kết quả rà soát").click()
    page.wait_for_load_state()
    assert "Đã áp dụng kết quả rà soát" in page.content()
    entry = pm.PlanEntry.objects.get(person_id=binh)
    assert (entry.removal_reason, entry.removal_decision) == ("band_b", "402-QĐ/TU")
    assert pm.RemovalTask.objects.get(entry=entry).done_on == TODAY
    shot(page, "a_review_applied", screenshot_dir)


def f_conference(unit: int, held: dt.date) -> Any:
    from canbo.conferences.models import Conference

    return Conference.objects.create(
        unit_id=unit,
        title="Hội nghị Ban Chấp hành lấy phiếu tín nhiệm",
        body="party",
        held_on=held,
    )


# --- (b) the five-step in-place appointment --------------------------------------------------


def test_a_five_step_appointment_with_a_recusal_and_a_sealed_step(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    w = world()
    base, people, counters = live_server.url, w["people"], w["counters"]
    a, b, c = people[:3]
    leaders = people[3:9]
    related = people[9]
    wider = [*leaders, related, *people[10:12], *w["extra"]]
    reg.Relative.objects.create(
        person_id=related, relation="sibling", linked_person_id=a, declared_on=START
    )
    page = login(browser, base, "tochuc", viewport=DESKTOP)
    names = [name_of(p) for p in (a, b, c)]
    pid = open_process(
        page,
        base,
        "in_place",
        "Phó Chủ tịch Ủy ban nhân dân xã",
        "Đảng bộ xã Yên Minh",
        names,
        name_of(leaders[0]),
        name_of(leaders[1]),
    )
    assert am.AppointmentProcess.objects.get(pk=pid).kind == "in_place"
    shot(page, "b_opened", screenshot_dir)
    day = START + dt.timedelta(days=1)

    # Step 1: the leadership collective (no ballot).
    site = convene(page, "leadership_first", [name_of(p) for p in leaders], day)
    check_in(site, leaders)
    page.reload()
    close_step(page, "leadership_first", day)
    assert step_block(page, "leadership_first").locator("table").count() == 0  # no ballot

    # Step 2: the wider meeting. The related voter is flagged on the control panel and recuses
    # before the ballots are issued; he stays out of the hall.
    site = convene(page, "wider", [name_of(p) for p in wider], day + dt.timedelta(days=1))
    panel = page.locator("[data-control-panel]")
    conflict = panel.locator("tr[data-conflict][data-open]")
    assert conflict.count() == 1 and name_of(related) in conflict.inner_text()
    assert "Anh, chị, em ruột" in conflict.inner_text()
    shot(page, "b_conflict", screenshot_dir)
    form = panel.locator("form[data-recusal-form]")
    form.locator("input[value=recused]").check()
    form.locator("[name=reason]").fill("Là em ruột của người được giới thiệu")
    form.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_load_state()
    assert am.Recusal.objects.filter(process_id=pid, person_id=related, outcome="recused").exists()
    present = [p for p in wider if p != related]
    check_in(site, present)
    sid, codes = open_ballot(page, "wider", counters)
    listed = {name_of(p): p for p in (a, b, c)}
    phone_vote(
        browser,
        base,
        sid,
        codes[0],
        {names[1]: "struck", names[2]: "struck"},
        screenshot_dir,
        "b_phone_step2",
    )
    phone_vote(browser, base, sid, codes[1], {names[0]: "struck", names[2]: "struck"})
    for code in codes[2:]:
        vote_svc.cast_ballot(
            U(), sid, code, {int(listed[names[1]]): "struck", int(listed[names[2]]): "struck"}
        )
    count_and_close(page, "wider", sid, counters, day + dt.timedelta(days=1))

    # Sealed (AP-13): closed, but its result is not on the page before step 3 is convened.
    block = step_block(page, "wider")
    assert block.locator("[data-sealed]").count() == 1
    assert block.locator("[data-outcome]").count() == 0
    assert "niêm phong" in block.inner_text()
    session_page = block.locator("a[data-session]").get_attribute("href")
    page.goto(f"{base}{session_page}")
    tally = page.locator("[data-election-tally]")
    assert tally.locator("[data-sealed]").count() == 1
    assert tally.locator("[data-figure], tr[data-person]").count() == 0  # no figures, no votes
    page.goto(f"{base}/bo-nhiem/{pid}/")
    shot(page, "b_sealed", screenshot_dir)

    # Step 3: the leadership nominates; convening it opens the seal.
    site = convene(
        page, "leadership_nominate", [name_of(p) for p in leaders], day + dt.timedelta(days=2)
    )
    assert step_block(page, "wider").locator("[data-outcome]").count() == 1
    assert step_block(page, "key_cadres").locator("form[data-convene]").count() == 0  # in order
    check_in(site, leaders)
    sid, codes = open_ballot(page, "leadership_nominate", counters)
    carried = [
        r.person.full_name
        for r in am.ProcessCandidate.objects.filter(process_id=pid, active=True).select_related(
            "person"
        )
    ]
    assert names[0] in carried
    others = {n: "struck" for n in carried if n != names[0]}
    phone_vote(browser, base, sid, codes[0], others)
    for code in codes[1:]:
        vote_svc.cast_ballot(U(), sid, code, {int(listed[n]): "struck" for n in others})
    count_and_close(page, "leadership_nominate", sid, counters, day + dt.timedelta(days=2))

    # Step 4: the key cadres' opinion (the related voter is not convened again).
    site = convene(page, "key_cadres", [name_of(p) for p in present], day + dt.timedelta(days=3))
    check_in(site, present)
    sid, codes = open_ballot(page, "key_cadres", counters)
    phone_vote(browser, base, sid, codes[0], {names[0]: "agree"}, screenshot_dir, "b_phone_step4")
    for code in codes[1:]:
        vote_svc.cast_ballot(U(), sid, code, {int(a): "agree"})
    count_and_close(page, "key_cadres", sid, counters, day + dt.timedelta(days=3))

    # Step 5: the leadership decides.
    site = convene(
        page, "leadership_decide", [name_of(p) for p in leaders], day + dt.timedelta(days=4)
    )
    check_in(site, leaders)
    sid, codes = open_ballot(page, "leadership_decide", counters)
    for code in codes:
        vote_svc.cast_ballot(U(), sid, code, {int(a): "agree"})
    count_and_close(page, "leadership_decide", sid, counters, day + dt.timedelta(days=4))
    assert am.AppointmentProcess.objects.get(pk=pid).status == "ready"

    # The conditions with their citations; the dossier; special-case decisions.
    conditions = page.locator("[data-conditions]").first
    assert "QĐ 377-QĐ/TW" in conditions.inner_text()
    assert not re.search(r"\b(AP|PL)-\d", page.locator("main").inner_text())
    decided = day + dt.timedelta(days=8)
    dossier_and_conditions(page, names[0], name_of(leaders[1]), day + dt.timedelta(days=6))
    assert "Chưa đạt" not in page.locator("[data-conditions]").first.inner_text()
    shot(page, "b_conditions", screenshot_dir)

    # The decision, and the post in the person's record with its term end.
    decide(page, names[0], name_of(leaders[0]), "commune", "125-QĐ/ĐU", decided)
    row = am.AppointmentProcess.objects.get(pk=pid)
    assert row.status == "decided", page.content()[:3000]
    assert "125-QĐ/ĐU" in page.locator("main").inner_text()
    shot(page, "b_decided", screenshot_dir)
    page.goto(f"{base}/people/{a}/")
    record = page.locator("main").inner_text()
    assert "Phó Chủ tịch Ủy ban nhân dân xã" in record and "125-QĐ/ĐU" in record
    shot(page, "b_person_record", screenshot_dir)


# --- (c) outside source -----------------------------------------------------------------------


def test_an_outside_source_appointment(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    w = world()
    base, people, counters = live_server.url, w["people"], w["counters"]
    outsider = people[0]
    leaders = people[3:9]
    page = login(browser, base, "tochuc", viewport=DESKTOP)
    pid = open_process(
        page,
        base,
        "outside",
        "Phó Chủ tịch Ủy ban nhân dân xã",
        "Đảng bộ xã Yên Minh",
        [name_of(outsider)],
        name_of(leaders[0]),
        None,
    )
    kinds = list(
        am.ProcessStep.objects.filter(process_id=pid)
        .order_by("order")
        .values_list("kind", flat=True)
    )
    assert kinds == ["receiving_talks", "sending_vote", "report"]
    day = START + dt.timedelta(days=1)
    site = convene(page, "receiving_talks", [name_of(p) for p in leaders], day)
    check_in(site, leaders)
    page.reload()
    close_step(page, "receiving_talks", day)
    site = convene(page, "sending_vote", [name_of(p) for p in leaders], day + dt.timedelta(days=1))
    check_in(site, leaders)
    sid, codes = open_ballot(page, "sending_vote", counters)
    phone_vote(browser, base, sid, codes[0], {name_of(outsider): "agree"})
    for code in codes[1:]:
        vote_svc.cast_ballot(U(), sid, code, {int(outsider): "agree"})
    count_and_close(page, "sending_vote", sid, counters, day + dt.timedelta(days=1))
    site = convene(page, "report", [name_of(p) for p in leaders[:3]], day + dt.timedelta(days=2))
    check_in(site, leaders[:3])
    page.reload()
    close_step(page, "report", day + dt.timedelta(days=2))
    dossier_and_conditions(page, name_of(outsider), name_of(leaders[1]), day + dt.timedelta(days=3))
    decide(
        page,
        name_of(outsider),
        name_of(leaders[0]),
        "commune",
        "130-QĐ/ĐU",
        day + dt.timedelta(days=5),
    )
    row = am.AppointmentProcess.objects.get(pk=pid)
    assert row.status == "decided" and row.appointee_id == outsider, page.content()[:3000]
    assert am.ProcessCandidate.objects.get(process_id=pid).source == "outside"
    shot(page, "c_outside_decided", screenshot_dir)


# --- (d) reappointment ------------------------------------------------------------------------


def test_a_reappointment_case_opened_by_its_timer(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    w = world()
    base, people = live_server.url, w["people"]
    holder = people[4]
    reg.PositionHolding.objects.create(
        person_id=holder,
        title=w["title"],
        unit_id=w["tree"].commune,
        how="appointed",
        valid_from=TODAY - dt.timedelta(days=5 * 365 - 40),
        term_ends=TODAY + dt.timedelta(days=40),
        decision_ref="77-QĐ/ĐU",
    )
    page = login(browser, base, "tochuc", viewport=DESKTOP)
    page.goto(f"{base}/bo-nhiem/bo-nhiem-lai/")
    assert name_of(holder) in page.locator("main").inner_text()
    shot(page, "d_reappointment_due", screenshot_dir)
    page.get_by_role("button", name="Mở các trường hợp đến hạn").click()
    page.wait_for_load_state()
    case = am.AppointmentProcess.objects.get(kind="reappointment")
    assert case.holding.person_id == holder
    assert list(case.steps.values_list("kind", flat=True)) == ["collective_vote"]
    page.goto(f"{base}/bo-nhiem/{case.pk}/")
    assert name_of(holder) in page.locator("main").inner_text()
    shot(page, "d_reappointment_case", screenshot_dir)
    page.goto(f"{base}/bo-nhiem/bo-nhiem-lai/")
    assert page.locator("[data-due]").count() == 0  # the timer opens a case once
    assert name_of(holder) in page.locator("[data-opened]").inner_text()
    assert am.AppointmentProcess.objects.filter(kind="reappointment").count() == 1


# --- (e) the control report ------------------------------------------------------------------


def test_the_control_report_page_and_files(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    w = world()
    base, people = live_server.url, w["people"]
    head = people[3]
    reg.RetirementNotice.objects.create(
        person_id=head,
        notice_date=START - dt.timedelta(days=30),
        retirement_date=TODAY + dt.timedelta(days=60),
        decision_ref="88-TB/TU",
    )
    from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
    from canbo.services.appointments import processes
    from canbo.services.appointments.ports import ProcessKind

    staff = Actor(None, "tochuc", (Grant(Role.ORG_STAFF, w["tree"].commune),))
    processes.open_process(
        A(),
        staff,
        processes.NewProcess(
            kind=ProcessKind.IN_PLACE,
            title_id=w["title"].pk,
            unit_id=w["tree"].commune,
            started_on=START,
            candidates=people[:2],
            proposer_id=head,
            appraiser_id=people[5],
        ),
    )
    account("kiemtra", Role.INSPECTOR, w["tree"].commune)
    page = login(browser, base, "kiemtra", viewport=DESKTOP)
    page.goto(f"{base}/kiem-soat/")
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Phó Chủ tịch Ủy ban nhân dân xã" in text
    assert "thông báo nghỉ hưu" in text and "QĐ 114-QĐ/TW" in text
    shot(page, "e_control_report", screenshot_dir)
    xlsx = page.locator("a", has_text="XLSX").first.get_attribute("href")
    pdf = page.locator("a", has_text="PDF").first.get_attribute("href")
    got = page.request.get(f"{base}{xlsx}")
    assert got.status == 200
    book = load_workbook(io.BytesIO(got.body()))
    cells = " ".join(str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r)
    assert "Phó Chủ tịch Ủy ban nhân dân xã" in cells
    got = page.request.get(f"{base}{pdf}")
    assert got.status == 200 and got.headers["content-type"] == "application/pdf"
    words = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(got.body())).pages)
    assert "Phó Chủ tịch Ủy ban nhân dân xã" in words
