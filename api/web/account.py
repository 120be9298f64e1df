"""Sign-in and sign-out pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import Db
from api.web import auth
from api.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/sign-in")
def sign_in_page(request: Request, db: Db, next: str = "/", draft: str | None = None) -> Response:
    """The sign-in form; someone already signed in goes straight on."""
    if auth.signed_in(request, db) is not None and not draft:
        return RedirectResponse(auth.local_path(next), status_code=303)
    return page(
        request, "sign_in.html", next=auth.local_path(next), draft=draft, values={}, errors={}
    )


@router.post("/sign-in")
def sign_in(
    request: Request,
    db: Db,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1_000)] = "",
    next: Annotated[str, Form(max_length=2_000)] = "/",
    draft: Annotated[str | None, Form(max_length=100)] = None,
) -> Response:
    """Check the credentials, start a session, and go back to where the person was."""
    errors = {}
    if not email.strip():
        errors["email"] = "Enter your email address."
    if not password:
        errors["password"] = "Enter your password."
    secret = None if errors else auth.start_session(db, email.strip(), password, _ip(request))
    if secret is None:
        errors = errors or {"form": "That email and password do not match. Try again."}
        values = {"email": email}
        context = {"next": auth.local_path(next), "draft": draft, "values": values}
        return page(request, "sign_in.html", status=400, errors=errors, **context)
    target = auth.local_path(next)
    if draft:
        target += ("&" if "?" in target else "?") + f"draft={draft}"
    response = RedirectResponse(target, status_code=303)
    auth.set_cookie(request, response, secret)
    return response


@router.post("/sign-out")
def sign_out(request: Request, db: Db, _: auth.Person) -> Response:
    """End the session here and now."""
    auth.end_session(db, request)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(auth.COOKIE, path="/")
    return response


def _ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"
