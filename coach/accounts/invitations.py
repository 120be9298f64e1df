"""Invitations: a single-use, expiring link emailed to a person; the inviter never sees it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.accounts.browser import DEFAULT_POLICY, start_session
from coach.accounts.mail import Mailer
from coach.accounts.passwords import hash_password
from coach.db import audit
from coach.db.auth import (
    Principal,
    add_user,
    hash_secret,
    new_secret,
    normalize_email,
    placement,
    principal,
    user_by_email,
)
from coach.db.models import Invitation, Pair, Program, utcnow
from coach.errors import Conflict, Forbidden, LinkExpired, NotFound, UnknownLink
from coach.settings import AuthSettings

log = logging.getLogger("coach.accounts")
INVITE_PREFIX = "coachi_"
# Who may invite whom: coordinators bring members into their program's pairs, and co-coordinators.
MAY_INVITE = {
    "admin": {"mentor", "mentee", "coordinator", "admin"},
    "coordinator": {"mentor", "mentee", "coordinator"},
}


@dataclass(frozen=True)
class InvitationInfo:
    """An invitation as its sender and the invitee's page see it: never the secret."""

    id: int
    email: str
    name: str
    role: str
    program_id: int | None
    pair_id: int | None
    created_at: datetime
    expires_at: datetime
    status: str


def _info(row: Invitation) -> InvitationInfo:
    now = utcnow()
    status = (
        "accepted"
        if row.accepted_at
        else "revoked"
        if row.revoked_at
        else "expired"
        if row.expires_at <= now
        else "pending"
    )
    return InvitationInfo(
        row.id,
        row.email,
        row.name,
        row.role,
        row.program_id,
        row.pair_id,
        row.created_at,
        row.expires_at,
        status,
    )


def _authorize(db: Session, inviter: Principal | None, role: str, program_id: int | None) -> None:
    """An inviter may only place people where they run things; others' programs do not exist."""
    if inviter is None or inviter.role == "admin":
        return
    if role not in MAY_INVITE.get(inviter.role, set()):
        raise Forbidden(f"a {inviter.role} may not invite a {role}")
    if program_id != inviter.program_id:
        raise NotFound("no such pair or program")


def _where(
    db: Session, inviter: Principal | None, role: str, program_id: int | None, pair_id: int | None
) -> tuple[int | None, int | None]:
    """The checked (pair, program) an invitee joins, or why the inviter may not place them there."""
    if program_id is not None and db.get(Program, program_id) is None:
        raise NotFound(f"program {program_id} not found")
    given = program_id
    if pair_id is not None:
        pair = db.get(Pair, pair_id)
        if pair is None:
            raise NotFound(f"pair {pair_id} not found")
        program_id = pair.program_id
    _authorize(db, inviter, role, program_id)  # the pair's own program decides who may invite
    if given not in (None, program_id):
        raise Conflict(f"pair {pair_id} belongs to program {program_id}: leave program_id out")
    return placement(db, role, pair_id, program_id)


def _new_invitation(
    db: Session,
    inviter: Principal | None,
    email: str,
    name: str,
    role: str,
    place: tuple[int | None, int | None],
    policy: AuthSettings,
) -> tuple[Invitation, str]:
    """A new invitation in the open transaction, withdrawing pending ones to the same place."""
    pair_id, program_id = place
    for old in _pending(db, email, role, program_id, pair_id):
        old.revoked_at = utcnow()
    secret = new_secret(INVITE_PREFIX)
    row = Invitation(
        secret_hash=hash_secret(secret),
        email=email,
        name=name,
        role=role,
        program_id=program_id,
        pair_id=pair_id,
        invited_by=inviter.id if inviter else None,
        expires_at=utcnow() + timedelta(days=policy.invitation_days),
    )
    db.add(row)
    db.flush()
    audit.record(
        db,
        inviter,
        "invitation.create",
        program_id=program_id,
        pair_id=pair_id,
        invitation_id=row.id,
    )
    return row, secret


def invite(
    db: Session,
    inviter: Principal | None,
    email: str,
    name: str,
    role: str,
    *,
    program_id: int | None = None,
    pair_id: int | None = None,
    mailer: Mailer,
    base_url: str,
    policy: AuthSettings = DEFAULT_POLICY,
) -> InvitationInfo:
    """Email an invitation; a pending one to the same address and place is replaced."""
    email = normalize_email(email)
    place = _where(db, inviter, role, program_id, pair_id)
    if user_by_email(db, email) is not None:
        raise Conflict(f"{email} already has an account: they sign in, or reset their password")
    row, secret = _new_invitation(db, inviter, email, name, role, place, policy)
    sender = inviter.name if inviter else "The coach administrator"
    try:  # sent before the commit: when the mail server refuses it, nothing is stored
        mailer.send(email, "You are invited to coach", _body(row, sender, secret, base_url, policy))
    except Exception:
        db.rollback()
        raise
    db.commit()
    log.info("invitation %s sent for role %s", row.id, role)
    return _info(row)


def _body(row: Invitation, inviter: str, secret: str, base_url: str, policy: AuthSettings) -> str:
    where = (
        f"pair {row.pair_id}"
        if row.pair_id
        else f"program {row.program_id}"
        if row.program_id
        else "coach"
    )
    return (
        f"Hello {row.name},\n\n{inviter} invites you to join {where} as {row.role}.\n"
        "Open this link to choose your password "
        f"(it works once, for {policy.invitation_days:g} days):\n\n"
        f"{base_url.rstrip('/')}/invitations/{secret}\n\n"
        "If you did not expect this, ignore this email.\n"
    )


def _pending(
    db: Session, email: str, role: str, program_id: int | None, pair_id: int | None
) -> list[Invitation]:
    query = select(Invitation).where(
        Invitation.email == email,
        Invitation.role == role,
        Invitation.program_id.is_(None)
        if program_id is None
        else Invitation.program_id == program_id,
        Invitation.pair_id.is_(None) if pair_id is None else Invitation.pair_id == pair_id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
    )
    return list(db.scalars(query))


def _usable(db: Session, secret: str) -> Invitation:
    row = db.scalar(select(Invitation).where(Invitation.secret_hash == hash_secret(secret)))
    if row is None:
        raise UnknownLink(
            "this invitation link is not valid: ask whoever invited you for a new one"
        )
    if row.accepted_at is not None:
        raise LinkExpired("this invitation was used already: sign in with your email and password")
    if row.revoked_at is not None:
        raise LinkExpired(
            "this invitation was withdrawn or replaced: use the newest email, or ask again"
        )
    if row.expires_at <= utcnow():
        raise LinkExpired("this invitation expired: ask whoever invited you to send a new one")
    return row


def invitation_for(db: Session, secret: str) -> InvitationInfo:
    """What an invitation link offers, for the page that accepts it; LinkExpired if unusable."""
    return _info(_usable(db, secret))


def accept_invitation(
    db: Session,
    secret: str,
    password: str,
    name: str | None = None,
    policy: AuthSettings = DEFAULT_POLICY,
) -> tuple[str, str]:
    """Create the invitee's account with their password and sign them in: (session, csrf)."""
    row = _usable(db, secret)
    password_hash = hash_password(password, row.email)
    user = add_user(
        db,
        row.role,
        name or row.name,
        email=row.email,
        password_hash=password_hash,
        pair_id=row.pair_id,
        program_id=row.program_id,
    )
    row.accepted_at, row.user_id = utcnow(), user.id
    session_secret, csrf = start_session(db, user, policy, via="invitation")
    audit.record(
        db,
        principal(user),
        "invitation.accept",
        program_id=user.program_id,
        pair_id=user.pair_id,
        invitation_id=row.id,
    )
    db.commit()
    return session_secret, csrf


def list_invitations(db: Session, actor: Principal) -> list[InvitationInfo]:
    """Invitations the actor may see: all for admins, their program's for coordinators."""
    query = select(Invitation).order_by(Invitation.id.desc()).limit(200)
    if actor.role != "admin":
        query = query.where(Invitation.program_id == actor.program_id)
    return [_info(r) for r in db.scalars(query)]


def revoke_invitation(db: Session, actor: Principal, invitation_id: int) -> None:
    """Withdraw an invitation that was not accepted yet; withdrawing it again changes nothing."""
    row = db.get(Invitation, invitation_id)
    if row is None or (actor.role != "admin" and row.program_id != actor.program_id):
        raise NotFound(f"invitation {invitation_id} not found")
    if row.accepted_at is not None:
        raise Conflict(
            f"invitation {invitation_id} was accepted already: deactivate the account instead"
        )
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit.record(
            db, actor, "invitation.revoke", program_id=row.program_id, invitation_id=row.id
        )
        db.commit()
