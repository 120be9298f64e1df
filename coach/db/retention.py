"""Retention: notes and private summaries go after N days; anonymized summaries stay."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from coach.db import audit
from coach.db.models import CoachingSession, utcnow


def purge_notes(db: Session, days: int, now: datetime | None = None) -> int:
    """Clear notes and private summaries last written over `days` ago; return how many sessions."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    # The notes' own timestamp decides; a row from before it existed falls back to its creation.
    written = func.coalesce(CoachingSession.notes_updated_at, CoachingSession.created_at)
    holds_text = or_(
        CoachingSession.notes.is_not(None), CoachingSession.private_summary.is_not(None)
    )
    ids = list(db.scalars(select(CoachingSession.id).where(holds_text, written < cutoff)))
    if not ids:
        return 0
    db.execute(
        update(CoachingSession)
        .where(CoachingSession.id.in_(ids))
        .values(notes=None, notes_updated_at=None, private_summary=None)
        .execution_options(synchronize_session=False)
    )
    audit.record(db, None, "retention.notes.purge", sessions=len(ids), days=days)
    db.commit()
    return len(ids)
