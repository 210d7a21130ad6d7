"""What every API view does at the edge: who acts, which date, parse input, answer a page."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, cast

from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from canbo.accounts.actors import actor_for
from canbo.accounts.otp import needs_second_factor
from canbo.core.clock import SystemClock
from canbo.core.errors import ValidationError
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import Actor
from canbo.services.registry.ports import RegistryUnitOfWork

S = TypeVar("S", bound=serializers.Serializer[Any])


def actor_of(request: Request) -> Actor:
    """The request's Actor, built once from the account's grants valid today."""
    cached: Actor | None = getattr(request, "_canbo_actor", None)
    if cached is None:
        cached = actor_for(request.user, SystemClock().today())
        request._canbo_actor = cached  # type: ignore[attr-defined]
    return cached


def uow() -> RegistryUnitOfWork:
    """A fresh Django unit of work, typed as the port the services take."""
    return cast(RegistryUnitOfWork, DjangoRegistryUnitOfWork())


def today() -> dt.date:
    """Today in Vietnam, the default as-of date."""
    return SystemClock().today()


def _key_path(path: str, key: Any) -> str:
    if key == "non_field_errors":
        return path
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _first_problem(errors: Any, path: str = "") -> tuple[str, str] | None:
    """The first field path (``shares[1].share``) and its error code in DRF's nested errors."""
    if isinstance(errors, dict):
        for key, value in errors.items():
            found = _first_problem(value, _key_path(path, key))
            if found:
                return found
        return None
    if isinstance(errors, list):
        for index, item in enumerate(errors):
            if isinstance(item, dict):
                found = _first_problem(item, f"{path}[{index}]")
            elif isinstance(item, list):
                found = _first_problem(item, path)
            else:
                return path, getattr(item, "code", None) or "invalid"
            if found:
                return found
        return None
    return path, getattr(errors, "code", None) or "invalid"


def parse(serializer_class: type[S], data: Any, *, partial: bool = False) -> S:
    """Validate input; bad input raises ``invalid_input`` naming the first bad field, with
    every field's problems listed under ``errors``. Nothing is written before this passes."""
    serializer = serializer_class(data=data, partial=partial)
    if not serializer.is_valid():
        field, problem = _first_problem(serializer.errors) or ("", "invalid")
        raise ValidationError(
            "invalid_input", field=field, problem=problem, errors=serializer.errors
        )
    return serializer


class Pagination(LimitOffsetPagination):
    """Limit/offset pages of at most 500 rows, so no request reads a whole province at once."""

    default_limit = 50
    max_limit = 500


def page(view: GenericAPIView[Any], rows: Any, serializer_class: type[S]) -> Response:
    """One page of ``rows`` (limit/offset) with the total count."""
    chunk = view.paginate_queryset(rows)
    return view.get_paginated_response(serializer_class(chunk, many=True).data)


class AdminPassedTwoFactor(BasePermission):
    """Administrator accounts must have passed TOTP (``CANBO_REQUIRE_ADMIN_2FA``), on the API
    as on the pages: a password sent by basic authentication alone does not open them."""

    message = "otp_required"
    code = "otp_required"

    def has_permission(self, request: Request, view: APIView) -> bool:
        return not needs_second_factor(request.user)
