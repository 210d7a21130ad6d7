"""DRF exception handler: DomainError → status, machine code and translated message."""

from __future__ import annotations

from typing import Any

from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from canbo.core.errors import DomainError
from canbo.web.messages import translated_message


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        body = exc.as_dict()
        body["message"] = translated_message(exc)
        return Response(body, status=exc.status)
    return drf_handler(exc, context)
