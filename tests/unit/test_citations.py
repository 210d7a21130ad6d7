"""The shipped citation table: every rule ID the product uses resolves to a document (and, when
checked, an article), and a citation reads as document, article and clause, never a bare ID."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canbo.core
from canbo.core.citations import (
    BARE_RULE_ID,
    RULES,
    Confidence,
    Provision,
    RuleText,
    lookup,
    resolve,
)
from canbo.core.citations.model import table
from canbo.core.errors import Citation

CANBO = Path(__file__).resolve().parents[2] / "canbo"
RULE_ID = re.compile(
    r"\b(?:GEN|CV|NA|EL|CL|CL124|CL132|CLS|PL|AP|TR|ST|PC|OR|RA|DOC|FRM|WP)-\d{2}[a-z]?\b"
)
SOURCES = ("*.py", "*.html", "*.txt", "*.po")


def _ids_in_source() -> set[str]:
    found: set[str] = set()
    for pattern in SOURCES:
        for path in CANBO.rglob(pattern):
            if "citations" not in path.parts:
                found.update(RULE_ID.findall(path.read_text(encoding="utf-8")))
    return found


def _ids_in_rulebooks() -> set[str]:
    """Rule IDs the rulebooks list (some as ranges, so they are not all spelled in the source)."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(canbo.core.__path__, "canbo.core."):
        for value in vars(importlib.import_module(info.name)).values():
            rules = getattr(value, "rules", None)
            if isinstance(rules, tuple) and all(isinstance(r, str) for r in rules):
                found.update(r for r in rules if RULE_ID.fullmatch(r))
    return found


USED = sorted(_ids_in_source() | _ids_in_rulebooks())


def test_the_source_tree_uses_rule_ids_and_the_table_lists_them_all() -> None:
    assert len(USED) > 100
    assert set(USED) <= set(RULES), sorted(set(USED) - set(RULES))


@pytest.mark.parametrize("rule_id", USED)
def test_every_rule_id_used_in_the_product_resolves(rule_id: str) -> None:
    found = lookup(rule_id)
    assert found is not None, f"{rule_id} has no entry in canbo.core.citations"
    assert found.rule_id == rule_id


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_entry_names_its_documents_and_is_marked_honestly(rule: RuleText) -> None:
    assert rule.document.strip()
    assert rule.statement.strip() and rule.statement_en.strip()
    assert rule.source.startswith(("http://", "https://"))
    documents = [p.document for p in rule.provisions]
    assert len(documents) == len(set(documents)), "one provision per document"
    for provision in rule.provisions:
        if provision.confidence is Confidence.TEXT:
            assert provision.article.startswith("Điều "), provision
        if provision.clause:
            assert provision.article, provision
        assert rule.rule_id not in provision.text
    assert not BARE_RULE_ID.search(rule.statement + rule.statement_en)


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_a_citation_in_each_document_of_a_rule_reads_its_article(rule: RuleText) -> None:
    for provision in rule.provisions:
        cited = Citation(provision.document, rule_id=rule.rule_id)
        assert str(cited) == provision.text
        assert cited.article == provision.article and cited.clause == provision.clause
        assert cited.statement == rule.statement


def test_the_per_document_article_is_picked_by_the_citation_document() -> None:
    assert str(Citation("NQ 96/2023/QH15", rule_id="NA-01")) == "NQ 96/2023/QH15, Điều 2"
    assert str(Citation("NQ 35/2012/QH13", rule_id="NA-01")) == "NQ 35/2012/QH13, Điều 1"
    assert lookup("EL-16", "QĐ 244-QĐ/TW").text == "QĐ 244-QĐ/TW, Điều 17"  # type: ignore[union-attr]
    assert lookup("EL-16").text == "QĐ 190-QĐ/TW, Điều 15"  # type: ignore[union-attr]
    # An article of another document would send the reader to the wrong text.
    assert resolve("CV-17", "QĐ 262-QĐ/TW") is None
    assert str(Citation("QĐ 262-QĐ/TW", rule_id="CV-17")) == "QĐ 262-QĐ/TW"


def test_the_article_follows_its_own_document_when_a_citation_names_several() -> None:
    both = "QĐ 366-QĐ/TW; HD 43-HD/BTCTW"
    assert str(Citation(both, rule_id="CL-07")) == "QĐ 366-QĐ/TW, Điều 11, khoản 1; HD 43-HD/BTCTW"
    assert str(Citation("HD 21-HD/BTCTW; QĐ 124-QĐ/TW", rule_id="CL-13")) == (
        "QĐ 124-QĐ/TW, Điều 12; HD 21-HD/BTCTW"
    )
    noted = Citation("QĐ 124-QĐ/TW (default for QĐ 366 — mặc định)", rule_id="CL-13")
    assert noted.article == "Điều 12"
    paired = Citation("Bộ luật Lao động 2019; NĐ 135/2020/NĐ-CP", "Điều 169, khoản 2; Điều 4")
    assert str(paired) == "Bộ luật Lao động 2019, Điều 169, khoản 2; NĐ 135/2020/NĐ-CP, Điều 4"


def test_an_explicit_article_is_kept_and_gets_the_clause_of_the_table() -> None:
    assert str(Citation("QĐ 96-QĐ/TW", "Điều 6", rule_id="CV-14")) == "QĐ 96-QĐ/TW, Điều 6, khoản 1"
    kept = Citation("QĐ 244-QĐ/TW", "Điều 99", rule_id="EL-13")
    assert (kept.article, kept.clause) == ("Điều 99", "")


def test_as_dict_keeps_the_rule_id_as_a_machine_field_and_gives_text_and_statement() -> None:
    data = Citation("QĐ 96-QĐ/TW", rule_id="CV-07", unconfirmed=("cv_x",)).as_dict()
    assert data["rule_id"] == "CV-07"
    assert data["text"] == "QĐ 96-QĐ/TW, Điều 3, khoản 2"
    assert data["statement"].startswith("Hội nghị lấy phiếu chỉ được tiến hành")
    assert data["statement_en"] and data["unconfirmed"] == ["cv_x"]


def test_a_rule_missing_from_the_table_still_renders_without_its_id() -> None:
    cited = Citation("QĐ 999-QĐ/TW", rule_id="XX-99")
    assert str(cited) == "QĐ 999-QĐ/TW" and cited.statement == "" and cited.rule is None


@given(
    rule_id=st.sampled_from(sorted(RULES)),
    document=st.one_of(
        st.sampled_from(sorted({p.document for r in RULES.values() for p in r.provisions})),
        st.text(min_size=1, max_size=40).filter(lambda s: not BARE_RULE_ID.search(s)),
    ),
    article=st.sampled_from(["", "Điều 1", "Điều 11"]),
)
def test_a_citation_never_reads_as_a_bare_rule_id(
    rule_id: str, document: str, article: str
) -> None:
    text = str(Citation(document, article, rule_id=rule_id))
    assert f"[{rule_id}]" not in text and BARE_RULE_ID.search(text) is None
    assert Citation(document, article, rule_id=rule_id).as_dict()["text"] == text


def test_the_table_refuses_what_it_cannot_stand_behind() -> None:
    with pytest.raises(ValueError, match="has an article"):
        Provision("QĐ 96-QĐ/TW", confidence=Confidence.TEXT)
    with pytest.raises(ValueError, match="clause without"):
        Provision("QĐ 96-QĐ/TW", clause="khoản 1")
    rule = RULES["CV-07"]
    with pytest.raises(ValueError, match="listed twice"):
        table((rule, rule))
    with pytest.raises(ValueError, match="not a rule ID"):
        RuleText("CV 7", "QĐ 96-QĐ/TW", "", "", "x", "x", "", Confidence.UNCONFIRMED)


def _user_strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are not docstrings, not keyword ``rule_id``/``rule``
    values, and not an ID alone (a machine code)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))
        if isinstance(node, ast.keyword) and node.arg in ("rule_id", "rule"):
            skip.add(id(node.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and not RULE_ID.fullmatch(node.value.strip())
        and RULE_ID.search(node.value)
    ]


def test_no_message_or_template_shows_a_bare_rule_id() -> None:
    found = []
    for path in CANBO.rglob("*.py"):
        if "citations" in path.parts or "migrations" in path.parts:
            continue
        found += [f"{path.relative_to(CANBO)}:{n}: {s[:80]!r}" for n, s in _user_strings(path)]
    filter_arg = re.compile(r"""(['"])[A-Z0-9]+-\d{2}\1\|(?:cite|rule_statement)""")
    # Template comments never reach a page; they keep their lines so hits keep their numbers.
    comment = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.DOTALL)
    for path in CANBO.rglob("*.html"):
        text = comment.sub(lambda m: "\n" * m.group().count("\n"), path.read_text("utf-8"))
        for n, line in enumerate(text.splitlines(), start=1):
            if RULE_ID.search(filter_arg.sub("", line)):
                found.append(f"{path.relative_to(CANBO)}:{n}")
    assert found == []
