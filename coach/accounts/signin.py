"""Password sign-in, throttled per account (lockout) and per address (a cap on failures)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coach.accounts import passwords
from coach.accounts.browser import DEFAULT_POLICY, start_session
from coach.db import audit
from coach.db.auth import principal, user_by_email
from coach.db.models import SignInAttempt, User, utcnow
from coach.errors import InvalidInput, NotAuthenticated, TooManyAttempts
from coach.settings import AuthSettings

log = logging.getLogger("coach.accounts")
WRONG = "the email or password is wrong: try again, or reset your password"


def sign_in(
    db: Session,
    email: str,
    password: str,
    client_ip: str,
    policy: AuthSettings = DEFAULT_POLICY,
) -> tuple[str, str]:
    """Check a password and open a browser session; returns (session secret, csrf token)."""
    email = email.strip().lower()
    now = utcnow()
    _check_address(db, client_ip, now, policy)
    user = user_by_email(db, email) if email else None
    if user is not None and user.locked_until and user.locked_until > now:
        raise _locked(user.locked_until, now)
    ok, new_hash = passwords.verify(password, user.password_hash if user else None)
    if user is None or not ok or not user.active:
        _fail(db, user, email, client_ip, now, policy)
        raise NotAuthenticated(WRONG)
    if new_hash:
        user.password_hash = new_hash
    user.failed_sign_ins, user.locked_until = 0, None
    secret, csrf = start_session(db, user, policy)
    audit.record(db, principal(user), "account.sign_in", program_id=user.program_id)
    db.commit()
    return secret, csrf


def _check_address(db: Session, address: str, now: datetime, policy: AuthSettings) -> None:
    since = now - timedelta(minutes=policy.window_minutes)
    db.execute(delete(SignInAttempt).where(SignInAttempt.at < since))
    failures = db.scalar(
        select(func.count()).where(SignInAttempt.address == address, SignInAttempt.at >= since)
    )
    if (failures or 0) >= policy.address_failures:
        db.commit()
        raise TooManyAttempts(
            "too many failed sign-ins from your address: wait a few minutes, then try again",
            retry_after=int(policy.window_minutes * 60),
        )


def _fail(
    db: Session,
    user: User | None,
    email: str,
    address: str,
    now: datetime,
    policy: AuthSettings,
) -> None:
    """Count a failure; the account locks after too many in a row."""
    db.add(SignInAttempt(at=now, email=email[:254], address=address[:64]))
    if user is not None:
        user.failed_sign_ins += 1
        if user.failed_sign_ins >= policy.lock_after_failures:
            user.locked_until = now + timedelta(minutes=policy.lock_minutes)
            user.failed_sign_ins = 0
            audit.record(db, None, "account.locked", program_id=user.program_id, user_id=user.id)
            log.warning("account %s locked after repeated failed sign-ins", user.id)
    db.commit()


def _locked(until: datetime, now: datetime) -> TooManyAttempts:
    seconds = max(1, int((until - now).total_seconds()))
    return TooManyAttempts(
        f"this account is locked after repeated failed sign-ins until {until:%H:%M} UTC: "
        "wait, or reset your password by email to unlock it now",
        retry_after=seconds,
    )


def set_password(db: Session, user: User, password: str) -> None:
    """Give a user a new password in the open transaction and lift any lockout."""
    if not password:
        raise InvalidInput(
            "a password is required", errors=[{"field": "password", "message": "required"}]
        )
    user.password_hash = passwords.hash_password(password, user.email)
    user.failed_sign_ins, user.locked_until = 0, None
