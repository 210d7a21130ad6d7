"""Use case: a cell's bulk entry of its members' self-assessed scores from an XLSX template.

canbo generates the template for one unit (its collective and members, with their ids); the
upload is validated as a whole — unknown ids, duplicates, steps already passed, scores out of
range (CL-05) — and refused with every row's problem, or stored as one transaction: nothing is
ever half-imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from canbo.core.classification.lifecycle import SUBJECT_LIFECYCLE, CycleStep, cycle_step
from canbo.core.classification.model import SubjectKind
from canbo.core.classification.rows import error
from canbo.core.classification.rulebook import rulebook_for_cycle
from canbo.core.errors import ImportRejected, RowError
from canbo.core.import_messages import row_error
from canbo.core.names import clean_spacing
from canbo.core.types import UnitId
from canbo.core.validation import text_problem
from canbo.services.classification.compute import load_cycle_for
from canbo.services.classification.cycle import engine_of
from canbo.services.classification.inputs import input_columns, read_scores
from canbo.services.classification.ports import (
    ClassificationUnitOfWork,
    CycleId,
    RecordKind,
    Scores,
    SubjectState,
)
from canbo.services.classification.steps import SELF_ROLES, apply_scores, record_step, require_role
from canbo.services.ports import Actor

EVIDENCE_LIMIT = 2000
"""Characters of evidence per row of a bulk upload."""
HEAD = ("id", "name", "kind")
TAIL = ("evidence",)


def template(
    uow: ClassificationUnitOfWork, actor: Actor, cycle_id: CycleId, unit_id: UnitId
) -> tuple[tuple[str, ...], list[list[str]]]:
    """The upload template of one unit: ids and names filled in, scores left to the cell."""
    with uow:
        cycle = load_cycle_for(uow, actor, cycle_id)
        require_role(uow, actor, unit_id, cycle, SELF_ROLES, "self")
        regime = rulebook_for_cycle(cycle.year).regime
        header = (*HEAD, *input_columns(regime), *TAIL)
        rows = [
            [str(s.pk), s.name, s.kind] + [""] * (len(header) - len(HEAD))
            for s in uow.subjects.of_unit(cycle_id, unit_id)
            if not s.exemption and SUBJECT_LIFECYCLE.allows(s.step, CycleStep.SELF_ASSESS)
        ]
    return header, rows


def _is_blank(values: Mapping[str, str], columns: Sequence[str]) -> bool:
    return not any(str(values.get(c) or "").strip() for c in columns)


def _check_row(
    number: int,
    values: Mapping[str, str],
    subjects: Mapping[str, SubjectState],
    seen: dict[str, int],
) -> tuple[SubjectState | None, list[RowError]]:
    sid = str(values.get("id") or "").strip()
    state = subjects.get(sid)
    if state is None:
        vi, en = "không phải đối tượng của đơn vị trong đợt này", "not a subject of this unit"
        return None, [error(number, "id", "unknown_subject", sid, vi, en)]
    if sid in seen:
        vi, en = f"trùng với dòng {seen[sid]}", f"duplicate of row {seen[sid]}"
        return None, [error(number, "id", "duplicate_id", sid, vi, en)]
    seen[sid] = number
    if state.exemption or not SUBJECT_LIFECYCLE.allows(state.step, CycleStep.SELF_ASSESS):
        vi = "đối tượng không xếp loại hoặc đã qua bước tự đánh giá"
        en = "exempt, or past the self-assessment step"
        return None, [error(number, "id", "step_out_of_order", sid, vi, en)]
    return state, []


def _text_problems(number: int, values: Mapping[str, str]) -> list[RowError]:
    """The evidence is free text: the shared field rules apply (NUL, bidi, markup, formulas)."""
    text = clean_spacing(str(values.get("evidence") or ""))
    if len(text) > EVIDENCE_LIMIT:
        return [row_error(number, "evidence", "too_long", text[:40] + "…", limit=EVIDENCE_LIMIT)]
    problem = text_problem(text)
    if problem is None:
        return []
    return [row_error(number, "evidence", problem[0], problem[1], **problem[2])]


def import_scores(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    cycle_id: CycleId,
    unit_id: UnitId,
    header: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    now: dt.datetime,
) -> int:
    """Validate every row, then store every self-assessment in one transaction (CL-20).

    Rows whose score and task cells are all empty are skipped (not assessed yet). Raises
    ``ImportRejected`` listing every problem by row and column when any row is bad.
    """
    with uow:
        cycle = load_cycle_for(uow, actor, cycle_id)
        cycle_step(cycle.status, CycleStep.SELF_ASSESS)
        require_role(uow, actor, unit_id, cycle, SELF_ROLES, "self")
        regime = rulebook_for_cycle(cycle.year).regime
        params = engine_of(cycle).params
        columns = input_columns(regime)
        errors = [
            error(1, name, "missing_column", "", "thiếu cột", "column is missing")
            for name in ("id", *columns[:6])
            if name not in header
        ]
        if errors:
            raise ImportRejected(errors, total_rows=len(rows))
        subjects = {str(s.pk): s for s in uow.subjects.of_unit(cycle_id, unit_id)}
        seen: dict[str, int] = {}
        accepted: list[tuple[SubjectState, Scores, str]] = []
        for number, values in enumerate(rows, start=2):
            if _is_blank(values, columns):
                continue
            state, problems = _check_row(number, values, subjects, seen)
            if state is not None:
                scores, problems = read_scores(
                    values, regime, params, SubjectKind(state.kind), number
                )
                if scores is not None:
                    evidence = clean_spacing(str(values.get("evidence") or ""))
                    accepted.append((state, scores, evidence))
            errors.extend(problems)
            errors.extend(_text_problems(number, values))
        if errors:
            raise ImportRejected(errors, total_rows=len(rows))
        for state, scores, evidence in accepted:
            proposal = apply_scores(uow, state, cycle, scores)
            data = {"scores": scores.as_dict(), "evidence": evidence, "bulk": True}
            record_step(uow, actor, state, RecordKind.SELF, proposal.level, evidence, data, now)
        uow.commit()
    return len(accepted)
