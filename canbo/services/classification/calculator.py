"""Use case: the offline classification calculator (handbook classification.md).

Takes the rows of an input table and a cycle year, selects the rulebook (GEN-01), validates
every row (all or nothing), runs the engine and the quota check, and shapes the result as the
documented JSON document or as tables. No Django, no file formats: the adapter in
``canbo.classification.io`` reads and writes files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from canbo.core.classification import columns
from canbo.core.classification.engine import engine_for_cycle
from canbo.core.classification.model import SCORE_SCALE, Proposal, Reason, Subject
from canbo.core.classification.params import Parameters
from canbo.core.classification.quota import QUOTA_CITATION, QuotaLine
from canbo.core.classification.rows import parse_table
from canbo.core.classification.rulebook import Regime, Rulebook, rulebook_for_cycle
from canbo.core.errors import ImportRejected

SCHEMA = "canbo.classification.proposals/1"
SUBJECT_COLUMNS = (
    "id",
    "name",
    "kind",
    "group",
    "score",
    "proposed_level",
    "rules",
    "reasons_vi",
    "reasons_en",
    "unconfirmed",
    "group_over_by",
)
QUOTA_COLUMNS = ("group", "htxs", "htt", "max_htxs", "over_by")


@dataclass(frozen=True, slots=True)
class ProposeCommand:
    """Rows as read from the file (header and one mapping per data row), the cycle and overrides."""

    year: int
    header: Sequence[str]
    rows: Sequence[Mapping[str, str]]
    overrides: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Outcome:
    subject: Subject
    name: str
    proposal: Proposal


@dataclass(frozen=True, slots=True)
class CalculatorResult:
    """Proposals in input order and the quota lines, with the rulebook and parameters used."""

    year: int
    rulebook: Rulebook
    params: Parameters
    outcomes: tuple[Outcome, ...]
    quota: tuple[QuotaLine, ...]

    @property
    def groups_over(self) -> tuple[QuotaLine, ...]:
        return tuple(line for line in self.quota if line.over_by > 0)


def propose(cmd: ProposeCommand) -> CalculatorResult:
    """Propose a level for every row under the rulebook of ``cmd.year`` (CL-12, CL-13).

    Raises ``RuleViolation`` when no rulebook is encoded for the year, ``ValidationError`` for a
    bad parameter override and ``ImportRejected`` with every row error when any row is bad;
    nothing is proposed then. Over-quota groups are reported, never cut.
    """
    info = rulebook_for_cycle(cmd.year)
    params = Parameters().with_overrides(cmd.overrides)
    table = parse_table(cmd.header, cmd.rows, info.regime, params)
    if table.errors:
        raise ImportRejected(list(table.errors), total_rows=len(cmd.rows))
    engine = engine_for_cycle(cmd.year, params)
    proposals = engine.propose_all(table.subjects)
    outcomes = tuple(
        Outcome(s, name, p)
        for s, name, p in zip(table.subjects, table.names, proposals, strict=True)
    )
    return CalculatorResult(cmd.year, info, params, outcomes, tuple(engine.quota(proposals)))


def _reason_dict(reason: Reason) -> dict[str, Any]:
    return {
        "rule": reason.rule,
        "effect": str(reason.effect),
        "level": reason.level.code if reason.level is not None else None,
        "message_vi": reason.message_vi,
        "message_en": reason.message_en,
        "citation": reason.citation.as_dict(),
    }


def _score(subject: Subject) -> float | None:
    return None if subject.score is None else subject.score / SCORE_SCALE


def _level_code(proposal: Proposal) -> str:
    return proposal.level.code if proposal.level is not None else "none"


def to_document(result: CalculatorResult) -> dict[str, Any]:
    """The stable JSON interface (docs/classification-calculator.md, schema ``SCHEMA``)."""
    citation = QUOTA_CITATION[str(result.rulebook.id)].as_dict()
    return {
        "schema": SCHEMA,
        "rulebook": str(result.rulebook.id),
        "rulebook_documents": list(result.rulebook.documents),
        "year": result.year,
        "parameters": result.params.as_dict(),
        "subjects": [
            {
                "id": o.subject.id,
                "name": o.name,
                "kind": str(o.subject.kind),
                "group": o.subject.group,
                "score": _score(o.subject),
                "proposed_level": _level_code(o.proposal),
                "reasons": [_reason_dict(r) for r in o.proposal.reasons],
                "unconfirmed": list(o.proposal.unconfirmed),
            }
            for o in result.outcomes
        ],
        "quota": [
            {
                "group": q.group,
                "htxs": q.htxs,
                "htt": q.htt,
                "max_htxs": q.max_htxs,
                "over_by": q.over_by,
                "rule": "CL-13",
                "citation": citation,
            }
            for q in result.quota
        ],
        "quota_exceeded": bool(result.groups_over),
    }


def subject_table(result: CalculatorResult) -> tuple[tuple[str, ...], list[list[str]]]:
    """One row per subject for CSV or XLSX, with its group's quota excess (CL-13)."""
    over = {q.group: q.over_by for q in result.quota}
    rows = []
    for o in result.outcomes:
        score = _score(o.subject)
        reasons = o.proposal.reasons
        rows.append(
            [
                o.subject.id,
                o.name,
                str(o.subject.kind),
                o.subject.group,
                "" if score is None else f"{score:g}",
                _level_code(o.proposal),
                "; ".join(f"{r.rule} {r.effect}" for r in reasons),
                " | ".join(f"{r.message_vi} ({r.citation})" for r in reasons),
                " | ".join(f"{r.message_en} ({r.citation})" for r in reasons),
                ", ".join(o.proposal.unconfirmed),
                str(over.get(o.subject.group, 0)),
            ]
        )
    return SUBJECT_COLUMNS, rows


def quota_table(result: CalculatorResult) -> tuple[tuple[str, ...], list[list[str]]]:
    """One row per peer group: HTXS, HTT, the maximum HTXS and the excess (CL-13)."""
    rows = [
        [
            q.group,
            str(q.htxs),
            str(q.htt),
            "" if q.max_htxs is None else str(q.max_htxs),
            str(q.over_by),
        ]
        for q in result.quota
    ]
    return QUOTA_COLUMNS, rows


def quota_warnings(result: CalculatorResult) -> list[str]:
    """One bilingual line per group over the quota, naming the group and the excess (CL-13)."""
    pct = result.params.cl_quota_pct
    return [
        f"Nhóm {q.group!r}: {q.htxs} HTXS, tối đa {q.max_htxs} ({pct}% của {q.htt} HTT), vượt "
        f"{q.over_by}; cấp có thẩm quyền quyết định. / Group {q.group!r}: {q.htxs} HTXS, at "
        f"most {q.max_htxs} ({pct}% of {q.htt} HTT), over by {q.over_by}; the competent level "
        "decides."
        for q in result.groups_over
    ]


_EXAMPLES_POINTS = [
    line.split(",")
    for line in (
        "cb-01,Chi bộ Phòng Tổ chức,collective,chi-bo,27,64,10,10,4,0,none,no,,,,",
        "ld-01,Nguyễn Văn An,leader,lanh-dao,28,63.5,8,8,3,0,none,no,100,0,10,cb-01",
        "dv-01,Trần Thị Bình,individual,dang-vien-cb-01,25,55,12,12,2,0,none,no,,,,",
        "dv-02,Lê Văn Cường,member_outside,dang-vien-cb-01,22,40,5,4,0,1,none,no,,,,",
    )
]
_EXAMPLES_GRADES = [
    [*row[:4], grades, results, *row[6:]]
    for row, grades, results in zip(
        _EXAMPLES_POINTS,
        ["xuat_sac", "xuat_sac", "tot", "trung_binh"],
        ["tot", "tot", "tot", "trung_binh"],
        strict=True,
    )
]


def template(year: int) -> tuple[tuple[str, ...], list[list[str]]]:
    """The input header of the cycle's regime and example rows (optional columns left empty)."""
    info = rulebook_for_cycle(year)
    header = columns.template_columns(info.regime)
    examples = _EXAMPLES_POINTS if info.regime is Regime.POINTS else _EXAMPLES_GRADES
    pad = [""] * len(columns.OPTIONAL)
    return header, [[*row, *pad] for row in examples]
