"""The roll-up of a request's answers kept per level (:class:`canbo.surveys.models.RollUp`).

One row for the requester and one for each intermediate unit on the assignments' paths as of
the request's date (OR-19, OR-20), written when the request is sent. A unit's first report is
added to the rows of its path in the submission's transaction (the rows locked, so two reports
at once both count); a correction replaces answers already counted, so the request's rows are
rebuilt from the current answers (a least or greatest value cannot be taken back). The overview
reads these rows and recomputes nothing; the requester's row keeps only the first free-text
answers (``TEXTS_KEPT``, the most the page shows), the intermediate rows none.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps

from canbo.core.surveys.forms import FormSpec
from canbo.core.surveys.progress import Aggregate, aggregate, merge_into, roll_up

# The free-text answers kept: the requester's first ones, shown on the overview (every answer
# is in the spreadsheet export, read from the units' answers); their number is kept whole. The
# intermediate levels keep none (the page shows their numbers).
TEXTS_KEPT = 30


def _texts(depth: int) -> int:
    return TEXTS_KEPT if depth == 0 else 0


def _models(apps: Apps | None) -> tuple[Any, Any, Any, Any]:
    found = apps or global_apps
    return (
        found.get_model("surveys", "SurveyRequest"),
        found.get_model("surveys", "Assignment"),
        found.get_model("surveys", "RollUp"),
        found.get_model("registry", "UnitVersion"),
    )


def above(chain: Sequence[int], requester_id: int) -> list[int]:
    """The units a report counts in: those above the assigned unit on its path, or the
    requester alone when the path holds only the unit."""
    return [int(u) for u in chain[1:]] or [int(requester_id)]


def _depths(chains: Iterable[Sequence[int]], requester_id: int) -> dict[int, int]:
    depths = {int(requester_id): 0}
    for chain in chains:
        nodes = above(chain, requester_id)
        for i, unit in enumerate(nodes):
            depths.setdefault(unit, len(nodes) - 1 - i)
    return depths


def _rows(
    request_id: int,
    requester_id: int,
    as_of: dt.date,
    chains: Sequence[Sequence[int]],
    rolled: Mapping[int, Aggregate],
    apps: Apps | None,
) -> list[Any]:
    _, _, roll_up_model, unit_version = _models(apps)
    depths = _depths(chains, requester_id)
    assigned: Counter[int] = Counter()
    for chain in chains:
        assigned.update(above(chain, requester_id))
    names = dict(
        unit_version.objects.filter(
            unit_id__in=list(depths), valid_from__lte=as_of, valid_to__gte=as_of
        ).values_list("unit_id", "name")
    )
    return [
        roll_up_model(
            request_id=request_id,
            unit_id=unit,
            unit_name=names.get(unit, ""),
            depth=depth,
            assigned=assigned.get(unit, 0),
            submitted=rolled[unit].units if unit in rolled else 0,
            state=rolled[unit].state(_texts(depth)) if unit in rolled else {},
        )
        for unit, depth in depths.items()
    ]


def create(
    request_id: int, requester_id: int, as_of: dt.date, chains: Sequence[Sequence[int]]
) -> None:
    """The empty rows of a request just sent (nothing answered yet)."""
    _, _, roll_up_model, _ = _models(None)
    rows = _rows(request_id, requester_id, as_of, chains, {}, None)
    roll_up_model.objects.bulk_create(rows, batch_size=1000)


def rebuild(request_id: int, apps: Apps | None = None) -> None:
    """The request's rows recomputed from every unit's current answers (a correction, a
    request stored before the rows were kept, or answers written in bulk)."""
    request_model, assignment_model, roll_up_model, _ = _models(apps)
    request = request_model.objects.select_related("form").get(pk=request_id)
    spec = FormSpec.from_dict(request.form.spec)
    chains: dict[int, list[int]] = {}
    answers: dict[int, dict[str, Any]] = {}
    for unit, chain, current in assignment_model.objects.filter(request_id=request_id).values_list(
        "unit_id", "chain", "current_answers"
    ):
        chains[unit] = [int(u) for u in chain]
        if current is not None:
            answers[unit] = current
    paths = {u: above(c, request.requester_id) for u, c in chains.items()}
    rolled = roll_up(spec, answers, paths)
    rows = _rows(
        request_id, request.requester_id, request.as_of, list(chains.values()), rolled, apps
    )
    # In place (not deleted and written again): a report waiting on a locked row then reads
    # the rebuilt row and adds itself to it.
    stored = {r.unit_id: r for r in roll_up_model.objects.filter(request_id=request_id)}
    changed, added = [], []
    for row in rows:
        old = stored.pop(row.unit_id, None)
        if old is None:
            added.append(row)
            continue
        for name in _KEPT_FIELDS:
            setattr(old, name, getattr(row, name))
        changed.append(old)
    roll_up_model.objects.bulk_update(changed, _KEPT_FIELDS, batch_size=500)
    roll_up_model.objects.bulk_create(added, batch_size=1000)
    roll_up_model.objects.filter(pk__in=[r.pk for r in stored.values()]).delete()


_KEPT_FIELDS = ["unit_name", "depth", "assigned", "submitted", "state"]


def add_first_report(assignment_id: int, answers: Mapping[str, Any]) -> None:
    """Count a unit's first report in the rows of its path (locked until the submission's
    transaction ends)."""
    _, assignment_model, roll_up_model, _ = _models(None)
    unit, chain, request_id, requester_id, spec = assignment_model.objects.values_list(
        "unit_id", "chain", "request_id", "request__requester_id", "request__form__spec"
    ).get(pk=assignment_id)
    nodes = above(chain, requester_id)
    rows = list(
        roll_up_model.objects.select_for_update()
        .filter(request_id=request_id, unit_id__in=nodes)
        .order_by("unit_id")
    )
    if len(rows) != len(set(nodes)):
        rebuild(request_id)
        return
    form = FormSpec.from_dict(spec)
    own = aggregate(form, [(unit, answers)])
    for row in rows:
        total = Aggregate.from_state(form, row.state)
        merge_into(total, own)
        row.state = total.state(_texts(row.depth))
        row.submitted = total.units
    roll_up_model.objects.bulk_update(rows, ["state", "submitted"])


def replace_report(assignment_id: int) -> None:
    """A correction: the request's rows rebuilt from the current answers, the requester's row
    locked first so that reports at the same time wait for it."""
    _, assignment_model, roll_up_model, _ = _models(None)
    request_id = assignment_model.objects.values_list("request_id", flat=True).get(pk=assignment_id)
    list(
        roll_up_model.objects.select_for_update()
        .filter(request_id=request_id)
        .order_by("unit_id")
        .values_list("pk", flat=True)
    )
    rebuild(request_id)
