"""A pair's sessions: only the pair's own members ever read or change them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coach.db import audit
from coach.db.auth import Principal
from coach.db.models import CoachingSession, utcnow
from coach.errors import Conflict, InvalidInput, NotFound
from coach.models import Agenda, AgendaEdit, AgendaItem

MAX_SESSIONS_PER_PAIR = 100  # AgendaRequest.session_number stops at 100


def _is_member(actor: Principal, pair_id: int) -> bool:
    return actor.role in ("mentor", "mentee") and actor.pair_id == pair_id


def create_session(
    db: Session, actor: Principal, pair_id: int, on: date, topic: str, duration_minutes: int
) -> CoachingSession:
    """Add the pair's next session; anyone but its members is told the pair does not exist."""
    if not _is_member(actor, pair_id):
        raise NotFound(f"pair {pair_id} not found")
    count = db.scalar(select(func.count()).where(CoachingSession.pair_id == pair_id)) or 0
    if count >= MAX_SESSIONS_PER_PAIR:
        raise Conflict(f"a pair holds at most {MAX_SESSIONS_PER_PAIR} sessions")
    last = db.scalar(
        select(func.max(CoachingSession.number)).where(CoachingSession.pair_id == pair_id)
    )
    row = CoachingSession(
        pair_id=pair_id,
        number=(last or 0) + 1,
        date=on,
        topic=topic,
        duration_minutes=duration_minutes,
    )
    db.add(row)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        raise Conflict("another session was added at the same moment; try again") from None
    audit_session(db, actor, "session.create", row)
    db.commit()
    return row


def member_session(
    db: Session, actor: Principal, session_id: int, lock: bool = False
) -> CoachingSession:
    """A session of the actor's own pair; NotFound for everyone else, admins included."""
    # lock: the row stays locked (PostgreSQL's FOR UPDATE) until the caller commits, so a
    # decision read from it cannot be overtaken by another member's write.
    row = db.get(
        CoachingSession,
        session_id,
        populate_existing=True,
        with_for_update={"of": CoachingSession} if lock else None,
    )
    if row is None or not _is_member(actor, row.pair_id):
        raise NotFound(f"session {session_id} not found")
    return row


def save_notes(db: Session, actor: Principal, session_id: int, notes: str) -> CoachingSession:
    """Replace the session's notes; an existing summary stays until it is regenerated."""
    row = member_session(db, actor, session_id, lock=True)
    row.notes = notes
    row.notes_updated_at = utcnow()
    audit_session(db, actor, "session.notes.update", row, chars=len(notes))
    db.commit()
    return row


def set_release(db: Session, actor: Principal, session_id: int, released: bool) -> CoachingSession:
    """Record the caller's consent, or its withdrawal, to show coordinators the summary."""
    row = member_session(db, actor, session_id, lock=True)
    if row.anonymized_summary is None:
        raise Conflict(f"session {session_id} has no summary to release yet: summarize it first")
    stamp = utcnow() if released else None
    if actor.role == "mentor":
        row.mentor_released_at = stamp
    else:
        row.mentee_released_at = stamp
    action = "summary.release" if released else "summary.withdraw"
    audit_session(db, actor, action, row, visible_to_coordinator=row.released)
    db.commit()
    return row


def previous_session(db: Session, row: CoachingSession) -> CoachingSession | None:
    """The pair's latest earlier session that has a private summary."""
    query = (
        select(CoachingSession)
        .where(
            CoachingSession.pair_id == row.pair_id,
            CoachingSession.number < row.number,
            CoachingSession.private_summary.is_not(None),
        )
        .order_by(CoachingSession.number.desc())
        .limit(1)
    )
    return db.scalar(query)


def previous_held(db: Session, row: CoachingSession) -> CoachingSession | None:
    """The pair's latest earlier session that was held: its notes were written."""
    query = (
        select(CoachingSession)
        .where(
            CoachingSession.pair_id == row.pair_id,
            CoachingSession.number < row.number,
            CoachingSession.notes.is_not(None),
            CoachingSession.date <= row.date,
        )
        .order_by(CoachingSession.date.desc(), CoachingSession.number.desc())
        .limit(1)
    )
    return db.scalar(query)


def next_scheduled(db: Session, row: CoachingSession) -> CoachingSession | None:
    """The pair's earliest session booked after this one (later date, or same day after it)."""
    query = (
        select(CoachingSession)
        .where(
            CoachingSession.pair_id == row.pair_id,
            CoachingSession.id != row.id,
            (CoachingSession.date > row.date)
            | ((CoachingSession.date == row.date) & (CoachingSession.number > row.number)),
        )
        .order_by(CoachingSession.date, CoachingSession.number)
        .limit(1)
    )
    return db.scalar(query)


def audit_session(
    db: Session, actor: Principal, action: str, row: CoachingSession, **detail: object
) -> None:
    audit.record(
        db,
        actor,
        action,
        program_id=row.pair.program_id,
        pair_id=row.pair_id,
        session_id=row.id,
        **detail,
    )


def pair_sessions(db: Session, actor: Principal, pair_id: int) -> list[CoachingSession]:
    """The pair's sessions in order, for its members only."""
    if not _is_member(actor, pair_id):
        raise NotFound(f"pair {pair_id} not found")
    query = select(CoachingSession).where(CoachingSession.pair_id == pair_id)
    return list(db.scalars(query.order_by(CoachingSession.number)))


def save_agenda(
    db: Session, actor: Principal, session_id: int, edits: list[AgendaEdit]
) -> CoachingSession:
    """Store the pair's edits to the agenda's items; the minutes must still add up exactly."""
    from coach.generators.agenda import minutes_problem  # the generators' rule, loaded on use

    row = member_session(db, actor, session_id)
    if row.agenda is None:
        raise Conflict(f"session {session_id} has no agenda yet: prepare one first")
    agenda = Agenda.model_validate(row.agenda)
    if len(edits) != len(agenda.items):
        raise InvalidInput(
            f"send all {len(agenda.items)} items, in order",
            errors=[{"field": "items", "message": f"expected {len(agenda.items)} items"}],
        )
    # Sources stay as the generator cited them: an edit changes the plan, not its grounding.
    items = [
        AgendaItem(**edit.model_dump(), sources=old.sources)
        for edit, old in zip(edits, agenda.items, strict=True)
    ]
    if problem := minutes_problem(items, row.duration_minutes):
        raise InvalidInput(
            f"{problem}: change the minutes so they total {row.duration_minutes}",
            errors=[{"field": "items", "message": problem}],
        )
    row.agenda = agenda.model_copy(update={"items": items}).model_dump(mode="json")
    audit_session(db, actor, "session.agenda.edit", row)
    db.commit()
    return row
