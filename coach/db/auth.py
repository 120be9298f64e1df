"""Who is calling: people's accounts, their role and placement, and the secrets they hold."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db.models import ROLES, Pair, Program, User
from coach.errors import Conflict, InvalidInput

Role = Literal["mentor", "mentee", "coordinator", "admin"]
Credential = Literal["session", "token", "system"]
TOKEN_PREFIX = "coach_"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, detached from the database session."""

    id: int
    name: str
    role: Role
    program_id: int | None
    pair_id: int | None
    email: str | None = None
    credential: Credential = "token"
    # Set for browser sessions only: state-changing requests must echo it.
    csrf_token: str | None = None

    def via(self, credential: Credential, csrf_token: str | None = None) -> Principal:
        """The same person, authenticated another way."""
        return replace(self, credential=credential, csrf_token=csrf_token)


def new_secret(prefix: str = TOKEN_PREFIX) -> str:
    """A fresh 256-bit secret; the prefix lets secret scanners recognise a leaked one."""
    return prefix + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """The stored form of a random secret: its sha256, hex."""
    # Not argon2: that slows down guessing low-entropy passwords, but these secrets carry
    # 256 random bits, so there is nothing to guess; a slow hash would only tax every request.
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_email(email: str, field: str = "email") -> str:
    """The canonical form of an address (domain lower-cased), or InvalidInput naming the field."""
    try:
        checked = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidInput(
            f"{field} is not an email address: {exc}",
            errors=[{"field": field, "message": "not an email address"}],
        ) from None
    return checked.normalized.lower()


class UserColumns(Protocol):
    """What a caller is made from: a User row, or the same columns read without the ORM."""

    id: int
    name: str
    role: str
    program_id: int | None
    pair_id: int | None
    email: str | None


def principal(user: UserColumns) -> Principal:
    """The caller view of a user row."""
    return Principal(
        user.id,
        user.name,
        user.role,  # type: ignore[arg-type]
        user.program_id,
        user.pair_id,
        email=user.email,
    )


def user_by_email(db: Session, email: str) -> User | None:
    """The account with this (normalized) email, or None."""
    return db.scalar(select(User).where(User.email == email))


def add_user(
    db: Session,
    role: str,
    name: str,
    *,
    email: str | None = None,
    password_hash: str | None = None,
    pair_id: int | None = None,
    program_id: int | None = None,
) -> User:
    """Add a person to the open transaction, checking role, placement and that the email is free."""
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    pair_id, program_id = placement(db, role, pair_id, program_id)
    if email is not None:
        email = normalize_email(email)
        if user_by_email(db, email) is not None:
            raise Conflict(
                f"{email} already has an account: that person signs in, or resets the password"
            )
    user = User(
        name=name,
        role=role,
        email=email,
        password_hash=password_hash,
        pair_id=pair_id,
        program_id=program_id,
    )
    db.add(user)
    db.flush()
    return user


def placement(
    db: Session, role: str, pair_id: int | None, program_id: int | None
) -> tuple[int | None, int | None]:
    """Check where a new user belongs: members in a pair, coordinators in a program."""
    if role in ("mentor", "mentee"):
        pair = db.get(Pair, pair_id) if pair_id is not None else None
        if pair is None:
            raise InvalidInput(f"a {role} needs an existing pair: pass its pair id")
        if program_id not in (None, pair.program_id):
            raise InvalidInput(f"pair {pair.id} belongs to program {pair.program_id}")
        taken = select(User.id).where(User.pair_id == pair.id, User.role == role)
        if db.scalar(taken) is not None:
            raise Conflict(f"pair {pair.id} already has a {role}")
        return pair.id, pair.program_id
    if pair_id is not None:
        raise InvalidInput(f"a {role} belongs to no pair: leave the pair out")
    if role == "coordinator":
        if program_id is None or db.get(Program, program_id) is None:
            raise InvalidInput("a coordinator needs an existing program: pass its program id")
        return None, program_id
    if program_id is not None:
        raise InvalidInput("an admin runs the whole system: leave the program out")
    return None, None
