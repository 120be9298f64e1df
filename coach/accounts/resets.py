"""Password reset by email: a single-use, short-lived link; it also lifts a lockout."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coach.accounts.browser import DEFAULT_POLICY, end_all_sessions
from coach.accounts.mail import Mailer
from coach.accounts.signin import set_password
from coach.db import audit
from coach.db.auth import hash_secret, new_secret, principal, user_by_email
from coach.db.models import PasswordReset, User, utcnow
from coach.errors import LinkExpired, UnknownLink
from coach.settings import AuthSettings

log = logging.getLogger("coach.accounts")
RESET_PREFIX = "coachr_"
# At most one reset email per account this often, so nobody can flood someone's inbox.
RESEND_AFTER = timedelta(minutes=1)


def request_password_reset(
    db: Session,
    email: str,
    mailer: Mailer,
    base_url: str,
    policy: AuthSettings = DEFAULT_POLICY,
) -> None:
    """Email a reset link if the address has an active account; silent otherwise."""
    user = user_by_email(db, email.strip().lower())
    if user is None or not user.active:
        return  # the answer is the same either way, so it does not tell who has an account
    recent = select(PasswordReset.id).where(
        PasswordReset.user_id == user.id, PasswordReset.created_at > utcnow() - RESEND_AFTER
    )
    if db.scalar(recent.limit(1)) is not None:
        log.info("password reset for user %s not resent within a minute", user.id)
        return
    # One live link at a time: an older one stops working when a new one is sent.
    db.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
        .values(used_at=utcnow())
    )
    secret = new_secret(RESET_PREFIX)
    db.add(
        PasswordReset(
            user_id=user.id,
            secret_hash=hash_secret(secret),
            expires_at=utcnow() + timedelta(minutes=policy.reset_minutes),
        )
    )
    body = (
        f"Hello {user.name},\n\nSomeone asked to reset the password of your coach account.\n"
        f"Open this link within {policy.reset_minutes:g} minutes to choose a new one:\n\n"
        f"{base_url.rstrip('/')}/reset/{secret}\n\n"
        "If it was not you, ignore this email: your password stays as it is.\n"
    )
    assert user.email is not None
    mailer.send(user.email, "Reset your coach password", body)
    audit.record(db, None, "account.reset.request", program_id=user.program_id, user_id=user.id)
    db.commit()
    log.info("password reset link sent for user %s", user.id)


def _usable(db: Session, secret: str) -> PasswordReset:
    row = db.scalar(select(PasswordReset).where(PasswordReset.secret_hash == hash_secret(secret)))
    if row is None:
        raise UnknownLink("this reset link is not valid: ask for a new one")
    if row.used_at is not None:
        raise LinkExpired("this reset link was used or replaced: ask for a new one")
    if row.expires_at <= utcnow():
        raise LinkExpired("this reset link expired: ask for a new one")
    return row


def check_reset(db: Session, secret: str) -> None:
    """Whether a reset link still works, for the page that asks for the new password."""
    _usable(db, secret)


def reset_password(db: Session, secret: str, password: str) -> None:
    """Set a new password from a reset link; every session of the account is signed out."""
    row = _usable(db, secret)
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        raise LinkExpired("this account is deactivated: ask an admin")
    set_password(db, user, password)
    row.used_at = utcnow()
    end_all_sessions(db, user.id)
    audit.record(db, principal(user), "account.reset", program_id=user.program_id)
    db.commit()
