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
    """Who the token belongs to: role, program and pair."""
    return MeOut.model_validate(principal, from_attributes=True)


@router.post("/programs", status_code=201, responses=AUTH)
def create_program(body: ProgramIn, db: Db, admin: Admin) -> ProgramOut:
    """Start a program (admins)."""
    program = programs.create_program(db, admin, body.name)
    return ProgramOut.model_validate(program, from_attributes=True)


@router.post("/pairs", status_code=201, responses=BY_ID)
def create_pair(body: PairIn, db: Db, manager: Manager) -> PairOut:
    """Create a pair and its two members; their tokens are in this response only."""
    pair = programs.create_pair(db, manager, body.program_id, body.mentor.name, body.mentee.name)
    return PairOut.of(pair)
