"""Generation over stored sessions: read in one short session, generate, store in another.

Each database step runs in a worker thread on a session of its own, closed before the model
is asked: a generation in flight holds no database connection, however long the model takes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from anyio import to_thread
from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from coach.db import sessions
from coach.db.auth import Principal
from coach.db.models import CoachingSession, utcnow
from coach.db.programs import member_names
from coach.errors import Conflict
from coach.models import Agenda, AgendaRequest, PrivateSummary, SessionSummary, SummaryRequest

if TYPE_CHECKING:
    from coach.service import Coach

MAX_PREVIOUS_CHARS = 4_000  # AgendaRequest.previous_summary's limit
R = TypeVar("R", AgendaRequest, SummaryRequest)
T = TypeVar("T")


def continuity(private: PrivateSummary) -> str:
    """The part of a private summary the next agenda builds on, within the request limit."""
    parts = [private.summary]
    if private.action_items:
        parts.append("Action items: " + "; ".join(a.text for a in private.action_items))
    if private.commitments:
        parts.append("Commitments: " + "; ".join(private.commitments))
    return "\n".join(parts)[:MAX_PREVIOUS_CHARS]


def _request(model: type[R], **fields: object) -> R:
    """Build a generator request, reporting a stored value it rejects as the caller's error."""
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
        ]
        # The request itself was valid; what is stored (e.g. notes too short to summarize) is not.
        raise Conflict("the stored session cannot be used as asked", errors=errors) from None


def _agenda_request(
    db: Session,
    actor: Principal,
    session_id: int,
    duration_minutes: int | None,
    goals: list[str] | None,
) -> AgendaRequest:
    row = sessions.member_session(db, actor, session_id)
    previous = sessions.previous_session(db, row)
    return _request(
        AgendaRequest,
        topic=row.topic,
        duration_minutes=duration_minutes or row.duration_minutes,
        session_number=row.number,
        goals=goals or [],
        previous_summary=continuity(PrivateSummary.model_validate(previous.private_summary))
        if previous and previous.private_summary
        else None,
    )


def _store_agenda(
    db: Session, actor: Principal, session_id: int, request: AgendaRequest, result: Agenda
) -> CoachingSession:
    row = sessions.member_session(db, actor, session_id)
    row.agenda = result.model_dump(mode="json")
    row.duration_minutes = request.duration_minutes
    sessions.audit_session(
        db, actor, "session.agenda.generate", row, continued=request.previous_summary is not None
    )
    db.commit()
    return row


def _in_session(factory: sessionmaker[Session], step: Callable[..., T], *args: Any) -> T:
    """One step in a short session of its own, closed (its connection returned) at the end."""
    with factory() as db:
        return step(db, *args)


async def agenda(
    factory: sessionmaker[Session],
    coach: Coach,
    actor: Principal,
    session_id: int,
    duration_minutes: int | None = None,
    goals: list[str] | None = None,
) -> CoachingSession:
    """Write and store the session's agenda, continuing from the previous session's summary."""
    request = await to_thread.run_sync(
        _in_session, factory, _agenda_request, actor, session_id, duration_minutes, goals
    )
    result = await coach.aagenda(request)
    return await to_thread.run_sync(
        _in_session, factory, _store_agenda, actor, session_id, request, result
    )


def _summary_request(
    db: Session, actor: Principal, session_id: int, other_names: list[str]
) -> tuple[SummaryRequest, datetime | None]:
    row = sessions.member_session(db, actor, session_id)
    if not row.notes:
        raise Conflict(f"session {session_id} has no notes yet: save notes first")
    names = member_names(db, row.pair_id)
    # The gap since the last held session feeds the "may need support" signal.
    held = sessions.previous_held(db, row)
    # "Before our next session" resolves to the next booked one, when there is one.
    upcoming = sessions.next_scheduled(db, row)
    request = _request(
        SummaryRequest,
        previous_session_date=held.date.isoformat() if held else None,
        next_session_date=upcoming.date.isoformat() if upcoming else None,
        notes=row.notes,
        mentor_name=names.get("mentor", "the mentor"),
        mentee_name=names.get("mentee", "the mentee"),
        other_names=other_names,
        session_date=row.date.isoformat(),
    )
    return request, row.notes_updated_at


def _store_summary(
    db: Session,
    actor: Principal,
    session_id: int,
    notes_version: datetime | None,
    result: SessionSummary,
) -> CoachingSession:
    row = sessions.member_session(db, actor, session_id, lock=True)
    if row.notes_updated_at != notes_version:
        raise Conflict("the notes changed while the summary was written; ask for it again")
    row.private_summary = result.private.model_dump(mode="json")
    row.anonymized_summary = result.anonymized.model_dump(mode="json")
    row.summary_meta = result.meta.model_dump(mode="json")
    row.summarized_at = utcnow()
    # Consent covered the previous text, not this one. Flagged so the UPDATE always clears
    # them: SQLAlchemy skips a column it thinks is unchanged (SQLite takes no row lock).
    row.mentor_released_at = row.mentee_released_at = None
    flag_modified(row, "mentor_released_at")
    flag_modified(row, "mentee_released_at")
    sessions.audit_session(db, actor, "session.summary.generate", row)
    db.commit()
    return row


async def summary(
    factory: sessionmaker[Session],
    coach: Coach,
    actor: Principal,
    session_id: int,
    other_names: list[str],
) -> CoachingSession:
    """Summarize the stored notes; coordinators see a new summary only once it is released again."""
    request, notes_version = await to_thread.run_sync(
        _in_session, factory, _summary_request, actor, session_id, other_names
    )
    result = await coach.asummarize(request)
    return await to_thread.run_sync(
        _in_session, factory, _store_summary, actor, session_id, notes_version, result
    )
