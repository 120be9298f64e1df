"""Sign-in and sign-out, invitations, password resets and personal API tokens."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

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
    AnyUser,
    Db,
    Id,
    MailerDep,
    Manager,
    MaybeUser,
    SettingsDep,
    clear_session_cookie,
    client_address,
    set_session_cookie,
)
from api.routes.problems import AUTH, BY_ID
from api.schemas import MeOut
from coach.accounts import browser, invitations, resets, signin, tokens

router = APIRouter(prefix="/v1", tags=["accounts"])


def _signed_in(request: Request, response: Response, db: Db, secret: str) -> SignedInOut:
    set_session_cookie(request, response, secret)
    principal = browser.check_session(db, secret, request.app.state.settings.auth)
    assert principal.csrf_token is not None
    return SignedInOut(user=MeOut.model_validate(principal), csrf_token=principal.csrf_token)


@router.post("/auth/sign-in", responses=AUTH)
def sign_in(
    body: SignInIn, request: Request, response: Response, db: Db, settings: SettingsDep
) -> SignedInOut:
    """Check the password and start a browser session (the coach_session cookie)."""
    secret, _ = signin.sign_in(
        db, body.email, body.password, client_address(request), settings.auth
    )
    return _signed_in(request, response, db, secret)


@router.post("/auth/sign-out", status_code=204, responses=AUTH)
def sign_out(request: Request, response: Response, db: Db, _: MaybeUser) -> None:
    """End this browser session at once and remove its cookie."""
    secret = request.cookies.get("coach_session")
    if secret:
        browser.sign_out(db, secret)
    clear_session_cookie(response)


@router.post("/auth/invitations/accept", status_code=201, responses=BY_ID)
def accept_invitation(
    body: AcceptIn, request: Request, response: Response, db: Db, settings: SettingsDep
) -> SignedInOut:
    """Accept an invitation with the secret from its link: set a password, get signed in."""
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


@router.post("/auth/password-reset/confirm", status_code=204, responses=BY_ID)
def reset_password(body: ResetIn, db: Db) -> None:
    """Set a new password with the secret from the reset link; all sessions end."""
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
