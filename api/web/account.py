"""Sign-in, sign-out, accepting an invitation and resetting a password (issue 9's accounts)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import (
    SESSION_COOKIE,
    Db,
    MailerDep,
    SettingsDep,
    clear_session_cookie,
    client_address,
    set_session_cookie,
)
from api.web import auth
from api.web.render import page
from coach.accounts import browser, invitations, resets, signin
from coach.errors import CoachError

router = APIRouter(include_in_schema=False)
PASSWORD = Annotated[str, Form(max_length=1_000)]


@router.get("/sign-in")
def sign_in_page(
    request: Request, db: Db, settings: SettingsDep, next: str = "/", draft: str | None = None
) -> Response:
    """The sign-in form; someone already signed in goes straight on."""
    if auth.signed_in(request, db) is not None and not draft:
        return RedirectResponse(auth.local_path(next), status_code=303)
    return _sign_in(request, settings, auth.local_path(next), draft, {}, {})


@router.post("/sign-in")
def sign_in(
    request: Request,
    db: Db,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=320)] = "",
    password: PASSWORD = "",
    next: Annotated[str, Form(max_length=2_000)] = "/",
    draft: Annotated[str | None, Form(max_length=100)] = None,
) -> Response:
    """Check the password, start a session, and go back to where the person was."""
    target, values = auth.local_path(next), {"email": email}
    errors = {}
    if not email.strip():
        errors["email"] = "Enter your email address."
    if not password:
        errors["password"] = "Enter your password."
    if errors:
        return _sign_in(request, settings, target, draft, values, errors, status=422)
    try:
        secret, _ = signin.sign_in(db, email, password, client_address(request), settings.auth)
    except CoachError as exc:
        db.rollback()
        return _sign_in(request, settings, target, draft, values, {"form": _sentence(exc)}, 400)
    if draft:
        target += ("&" if "?" in target else "?") + f"draft={draft}"
    return _signed_in(request, target, secret)


@router.post("/sign-out")
def sign_out(request: Request, db: Db, _: auth.Person) -> Response:
    """End the session here and now."""
    browser.sign_out(db, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/sign-in?signed_out=1", status_code=303)
    clear_session_cookie(response)
    return response


@router.get("/invitations/{secret}")
def invitation_page(request: Request, secret: str, db: Db) -> Response:
    """What the invitation offers, and the form to choose a password."""
    try:
        info = invitations.invitation_for(db, secret)
    except CoachError as exc:
        return page(
            request, "error.html", status=exc.status, title=exc.title, detail=_sentence(exc)
        )
    return page(request, "accept.html", info=info, secret=secret, values={}, errors={})


@router.post("/invitations/{secret}")
def accept(
    request: Request,
    secret: str,
    db: Db,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=120)] = "",
    password: PASSWORD = "",
    confirm: PASSWORD = "",
) -> Response:
    """Create the account with the chosen password and sign in."""
    try:
        info = invitations.invitation_for(db, secret)
    except CoachError as exc:
        return page(
            request, "error.html", status=exc.status, title=exc.title, detail=_sentence(exc)
        )
    errors = _password_errors(password, confirm)
    if not errors:
        try:
            session, _ = invitations.accept_invitation(
                db, secret, password, name.strip() or None, settings.auth
            )
            return _signed_in(request, "/", session)
        except CoachError as exc:
            db.rollback()
            errors = {"password" if exc.status == 422 else "form": _sentence(exc)}
    values = {"name": name}
    return page(
        request, "accept.html", status=422, info=info, secret=secret, values=values, errors=errors
    )


@router.get("/reset")
def reset_request_page(request: Request) -> Response:
    """Ask for a reset link by email."""
    return page(request, "reset_request.html", values={}, errors={}, sent=False)


@router.post("/reset")
def reset_request(
    request: Request,
    db: Db,
    mailer: MailerDep,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=320)] = "",
) -> Response:
    """Send a reset link if the address has an account; the page says the same either way."""
    if not email.strip():
        errors = {"email": "Enter the email address you sign in with."}
        return page(request, "reset_request.html", status=422, values={}, errors=errors, sent=False)
    resets.request_password_reset(db, email, mailer, settings.auth.base_url, settings.auth)
    return page(request, "reset_request.html", values={"email": email}, errors={}, sent=True)


@router.get("/reset/{secret}")
def reset_page(request: Request, secret: str) -> Response:
    """The form to choose a new password."""
    return page(request, "reset.html", secret=secret, errors={})


@router.post("/reset/{secret}")
def reset(
    request: Request, secret: str, db: Db, password: PASSWORD = "", confirm: PASSWORD = ""
) -> Response:
    """Set the new password; every session of the account ends, so sign in again."""
    errors = _password_errors(password, confirm)
    if not errors:
        try:
            resets.reset_password(db, secret, password)
            return RedirectResponse("/sign-in?reset=1", status_code=303)
        except CoachError as exc:
            db.rollback()
            errors = {"password" if exc.status == 422 else "form": _sentence(exc)}
    return page(request, "reset.html", status=422, secret=secret, errors=errors)


def _password_errors(password: str, confirm: str) -> dict[str, str]:
    if not password:
        return {"password": "Choose a password."}
    if password != confirm:
        return {"confirm": "The two passwords differ: type the same one twice."}
    return {}


def _sentence(exc: CoachError) -> str:
    """A core error's detail as a sentence for a page."""
    detail = exc.detail.strip()
    return detail[:1].upper() + detail[1:] + ("" if detail.endswith(".") else ".")


def _signed_in(request: Request, target: str, secret: str) -> Response:
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, secret)
    return response


_NOTICES = {
    "signed_out": "You are signed out.",
    "reset": "Your password is changed. Sign in with the new one.",
}


def _sign_in(
    request: Request,
    settings: SettingsDep,
    next_path: str,
    draft: str | None,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    notice = next((m for k, m in _NOTICES.items() if k in request.query_params), None)
    return page(
        request,
        "sign_in.html",
        status=status,
        next=next_path,
        draft=draft,
        values=values,
        errors=errors,
        notice=notice,
        oidc=settings.oidc.enabled,
    )
