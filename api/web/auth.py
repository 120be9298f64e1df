"""Who is signed in to the pages (issue 9's sessions), and the way back after signing in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Request

from api.deps import CSRF_FIELD, SAFE_METHODS, SESSION_COOKIE, Db, MaybeUser
from api.web.drafts import Drafts
from coach.accounts.browser import principal_for_session
from coach.db.auth import Principal, Role
from coach.errors import CoachError


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


def local_path(url: str | None, default: str = "/") -> str:
    """A same-site path to return to; anything else (//host, https://...) becomes the default."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return default
    return url


def remember(request: Request, principal: Principal | None) -> Principal | None:
    """Keep the signed-in person and their CSRF token for the templates."""
    if principal is not None:
        request.state.principal = principal
        request.state.csrf = principal.csrf_token or ""
    return principal


def signed_in(request: Request, db: Db) -> Principal | None:
    """The person behind the session cookie, or None (for pages anyone may open)."""
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None
    return remember(request, principal_for_session(db, secret, request.app.state.settings.auth))


async def web_user(request: Request, principal: MaybeUser) -> Principal:
    """The signed-in person (CSRF checked by api.deps); else off to sign in, keeping the form."""
    if principal is not None:
        remember(request, principal)
        return principal
    if request.method in SAFE_METHODS:
        query = f"?{request.url.query}" if request.url.query else ""
        raise SignInRequired(local_path(request.url.path + query))
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != CSRF_FIELD}
    back = local_path(values.pop("return_to", None), local_path(request.url.path))
    drafts: Drafts = request.app.state.drafts
    raise SignInRequired(back, drafts.keep(values) if values else None)


def role_page(*roles: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency for pages only the given roles may open."""

    async def check(principal: Annotated[Principal, Depends(web_user)]) -> Principal:
        if principal.role not in roles:
            raise PageForbidden(f"this page is for the {' or '.join(roles)} role")
        return principal

    return check


def restored(request: Request) -> dict[str, str]:
    """The draft a page gets back after sign-in, if its URL names one."""
    drafts: Drafts = request.app.state.drafts
    return drafts.take(request.query_params.get("draft"))


Person = Annotated[Principal, Depends(web_user)]
Member = Annotated[Principal, Depends(role_page("mentor", "mentee"))]
CoordinatorUser = Annotated[Principal, Depends(role_page("coordinator"))]
AdminUser = Annotated[Principal, Depends(role_page("admin"))]
Manager = Annotated[Principal, Depends(role_page("admin", "coordinator"))]
