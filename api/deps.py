"""Dependencies, as Annotated aliases: the database, the Coach, the mailer, and who is calling.

The caller comes from a bearer personal API token or from the `coach_session` cookie; a
state-changing request on the cookie must echo the session's CSRF token, as the
`X-CSRF-Token` header or a `csrf_token` form field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated

from fastapi import Depends, Path, Request, Response
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from api.admission import Gate
from api.errors import Forbidden, Unauthorized
from coach.accounts.browser import check_session, csrf_matches
from coach.accounts.mail import Mailer, mailer_for
from coach.accounts.oidc import OidcProvider
from coach.accounts.tokens import check_token
from coach.db.auth import Principal, Role
from coach.errors import NotAuthenticated
from coach.service import Coach
from coach.settings import Settings

SESSION_COOKIE = "coach_session"
OIDC_STATE_COOKIE = "coach_oidc_state"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

_bearer = HTTPBearer(auto_error=False, description="A personal API token (POST /v1/me/tokens).")
_cookie = APIKeyCookie(
    name=SESSION_COOKIE, auto_error=False, description="The browser session from sign-in."
)


# The dependencies that only read app state are async: FastAPI runs a plain `def` dependency
# in its thread pool, a hop (and a wait for a thread) per dependency per request.


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_coach(request: Request) -> Coach:
    """The app's one Coach; tests override this to fake or break generation."""
    coach: Coach = request.app.state.coach
    return coach


async def get_mailer(request: Request) -> Mailer:
    """The app's mailer: SMTP when configured, else the outbox folder."""
    mailer: Mailer = getattr(request.app.state, "mailer", None) or mailer_for(
        request.app.state.settings
    )
    return mailer


async def get_oidc(request: Request) -> OidcProvider:
    """The configured sign-on provider, kept by the app (404 when single sign-on is off)."""
    provider: OidcProvider | None = getattr(request.app.state, "oidc", None)
    if provider is None:
        settings: Settings = request.app.state.settings
        provider = OidcProvider(settings.oidc, settings.auth.base_url)
        request.app.state.oidc = provider
    return provider


def get_db(request: Request) -> Iterator[Session]:
    """A database session per request; writes commit in the coach.db functions."""
    with request.app.state.sessions() as db:
        yield db


async def get_sessions(request: Request) -> sessionmaker[Session]:
    """The session factory, for routes that open short sessions around a model call."""
    factory: sessionmaker[Session] = request.app.state.sessions
    return factory


async def get_gate(request: Request) -> Gate:
    """The app's count of generations in flight, for pages that run one."""
    gate: Gate = request.app.state.gate
    return gate


SettingsDep = Annotated[Settings, Depends(get_settings)]
CoachDep = Annotated[Coach, Depends(get_coach)]
MailerDep = Annotated[Mailer, Depends(get_mailer)]
OidcDep = Annotated[OidcProvider, Depends(get_oidc)]
Db = Annotated[Session, Depends(get_db)]
Sessions = Annotated[sessionmaker[Session], Depends(get_sessions)]
GateDep = Annotated[Gate, Depends(get_gate)]


async def _sent_csrf(request: Request) -> str | None:
    """The CSRF token a request carries, from the header or, for forms, the form field."""
    sent = request.headers.get(CSRF_HEADER)
    if sent or request.method in SAFE_METHODS:
        return sent
    if request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(CSRF_FIELD)  # Starlette keeps the parsed form
        return value if isinstance(value, str) else None
    return None


def optional_principal(
    request: Request,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
    sent_csrf: Annotated[str | None, Depends(_sent_csrf)],
) -> Principal | None:
    """The caller, or None when nobody is signed in (or the session ended or expired)."""
    try:
        return _resolve(request, settings, credentials, cookie, sent_csrf)
    except NotAuthenticated:
        if credentials is not None:
            raise  # a script's bad token is its author's error, not a reason to show a page
        return None


def get_principal(
    request: Request,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
    sent_csrf: Annotated[str | None, Depends(_sent_csrf)],
) -> Principal:
    """The caller behind the bearer token or the session cookie; 401 saying what to do else."""
    principal = _resolve(request, settings, credentials, cookie, sent_csrf)
    if principal is None:
        raise Unauthorized(
            "sign in (POST /v1/auth/sign-in) or send Authorization: Bearer <personal API token>"
        )
    return principal


def _resolve(
    request: Request,
    settings: Settings,
    credentials: HTTPAuthorizationCredentials | None,
    cookie: str | None,
    sent_csrf: str | None,
) -> Principal | None:
    if credentials is not None:
        with request.app.state.sessions() as db:  # a short session of its own, as below
            return check_token(db, credentials.credentials)
    if not cookie:
        return None
    with request.app.state.sessions() as db:
        # Its own short session, closed before the route runs: a generation then waits on the
        # model holding no database connection (the request's session would hold one).
        principal = check_session(db, cookie, settings.auth)
    if request.method not in SAFE_METHODS and not csrf_matches(cookie, sent_csrf):
        raise Forbidden(
            f"this request changes something but carries no valid CSRF token: send the "
            f"session's token as the {CSRF_HEADER} header or the {CSRF_FIELD} form field"
        )
    return principal


def require(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets only the given roles through (403 for the others)."""

    async def check(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
        if principal.role not in roles:
            raise Forbidden(
                f"the {principal.role} role may not do this; allowed: {', '.join(roles)}"
            )
        return principal

    return check


AnyUser = Annotated[Principal, Depends(get_principal)]
MaybeUser = Annotated[Principal | None, Depends(optional_principal)]
PairMember = Annotated[Principal, Depends(require("mentor", "mentee"))]
Coordinator = Annotated[Principal, Depends(require("coordinator"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Manager = Annotated[Principal, Depends(require("admin", "coordinator"))]

Id = Annotated[int, Path(ge=1, le=2**31 - 1, description="A numeric id.")]


def client_address(request: Request) -> str:
    """The caller's address, for throttling sign-in attempts per address."""
    return request.client.host if request.client else "unknown"


def set_session_cookie(request: Request, response: Response, secret: str) -> None:
    """Put a new session in the browser: HttpOnly, SameSite=Lax, Secure over https."""
    settings: Settings = request.app.state.settings
    secure = settings.auth.secure_cookies
    if secure is None:
        secure = request.url.scheme == "https"
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=int(settings.auth.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


def set_oidc_state_cookie(request: Request, response: Response, state: str) -> None:
    """Bind a started sign-on to this browser, so a stranger's callback link cannot finish it."""
    response.set_cookie(
        OIDC_STATE_COOKIE,
        state,
        max_age=600,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/v1/auth/oidc",
    )


def clear_session_cookie(response: Response) -> None:
    """Remove the session cookie from the browser."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
