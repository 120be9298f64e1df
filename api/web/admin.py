"""Running the system: programs, the people in them, and invitations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.account_schemas import InvitationIn
from api.deps import Db, Id, MailerDep, SettingsDep
from api.schemas import ProgramIn
from api.web import auth
from api.web.forms import FieldErrors, coach_errors, validate
from api.web.render import page
from coach.accounts import invitations
from coach.accounts.invitations import MAY_INVITE
from coach.db import programs
from coach.db.auth import Principal
from coach.errors import CoachError

router = APIRouter(include_in_schema=False)


@router.get("/admin")
def admin_home(request: Request, db: Db, me: auth.Manager) -> Response:
    """Admins see every program; a coordinator goes to their own."""
    if me.role == "coordinator":
        return RedirectResponse(f"/admin/programs/{me.program_id}", status_code=303)
    return _programs(request, db, me, {}, {})


@router.post("/admin/programs")
def create_program(
    request: Request, db: Db, me: auth.AdminUser, name: Annotated[str, Form(max_length=1_000)] = ""
) -> Response:
    """Start a program."""
    body, errors = validate(ProgramIn, {"name": name})
    if body is None:
        return _programs(request, db, me, {"name": name}, errors, status=422)
    program = programs.create_program(db, me, body.name)
    return RedirectResponse(f"/admin/programs/{program.id}", status_code=303)


@router.get("/admin/programs/{program_id}")
def program_page(request: Request, program_id: Id, db: Db, me: auth.Manager) -> Response:
    """The people of one program and the invitations to it."""
    return _program(request, db, me, program_id, auth.restored(request), {})


@router.post("/admin/programs/{program_id}/pairs")
def new_pair(request: Request, program_id: Id, db: Db, me: auth.Manager) -> Response:
    """Start an empty pair; its members join by invitation."""
    pair = programs.create_pair(db, me, program_id)
    return RedirectResponse(f"/admin/programs/{program_id}?pair={pair.id}", status_code=303)


@router.post("/admin/programs/{program_id}/invitations")
def invite(
    request: Request,
    program_id: Id,
    db: Db,
    me: auth.Manager,
    mailer: MailerDep,
    settings: SettingsDep,
    email: Annotated[str, Form(max_length=320)] = "",
    name: Annotated[str, Form(max_length=500)] = "",
    role: Annotated[str, Form(max_length=20)] = "mentor",
    pair_id: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    """Email an invitation; the link goes to the invitee alone, never back to this page."""
    values = {"email": email, "name": name, "role": role, "pair_id": pair_id}
    member = role in ("mentor", "mentee")
    data: dict[str, object] = {"email": email, "name": name, "role": role}
    data |= {"pair_id": pair_id or None} if member else {"program_id": program_id}
    body, errors = validate(InvitationIn, data)
    if body is not None and member and body.pair_id is None:
        body, errors = None, {"pair_id": "Choose the pair this person joins."}
    if body is None:
        return _program(request, db, me, program_id, values, errors, status=422)
    try:
        invitations.invite(
            db,
            me,
            body.email,
            body.name,
            body.role,
            program_id=body.program_id,
            pair_id=body.pair_id,
            mailer=mailer,
            base_url=settings.auth.base_url,
            policy=settings.auth,
        )
    except CoachError as exc:
        db.rollback()
        return _program(request, db, me, program_id, values, coach_errors(exc), exc.status)
    return RedirectResponse(f"/admin/programs/{program_id}?invited=1", status_code=303)


@router.post("/admin/programs/{program_id}/invitations/{invitation_id}/revoke")
def revoke(
    request: Request, program_id: Id, invitation_id: Id, db: Db, me: auth.Manager
) -> Response:
    """Withdraw an invitation that was not accepted yet."""
    invitations.revoke_invitation(db, me, invitation_id)
    return RedirectResponse(f"/admin/programs/{program_id}?revoked=1", status_code=303)


def _programs(
    request: Request,
    db: Db,
    me: Principal,
    values: dict[str, str],
    errors: FieldErrors,
    status: int = 200,
) -> Response:
    found = programs.list_programs(db, me)
    return page(request, "admin.html", status=status, programs=found, values=values, errors=errors)


def _program(
    request: Request,
    db: Db,
    me: Principal,
    program_id: int,
    values: dict[str, str],
    errors: FieldErrors,
    status: int = 200,
) -> Response:
    program = programs.visible_program(db, me, program_id)
    sent = [i for i in invitations.list_invitations(db, me) if i.program_id == program_id]
    notice = next((m for k, m in _NOTICES.items() if k in request.query_params), None)
    return page(
        request,
        "program.html",
        status=status,
        program=program,
        people=programs.people(db, me, program_id),
        pairs=programs.pair_ids(db, me, program_id),
        invitations=sent,
        roles=MAY_INVITE[me.role] - {"admin"},
        values=values,
        errors=errors,
        notice=notice,
    )


_NOTICES = {
    "invited": "The invitation is on its way. Only the invitee receives the link.",
    "revoked": "The invitation is withdrawn; its link no longer works.",
    "pair": "A new pair is ready. Invite its mentor and mentee below.",
}
