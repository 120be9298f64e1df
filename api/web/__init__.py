"""The pages people use: server-rendered, enhanced with htmx, same coach functions as the API."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.errors import Forbidden
from api.web import account, admin, coordinator, knowledge, member, notes, session, tools
from api.web.auth import SignInRequired
from api.web.drafts import Drafts
from api.web.render import page
from api.web.security import SecurityHeaders
from coach.errors import CoachError

STATIC = Path(__file__).resolve().parent / "static"
# Paths that answer JSON whatever the client accepts.
_API_PREFIXES = ("/v1/", "/healthz", "/readyz", "/docs", "/redoc", "/openapi.json")


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(_API_PREFIXES)


def _sign_in_redirect(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": exc.location})
    return RedirectResponse(exc.location, status_code=303)


def _error_page(request: Request, exc: Exception) -> Response:
    """An error as a page a person can act on."""
    if isinstance(exc, Forbidden):
        # Uncaught on a page, Forbidden comes only from the CSRF check in api.deps (roles raise
        # PageForbidden; the invite form shows its own), so say what a person can do.
        title, detail = _STALE_FORM
    elif isinstance(exc, CoachError):
        title, detail = exc.title, exc.detail
    else:
        code = int(getattr(exc, "status_code", 500))
        title = "Page not found" if code == 404 else HTTPStatus(code).phrase
        detail = str(getattr(exc, "detail", "") or title)
    status = exc.status if isinstance(exc, CoachError) else int(getattr(exc, "status_code", 500))
    return page(request, "error.html", status=status, title=title, detail=detail)


_STALE_FORM = (
    "This form expired",
    "It was sent without this session's security token, perhaps from a page opened before "
    "you signed in again. Go back, reload the page, and send it once more.",
)


def install(app: FastAPI) -> None:
    """Mount the pages, their static files and their error pages on the app."""
    app.state.drafts = Drafts()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (account, member, session, notes, tools, knowledge, coordinator, admin):
        app.include_router(module.router)
    app.add_exception_handler(SignInRequired, _sign_in_redirect)
    for kind in (CoachError, StarletteHTTPException):
        json_handler = app.exception_handlers[kind]

        def handler(request: Request, exc: Exception, json_handler: Any = json_handler) -> Any:
            if not _is_page(request):
                return json_handler(request, exc)
            return _error_page(request, exc)

        app.add_exception_handler(kind, handler)
    app.add_middleware(SecurityHeaders)
