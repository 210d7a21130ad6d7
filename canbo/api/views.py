"""Thin API views: parse at the edge, call a service to write or a selector to read, render.

Reads go through the scoped selectors (``NotFound`` alike for missing and forbidden); writes go
through the registry services, which check access, apply the rules, audit and commit in one
transaction. Every refusal is rendered by :mod:`canbo.api.errors`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
)
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import BasePagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from canbo.core.types import PersonId, UnitId
from canbo.services.registry import changes as svc

from . import outputs as out
from . import selectors
from . import serializers as inp
from .auth import ThrottledBasicAuthentication
from .edge import AdminPassedTwoFactor, Pagination, actor_of, page, parse, today, uow

_ERROR = OpenApiResponse(inp.ErrorSerializer, description="Refused: see code and fields.")
READ_ERRORS: dict[int, Any] = {400: _ERROR, 401: _ERROR, 403: _ERROR, 404: _ERROR}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 409: _ERROR}


def _as_of(query: dict[str, Any]) -> dt.date:
    day: dt.date | None = query.get("as_of")
    return day or today()


class _Api:
    """Basic authentication first, so that an anonymous call gets a 401 challenge."""

    authentication_classes: Sequence[type[BaseAuthentication]] = (
        ThrottledBasicAuthentication,
        SessionAuthentication,
    )
    permission_classes: Sequence[Any] = (IsAuthenticated, AdminPassedTwoFactor)
    pagination_class: type[BasePagination] | None = Pagination


# Units ---------------------------------------------------------------------------------------


class UnitListView(_Api, GenericAPIView[Any]):
    @extend_schema(
        tags=["units"],
        summary="Units in force on a date, searched by any past or present name or code",
        parameters=[inp.UnitListQuery],
        responses={200: out.UnitRowOutput(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        query = parse(inp.UnitListQuery, request.query_params).validated_data
        rows = selectors.search_units(
            actor_of(request), _as_of(query), query.get("q", ""), query.get("parent")
        )
        return page(self, rows, out.UnitRowOutput)

    @extend_schema(
        tags=["units"],
        summary="Create a unit with its first version",
        request=inp.UnitCreateInput,
        responses={201: out.UnitDetailOutput, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        data = parse(inp.UnitCreateInput, request.data).to_domain()
        actor = actor_of(request)
        unit_id = svc.create_unit(uow(), actor, data)
        detail = selectors.unit_detail(actor, unit_id, data.valid.valid_from)
        return Response(out.UnitDetailOutput(detail).data, status=201)


class UnitDetailView(_Api, APIView):
    @extend_schema(
        tags=["units"],
        summary="A unit as of a date, with its version history and lineage",
        parameters=[inp.AsOfQuery],
        responses={200: out.UnitDetailOutput, **READ_ERRORS},
    )
    def get(self, request: Request, unit_id: int) -> Response:
        query = parse(inp.AsOfQuery, request.query_params).validated_data
        detail = selectors.unit_detail(actor_of(request), unit_id, _as_of(query))
        return Response(out.UnitDetailOutput(detail).data)


class UnitVersionsView(_Api, APIView):
    @extend_schema(
        tags=["units"],
        summary="Change a unit from a date (rename, new parent, new kind); history is kept",
        request=inp.UnitChangeInput,
        responses={201: out.UnitDetailOutput, **WRITE_ERRORS},
    )
    def post(self, request: Request, unit_id: int) -> Response:
        change = parse(inp.UnitChangeInput, request.data)
        actor = actor_of(request)
        start: dt.date = change.validated_data["valid_from"]
        current = selectors.unit_version(actor, unit_id, start)
        svc.change_unit(uow(), actor, UnitId(unit_id), change.to_domain(current))
        detail = selectors.unit_detail(actor, unit_id, start)
        return Response(out.UnitDetailOutput(detail).data, status=201)


class UnitChildrenView(_Api, GenericAPIView[Any]):
    @extend_schema(
        tags=["units"],
        summary="Units directly under a unit on a date",
        parameters=[inp.AsOfQuery],
        responses={200: out.UnitRowOutput(many=True), **READ_ERRORS},
    )
    def get(self, request: Request, unit_id: int) -> Response:
        query = parse(inp.AsOfQuery, request.query_params).validated_data
        rows = selectors.children(actor_of(request), unit_id, _as_of(query))
        return page(self, rows, out.UnitRowOutput)


class UnitMembersView(_Api, GenericAPIView[Any]):
    @extend_schema(
        tags=["units"],
        summary="Party members of a unit (or its subtree) on a date, in official order",
        parameters=[inp.MembersQuery],
        responses={200: out.PersonRowOutput(many=True), **READ_ERRORS},
    )
    def get(self, request: Request, unit_id: int) -> Response:
        query = parse(inp.MembersQuery, request.query_params).validated_data
        rows = selectors.members(
            actor_of(request), unit_id, _as_of(query), subtree=query["subtree"]
        )
        return page(self, rows, out.PersonRowOutput)


class UnitMemberCountView(_Api, APIView):
    @extend_schema(
        tags=["units"],
        summary="Number of Party members in a unit's subtree on a date",
        parameters=[inp.AsOfQuery],
        responses={200: out.MemberCountOutput, **READ_ERRORS},
    )
    def get(self, request: Request, unit_id: int) -> Response:
        day = _as_of(parse(inp.AsOfQuery, request.query_params).validated_data)
        count = selectors.member_count(actor_of(request), unit_id, day)
        body = {"unit": unit_id, "as_of": day, "members": count}
        return Response(out.MemberCountOutput(body).data)


class LineageView(_Api, APIView):
    @extend_schema(
        tags=["units"],
        summary="Record a reorganization (merge, split, transfer, ...) on a legal date",
        request=inp.LineageInput,
        responses={201: out.CreatedOutput, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        kwargs = parse(inp.LineageInput, request.data).to_kwargs()
        event_id = svc.reorganize(uow(), actor_of(request), **kwargs)
        return Response(out.CreatedOutput({"id": event_id}).data, status=201)


# People --------------------------------------------------------------------------------------


class PeopleListView(_Api, GenericAPIView[Any]):
    @extend_schema(
        tags=["people"],
        summary="People in scope, searched by name or code, in official order",
        parameters=[inp.PeopleListQuery],
        responses={200: out.PersonRowOutput(many=True), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        query = parse(inp.PeopleListQuery, request.query_params).validated_data
        rows = selectors.search_people(
            actor_of(request), _as_of(query), query.get("q", ""), query.get("unit")
        )
        return page(self, rows, out.PersonRowOutput)

    @extend_schema(
        tags=["people"],
        summary="Create a person's record with their cell membership",
        request=inp.PersonCreateInput,
        responses={201: out.PersonDetailOutput, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        data = parse(inp.PersonCreateInput, request.data)
        actor, day = actor_of(request), today()
        since: dt.date = data.validated_data.get("since") or day
        cell = UnitId(data.validated_data["cell"])
        pid = svc.create_person(uow(), actor, data.to_domain(), cell, since, day)
        detail = selectors.person_detail(actor, pid, day)
        return Response(out.PersonDetailOutput(detail).data, status=201)


class PersonDetailView(_Api, APIView):
    @extend_schema(
        tags=["people"],
        summary="A person's full record",
        parameters=[inp.AsOfQuery],
        responses={200: out.PersonDetailOutput, **READ_ERRORS},
    )
    def get(self, request: Request, person_id: int) -> Response:
        query = parse(inp.AsOfQuery, request.query_params).validated_data
        detail = selectors.person_detail(actor_of(request), person_id, _as_of(query))
        return Response(out.PersonDetailOutput(detail).data)

    @extend_schema(
        tags=["people"],
        summary="Correct a person's identity or Party dates (audited with before and after)",
        request=inp.PersonPatchInput,
        responses={200: out.PersonDetailOutput, **WRITE_ERRORS},
    )
    def patch(self, request: Request, person_id: int) -> Response:
        change = parse(inp.PersonPatchInput, request.data, partial=True)
        actor, day = actor_of(request), today()
        current = selectors.person_data(actor, person_id, day)
        data = change.to_domain(current)
        svc.update_person(uow(), actor, PersonId(person_id), data, day)
        return Response(out.PersonDetailOutput(selectors.person_detail(actor, person_id, day)).data)


class PersonTransferView(_Api, APIView):
    @extend_schema(
        tags=["people"],
        summary="Move a member to another cell from a date; the cell history is kept",
        request=inp.TransferInput,
        responses={200: out.PersonDetailOutput, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: int) -> Response:
        move = parse(inp.TransferInput, request.data).validated_data
        actor = actor_of(request)
        pid, cell = PersonId(person_id), UnitId(move["to_cell"])
        svc.transfer_person(uow(), actor, pid, cell, move["on"])
        detail = selectors.person_detail(actor, person_id, move["on"])
        return Response(out.PersonDetailOutput(detail).data)
