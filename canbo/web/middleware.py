"""One place maps a DomainError to an HTTP status and a translated message (house style)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation

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
        context = {"error": body, "status": exc.status, "back": request.headers.get("Referer", "")}
        return render(request, "web/error.html", context, status=exc.status)


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless English was chosen with the language switch (its cookie).

    A browser's ``Accept-Language`` does not choose the pages' language: an official's
    computer set to English still shows the Vietnamese pages. The API keeps the header, which
    is how a client program chooses the language of the error messages.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path.startswith("/api/"):
            super().process_request(request)
            return
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        known = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in known else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
