"""HTTP Basic authentication for the API, under the same login throttling as the web form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication
from rest_framework.request import Request

from canbo.accounts import throttle


class ThrottledBasicAuthentication(BasicAuthentication):
    """Basic auth that refuses a (username, address) with too many recent failures.

    Without this, a password could be guessed through the API while the login page is locked.
    """

    def authenticate_credentials(
        self, userid: str, password: str, request: Request | None = None
    ) -> tuple[AbstractBaseUser, Any]:
        if request is None:
            return super().authenticate_credentials(userid, password, request)
        key = throttle.attempt_key(request._request, userid)
        now = dt.datetime.now(dt.UTC)
        if throttle.is_throttled(key, now):
            raise exceptions.Throttled(detail="Too many failed logins; try again later.")
        try:
            result = super().authenticate_credentials(userid, password, request)
        except exceptions.AuthenticationFailed:
            throttle.record_failure(key, now)
            raise
        throttle.clear(key)
        return result


class ThrottledBasicScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the throttled basic auth as plain HTTP Basic in the OpenAPI schema."""

    target_class = "canbo.api.auth.ThrottledBasicAuthentication"
    name = "basicAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "basic"}
