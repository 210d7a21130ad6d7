"""Paper ballots read by machine, end to end through the counting committee's pages: print the
session's ballots, fill them (the corpus generator), degrade them as scans, upload, read,
adjudicate, reconcile with a typed second reading, certify, count; and the refusals."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from pypdf import PdfReader

from canbo.audit.models import AuditEntry
from canbo.core.errors import Conflict
from canbo.paper import corpus, printing
from canbo.paper.layout import BallotKind, Layout
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import count as count_svc
from canbo.services.voting import paper as paper_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import Medium, SessionId
from canbo.voting import models
from canbo.voting.paper_store import DjangoPaperUnitOfWork

from .voting_builders import Hall, check_in, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)

DPI = 200
# What each of four voters marked, by printed line (order 1..3).
TRUTH: list[dict[int, str]] = [
    {1: "high", 2: "mid", 3: "low"},
    {1: "high", 2: "high", 3: "blank"},
    {1: "mid", 2: "high", 3: "low"},
    {1: "high", 2: "several", 3: "mid"},
]
AS_LINE = {"blank": "none"}


@pytest.fixture(autouse=True)
def _scans_dir(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "files")


def closed_with_paper(paper: int) -> Hall:
    h = hall()
    check_in(h, h.persons[:paper], Medium.PAPER, site=1)
    check_in(h, h.persons[paper:])
    open_vote(h)
    vote_svc.close_vote(DjangoPaperUnitOfWork(), SYSTEM, h.session)
    return h


def signed_in(actor: Actor) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(pk=actor.account_id))
    return client


def scans(
    pdf: bytes, layout: Layout, truths: Sequence[Mapping[int, str]], folder: Path, seed: int
) -> list[Path]:
    """The printed sheets filled with ``truths`` and degraded lightly as scanner output."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for i, truth in enumerate(truths):
            page = corpus.rasterize(doc, i, DPI)
            filled = corpus.fill(layout, page, truth, "tick", rng)
            if i == len(truths) - 1:
                _speck(filled, layout, order=3, box="low")
            path = folder / f"to-{i + 1}.jpg"
            path.write_bytes(_lightly_scanned(filled, rng))
            out.append(path)
    finally:
        doc.close()
    return out


def _lightly_scanned(page: np.ndarray, rng: np.random.Generator) -> bytes:
    """A light scanner: the sheet shifted on a larger bed, a little blur and noise, JPEG.
    (Turned sheets are the reader's own tests and bench: here the flow is under test.)"""
    top, left = (int(v) for v in rng.integers(20, 80, 2))
    bed = cv2.copyMakeBorder(page, top, 60, left, 60, cv2.BORDER_CONSTANT, value=255)
    bed = cv2.GaussianBlur(bed, (3, 3), 0.6)
    noisy = np.clip(bed + rng.normal(0, 3, bed.shape), 0, 255).astype(np.uint8)
    ok, data = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return bytes(data.tobytes())


def _speck(image: np.ndarray, layout: Layout, order: int, box: str) -> None:
    """A small dot in a box beside a clear mark: too much ink to be empty, too little to be
    a mark, so the reader sends the line to the committee."""
    scale = image.shape[1] / layout.pages[0].width_mm
    b = next(r for r in layout.rows if r.order == order).boxes[box]
    side = 0.12 * b.w
    x, y = (b.x + (b.w - side) / 2) * scale, (b.y + (b.h - side) / 2) * scale
    image[int(y) : int(y + side * scale), int(x) : int(x + side * scale)] = 40


def upload(client: Client, sid: int, paths: Sequence[Path]) -> Any:
    files = [io.BytesIO(p.read_bytes()) for p in paths]
    for f, p in zip(files, paths, strict=True):
        f.name = p.name
    return client.post(f"/bo-phieu/{sid}/phieu-giay/tai-len/", {"scans": files})


def print_session(client: Client, sid: int, copies: int) -> tuple[bytes, Layout]:
    response = client.post(f"/bo-phieu/{sid}/phieu-giay/in/", {"copies": copies, "paper": "a4"})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    run = models.PrintRun.objects.get(session_id=sid)
    return response.content, Layout.from_json(json.dumps(run.layout))


def assert_clean(client: Client, paths: Sequence[str], username: str) -> None:
    from tests.e2e.test_crawler import ENGLISH_TELLS, Page, machine_values

    raw = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, machine_values())) + r")(?![\w-])")
    for path in paths:
        client.get(path)  # warm
        started = time.perf_counter()
        response = client.get(path)
        seconds = time.perf_counter() - started
        assert response.status_code == 200, path
        assert seconds < 0.5, f"{path} took {seconds:.3f} s"
        page = Page()
        page.feed(response.content.decode())
        # The serials are random base32 (a "THE" inside one is no English).
        text = re.sub(r"\b[A-Z2-7]{12}\b", " ", page.visible.replace(username, " "))
        assert not raw.findall(text), (path, raw.findall(text))
        english = {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH_TELLS}
        assert not english, (path, english)


def test_print_read_adjudicate_reconcile_certify_count(tmp_path: Path) -> None:
    h = closed_with_paper(paper=4)
    c1, c2 = h.counters
    first, second = signed_in(c1), signed_in(c2)
    pdf, layout = print_session(first, h.session, 4)
    run = models.PrintRun.objects.get(session_id=h.session)
    assert run.copies == 4 and run.printed_by_id == c1.account_id and len(run.fingerprint) == 64
    paths = scans(pdf, layout, TRUTH, tmp_path / "scans", seed=7)
    answer = upload(first, h.session, paths)
    assert answer.status_code == 302, answer.content[:800]
    batch = models.ScanBatch.objects.get(session_id=h.session)
    page = first.get(f"/bo-phieu/{h.session}/phieu-giay/lo/{batch.pk}/").content.decode()
    sheets = {Path(s.file).stem: s for s in models.ScannedSheet.objects.filter(batch=batch)}
    assert len(sheets) == 4 and all(s.status != "refused" for s in sheets.values()), [
        (s.file, s.status, s.reason) for s in sheets.values()
    ]
    assert "data-count-refused>0<" in page
    serial_of = {i: sheets[f"to-{i + 1}"].serial for i in range(4)}
    # The print run keeps the layout and the count, never the serials printed.
    assert not any(serial in json.dumps(run.layout) for serial in serial_of.values())
    # The sheet page draws the marks over the scan.
    one = sheets["to-1"]
    assert (
        "Tín nhiệm cao"
        in first.get(f"/bo-phieu/{h.session}/phieu-giay/to/{one.pk}/").content.decode()
    )
    overlay = first.get(f"/bo-phieu/{h.session}/phieu-giay/to/{one.pk}/anh.png")
    assert overlay.status_code == 200 and overlay.content.startswith(b"\x89PNG")
    # What the reader was not certain of is decided by the committee, from the crop.
    assert sum(len(s.review) for s in sheets.values()) >= 1
    for s in sheets.values():
        index = int(Path(s.file).stem.split("-")[1]) - 1
        for order in s.review:
            crop = first.get(f"/bo-phieu/{h.session}/phieu-giay/to/{s.pk}/dong/{order}.png")
            assert crop.status_code == 200 and crop.content.startswith(b"\x89PNG")
            value = AS_LINE.get(TRUTH[index][order], TRUTH[index][order])
            prefix = f"d{s.pk}-{order}"
            done = first.post(
                f"/bo-phieu/{h.session}/phieu-giay/xem-lai/",
                {"sheet": s.pk, "order": order, "prefix": prefix, f"{prefix}-value": value},
            )
            assert done.status_code == 302, done.content[:800]
    queue = first.get(f"/bo-phieu/{h.session}/phieu-giay/xem-lai/").content.decode()
    assert "data-queue-empty" in queue
    # Certifying before the second reading is refused, in words.
    refused = first.post(f"/bo-phieu/{h.session}/phieu-giay/doi-chieu/", {"certify": "1"})
    assert refused.status_code == 409
    assert "phiếu chưa nhập lần hai" in refused.content.decode()
    # The second reading, typed by serial by the other member; the typist misreads one line.
    persons = [int(p) for p in run.persons]
    typed = [dict(t) for t in TRUTH]
    typed[0][2] = "low"
    for i, truth in enumerate(typed):
        fields = {"serial": serial_of[i].lower()}
        fields |= {f"p{persons[o - 1]}": AS_LINE.get(v, v) for o, v in truth.items()}
        saved = second.post(f"/bo-phieu/{h.session}/phieu-giay/doc-lan-hai/", fields)
        assert saved.status_code == 200 and "Đã lưu phiếu" in saved.content.decode()
    listing = first.get(f"/bo-phieu/{h.session}/phieu-giay/doi-chieu/").content.decode()
    assert listing.count("data-disagreement") == 1
    assert "Tín nhiệm thấp" in listing and serial_of[0] in listing
    still_open = first.post(f"/bo-phieu/{h.session}/phieu-giay/doi-chieu/", {"certify": "1"})
    assert still_open.status_code == 409
    decided = first.post(
        f"/bo-phieu/{h.session}/phieu-giay/doi-chieu/",
        {"serial": serial_of[0], "order": 2, "value": "mid", "reason": "Xem phiếu gốc"},
    )
    assert decided.status_code == 302, decided.content[:800]
    certified = first.post(f"/bo-phieu/{h.session}/phieu-giay/doi-chieu/", {"certify": "1"})
    assert certified.status_code == 302, certified.content[:800]
    readings = models.PaperReading.objects.filter(session_id=h.session)
    assert readings.count() == 4 and {r.source for r in readings} == {"scan"}
    actions = set(
        AuditEntry.objects.filter(object_id=str(h.session)).values_list("action", flat=True)
    )
    assert {"vote.paper_print", "vote.paper_scan", "vote.paper_reconcile"} <= actions
    assert "vote.paper_certify" in actions
    # The count, results and minutes are those of typed paper ballots.
    count_svc.count(DjangoPaperUnitOfWork(), c1, h.session, h.shares)
    version = models.ResultVersion.objects.get(session_id=h.session)
    lines = {ln.person_id: (ln.high, ln.mid, ln.low, ln.invalid) for ln in version.lines.all()}
    expected = {}
    for o, person in enumerate(persons, start=1):
        values = [t[o] for t in TRUTH]
        expected[person] = (
            values.count("high"),
            values.count("mid"),
            values.count("low"),
            values.count("blank") + values.count("several"),
        )
    assert lines == expected
    minutes = first.get(f"/bo-phieu/{h.session}/bien-ban-kiem-phieu.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(minutes.content)).pages)
    printed = " ".join(text.split())
    assert "Số phiếu thu về: 4 (điện tử: 0, giấy: 4)" in printed
    for subject in models.VoteSubject.objects.filter(session_id=h.session).select_related("person"):
        high, mid, low, invalid = expected[subject.person_id]
        line = f"{subject.person.full_name} {subject.position} {4 - invalid} {invalid} {high} "
        assert line in printed
        rest = printed.split(line)[1].split()
        assert (rest[1], rest[3]) == (str(mid), str(low)), rest[:6]
    # The committee's pages read in Vietnamese, without raw values, each under 500 ms.
    pages = ["quet/", f"lo/{batch.pk}/", f"to/{one.pk}/", "xem-lai/", "doc-lan-hai/", "doi-chieu/"]
    assert_clean(first, [f"/bo-phieu/{h.session}/phieu-giay/{p}" for p in pages], "kiemphieu1")


def test_sheets_of_another_session_and_scanned_twice_are_refused(tmp_path: Path) -> None:
    h = closed_with_paper(paper=2)
    client = signed_in(h.counters[0])
    pdf, layout = print_session(client, h.session, 2)
    mine = scans(pdf, layout, TRUTH[:1], tmp_path / "mine", seed=3)
    # A reprint keeps the layout (new serials), so sheets of both prints are read alike.
    again = client.post(f"/bo-phieu/{h.session}/phieu-giay/in/", {"copies": 1, "paper": "a4"})
    assert again.status_code == 200
    first_run, reprint = models.PrintRun.objects.filter(session_id=h.session).order_by("pk")
    assert reprint.reprint_of_id == first_run.pk and reprint.fingerprint == first_run.fingerprint
    mine += scans(again.content, layout, TRUTH[1:2], tmp_path / "reprint", seed=5)
    # The same names printed elsewhere (the offline printer): another layout, another session.
    spec = printing.BallotSpec(
        kind=BallotKind.CONFIDENCE,
        candidates=tuple(printing.Candidate(r.order, r.name, r.position) for r in layout.rows),
    )
    job = printing.render(spec, 1)
    other = scans(job.pdf, job.layout, TRUTH[:1], tmp_path / "other", seed=4)
    other[0] = other[0].rename(other[0].with_name("khac" + other[0].suffix))
    assert upload(client, h.session, [*mine, *other]).status_code == 302
    assert upload(client, h.session, mine).status_code == 302
    rows = list(models.ScannedSheet.objects.filter(batch__session_id=h.session).order_by("pk"))
    assert [Path(r.file).stem for r in rows] == ["to-1", "to-1", "khac", "to-1", "to-1"]
    assert rows[0].status != "refused" and rows[1].status != "refused"
    assert rows[0].serial != rows[1].serial
    assert rows[2].status == "refused" and rows[2].reason in {"other_layout", "other_session"}
    assert [(r.status, r.reason) for r in rows[3:]] == [("refused", "duplicate_serial")] * 2
    batch = rows[3].batch_id
    page = client.get(f"/bo-phieu/{h.session}/phieu-giay/lo/{batch}/").content.decode()
    assert "Trùng số phiếu đã đọc" in page and "QĐ 96-QĐ/TW" in page and "CV-14" not in page
    # Certifying with the first sheet's second reading missing is refused.
    with pytest.raises(Conflict) as open_items:
        paper_svc.certify(DjangoPaperUnitOfWork(), h.counters[0], SessionId(h.session))
    assert open_items.value.code == "paper_open_items"
    assert open_items.value.citation is not None
    assert open_items.value.citation.rule_id == "EL-07"
    assert not models.PaperReading.objects.filter(session_id=h.session).exists()


def test_only_the_counting_committee_sees_the_paper_screens() -> None:
    h = closed_with_paper(paper=1)
    staff = get_user_model().objects.create_user("thuky-giay", password="x")
    outsider = Client()
    outsider.force_login(staff)
    assert outsider.get(f"/bo-phieu/{h.session}/phieu-giay/quet/").status_code in (403, 404)
    answer = outsider.post(f"/bo-phieu/{h.session}/phieu-giay/in/", {"copies": 1, "paper": "a4"})
    assert answer.status_code in (403, 404)
    assert not models.PrintRun.objects.exists()
    page = signed_in(h.counters[0]).get(f"/bo-phieu/{h.session}/phieu-giay/quet/")
    assert page.status_code == 200 and "In phiếu" in page.content.decode()
