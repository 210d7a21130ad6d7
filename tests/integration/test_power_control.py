"""Power control in an appointment process on the database (QĐ 114-QĐ/TW): a related voter is
asked to recuse before the ballots are issued and the recusal is recorded with no link to any
ballot; a related decider blocks the decision until recusal; the control report lists flags,
recusals, overrides and the decision record with their citations, as a page, XLSX and PDF; the
candidate's dossier PDF names the candidate and the posts."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from canbo.appointments import models as am
from canbo.appointments.control_repository import DjangoControlUnitOfWork
from canbo.audit.log import DjangoAuditLog
from canbo.audit.models import AuditEntry
from canbo.core.errors import Conflict, PermissionDenied, RuleViolation, ValidationError
from canbo.core.types import AccountId, PersonId, Role, UnitKind
from canbo.registry import models as reg
from canbo.services.appointments import control, power
from canbo.services.appointments.ports import ProcessId
from canbo.services.ports import Actor, Grant
from tests import factories as f
from tests.integration.record_builders import client_as

pytestmark = pytest.mark.django_db(transaction=True)

STARTED = dt.date(2026, 9, 1)
TODAY = dt.date(2026, 11, 20)


class Place:
    def __init__(self) -> None:
        central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
        self.province = f.unit(
            "Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central
        )
        self.commune = f.unit(
            "Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, self.province
        )
        cell = f.unit("Chi bộ thôn Na Pô", UnitKind.CELL, self.commune)
        self.hoa = f.person("Lê Thị Hoa", cell, sex=f.Sex.FEMALE, birth=dt.date(1984, 3, 9))
        self.binh = f.person("Trần Văn Bình", cell)
        self.duc = f.person("Phạm Minh Đức", cell)
        self.cuong = f.person("Hoàng Văn Cường", cell)
        self.dung = f.person("Vũ Thị Dung", cell, sex=f.Sex.FEMALE)
        self.staff = Actor(
            AccountId(901), "tochuc.tuyenquang", (Grant(Role.ORG_STAFF, self.province),)
        )
        self.inspector = Actor(
            AccountId(902), "kiemtra.tuyenquang", (Grant(Role.INSPECTOR, self.province),)
        )


def _relative(person: int, relation: str, other: int) -> None:
    reg.Relative.objects.create(
        person_id=person, relation=relation, linked_person_id=other, declared_on=dt.date(2020, 1, 6)
    )


def _process(place: Place, title_name: str = "Phó Chủ tịch Ủy ban nhân dân xã") -> int:
    title = reg.Title.objects.create(code="PCT_UBND_XA", name=title_name, level="commune")
    p = am.AppointmentProcess.objects.create(
        kind="in_place",
        title=title,
        unit_id=place.commune,
        rulebook_id="QD377_2025",
        power_rulebook_id="QD114_2023",
        started_on=STARTED,
        policy_approved_on=STARTED,
        proposer_id=place.binh,
        decider_id=place.duc,
    )
    am.ProcessCandidate.objects.create(process=p, person_id=place.hoa, full_name="Lê Thị Hoa")
    step = am.ProcessStep.objects.create(
        process=p, kind="leadership_first", order=1, status="convened", opened_on=STARTED
    )
    for voter in (place.cuong, place.dung, place.binh):
        am.StepParticipant.objects.create(step=step, person_id=voter, role="voter")
    return int(p.pk)


def test_a_related_voter_is_asked_before_ballots_and_the_recusal_names_no_ballot() -> None:
    place = Place()
    _relative(place.hoa, "sibling", place.cuong)  # Cường is Hoa's brother: found both ways
    pid = ProcessId(_process(place))
    found = power.process_conflicts(DjangoControlUnitOfWork(), pid, TODAY)
    assert [(c.participant.person_id, str(c.action)) for c in found] == [
        (str(place.cuong), "ask_recusal")
    ]
    with pytest.raises(RuleViolation) as refused:
        power.check_before_ballots(DjangoControlUnitOfWork(), pid, "leadership_first", TODAY)
    assert refused.value.code == "related_voter_not_asked"
    assert refused.value.citation is not None and "QĐ 114-QĐ/TW" in str(refused.value.citation)

    power.record_recusal(
        DjangoControlUnitOfWork(), place.staff, pid, "leadership_first",
        PersonId(place.cuong), "recused", "", TODAY, role="voter",
    )  # fmt: skip
    power.check_before_ballots(DjangoControlUnitOfWork(), pid, "leadership_first", TODAY)
    row = am.Recusal.objects.get(process_id=pid)
    assert (row.person_id, row.role, row.outcome, row.step.kind) == (
        place.cuong, "voter", "recused", "leadership_first"
    )  # fmt: skip
    entry = AuditEntry.objects.get(action="appointment.recusal")
    details = json.loads(entry.details)
    assert not {k for k in details if "ballot" in k or "session" in k or "code" in k}
    assert details["person_id"] == place.cuong and details["outcome"] == "recused"


def test_a_voter_cannot_stand_aside_once_ballots_are_issued_but_an_override_is_recorded() -> None:
    place = Place()
    _relative(place.cuong, "sibling", place.hoa)
    pid = ProcessId(_process(place))
    am.ProcessStep.objects.filter(process_id=pid).update(status="voting")
    with pytest.raises(Conflict) as refused:
        power.record_recusal(
            DjangoControlUnitOfWork(), place.staff, pid, "leadership_first",
            PersonId(place.cuong), "recused", "", TODAY,
        )  # fmt: skip
    assert refused.value.code == "recusal_after_ballots"
    with pytest.raises(ValidationError) as no_reason:
        power.record_recusal(
            DjangoControlUnitOfWork(), place.staff, pid, "leadership_first",
            PersonId(place.cuong), "overridden", "  ", TODAY,
        )  # fmt: skip
    assert no_reason.value.code == "recusal_reason_required"
    assert not am.Recusal.objects.exists()


def test_a_related_decider_blocks_the_decision_until_recusal() -> None:
    place = Place()
    _relative(place.duc, "spouse", place.hoa)
    pid = ProcessId(_process(place))
    with pytest.raises(RuleViolation) as refused:
        power.check_before_decision(DjangoControlUnitOfWork(), pid, TODAY)
    assert refused.value.code == "conflict_unresolved"
    assert refused.value.fields["person"] == "Phạm Minh Đức"
    with pytest.raises(ValidationError):  # a stranger to the process cannot be recorded
        power.record_recusal(
            DjangoControlUnitOfWork(), place.staff, pid, "", PersonId(place.dung),
            "recused", "", TODAY,
        )  # fmt: skip
    power.record_recusal(
        DjangoControlUnitOfWork(), place.staff, pid, "", PersonId(place.duc), "recused", "", TODAY
    )
    power.check_before_decision(DjangoControlUnitOfWork(), pid, TODAY)


def test_a_head_may_not_place_a_spouse_in_a_personnel_post_even_after_recusal() -> None:
    place = Place()
    _relative(place.duc, "spouse", place.hoa)
    pid = ProcessId(_process(place, "Trưởng Ban Tổ chức Đảng ủy xã"))
    power.record_recusal(
        DjangoControlUnitOfWork(), place.staff, pid, "", PersonId(place.duc), "recused", "", TODAY
    )
    with pytest.raises(RuleViolation) as refused:
        power.check_before_decision(DjangoControlUnitOfWork(), pid, TODAY)
    assert refused.value.code == "relative_hard_block"
    assert "Luật" in str(refused.value.citation)


def _decided(place: Place) -> ProcessId:
    """A decided process: Cường (related voter) recused, an override of the planning condition,
    the decider with a retirement notice, and the decision's audit entry."""
    _relative(place.hoa, "sibling", place.cuong)
    pid = ProcessId(_process(place))
    power.record_recusal(
        DjangoControlUnitOfWork(), place.staff, pid, "leadership_first",
        PersonId(place.cuong), "recused", "", TODAY,
    )  # fmt: skip
    am.Override.objects.create(
        process_id=pid, person_id=place.hoa, check_key="planning", rule="AP-02",
        decision_ref="15-QĐ/TU", body="Ban Thường vụ Tỉnh ủy", reason="Nhân sự đặc biệt",
        recorded_on=dt.date(2026, 10, 1),
    )  # fmt: skip
    reg.RetirementNotice.objects.create(
        person_id=place.duc, notice_date=dt.date(2026, 8, 1), retirement_date=dt.date(2027, 2, 1)
    )
    am.AppointmentProcess.objects.filter(pk=pid).update(
        status="decided", decided_on=dt.date(2026, 10, 20), decision_ref="27-QĐ/ĐU",
        dossier_received_on=dt.date(2026, 9, 15),
    )  # fmt: skip
    DjangoAuditLog().append(
        place.staff, "appointment.decide", "appointment", str(pid), None, {"status": "decided"},
        {"proposer": place.binh, "appraiser": None, "voters": 3, "decider": place.duc,
         "decided_on": "2026-10-20"},
    )  # fmt: skip
    return pid


def test_the_control_report_lists_flags_recusals_overrides_and_the_decision_record() -> None:
    place = Place()
    pid = _decided(place)
    with pytest.raises(PermissionDenied):  # staff run processes; inspectors read the report
        control.control_report(
            DjangoControlUnitOfWork(), place.staff, place.province, STARTED, TODAY, TODAY
        )
    r = control.control_report(
        DjangoControlUnitOfWork(), place.inspector, place.province, STARTED, TODAY, TODAY
    )
    (p,) = r.processes
    assert p.process_id == pid and p.candidates == ("Lê Thị Hoa",)
    flags = {f.key: str(f.citation) for f in p.flags}
    assert flags["outgoing_head"].startswith("QĐ 114-QĐ/TW")
    assert [(x.person, x.outcome, str(x.citation)) for x in p.recusals] == [
        ("Hoàng Văn Cường", "recused", str(p.recusals[0].citation))
    ]
    assert "QĐ 114-QĐ/TW" in str(p.recusals[0].citation)
    (o,) = p.overrides
    assert (o.person, o.decision_ref) == ("Lê Thị Hoa", "15-QĐ/TU") and "QĐ" in str(o.citation)
    assert not p.open_conflicts
    d = p.decision
    assert d is not None
    assert (d.proposer, d.voters, d.decider, d.decided_on) == (
        "Trần Văn Bình", 3, "Phạm Minh Đức", dt.date(2026, 10, 20)
    )  # fmt: skip
    (u,) = r.units
    assert (u.unit_name, u.processes, u.recusals, u.overrides) == ("Đảng bộ xã Yên Minh", 1, 1, 1)
    assert u.flags == len(p.flags) >= 1


def _pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def test_the_control_report_page_spreadsheet_and_pdf() -> None:
    place = Place()
    pid = _decided(place)
    client = client_as(Role.INSPECTOR, place.province, "kiemtra")
    query = f"?unit=id:{place.province}&start=2026-01-01&end=2026-11-30"
    page = client.get("/kiem-soat/" + query, follow=True)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hoàng Văn Cường" in text and "QĐ 114-QĐ/TW" in text and "15-QĐ/TU" in text
    assert "PC-10" not in text and "ask_recusal" not in text

    book = load_workbook(io.BytesIO(client.get("/bo-nhiem/kiem-soat.xlsx" + query).content))
    units = book["Theo đơn vị"]
    header = next(
        i for i, row in enumerate(units.iter_rows(values_only=True), 1) if row[0] == "Đơn vị"
    )
    row = [c.value for c in units[header + 1]]
    assert row[0] == "Đảng bộ xã Yên Minh" and row[1] == 1 and isinstance(row[2], int)
    decisions = [r for r in book["Ghi nhận quyết định"].iter_rows(values_only=True) if r[0]]
    assert decisions[-1][4] == 3 and decisions[-1][6] == dt.datetime(2026, 10, 20)
    assert units.print_title_rows and units.page_setup.paperSize == 9

    pdf = _pdf_text(client.get("/bo-nhiem/kiem-soat.pdf" + query).content)
    for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Lê Thị Hoa", "Hoàng Văn Cường", "Phạm Minh Đức"):
        assert words in pdf
    assert f"/bo-nhiem/{pid}/" in text


def test_the_panel_records_a_recusal_and_the_dossier_pdf_names_the_candidate() -> None:
    place = Place()
    _relative(place.hoa, "sibling", place.cuong)
    pid = _process(place)
    title = reg.Title.objects.create(
        code="CT_HND", name="Chủ tịch Hội Nông dân xã", level="commune"
    )
    reg.PositionHolding.objects.create(
        person_id=place.hoa, title=title, unit_id=place.commune, how="appointed",
        valid_from=dt.date(2021, 6, 1), decision_ref="08-QĐ/ĐU",
    )  # fmt: skip
    client = client_as(Role.ORG_STAFF, place.province, "tochuc")
    panel = client.get(f"/bo-nhiem/{pid}/kiem-soat/")
    assert panel.status_code == 200 and "data-recusal-form" in panel.content.decode()
    posted = client.post(
        f"/bo-nhiem/{pid}/kiem-soat/tranh/",
        {"person": place.cuong, "role": "voter", "step": "leadership_first", "outcome": "recused"},
    )
    assert posted.status_code == 302
    assert am.Recusal.objects.filter(process_id=pid, person_id=place.cuong).exists()
    dossier = client.get(f"/bo-nhiem/{pid}/ho-so.pdf")
    assert dossier["Content-Type"] == "application/pdf"
    text = _pdf_text(dossier.content)
    for words in ("HỒ SƠ NHÂN SỰ", "Lê Thị Hoa", "Chủ tịch Hội Nông dân xã", "ĐẢNG CỘNG SẢN"):
        assert words in text


def test_the_control_report_reads_a_bounded_number_of_rows_per_process() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    place = Place()
    _decided(place)
    counts = []
    for extra in (0, 9):
        for i in range(extra):
            title = reg.Title.objects.create(code=f"PBT{i}", name="Phó Bí thư", level="commune")
            p = am.AppointmentProcess.objects.create(
                kind="in_place", title=title, unit_id=place.commune, rulebook_id="QD377_2025",
                started_on=STARTED, proposer_id=place.binh, decider_id=place.duc,
            )  # fmt: skip
            am.ProcessCandidate.objects.create(process=p, person_id=place.hoa, full_name="Hoa")
        with CaptureQueriesContext(connection) as queries:
            r = control.control_report(
                DjangoControlUnitOfWork(), place.inspector, place.province, STARTED, TODAY, TODAY
            )
        counts.append((len(r.processes), len(queries)))
    (one, few), (ten, many) = counts
    assert (one, ten) == (1, 10)
    assert (many - few) / 9 <= 20, counts
