"""``canbo election results``: who is elected in one Party election round, from a votes table.

A thin adapter like ``canbo confidence results``: read the counts file (``name,votes`` in
ballot order; UTF-8, BOM tolerated), call
:func:`canbo.services.elections.calculator.calculate_election`, print JSON, CSV or a one-page
PDF result sheet. Any refusal (bad input, a rule, counts that do not reconcile) is printed to
stderr in Vietnamese and English, naming the failed check, with exit code 2, and nothing goes
to stdout. See docs/elections.md, "Result calculator".
"""

from __future__ import annotations

from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from canbo.core.clock import SystemClock
from canbo.core.elections.checks import CHECK_LABELS_EN, CHECK_LABELS_VI
from canbo.core.elections.model import (
    ELECTION_KIND_LABELS_VI,
    SUBTRACTION_LABELS_VI,
    CongressKind,
    ElectionKind,
    Subtraction,
)
from canbo.core.errors import DomainError, ImportRejected
from canbo.refusals import bilingual
from canbo.results_cli import (
    EXIT_REFUSED,
    count_arg,
    date_arg,
    param_arg,
    read_counts,
    refusal_text,
    register_pdf_font,
    require_reportlab,
    write_output,
)
from canbo.services.elections.calculator import (
    ElectionCalculation,
    ElectionCalculatorRequest,
    calculate_election,
    render_csv,
    render_json,
    to_dict,
)

SUBTRACTION_FLAGS = {
    "temp_elsewhere": Subtraction.TEMP_ELSEWHERE,
    "exempt_absent": Subtraction.EXEMPT_ABSENT,
    "suspended": Subtraction.SUSPENDED,
    "prosecuted": Subtraction.PROSECUTED,
    "absent_accepted": Subtraction.ABSENT_ACCEPTED,
    "committee_absent": Subtraction.COMMITTEE_ABSENT,
    "absent_no_alternate": Subtraction.ABSENT_NO_ALTERNATE,
}
"""Option destination -> reason taken out of the base (``--temp-elsewhere`` ... EL-19, EL-20)."""


def _positive(text: str) -> int:
    value = count_arg(text)
    if value < 1:
        raise ArgumentTypeError(f"not a whole number above 0: {text!r}")
    return value


def _check_lines(exc: DomainError) -> list[str]:
    """One line per failed EL-30 check: its name and what went wrong, in both languages."""
    out = []
    checks = exc.fields.get("checks", [])
    details = exc.fields.get("details", [])
    for i, key in enumerate(checks):
        fields = details[i] if i < len(details) else {}
        words = DomainError(exc.fields["messages"][i], **fields)
        vi, en = bilingual(words)
        names = fields.get("names") or []
        who = f" ({', '.join(str(n) for n in names)})" if names else ""
        out.append(f"  [{key}] {CHECK_LABELS_VI[key]}: {vi}{who}")
        out.append(f"  [{key}] {CHECK_LABELS_EN[key]}: {en}{who}")
    return out


def _refusal(exc: DomainError) -> str:
    if isinstance(exc, ImportRejected):
        return refusal_text(exc, "Tệp số phiếu bị từ chối / The counts file was refused:")
    vi, en = bilingual(exc)
    if exc.code == "subtraction_reason_not_allowed":
        flag = "--" + str(exc.fields.get("reason", "")).replace("_", "-")
        vi, en = f"{vi} ({flag}, --congress {exc.fields.get('kind')})", f"{en} ({flag})"
    text = f"{vi}\n{en}" if vi != en else f"{exc.code}: {en}"
    if exc.code == "election_counts_do_not_reconcile":
        text = "\n".join([text, *_check_lines(exc)])
    if exc.citation is not None:
        text += f"\n({exc.citation})"
    return text


class Command(BaseCommand):
    help = "Who is elected in one Party election round, from a name,votes CSV."
    requires_system_checks: tuple[str, ...] = ()  # offline: reads no database

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--counts", required=True, type=Path, help="name,votes CSV file")
        parser.add_argument("--seats", required=True, type=_positive, help="number to elect")
        parser.add_argument("--congress", required=True, choices=[str(k) for k in CongressKind])
        parser.add_argument("--convened", required=True, type=count_arg)
        for dest in SUBTRACTION_FLAGS:
            parser.add_argument(f"--{dest.replace('_', '-')}", dest=dest, type=count_arg, default=0)
        for name in ("issued", "collected", "invalid"):
            parser.add_argument(f"--{name}", required=True, type=count_arg)
        parser.add_argument("--alternate-seats", type=count_arg, default=0)
        parser.add_argument("--kind", choices=[str(k) for k in ElectionKind])
        parser.add_argument("--rulebook", help="rulebook id, e.g. QD190_2024")
        parser.add_argument("--date", type=date_arg, help="date of the vote, YYYY-MM-DD (today)")
        parser.add_argument("--param", action="append", type=param_arg, default=[])
        parser.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
        parser.add_argument("--output", help="write to this file instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        require_reportlab(options["format"])
        request = self._request(options)
        try:
            calc = calculate_election(request)
        except DomainError as exc:
            raise CommandError(_refusal(exc), returncode=EXIT_REFUSED) from exc
        texts = {"json": render_json, "csv": render_csv}
        write_output(self, options["format"], options["output"], calc, texts, render_pdf)

    def _request(self, options: dict[str, Any]) -> ElectionCalculatorRequest:
        text = read_counts(options["counts"])
        vote_date = options["date"]
        if vote_date is None and not options["rulebook"]:
            vote_date = SystemClock().today()  # the vote's day in Vietnam
        kind = options["kind"]
        return ElectionCalculatorRequest(
            counts_text=text,
            seats=options["seats"],
            congress=CongressKind(options["congress"]),
            convened=options["convened"],
            issued=options["issued"],
            collected=options["collected"],
            invalid=options["invalid"],
            subtractions={reason: options[dest] for dest, reason in SUBTRACTION_FLAGS.items()},
            vote_date=vote_date,
            rulebook_id=options["rulebook"],
            kind=ElectionKind(kind) if kind else None,
            alternate_seats=options["alternate_seats"],
            parameters=dict(options["param"]),
        )


BASE_TEXT = {
    "cell": "Tổng số đảng viên chính thức được triệu tập",
    "members": "Tổng số đảng viên chính thức được triệu tập",
    "delegates": "Tổng số đại biểu chính thức được triệu tập",
    "conference": "Tổng số thành viên được triệu tập",
}


def _outcome(c: dict[str, Any]) -> str:
    if c["elected"]:
        return "Trúng cử"
    if c["alternate"]:
        return "Trúng cử đại biểu dự khuyết"
    if c["tied"]:
        return "Bằng phiếu ở suất cuối"
    if c["over_half"]:
        return "Quá một nửa, ngoài số lượng cần bầu"
    return "Không đủ quá một nửa"


def render_pdf(calc: ElectionCalculation) -> bytes:
    """A one-page A4 result sheet in Vietnamese: the base and its subtractions, votes and
    percentages, the elected, a tie, the checks (reportlab, the bundled sans font)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Flowable

    from canbo.pdf_text import a4_portrait, para, table

    register_pdf_font()
    data = to_dict(calc)
    with translation.override("vi"):
        style = getSampleStyleSheet()["Normal"].clone(
            "canbo", fontName="CanboSans", fontSize=9, leading=11
        )
        title_style = style.clone("title", fontSize=13, leading=16, alignment=1)
        book = data["rulebook"]
        base = data["denominator"]
        kind = ELECTION_KIND_LABELS_VI[ElectionKind(data["election_kind"])]
        story: list[Flowable] = [
            para("KẾT QUẢ BẦU CỬ", title_style),
            para(f"Bầu {kind} — theo {book['document']}", style.clone("sub", alignment=1)),
            para(" ", style),
            para(_seats_line(data), style),
            para(f"{BASE_TEXT[base['kind']]}: {base['convened']}", style),
        ]
        for line in base["subtractions"]:
            label = SUBTRACTION_LABELS_VI[Subtraction(line["reason"])]
            names = f" ({', '.join(line['names'])})" if line["names"] else ""
            story.append(para(f"    Trừ: {label}: {line['count']}{names}", style))
        story += [
            para(
                f"Căn cứ tính kết quả: {base['value']} ({base['citation']['text']}); "
                f"số phiếu tối thiểu để trúng cử: {data['min_votes']} "
                f"(quá một nửa, {data['citation']['text']})",
                style,
            ),
            para(_figures_line(data["figures"]), style),
            para(" ", style),
        ]
        rows: list[list[Any]] = [["TT", "Họ và tên", "Số phiếu", "Tỷ lệ", "Kết quả"]]
        for c in data["candidates"]:
            rows.append([
                c["order"], para(c["name"], style), c["votes"], c["percent_text"],
                para(_outcome(c), style),
            ])  # fmt: skip
        grid = table(rows, repeatRows=1, colWidths=[25, 190, 55, 55, 150])
        grid.setStyle(_grid_style(colors))
        story += [grid, para(" ", style)]
        story += _summary(data, style)
        cite = data["checks"][0]["citation"]["text"] if data["checks"] else ""
        checks: list[list[Any]] = [[f"Kiểm tra số liệu ({cite})", "Kết quả"]]
        for chk in data["checks"]:
            checks.append([para(CHECK_LABELS_VI[chk["rule"]], style), _ok(chk["ok"])])
        grid = table(checks, colWidths=[380, 95])
        grid.setStyle(_grid_style(colors))
        story += [para(" ", style), grid, para(" ", style)]
        unconfirmed = ", ".join(_unconfirmed(data))
        story.append(para(f"Tham số chưa xác nhận: {unconfirmed or 'không có'}.", style))
        story.append(para("Bảng tính kết quả; không thay cho biên bản kiểm phiếu bầu cử.", style))
        return a4_portrait(story, f"Kết quả bầu cử — {book['document']}")


def _unconfirmed(data: dict[str, Any]) -> list[str]:
    """The unconfirmed parameters this result depended on (from its citations)."""
    cites = [data["denominator"]["citation"], data["citation"]]
    cites += [c["citation"] for c in data["candidates"]]
    found = {name for cite in cites for name in cite["unconfirmed"]}
    return sorted(found)


def _ok(ok: bool) -> str:
    return "Đạt" if ok else "Không đạt"


def _seats_line(data: dict[str, Any]) -> str:
    text = f"Số lượng cần bầu: {data['seats']}"
    if data["alternate_seats"]:
        text += f"; đại biểu dự khuyết: {data['alternate_seats']}"
    return text + f"; số người trong danh sách bầu cử: {len(data['candidates'])}."


def _figures_line(figures: dict[str, int]) -> str:
    return (
        f"Số phiếu phát ra: {figures['issued']}; thu vào: {figures['collected']}; "
        f"hợp lệ: {figures['valid']}; không hợp lệ: {figures['invalid']}."
    )


def _summary(data: dict[str, Any], style: Any) -> list[Any]:
    from canbo.pdf_text import para

    out = []
    surplus = data["surplus"]
    if surplus is not None:
        verdict = "trong giới hạn" if surplus["ok"] else "ngoài giới hạn"
        out.append(
            para(
                f"Số dư danh sách: {surplus['names']} người cho {surplus['seats']} suất, "
                f"{verdict} ({surplus['citation']['text']}).",
                style,
            )
        )
    elected = ", ".join(data["elected"]) or "không có"
    out.append(para(f"Trúng cử ({len(data['elected'])}/{data['seats']}): {elected}.", style))
    if data["alternate_seats"]:
        alternates = ", ".join(data["alternates"]) or "không có"
        out.append(para(f"Trúng cử đại biểu dự khuyết: {alternates}.", style))
    if data["tie"]:
        out.append(
            para(
                f"Bằng phiếu ở suất cuối: {', '.join(data['tie'])}; không ai trong số này được "
                "công bố trúng cử, đại hội quyết định (thường bầu tiếp trong số người bằng phiếu).",
                style,
            )
        )
    if data["seats_unfilled"]:
        out.append(para(f"Còn thiếu: {data['seats_unfilled']} người.", style))
    return out


def _grid_style(colors: Any) -> Any:
    from reportlab.platypus import TableStyle

    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "CanboSans"), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])  # fmt: skip
