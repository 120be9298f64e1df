"""Who is signed in to the pages, CSRF on every form, and the way back after sign-in."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import Response

from api.deps import Db
from api.web.drafts import Drafts
from coach.db.auth import Principal, Role, authenticate
from coach.errors import CoachError

COOKIE = "coach_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class SignInRequired(Exception):
    """Nobody (or an expired session) is signed in; the page sends them to sign in."""

    def __init__(self, next_url: str, draft: str | None = None) -> None:
        super().__init__(next_url)
        self.next_url = next_url
        self.draft = draft

    @property
    def location(self) -> str:
        """The sign-in page, told where to come back to and which draft to restore."""
        query = {"next": self.next_url, **({"draft": self.draft} if self.draft else {})}
        return "/sign-in?" + urlencode(query)


class PageForbidden(CoachError):
    """The signed-in role may not open this page."""

    status = 403
    title = "Not for your role"


class BadCsrf(CoachError):
    """A form came without the token of the session that sent it."""

    status = 403
    title = "The form expired"


def local_path(url: str | None, default: str = "/") -> str:
    """A same-site path to return to; anything else (//host, https://...) becomes the default."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return default
    return url


def csrf_for(request: Request, session_secret: str) -> str:
    """The CSRF token bound to one session: an HMAC of it under the app's key."""
    key: bytes = request.app.state.web_key
    return hmac.new(key, session_secret.encode(), hashlib.sha256).hexdigest()


def signed_in(request: Request, db: Db) -> Principal | None:
    """The person behind the session cookie, or None."""
    secret = request.cookies.get(COOKIE)
    if not secret:
        return None
    principal = authenticate(db, secret)
    if principal is not None:
        request.state.principal = principal
        request.state.csrf = csrf_for(request, secret)
    return principal


async def _form_values(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str) and k != CSRF_FIELD}


async def _check_csrf(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER) or (await request.form()).get(CSRF_FIELD)
    expected = request.state.csrf
    if not isinstance(sent, str) or not secrets.compare_digest(sent, expected):
        raise BadCsrf("the form was sent without a valid token: reload the page and try again")


async def web_user(request: Request, db: Db) -> Principal:
    """The signed-in person; otherwise off to sign in, keeping what a form carried."""
    principal = signed_in(request, db)
    if principal is None:
        draft = None
        values = await _form_values(request) if request.method not in SAFE_METHODS else {}
        back = local_path(values.pop("return_to", None) or request.url.path)
        if values:
            draft = request.app.state.drafts.keep(values)
        raise SignInRequired(back if request.method not in SAFE_METHODS else _here(request), draft)
    await _check_csrf(request)
    return principal


def _here(request: Request) -> str:
    query = f"?{request.url.query}" if request.url.query else ""
    return local_path(request.url.path + query)


def role_page(*roles: Role) -> Callable[..., Principal]:
    """A dependency for pages only the given roles may open."""

    def check(principal: Annotated[Principal, Depends(web_user)]) -> Principal:
        if principal.role not in roles:
            raise PageForbidden(f"this page is for the {' or '.join(roles)} role")
        return principal

    return check


Person = Annotated[Principal, Depends(web_user)]
Member = Annotated[Principal, Depends(role_page("mentor", "mentee"))]
CoordinatorUser = Annotated[Principal, Depends(role_page("coordinator"))]
AdminUser = Annotated[Principal, Depends(role_page("admin"))]
Manager = Annotated[Principal, Depends(role_page("admin", "coordinator"))]


def start_session(db: Db, email: str, password: str, client_ip: str) -> str | None:
    """A new session's secret for valid credentials, else None."""
    # Until accounts land this accepts an API token as the password; replaced by issue 9.
    principal = authenticate(db, password)
    return password if principal is not None else None


def end_session(db: Db, request: Request) -> None:
    """Forget the caller's session."""
    return None


def set_cookie(request: Request, response: Response, secret: str) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, Secure over TLS."""
    response.set_cookie(
        COOKIE,
        secret,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def restored(request: Request) -> dict[str, str]:
    """The draft a page gets back after sign-in, if its URL names one."""
    drafts: Drafts = request.app.state.drafts
    return drafts.take(request.query_params.get("draft"))
