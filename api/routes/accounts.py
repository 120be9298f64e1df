"""Sign-in and sign-out, invitations, password resets and personal API tokens."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from api.account_schemas import (
    AcceptIn,
    InvitationIn,
    InvitationOut,
    NewTokenOut,
    ResetIn,
    ResetRequestIn,
    SignedInOut,
    SignInIn,
    TokenIn,
    TokenOut,
)
from api.deps import (
    OIDC_STATE_COOKIE,
    SESSION_COOKIE,
    AnyUser,
    Db,
    Id,
    MailerDep,
    Manager,
    MaybeUser,
    OidcDep,
    SettingsDep,
    clear_session_cookie,
    client_address,
    set_oidc_state_cookie,
    set_session_cookie,
)
from api.routes.problems import AUTH, BY_ID, LINK, OPTIONAL_CALLER, SIGN_ON, THROTTLED
from api.schemas import MeOut
from coach.accounts import browser, invitations, resets, signin, tokens
from coach.errors import InvalidInput, NotAuthenticated, NotFound, UnknownLink

router = APIRouter(prefix="/v1", tags=["accounts"])


def _signed_in(request: Request, response: Response, db: Db, secret: str) -> SignedInOut:
    set_session_cookie(request, response, secret)
    principal = browser.check_session(db, secret, request.app.state.settings.auth)
    assert principal.csrf_token is not None
    return SignedInOut(user=MeOut.model_validate(principal), csrf_token=principal.csrf_token)


@router.post("/auth/sign-in", responses={**AUTH, **THROTTLED})
def sign_in(
    body: SignInIn, request: Request, response: Response, db: Db, settings: SettingsDep
) -> SignedInOut:
    """Check the password and start a browser session (the coach_session cookie)."""
    secret, _ = signin.sign_in(
        db, body.email, body.password, client_address(request), settings.auth
    )
    return _signed_in(request, response, db, secret)


@router.post("/auth/sign-out", status_code=204, responses=AUTH, openapi_extra=OPTIONAL_CALLER)
def sign_out(request: Request, response: Response, db: Db, _: MaybeUser) -> None:
    """End this browser session at once and remove its cookie."""
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        browser.sign_out(db, secret)
    clear_session_cookie(response)


@contextmanager
def _secret_in_body() -> Iterator[None]:
    """A secret sent in the body that matches nothing is a 404 here: the route itself exists.

    The pages keep 410, where the secret is the page's own address.
    """
    try:
        yield
    except UnknownLink as exc:
        raise NotFound(exc.detail) from exc


@router.post("/auth/invitations/accept", status_code=201, responses=LINK)
def accept_invitation(
    body: AcceptIn, request: Request, response: Response, db: Db, settings: SettingsDep
) -> SignedInOut:
    """Accept an invitation with the secret from its link: set a password, get signed in."""
    with _secret_in_body():
        secret, _ = invitations.accept_invitation(
            db, body.secret, body.password, body.name, settings.auth
        )
    return _signed_in(request, response, db, secret)


@router.post("/auth/password-reset", status_code=202, responses=AUTH)
def request_reset(
    body: ResetRequestIn, db: Db, mailer: MailerDep, settings: SettingsDep
) -> dict[str, str]:
    """Email a reset link if the address has an account; the answer is the same either way."""
    resets.request_password_reset(db, body.email, mailer, settings.auth.base_url, settings.auth)
    return {"detail": "if that address has an account, a reset link is on its way"}


@router.post("/auth/password-reset/confirm", status_code=204, responses=LINK)
def reset_password(body: ResetIn, db: Db) -> None:
    """Set a new password with the secret from the reset link; all sessions end."""
    with _secret_in_body():
        resets.reset_password(db, body.secret, body.password)


@router.post("/invitations", status_code=201, responses=BY_ID)
def invite(
    body: InvitationIn, db: Db, manager: Manager, mailer: MailerDep, settings: SettingsDep
) -> InvitationOut:
    """Email an invitation; the link goes to the invitee only, never back to the sender."""
    found = invitations.invite(
        db,
        manager,
        body.email,
        body.name,
        body.role,
        program_id=body.program_id,
        pair_id=body.pair_id,
        mailer=mailer,
        base_url=settings.auth.base_url,
        policy=settings.auth,
    )
    return InvitationOut.model_validate(found)


@router.get("/invitations", responses=AUTH)
def list_invitations(db: Db, manager: Manager) -> list[InvitationOut]:
    """Invitations of the caller's program (all, for admins), newest first."""
    return [InvitationOut.model_validate(i) for i in invitations.list_invitations(db, manager)]


@router.delete("/invitations/{invitation_id}", status_code=204, responses=BY_ID)
def revoke_invitation(invitation_id: Id, db: Db, manager: Manager) -> None:
    """Withdraw an invitation that was not accepted yet."""
    invitations.revoke_invitation(db, manager, invitation_id)


@router.post("/me/tokens", status_code=201, responses=AUTH)
def create_token(body: TokenIn, db: Db, me: AnyUser, settings: SettingsDep) -> NewTokenOut:
    """Create a personal API token for scripts; its secret is in this response only."""
    new = tokens.create_api_token(
        db, me, body.name, body.expires_in_days, settings.auth.token_max_days
    )
    return NewTokenOut.model_validate({**vars(new.info), "token": new.secret})


@router.get("/me/tokens", responses=AUTH)
def list_tokens(db: Db, me: AnyUser) -> list[TokenOut]:
    """The caller's tokens, without their secrets."""
    return [TokenOut.model_validate(t) for t in tokens.list_api_tokens(db, me)]


@router.delete("/me/tokens/{token_id}", status_code=204, responses=BY_ID)
def revoke_token(token_id: Id, db: Db, me: AnyUser) -> None:
    """Revoke one of the caller's tokens; it stops working at once."""
    tokens.revoke_api_token(db, me, token_id)


@router.get(
    "/auth/oidc/start",
    status_code=302,
    response_class=RedirectResponse,
    responses={404: {"description": "Single sign-on is not configured."}},
)
def oidc_start(
    request: Request, db: Db, oidc: OidcDep, next: Annotated[str | None, Query()] = None
) -> RedirectResponse:
    """Send the browser to the company's sign-on provider."""
    url, state = oidc.begin(db, next)
    response = RedirectResponse(url, status_code=302)
    set_oidc_state_cookie(request, response, state)
    return response


@router.get(
    "/auth/oidc/callback", status_code=303, response_class=RedirectResponse, responses=SIGN_ON
)
def oidc_callback(
    request: Request,
    db: Db,
    oidc: OidcDep,
    settings: SettingsDep,
    state: Annotated[str, Query(max_length=200)] = "",
    code: Annotated[str, Query(max_length=2000)] = "",
    error: Annotated[str | None, Query(max_length=200)] = None,
) -> RedirectResponse:
    """Where the provider sends the browser back: sign the matching person in."""
    if error or not code:
        raise NotAuthenticated(f"the sign-on provider did not sign you in ({error}): try again")
    bound = request.cookies.get(OIDC_STATE_COOKIE)
    if not bound or not hmac.compare_digest(bound, state):
        raise InvalidInput("this sign-on was not started in this browser: start it again")
    secret, _, next_path = oidc.finish(db, state, code, settings.auth)
    response = RedirectResponse(next_path, status_code=303)
    response.delete_cookie(OIDC_STATE_COOKIE, path="/v1/auth/oidc")
    set_session_cookie(request, response, secret)
    return response
