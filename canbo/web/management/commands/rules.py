"""``canbo rules list | show ID | diff A B [--json]``: the rulebooks canbo applies, and the
regulatory change between two of them (documents, periods, parameters, thresholds, rules)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.core.citations import lookup
from canbo.core.errors import Citation, NotFound
from canbo.core.rulebook import Rulebook
from canbo.core.rulebook_catalog import rulebook_registry
from canbo.core.rulebook_diff import RulebookDiff, diff_rulebooks, period_text, threshold_text


class Command(BaseCommand):
    help = "Rulebooks: list, show one, or diff two (Bộ quy tắc: liệt kê, xem, so sánh)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("list", help="every rulebook, by domain")
        show = sub.add_parser("show", help="one rulebook")
        show.add_argument("rulebook_id")
        show.add_argument("--json", action="store_true")
        diff = sub.add_parser("diff", help="the change from rulebook A to rulebook B")
        diff.add_argument("old")
        diff.add_argument("new")
        diff.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        registry = rulebook_registry()
        try:
            if options["verb"] == "list":
                lines = [_list_line(book) for book in registry.all()]
            elif options["verb"] == "show":
                book = registry.get(options["rulebook_id"])
                lines = [_json(_show(book))] if options["json"] else _show_lines(book)
            else:
                change = diff_rulebooks(registry.get(options["old"]), registry.get(options["new"]))
                lines = [_json(change.as_dict())] if options["json"] else diff_lines(change)
        except NotFound as exc:
            known = ", ".join(exc.fields.get("known", []))
            raise CommandError(
                f"Không có bộ quy tắc / unknown rulebook: {exc.fields.get('rulebook_id')}"
                f" ({known})",
                returncode=2,
            ) from exc
        self.stdout.write("\n".join(lines))


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def _list_line(book: Rulebook) -> str:
    return f"{book.domain}\t{book.rulebook_id}\t{book.document}\t{period_text(book)}"


def _show(book: Rulebook) -> dict[str, Any]:
    return {
        **book.as_dict(),
        "domain": str(book.domain),
        "documents": list(book.documents),
        "specified": book.specified,
        "thresholds": [t.as_dict() for t in book.thresholds],
        "rules": list(book.rules),
    }


def _show_lines(book: Rulebook) -> list[str]:
    lines = [
        f"{book.rulebook_id} ({book.domain})",
        f"Văn bản / Documents: {'; '.join(book.documents)}",
        f"Hiệu lực / Period: {period_text(book)}",
        "Tham số / Parameters:",
    ]
    lines += [f"  {name} = {value!r}" for name, value in book.parameters().items()]
    lines.append("Ngưỡng / Thresholds:")
    lines += [
        f"  {threshold_text(t)} ({Citation(book.document, rule_id=t.rule_id)})"
        for t in book.thresholds
    ]
    lines.append("Quy tắc / Rules:")
    lines += [f"  {_rule_line(rule_id)}" for rule_id in book.rules]
    return lines


def _rule_line(rule_id: str) -> str:
    """A rule as an operator reads it: its ID, where it sits in the text, and what it says."""
    rule = lookup(rule_id)
    if rule is None:
        return rule_id
    where = ", ".join(part for part in (rule.document, rule.article, rule.clause) if part)
    return f"{rule_id}: {where}. {rule.statement}"


def _section(title: str, items: list[str]) -> list[str]:
    return [f"{title}:", *(f"  {item}" for item in items or ["-"])]


def diff_lines(change: RulebookDiff) -> list[str]:
    """The diff as deterministic plain text, one fact a line."""
    old_docs, new_docs = change.documents
    return [
        f"{change.old} -> {change.new}",
        f"Văn bản / Documents: {'; '.join(old_docs)} -> {'; '.join(new_docs)}",
        f"Hiệu lực / Period: {change.periods[0]} -> {change.periods[1]}",
        *_section("Tham số thêm / Parameters added", list(change.params_added)),
        *_section("Tham số bỏ / Parameters removed", list(change.params_removed)),
        *_section(
            "Mặc định đổi / Defaults changed",
            [f"{c.name}: {c.old!r} -> {c.new!r}" for c in change.params_changed],
        ),
        *_section("Ngưỡng thêm / Thresholds added", list(change.thresholds_added)),
        *_section("Ngưỡng bỏ / Thresholds removed", list(change.thresholds_removed)),
        *_section(
            "Ngưỡng đổi / Thresholds changed",
            [f"{c.key}: {c.old} -> {c.new}" for c in change.thresholds_changed],
        ),
        *_section("Quy tắc thêm / Rules added", [_rule_line(r) for r in change.rules_added]),
        *_section("Quy tắc bỏ / Rules removed", [_rule_line(r) for r in change.rules_removed]),
    ]
