"""What an operator does to accounts: deactivate one, give an old account its email."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coach.accounts.browser import end_all_sessions
from coach.accounts.tokens import revoke_all_tokens
from coach.db import audit
from coach.db.auth import normalize_email, user_by_email
from coach.db.models import User
from coach.errors import Conflict, NotFound


def deactivate_user(db: Session, email: str) -> None:
    """Deactivate an account: every session ends and every token stops working at once."""
    user = user_by_email(db, normalize_email(email))
    if user is None:
        raise NotFound(f"no account has the email {email}")
    user.active = False
    end_all_sessions(db, user.id)
    revoke_all_tokens(db, user.id)
    audit.record(db, None, "user.deactivate", program_id=user.program_id, user_id=user.id)
    db.commit()


def set_user_email(db: Session, user_id: int, email: str) -> None:
    """Give an account its sign-in email (accounts made before people had emails have none)."""
    user = db.get(User, user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found: see coach users list")
    email = normalize_email(email)
    other = user_by_email(db, email)
    if other is not None and other.id != user.id:
        raise Conflict(f"{email} already belongs to user {other.id}")
    user.email = email
    audit.record(db, None, "user.email.set", program_id=user.program_id, user_id=user.id)
    db.commit()
