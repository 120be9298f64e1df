"""Programs and pairs: who may create them and where they belong."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db import audit
from coach.db.auth import Principal
from coach.db.models import Pair, Program, User
from coach.errors import NotFound


def create_program(db: Session, actor: Principal | None, name: str) -> Program:
    """Add a program."""
    program = Program(name=name)
    db.add(program)
    db.flush()
    audit.record(db, actor, "program.create", program_id=program.id)
    db.commit()
    return program


def visible_program(db: Session, actor: Principal, program_id: int) -> Program:
    """A program the actor runs: any for admins, their own for coordinators; else NotFound."""
    program = db.get(Program, program_id)
    if program is None or actor.role not in ("admin", "coordinator"):
        raise NotFound(f"program {program_id} not found")
    if actor.role == "coordinator" and actor.program_id != program_id:
        raise NotFound(f"program {program_id} not found")
    return program


def create_pair(db: Session, actor: Principal | None, program_id: int) -> Pair:
    """Add an empty pair; its members join by invitation, so its creator holds no credential."""
    if actor is not None:
        visible_program(db, actor, program_id)
    elif db.get(Program, program_id) is None:
        raise NotFound(f"program {program_id} not found")
    pair = Pair(program_id=program_id)
    db.add(pair)
    db.flush()
    audit.record(db, actor, "pair.create", program_id=program_id, pair_id=pair.id)
    db.commit()
    return pair


def member_names(db: Session, pair_id: int) -> dict[str, str]:
    """role -> name of the pair's members."""
    rows = db.execute(select(User.role, User.name).where(User.pair_id == pair_id))
    return {role: name for role, name in rows}


@dataclass(frozen=True)
class Person:
    """Someone in a program, as admins and coordinators list them: no credentials."""

    id: int
    name: str
    role: str
    pair_id: int | None


def list_programs(db: Session, actor: Principal) -> list[Program]:
    """Every program for admins, their own for coordinators."""
    query = select(Program).order_by(Program.name, Program.id)
    if actor.role == "coordinator":
        query = query.where(Program.id == actor.program_id)
    elif actor.role != "admin":
        return []
    return list(db.scalars(query))


def people(db: Session, actor: Principal, program_id: int) -> list[Person]:
    """The program's coordinators and members, by pair then role."""
    visible_program(db, actor, program_id)
    rows = db.scalars(
        select(User).where(User.program_id == program_id).order_by(User.pair_id, User.role)
    )
    return [Person(u.id, u.name, u.role, u.pair_id) for u in rows]


def pair_ids(db: Session, actor: Principal, program_id: int) -> list[int]:
    """The ids of the program's pairs, oldest first."""
    visible_program(db, actor, program_id)
    return list(db.scalars(select(Pair.id).where(Pair.program_id == program_id).order_by(Pair.id)))
