"""Bearer tokens and who holds them: users, their role, their program and their pair."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db.models import ROLES, Pair, Program, User
from coach.errors import Conflict, InvalidInput

Role = Literal["mentor", "mentee", "coordinator", "admin"]
TOKEN_PREFIX = "coach_"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, detached from the database session."""

    id: int
    name: str
    role: Role
    program_id: int | None
    pair_id: int | None


def new_token() -> str:
    """A fresh bearer token; the prefix lets secret scanners recognise a leaked one."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a token: its sha256, hex."""
    # Not bcrypt or argon2: those slow down guessing low-entropy passwords, but a token carries
    # 256 random bits, so there is nothing to guess; a slow hash would only tax every request.
    return hashlib.sha256(token.encode()).hexdigest()


def authenticate(db: Session, token: str) -> Principal | None:
    """The user a token belongs to, or None."""
    user = db.scalar(select(User).where(User.token_hash == hash_token(token)))
    if user is None:
        return None
    return principal(user)


def principal(user: User) -> Principal:
    """The caller view of a user row."""
    return Principal(user.id, user.name, user.role, user.program_id, user.pair_id)  # type: ignore[arg-type]


def add_user(
    db: Session,
    role: str,
    name: str,
    *,
    pair_id: int | None = None,
    program_id: int | None = None,
) -> tuple[User, str]:
    """Add a user to the open transaction; returns it with its token, which is shown once."""
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    pair_id, program_id = _placement(db, role, pair_id, program_id)
    token = new_token()
    user = User(
        name=name, role=role, token_hash=hash_token(token), pair_id=pair_id, program_id=program_id
    )
    db.add(user)
    db.flush()
    return user, token


def _placement(
    db: Session, role: str, pair_id: int | None, program_id: int | None
) -> tuple[int | None, int | None]:
    """Check where a new user belongs: members in a pair, coordinators in a program."""
    if role in ("mentor", "mentee"):
        pair = db.get(Pair, pair_id) if pair_id is not None else None
        if pair is None:
            raise InvalidInput(f"a {role} needs an existing pair: pass --pair with its id")
        if program_id not in (None, pair.program_id):
            raise InvalidInput(f"pair {pair.id} belongs to program {pair.program_id}")
        taken = select(User.id).where(User.pair_id == pair.id, User.role == role)
        if db.scalar(taken) is not None:
            raise Conflict(f"pair {pair.id} already has a {role}")
        return pair.id, pair.program_id
    if pair_id is not None:
        raise InvalidInput(f"a {role} belongs to no pair: drop --pair")
    if role == "coordinator":
        if program_id is None or db.get(Program, program_id) is None:
            raise InvalidInput("a coordinator needs an existing program: pass --program")
        return None, program_id
    if program_id is not None:
        raise InvalidInput("an admin runs the whole system: drop --program")
    return None, None
