"""One place maps every error to problem+json (RFC 9457), naming the field that is wrong."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from coach.errors import CoachError, Forbidden, NotAuthenticated, TooManyAttempts

log = logging.getLogger("coach.api")
PROBLEM_JSON = "application/problem+json"


# One home for these: the core raises them too (sign-in, invitations).
Unauthorized = NotAuthenticated
__all__ = ["Forbidden", "Unauthorized", "install", "problem"]


def _slug(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    *,
    kind: str = "about:blank",
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A problem+json response."""
    body: dict[str, Any] = {
        "type": kind,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_error(err: dict[str, Any]) -> dict[str, Any]:
    """{field, in, message} from one pydantic error; "body.goals.0" reads as "goals.0"."""
    loc = [str(p) for p in err.get("loc", ())]
    where = loc[0] if loc and loc[0] in ("body", "query", "path", "header") else None
    field = ".".join(loc[1:] if where else loc) or (where or "body")
    message = {
        "extra_forbidden": "unknown field: remove it",
        "missing": "required",
        "json_invalid": f"the body is not valid JSON ({err.get('ctx', {}).get('error', '')})",
    }.get(err.get("type", ""), err.get("msg", "invalid"))
    return {"field": field, "in": where or "body", "message": message}


def _coach_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CoachError)
    if exc.status >= 500:
        log.error("%s: %s", type(exc).__name__, exc.detail)
    errors = [e if "field" in e else _field_error(e) for e in exc.errors if isinstance(e, dict)]
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after)}
    return problem(
        request,
        exc.status,
        exc.title,
        exc.detail,
        kind=f"urn:coach:problem:{_slug(type(exc).__name__)}",
        errors=errors,
        headers=headers,
    )


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_field_error(e) for e in exc.errors()]
    fields = ", ".join(e["field"] for e in errors)
    return problem(
        request,
        422,
        "Invalid input",
        f"the request has {len(errors)} invalid field(s): {fields}",
        kind="urn:coach:problem:invalid-input",
        errors=errors,
    )


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    from http import HTTPStatus

    title = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else title
    headers = dict(exc.headers) if exc.headers else None
    return problem(request, exc.status_code, title, detail, headers=headers)


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(request, 500, "Internal error", "something went wrong; it has been logged")


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(CoachError, _coach_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
