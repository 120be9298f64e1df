"""Server-side browser sessions: a row per signed-in browser, so sign-out takes effect at once."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from coach.db.auth import Principal, hash_secret, new_secret, principal
from coach.db.models import BrowserSession, User, utcnow
from coach.errors import NotAuthenticated
from coach.settings import AuthSettings

SESSION_PREFIX = "coachs_"
DEFAULT_POLICY = AuthSettings()
# last_seen_at is written at most this often, so reading a page is not a write each time.
TOUCH_EVERY = timedelta(minutes=1)


def csrf_token(secret: str) -> str:
    """The CSRF token of a session: derived from its secret, so nothing more is stored."""
    return hmac.new(secret.encode(), b"coach-csrf", hashlib.sha256).hexdigest()


def csrf_matches(secret: str, sent: str | None) -> bool:
    """Whether a request echoed its session's CSRF token."""
    return bool(sent) and hmac.compare_digest(csrf_token(secret), sent or "")


def start_session(
    db: Session, user: User, policy: AuthSettings = DEFAULT_POLICY, via: str = "password"
) -> tuple[str, str]:
    """Open a session for a user in the open transaction; returns (secret, csrf_token)."""
    secret = new_secret(SESSION_PREFIX)
    now = utcnow()
    db.add(
        BrowserSession(
            user_id=user.id,
            secret_hash=hash_secret(secret),
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(hours=policy.session_hours),
            via=via,
        )
    )
    user.last_sign_in_at = now
    db.flush()
    return secret, csrf_token(secret)


def check_session(db: Session, secret: str, policy: AuthSettings = DEFAULT_POLICY) -> Principal:
    """The person a session cookie belongs to, or NotAuthenticated saying why not."""
    row = db.query(BrowserSession).filter_by(secret_hash=hash_secret(secret)).one_or_none()
    if row is None or row.revoked_at is not None:
        raise NotAuthenticated("you are signed out: sign in again")
    now = utcnow()
    idle_until = row.last_seen_at + timedelta(hours=policy.session_idle_hours)
    if row.expires_at <= now or idle_until <= now:
        raise NotAuthenticated("your session expired: sign in again")
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        raise NotAuthenticated("this account is deactivated: ask an admin")
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        db.commit()
    return principal(user).via("session", csrf_token(secret))


def principal_for_session(
    db: Session, secret: str, policy: AuthSettings = DEFAULT_POLICY
) -> Principal | None:
    """The person a session cookie belongs to, or None when it is unknown, ended or expired."""
    try:
        return check_session(db, secret, policy)
    except NotAuthenticated:
        return None


def sign_out(db: Session, secret: str) -> None:
    """End one session at once; an unknown or ended one is left as it is."""
    db.execute(
        update(BrowserSession)
        .where(BrowserSession.secret_hash == hash_secret(secret))
        .where(BrowserSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    db.commit()


def end_all_sessions(db: Session, user_id: int) -> None:
    """End every session of a user in the open transaction (password reset, deactivation)."""
    db.execute(
        update(BrowserSession)
        .where(BrowserSession.user_id == user_id, BrowserSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
