"""The audit log: who did or read what, recorded in the same transaction as the act."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db.auth import Principal
from coach.db.models import AuditEntry


def record(
    db: Session,
    actor: Principal | None,
    action: str,
    *,
    program_id: int | None = None,
    pair_id: int | None = None,
    session_id: int | None = None,
    **detail: Any,
) -> None:
    """Add an entry to the open transaction; the caller's commit makes it durable."""
    db.add(
        AuditEntry(
            actor_id=actor.id if actor else None,
            actor_role=actor.role if actor else "system",
            action=action,
            program_id=program_id,
            pair_id=pair_id,
            session_id=session_id,
            detail=detail,
        )
    )


def entries(
    db: Session, *, action: str | None = None, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """Audit entries, newest first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if action:
        query = query.where(AuditEntry.action == action)
    return list(db.scalars(query.limit(limit).offset(offset)))
