"""DRF exception handler: every refusal answers one body shape with a machine code.

``DomainError`` → its status, ``code``, ``fields``, ``citation`` and the message in the request's
language plus ``message_vi`` and ``message_en``. DRF's own exceptions (authentication, malformed
JSON, wrong method) are answered in the same shape. A 404 body carries no fields: the URL
already names the object, and answering a forbidden and a missing object with byte-identical
bodies is what keeps existence from leaking (access loaders, handbook principle of scope).

Last resort: a number no column can hold (``OverflowError`` from SQLite, SQLSTATE 22003 from
PostgreSQL) or input nested past Python's recursion limit answers 400 ``value_out_of_range``
instead of 500. The causes are bounded where input is read (the ``<id:...>`` converter, the
JSON parser, field bounds); reaching this branch still logs the traceback as an error, so a
missed bound shows in the logs.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import DataError
from django.utils import translation
from rest_framework import exceptions as drf
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler
from rest_framework.views import set_rollback

from canbo import refusals
from canbo.core.errors import DomainError, NotFound

from .messages import bilingual


def error_body(exc: DomainError) -> dict[str, Any]:
    """The JSON body of a refusal (see :class:`canbo.api.serializers.ErrorSerializer`)."""
    body = exc.as_dict()
    if isinstance(exc, NotFound):
        body.pop("fields", None)
    vi, en = bilingual(exc)
    language = translation.get_language() or "vi"
    body["message"] = en if language.startswith("en") else vi
    body["message_vi"] = vi
    body["message_en"] = en
    return body


logger = logging.getLogger(__name__)
NUMERIC_VALUE_OUT_OF_RANGE = "22003"  # PostgreSQL SQLSTATE


def is_out_of_range(exc: Exception) -> bool:
    """A number or a nesting the storage or the interpreter cannot hold."""
    if isinstance(exc, (OverflowError, RecursionError)):
        return True
    cause = exc.__cause__
    return isinstance(exc, DataError) and (
        getattr(cause, "sqlstate", None) == NUMERIC_VALUE_OUT_OF_RANGE
    )


def _bilingual_body(code: str, fallback: str) -> dict[str, str]:
    vi, en = refusals.wording(code) or (fallback, fallback)
    language = translation.get_language() or "vi"
    return {
        "code": code,
        "message": en if language.startswith("en") else vi,
        "message_vi": vi,
        "message_en": en,
    }


def _drf_code(exc: drf.APIException) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return Response(error_body(exc), status=exc.status)
    if isinstance(exc, (RequestDataTooBig, TooManyFieldsSent)):
        # Django's own bound on the body (DATA_UPLOAD_MAX_*), in the API's error shape.
        set_rollback()
        return Response(_bilingual_body("request_too_large", "too large"), status=400)
    if is_out_of_range(exc):
        logger.error("Input out of range reached the storage: %s", type(exc).__name__, exc_info=exc)
        set_rollback()
        return Response(_bilingual_body("value_out_of_range", "out of range"), status=400)
    response = drf_handler(exc, context)
    if response is not None and isinstance(exc, drf.APIException):
        response.data = _bilingual_body(_drf_code(exc), str(exc.detail))
    return response
