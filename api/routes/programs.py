"""Programs and pairs, run by admins and coordinators; and who the caller is."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import Admin, AnyUser, Db, Manager
from api.routes.problems import AUTH, BY_ID
from api.schemas import MeOut, PairIn, PairOut, ProgramIn, ProgramOut
from coach.db import programs

router = APIRouter(prefix="/v1", tags=["programs and pairs"])


@router.get("/me", responses=AUTH)
def me(principal: AnyUser) -> MeOut:
    """Who is calling: name, email, role, program and pair, and how they signed in."""
    return MeOut.model_validate(principal)


@router.post("/programs", status_code=201, responses=AUTH)
def create_program(body: ProgramIn, db: Db, admin: Admin) -> ProgramOut:
    """Start a program (admins)."""
    program = programs.create_program(db, admin, body.name)
    return ProgramOut.model_validate(program, from_attributes=True)


@router.post("/pairs", status_code=201, responses=BY_ID)
def create_pair(body: PairIn, db: Db, manager: Manager) -> PairOut:
    """Create an empty pair; invite its mentor and mentee next (POST /v1/invitations)."""
    return PairOut.model_validate(programs.create_pair(db, manager, body.program_id))
