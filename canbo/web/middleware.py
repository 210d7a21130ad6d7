"""One place maps a DomainError to an HTTP status and a translated message (house style)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from canbo.core.errors import DomainError

from .messages import translated_message


class DomainErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not isinstance(exc, DomainError):
            return None
        body = exc.as_dict()
        body["message"] = translated_message(exc)
        if request.path.startswith("/api/") or request.headers.get("Accept", "").startswith(
            "application/json"
        ):
            return JsonResponse(body, status=exc.status)
        return render(request, "web/error.html", {"error": body}, status=exc.status)
