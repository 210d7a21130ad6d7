"""The election documents as PDF: a round's counting minutes (FRM-01, EL-30) and the report of
the congress's election results to the higher committee, which approves them (EL-29).

Both are drawn from stored data through the election use cases (scope checked there), in the
Party document layout of :mod:`canbo.pdf_text`, with the serif fonts of the
confidence minutes (:func:`canbo.voting.exports.register_fonts`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from reportlab.platypus import Flowable, Paragraph, Spacer

from canbo.accounts.actors import actor_for
from canbo.core.elections.model import ELECTION_KIND_LABELS_VI
from canbo.pdf_text import a4_portrait, date_line, markup, para
from canbo.services.elections import reading
from canbo.services.elections.ports import CongressId, ElectionId
from canbo.voting.exports import register_fonts
from canbo.voting.minutes_layout import _pairs, _signer, _styles

from . import minutes_layout
from .uow import DjangoElectionsUnitOfWork

STATUS_VI = {
    "provisional": "chờ chuẩn y",
    "approved": "đã được chuẩn y",
    "tie": "bằng phiếu ở vị trí cuối, chờ đại hội quyết định",
    "shortfall": "chưa bầu đủ số lượng",
    "closed_unfilled": "kết thúc, không bầu được",
}


def _local(value: Any) -> Any:
    return timezone.localtime(value) if value is not None else None


def minutes_pdf(m: reading.MinutesData) -> bytes:
    rnd = dataclasses.replace(
        m.round,
        counted_at=_local(m.round.counted_at),
        minutes_signed_at=_local(m.round.minutes_signed_at),
    )
    m = dataclasses.replace(m, round=rnd)
    day = (rnd.counted_at or timezone.now()).date()
    story = minutes_layout.story(m, register_fonts(), date_line(m.info.place, day))
    return a4_portrait(story, "Biên bản kiểm phiếu bầu cử")


def minutes_response(
    request: HttpRequest, congress_id: int, election_id: int, round_id: int
) -> HttpResponse:
    m = reading.minutes(
        DjangoElectionsUnitOfWork(),
        actor_for(request.user),
        CongressId(congress_id),
        ElectionId(election_id),
        round_id,
    )
    response = HttpResponse(minutes_pdf(m), content_type="application/pdf")
    name = f"bien-ban-kiem-phieu-bau-cu-{election_id}-vong-{m.round.number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def _election_block(st: dict[str, Any], e: Any, results: list[Any]) -> list[Flowable]:
    words = minutes_layout.TITLE_WORDS.get(str(e.kind))
    label = words.format(unit="").strip() if words else ELECTION_KIND_LABELS_VI[e.kind].lower()
    out: list[Flowable] = [
        markup(
            "<b>Bầu {label}</b>: số lượng bầu {k}{alt}; tình trạng: {status}.",
            st["body"],
            label=label,
            k=e.seats,
            alt=f" và {e.alternate_seats} dự khuyết" if e.alternate_seats else "",
            status=STATUS_VI.get(str(e.status), "đang tiến hành"),
        )
    ]
    for number, res in enumerate(results, start=1):
        by_name = {c["name"]: c for c in res["candidates"]}
        out.append(
            markup(
                "Vòng {n}: số dùng để tính kết quả {d} ({cite}); phiếu thu về {c}, hợp lệ {v}.",
                st["item"],
                n=number,
                d=res["denominator"]["value"],
                cite=res["denominator"]["citation"]["text"],
                c=res["figures"]["collected"],
                v=res["figures"]["valid"],
            )
        )
        for name in res["elected"]:
            c = by_name[name]
            out.append(
                markup(
                    "- Đồng chí {name}: {v} phiếu ({p}), trúng cử.",
                    st["item"],
                    name=name,
                    v=c["votes"],
                    p=c["percent_text"],
                )
            )
        for name in res.get("alternates", []):
            out.append(markup("- Đồng chí {name}: dự khuyết.", st["item"], name=name))
    return out


def report_pdf(info: Any, found: list[Any]) -> bytes:
    """The report of the election results to the higher committee (EL-29)."""
    st = _styles(register_fonts())
    day = info.closes_on or info.opens_on
    story: list[Flowable] = [
        minutes_layout.header_for(info, st, date_line(info.place, day), "ĐOÀN CHỦ TỊCH", "BC/ĐH"),
        Paragraph("BÁO CÁO", st["title"]),
        para("Kết quả bầu cử tại " + info.name, st["sub"]),
        markup("Kính gửi: {to}.", st["body"], to=info.parent_unit_name or "." * 40),
        markup(
            "{name}, họp ngày {day} tại {place}, báo cáo kết quả bầu cử để cấp ủy cấp trên "
            "xem xét, chuẩn y:",
            st["body"],
            name=minutes_layout.congress_name(info),
            day=info.opens_on.strftime("%d/%m/%Y"),
            place=info.place or "-",
        ),
    ]
    for e, results in found:
        story += _election_block(st, e, results)
    if not found:
        story.append(Paragraph("Chưa có kết quả bầu cử.", st["body"]))
    story += [Spacer(1, 14), _pairs([([], Spacer(1, 1)), _signer(st, ["T/M ĐOÀN CHỦ TỊCH"], "")])]
    return a4_portrait(story, "Báo cáo kết quả bầu cử")


def report_response(request: HttpRequest, congress_id: int) -> HttpResponse:
    info, found = reading.announced(
        DjangoElectionsUnitOfWork(), actor_for(request.user), CongressId(congress_id)
    )
    response = HttpResponse(report_pdf(info, found), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bao-cao-ket-qua-bau-cu-{congress_id}.pdf"'
    return response
