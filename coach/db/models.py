"""The ORM tables; the Alembic scripts in migrations/ create exactly these."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

ROLES = ("mentor", "mentee", "coordinator", "admin")


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC; SQLite drops the zone, so it is put back on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base of every table."""

    # none_as_null: a cleared summary is SQL NULL, so "IS NULL" queries find it.
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON(none_as_null=True),
    }


class Program(Base):
    """A reverse mentoring program; coordinators run one each."""

    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    """A person: an email to sign in with, a display name, one role and where it applies."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("email", name="uq_users_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Null only for accounts made before people had emails; they sign in with an API token.
    email: Mapped[str | None] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"))
    pair_id: Mapped[int | None] = mapped_column(ForeignKey("pairs.id"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_sign_in_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiToken(Base):
    """A personal API token for scripts; only the secret's sha256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class BrowserSession(Base):
    """A signed-in browser; deleting or revoking the row signs it out at once."""

    __tablename__ = "browser_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    via: Mapped[str] = mapped_column(String(20), default="password")


class Invitation(Base):
    """A single-use, expiring invitation to a pair or a program, sent by email."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"))
    pair_id: Mapped[int | None] = mapped_column(ForeignKey("pairs.id"))
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class PasswordReset(Base):
    """A single-use, short-lived link to set a new password, sent to the account's email."""

    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class SignInAttempt(Base):
    """A failed sign-in, kept briefly to throttle guessing per account and per address."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    email: Mapped[str] = mapped_column(String(254), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)


class OidcLogin(Base):
    """A single sign-on in progress: the state and nonce sent to the provider."""

    __tablename__ = "oidc_logins"

    id: Mapped[int] = mapped_column(primary_key=True)
    state_hash: Mapped[str] = mapped_column(String(64), unique=True)
    nonce: Mapped[str] = mapped_column(String(64))
    code_verifier: Mapped[str] = mapped_column(String(128))
    next_path: Mapped[str] = mapped_column(String(500), default="/")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Pair(Base):
    """A mentor and a mentee in one program."""

    __tablename__ = "pairs"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CoachingSession(Base):
    """One meeting of a pair: plan, notes, and both summaries with their release state."""

    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("pair_id", "number", name="uq_sessions_pair_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id"), index=True)
    number: Mapped[int]
    date: Mapped[date]
    topic: Mapped[str] = mapped_column(String(120))
    duration_minutes: Mapped[int] = mapped_column(default=60)
    agenda: Mapped[dict[str, Any] | None]
    notes: Mapped[str | None] = mapped_column(Text)
    notes_updated_at: Mapped[datetime | None]
    private_summary: Mapped[dict[str, Any] | None]
    anonymized_summary: Mapped[dict[str, Any] | None]
    summary_meta: Mapped[dict[str, Any] | None]
    summarized_at: Mapped[datetime | None]
    mentor_released_at: Mapped[datetime | None]
    mentee_released_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    pair: Mapped[Pair] = relationship(lazy="joined")

    @property
    def released(self) -> bool:
        """Whether both members released the anonymized summary to coordinators."""
        return bool(self.anonymized_summary and self.mentor_released_at and self.mentee_released_at)


class AuditEntry(Base):
    """Who did or read what, by id only: the log never holds notes or summary text."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None]
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(60), index=True)
    program_id: Mapped[int | None]
    pair_id: Mapped[int | None]
    session_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
