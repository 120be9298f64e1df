"""Running the system: programs, the people in them, and invitations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import Db, Id
from api.schemas import ProgramIn
from api.web import auth
from api.web.forms import FieldErrors, validate
from api.web.render import page
from coach.db import programs
from coach.db.auth import Principal

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
    people = programs.people(db, me, program_id)
    return page(
        request,
        "program.html",
        status=status,
        program=program,
        people=people,
        values=values,
        errors=errors,
    )
