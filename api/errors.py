"""One place maps every error to problem+json (RFC 9457), naming the field that is wrong."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route

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


def _json_position(doc: Any, pos: int) -> str:
    """ "line L, column C" of a character offset into the body, when the body is at hand."""
    if not isinstance(doc, str):
        return f"character {pos + 1}"
    line = doc.count("\n", 0, pos) + 1
    column = pos - (doc.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


def _field_error(err: dict[str, Any], body: Any = None) -> dict[str, Any]:
    """{field, in, message} from one pydantic error; "body.goals.0" reads as "goals.0"."""
    if err.get("type") == "json_invalid":  # its loc is ("body", <character offset>)
        offset = err.get("loc", ("body", 0))[-1]
        at = _json_position(body, offset) if isinstance(offset, int) else "the body"
        reason = err.get("ctx", {}).get("error", "JSON decode error")
        return {
            "field": "body",
            "in": "body",
            "message": f"the body is not valid JSON: {reason} at {at}",
        }
    loc = [str(p) for p in err.get("loc", ())]
    where = loc[0] if loc and loc[0] in ("body", "query", "path", "header") else None
    field = ".".join(loc[1:] if where else loc) or (where or "body")
    message: str = {
        "extra_forbidden": "unknown field: remove it",
        "missing": "required",
    }.get(err.get("type", ""), str(err.get("msg") or err.get("message") or "invalid"))
    message = message.removeprefix("Value error, ")
    return {"field": field, "in": where or "body", "message": message}


def _coach_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CoachError)
    if exc.status >= 500:
        log.error("%s: %s", type(exc).__name__, exc.detail)
    # A refused release names the kinds it found ({"kind": "email"}); those pass as they are.
    errors = [
        e if "field" in e or "kind" in e else _field_error(e)
        for e in exc.errors
        if isinstance(e, dict)
    ]
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
    errors = [_field_error(e, exc.body) for e in exc.errors()]
    fields = ", ".join(dict.fromkeys(e["field"] for e in errors))
    return problem(
        request,
        422,
        "Invalid input",
        f"the request has {len(errors)} invalid field(s): {fields}",
        kind="urn:coach:problem:invalid-input",
        errors=errors,
    )


# FastAPI answers 400 "There was an error parsing the body" for any body json.loads cannot
# take apart other than a syntax error; its cause says which.
_UNPARSABLE = {
    UnicodeDecodeError: "the body is not UTF-8: send JSON encoded as UTF-8",
    RecursionError: "the body nests JSON too deeply: flatten it",
}


def _unparsable(request: Request, exc: StarletteHTTPException) -> JSONResponse | None:
    if exc.status_code != 400 or exc.__cause__ is None:
        return None
    message = next(
        (m for kind, m in _UNPARSABLE.items() if isinstance(exc.__cause__, kind)),
        f"the body could not be parsed as JSON ({type(exc.__cause__).__name__})",
    )
    errors = [{"field": "body", "in": "body", "message": message}]
    return problem(
        request,
        400,
        "Malformed body",
        message,
        kind="urn:coach:problem:malformed-body",
        errors=errors,
    )


def _allowed(request: Request) -> str:
    """Every method the path takes: Starlette names only the first route that matched it."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        if isinstance(route, Route) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods or set()
    return ", ".join(sorted(methods))


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    from http import HTTPStatus

    if (unparsable := _unparsable(request, exc)) is not None:
        return unparsable
    title = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else title
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == 405:
        headers = {**(headers or {}), "Allow": _allowed(request)}
    return problem(request, exc.status_code, title, detail, headers=headers)


def _pool_exhausted(request: Request, exc: Exception) -> JSONResponse:
    # Every database connection stayed busy for the whole pool timeout: the service is
    # overloaded, which the client should hear as a 503 to retry, not as our bug (a 500).
    log.warning("database pool exhausted on %s %s", request.method, request.url.path)
    settings = request.app.state.settings
    return problem(
        request,
        503,
        "Database busy",
        "every database connection stayed busy; retry shortly (the pool is "
        "COACH_SERVICE__DB_POOL_SIZE plus COACH_SERVICE__DB_MAX_OVERFLOW)",
        headers={"Retry-After": str(settings.service.retry_after_s)},
    )


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(request, 500, "Internal error", "something went wrong; it has been logged")


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(CoachError, _coach_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(PoolTimeout, _pool_exhausted)
    app.add_exception_handler(Exception, _unexpected)
