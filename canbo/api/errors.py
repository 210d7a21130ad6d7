"""DRF exception handler: every refusal answers one body shape with a machine code.

``DomainError`` → its status, ``code``, ``fields``, ``citation`` and the message in the request's
language plus ``message_vi`` and ``message_en``. DRF's own exceptions (authentication, malformed
JSON, wrong method) are answered in the same shape. A 404 body carries no fields: the URL
already names the object, and answering a forbidden and a missing object with byte-identical
bodies is what keeps existence from leaking (access loaders, handbook principle of scope).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from rest_framework import exceptions as drf
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from canbo.core.errors import DomainError, NotFound

from .messages import API_MESSAGES, bilingual


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


def _drf_code(exc: drf.APIException) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return Response(error_body(exc), status=exc.status)
    response = drf_handler(exc, context)
    if response is not None and isinstance(exc, drf.APIException):
        code = _drf_code(exc)
        vi, en = API_MESSAGES.get(code, (str(exc.detail), str(exc.detail)))
        language = translation.get_language() or "vi"
        response.data = {
            "code": code,
            "message": en if language.startswith("en") else vi,
            "message_vi": vi,
            "message_en": en,
        }
    return response
