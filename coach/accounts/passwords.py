"""Password hashing with argon2 (pwdlib), and the one rule a new password must meet."""

from __future__ import annotations

from functools import lru_cache

from pwdlib import PasswordHash

from coach.errors import InvalidInput

MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 256


@lru_cache(maxsize=1)
def _hasher() -> PasswordHash:
    return PasswordHash.recommended()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash("a password nobody has")


def check_new(password: str, email: str | None = None) -> None:
    """Refuse a password that is too short, too long, or the email itself."""
    problem = None
    if len(password) < MIN_PASSWORD_CHARS:
        problem = f"use at least {MIN_PASSWORD_CHARS} characters"
    elif len(password) > MAX_PASSWORD_CHARS:
        problem = f"use at most {MAX_PASSWORD_CHARS} characters"
    elif email and password.strip().lower() == email.lower():
        problem = "do not use your email address as the password"
    if problem:
        raise InvalidInput(
            f"the password is not accepted: {problem}",
            errors=[{"field": "password", "message": problem}],
        )


def hash_password(password: str, email: str | None = None) -> str:
    """The argon2 hash of an acceptable new password."""
    check_new(password, email)
    return _hasher().hash(password)


def verify(password: str, stored: str | None) -> tuple[bool, str | None]:
    """Whether the password matches, and a new hash when the parameters have moved on."""
    if stored is None:
        # Same work as a real check, so timing does not tell which emails have accounts.
        _hasher().verify(password, _dummy_hash())
        return False, None
    return _hasher().verify_and_update(password[:MAX_PASSWORD_CHARS], stored)
