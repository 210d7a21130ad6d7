"""API of the classification cycle: the same services as the pages, JSON in and out.

Open a cycle, list a unit's subjects, read a subject with its reasons and forms, take each step
(self-assessment, comment, appraisal, decision), compute proposals, see and resolve the quota,
publish, complain, re-classify. Every refusal comes back in the shared error shape with the
machine code, the message naming the rule and the citation (:mod:`canbo.api.errors`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from canbo.api.auth import ThrottledBasicAuthentication
from canbo.api.edge import AdminPassedTwoFactor, actor_of, parse
from canbo.converters import MAX_ID
from canbo.core.classification.model import Level
from canbo.core.clock import SystemClock
from canbo.core.types import UnitId
from canbo.services.classification import cycle as cycles
from canbo.services.classification import results, steps
from canbo.services.classification.ports import CycleId, SubjectPk, SubjectState

from . import selectors
from .store import DjangoClassificationUnitOfWork as UnitOfWork

LEVEL_CODES = [level.name for level in Level]
OBJ = OpenApiTypes.OBJECT


class OpenIn(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    year = serializers.IntegerField(min_value=2018, max_value=2100)
    unit = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="Root of the cycle's scope"
    )
    as_of = serializers.DateField(required=False)
    parameters = serializers.DictField(child=serializers.CharField(), required=False)


class TextIn(serializers.Serializer[Any]):
    text = serializers.CharField()


class LevelIn(serializers.Serializer[Any]):
    level = serializers.ChoiceField(choices=LEVEL_CODES)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class QuotaIn(serializers.Serializer[Any]):
    group = serializers.CharField()
    lower = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False, default=list
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    keep_over = serializers.BooleanField(required=False, default=False)


def _code(level: Level | None, show: bool = True) -> str | None:
    return level.code if level is not None and show else None


def subject_json(s: SubjectState, show: bool) -> dict[str, Any]:
    return {
        "id": s.pk, "name": s.name, "kind": s.kind, "unit": s.unit_id, "person": s.person_id,
        "group": s.group, "exemption": s.exemption or None, "step": int(s.step),
        "proposed_level": _code(s.proposed_level, show),
        "appraised_level": _code(s.appraised_level, show),
        "final_level": _code(s.final_level, show), "version": s.version,
    }  # fmt: skip


class _Api(APIView):
    authentication_classes: Sequence[type[BaseAuthentication]] = (
        ThrottledBasicAuthentication,
        SessionAuthentication,
    )
    permission_classes: Sequence[Any] = (IsAuthenticated, AdminPassedTwoFactor)


class OpenCycleView(_Api):
    @extend_schema(request=OpenIn, responses={201: OBJ}, summary="Open a classification cycle")
    def post(self, request: Request) -> Response:
        d = parse(OpenIn, request.data).validated_data
        as_of = d.get("as_of") or SystemClock().today().replace(year=d["year"], month=12, day=31)
        cycle_id = cycles.open_cycle(
            UnitOfWork(), actor_of(request), d["year"], UnitId(d["unit"]), as_of, d["name"],
            d.get("parameters"), now=SystemClock().now(),
        )  # fmt: skip
        return Response({"id": cycle_id}, status=201)


class ComputeView(_Api):
    @extend_schema(
        request=None, responses={200: OBJ}, summary="Compute proposals and the quota check"
    )
    def post(self, request: Request, cycle_id: int) -> Response:
        # One process: forking a threaded web worker is unsafe; national runs use the CLI.
        report = cycles.compute_proposals(
            UnitOfWork(), actor_of(request), CycleId(cycle_id), workers=1
        )
        over = [
            dict(zip(("group", "htxs", "htt", "max_htxs", "over_by"), q, strict=True))
            for q in report.over
        ]
        return Response({"evaluated": report.evaluated, "groups": report.groups, "over": over})


class UnitSubjectsView(_Api):
    @extend_schema(responses={200: OBJ}, summary="Subjects of a unit in a cycle")
    def get(self, request: Request, cycle_id: int, unit_id: int) -> Response:
        review = selectors.unit_review(actor_of(request), cycle_id, unit_id)
        rows = [subject_json(s, review.show_levels) for s in review.subjects]
        return Response({"unit": unit_id, "name": review.name, "subjects": rows})


class SubjectView(_Api):
    @extend_schema(responses={200: OBJ}, summary="A subject with reasons and forms")
    def get(self, request: Request, pk: int) -> Response:
        page = selectors.subject_page(actor_of(request), pk)
        body = subject_json(page.state, page.show_levels)
        body["reasons"] = [
            {"rule": r.rule, "effect": str(r.effect), "message_vi": r.message_vi,
             "message_en": r.message_en, "citation": r.citation.as_dict()}
            for r in page.proposal.reasons
        ]  # fmt: skip
        body["highest_allowed"] = page.highest_allowed.code
        body["records"] = [
            {"kind": str(r.kind), "version": r.version, "level": _code(r.level, page.show_levels),
             "text": r.text, "actor": r.actor_label, "at": r.at.isoformat()}
            for r in page.records
        ]  # fmt: skip
        body["actions"] = page.actions
        return Response(body)


class StepView(_Api):
    """POST a step: ``self`` (scores), ``comment``/``complaint`` (text), or a level."""

    @extend_schema(
        request=OBJ,
        responses={201: OBJ},
        summary="Take a step: self, comment, complaint, appraisal, decision, reclassification",
    )
    def post(self, request: Request, pk: int, step: str) -> Response:
        actor, uow, now, spk = actor_of(request), UnitOfWork(), SystemClock().now(), SubjectPk(pk)
        if step == "self":
            data: dict[str, Any] = request.data if isinstance(request.data, dict) else {}
            values = {k: str(v) for k, v in data.items() if k != "evidence"}
            evidence = str(data.get("evidence", ""))
            steps.submit_self_assessment(uow, actor, spk, values, evidence, now)
        elif step in ("comment", "complaint"):
            text = parse(TextIn, request.data).validated_data["text"]
            call = steps.comment if step == "comment" else results.complain
            call(uow, actor, spk, text, now)
        else:
            d = parse(LevelIn, request.data).validated_data
            calls = {
                "appraisal": steps.appraise,
                "decision": steps.decide,
                "reclassification": results.reclassify,
            }
            calls[step](uow, actor, spk, Level[d["level"]], d["reason"], now)
        page = selectors.subject_page(actor, pk)
        return Response(subject_json(page.state, page.show_levels), status=201)


class QuotaView(_Api):
    @extend_schema(responses={200: OBJ}, summary="Quota per peer group")
    def get(self, request: Request, cycle_id: int) -> Response:
        selectors.access_cycle_root(actor_of(request), cycle_id)
        lines = results.quota_lines(UnitOfWork(), CycleId(cycle_id))
        return Response([_line(q) for q in lines])

    @extend_schema(
        request=QuotaIn, responses={200: OBJ}, summary="Resolve a quota conflict with a reason"
    )
    def post(self, request: Request, cycle_id: int) -> Response:
        d = parse(QuotaIn, request.data).validated_data
        line = results.resolve_quota(
            UnitOfWork(), actor_of(request), CycleId(cycle_id), d["group"],
            [SubjectPk(x) for x in d["lower"]], d["reason"], SystemClock().now(),
            keep_over=d["keep_over"],
        )  # fmt: skip
        return Response(_line(line), status=201)


def _line(q: results.QuotaView) -> dict[str, Any]:
    return {
        "group": q.group, "group_unit": q.group_unit_id, "htxs": q.htxs, "htt": q.htt,
        "max_htxs": q.max_htxs, "over_by": q.over_by, "kept_over": q.kept_over,
        "blocking": q.is_blocking, "rule": "CL-13",
    }  # fmt: skip


class PublishView(_Api):
    @extend_schema(request=None, responses={200: OBJ}, summary="Publish the results")
    def post(self, request: Request, cycle_id: int) -> Response:
        results.publish(UnitOfWork(), actor_of(request), CycleId(cycle_id), SystemClock().now())
        return Response({"id": cycle_id, "status": "published"})


class StatsView(_Api):
    @extend_schema(responses={200: OBJ}, summary="Statistics of a unit's subtree")
    def get(self, request: Request, cycle_id: int, unit_id: int) -> Response:
        stats = selectors.statistics(actor_of(request), cycle_id, unit_id)
        return Response(
            {"unit": unit_id, "name": stats.name, "rows": stats.rows if stats.show_levels else []}
        )
