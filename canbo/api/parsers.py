"""The API's JSON parser: strict JSON, a bounded body, a bounded depth.

DRF's ``JSONParser`` lets ``json.loads`` recurse as deep as the input nests (10,000 levels
raised ``RecursionError``: a 500), accepts ``NaN`` and ``1e400`` (infinity) as numbers, and
passes lone surrogates (``"\\ud800"``) that no database can store. This parser answers each of
those with DRF's ``ParseError``, which the API's error handler turns into a 400 in the project's
error shape:

- a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is refused. DRF hands JSON parsers
  ``request.body``, which Django already bounds (``RequestDataTooBig``, answered as
  ``request_too_large`` by :mod:`canbo.api.errors`); the parser reads at most one byte past the
  limit from whatever stream it is given, so the bound holds if DRF ever streams instead;
- nesting deeper than ``MAX_DEPTH`` (no API input nests more than three levels) is refused;
- ``NaN``, ``Infinity`` and numbers that overflow a float are refused; integers keep Python's
  own 4,300-digit limit, and fields bound their range (``canbo.api.serializers``);
- text must be valid Unicode (no lone surrogates).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
DEFAULT_LIMIT = 2_621_440  # Django's default DATA_UPLOAD_MAX_MEMORY_SIZE


class BodyTooLarge(ParseError):
    default_detail = "Request body too large."
    default_code = "request_too_large"


class TooDeep(ParseError):
    default_detail = "JSON nested too deeply."
    default_code = "json_too_deep"


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} does not fit a number")
    return number


def _check_tree(data: Any) -> None:
    """Depth and text of the parsed value, without recursion."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            value.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError
            continue
        if not isinstance(value, (list, Mapping)):
            continue
        if depth > MAX_DEPTH:
            raise TooDeep
        items = value.items() if isinstance(value, Mapping) else ((None, v) for v in value)
        for key, item in items:
            if isinstance(key, str):
                key.encode("utf-8")
            stack.append((item, depth + 1))


def read_limited(stream: Any, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; one more means the body is too large."""
    data = stream.read(limit + 1) if stream is not None else b""
    if len(data) > limit:
        raise BodyTooLarge
    return bytes(data)


class BoundedJSONParser(JSONParser):
    """``application/json`` with the bounds above; DRF's parser otherwise."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or DEFAULT_LIMIT
        raw = read_limited(stream, limit)
        charset = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(raw.decode(charset), parse_constant=_no_constant, parse_float=_finite)
            _check_tree(data)
        except TooDeep:
            raise
        except RecursionError as exc:
            raise TooDeep from exc
        except (ValueError, UnicodeError) as exc:
            # json.JSONDecodeError, the digit limit of int() and UnicodeDecodeError are
            # ValueErrors; UnicodeEncodeError marks a lone surrogate.
            raise ParseError(f"JSON parse error - {type(exc).__name__}") from exc
        return data
