"""Accounts for people: emails and passwords, API tokens, browser sessions, invitations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

Each user's old bearer token becomes a personal API token of theirs (same secret, so scripts
keep working) that expires 90 days after the upgrade.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

from coach.db.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MIGRATED_TOKEN_DAYS = 90


def upgrade() -> None:
    # Read first: SQLite rebuilds the users table below, which it cannot do once another
    # table points at it, so api_tokens is made after the rebuild.
    old_tokens = op.get_bind().execute(sa.text("SELECT id, token_hash FROM users")).all()
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.String(254), nullable=True))
        batch.add_column(sa.Column("password_hash", sa.String(255), nullable=True))
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
        batch.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("last_sign_in_at", UTCDateTime(), nullable=True))
        batch.create_unique_constraint("uq_users_email", ["email"])
        batch.drop_column("token_hash")
    with op.batch_alter_table("users") as batch:
        batch.alter_column("active", server_default=None)
        batch.alter_column("failed_sign_ins", server_default=None)
    _create_api_tokens()
    _move_tokens(old_tokens)
    _create_browser_sessions()
    _create_invitations()
    _create_password_resets()
    _create_sign_in_failures()
    _create_oidc_logins()


def _create_api_tokens() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hint", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("last_used_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])


def _move_tokens(rows: Sequence[Any]) -> None:
    """Every old per-user bearer token becomes that user's personal API token."""
    now = datetime.now(UTC)
    tokens = sa.table(
        "api_tokens",
        sa.column("user_id", sa.Integer()),
        sa.column("name", sa.String()),
        sa.column("secret_hash", sa.String()),
        sa.column("hint", sa.String()),
        sa.column("created_at", UTCDateTime()),
        sa.column("expires_at", UTCDateTime()),
    )
    if rows:
        op.bulk_insert(
            tokens,
            [
                {
                    "user_id": user_id,
                    "name": "token from before accounts",
                    "secret_hash": token_hash,
                    "hint": "coach_…",
                    "created_at": now,
                    "expires_at": now + timedelta(days=MIGRATED_TOKEN_DAYS),
                }
                for user_id, token_hash in rows
            ],
        )


def _create_browser_sessions() -> None:
    op.create_table(
        "browser_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("via", sa.String(20), nullable=False),
    )
    op.create_index("ix_browser_sessions_user_id", "browser_sessions", ["user_id"])


def _create_invitations() -> None:
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("program_id", sa.Integer(), sa.ForeignKey("programs.id"), nullable=True),
        sa.Column("pair_id", sa.Integer(), sa.ForeignKey("pairs.id"), nullable=True),
        sa.Column("invited_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("accepted_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_index("ix_invitations_email", "invitations", ["email"])


def _create_password_resets() -> None:
    op.create_table(
        "password_resets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_password_resets_user_id", "password_resets", ["user_id"])


def _create_sign_in_failures() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index("ix_sign_in_failures_at", "sign_in_failures", ["at"])
    op.create_index("ix_sign_in_failures_email", "sign_in_failures", ["email"])
    op.create_index("ix_sign_in_failures_address", "sign_in_failures", ["address"])


def _create_oidc_logins() -> None:
    op.create_table(
        "oidc_logins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("state_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("code_verifier", sa.String(128), nullable=False),
        sa.Column("next_path", sa.String(500), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "oidc_logins",
        "sign_in_failures",
        "password_resets",
        "invitations",
        "browser_sessions",
    ):
        op.drop_table(table)
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("token_hash", sa.String(64), nullable=True))
    op.execute(
        "UPDATE users SET token_hash = (SELECT secret_hash FROM api_tokens "
        "WHERE api_tokens.user_id = users.id ORDER BY id LIMIT 1)"
    )
    op.drop_table("api_tokens")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_email", type_="unique")
        for column in ("last_sign_in_at", "locked_until", "failed_sign_ins", "active"):
            batch.drop_column(column)
        batch.drop_column("password_hash")
        batch.drop_column("email")
