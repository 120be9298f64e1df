"""A pair's sessions: plan, notes, summaries and their release; members only."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CoachDep, Db, Id, PairMember, Sessions
from api.routes.problems import BY_ID, GENERATION
from api.schemas import (
    AgendaEditIn,
    NotesIn,
    SessionAgendaIn,
    SessionHeader,
    SessionIn,
    SessionOut,
    SessionSummaryIn,
)
from coach.db import generation, sessions

router = APIRouter(prefix="/v1", tags=["sessions"], responses=BY_ID)


@router.post("/pairs/{pair_id}/sessions", status_code=201)
def create_session(pair_id: Id, body: SessionIn, db: Db, member: PairMember) -> SessionOut:
    """Schedule the pair's next session; it is numbered in order."""
    row = sessions.create_session(db, member, pair_id, body.date, body.topic, body.duration_minutes)
    return SessionOut.of(row)


@router.get("/pairs/{pair_id}/sessions")
def list_sessions(pair_id: Id, db: Db, member: PairMember) -> list[SessionHeader]:
    """The pair's sessions in order."""
    return [SessionHeader.of(r) for r in sessions.pair_sessions(db, member, pair_id)]


@router.get("/sessions/{session_id}")
def get_session(session_id: Id, db: Db, member: PairMember) -> SessionOut:
    """A session of the caller's pair, notes and private summary included."""
    return SessionOut.of(sessions.member_session(db, member, session_id))


@router.put("/sessions/{session_id}/notes")
def put_notes(session_id: Id, body: NotesIn, db: Db, member: PairMember) -> SessionOut:
    """Replace the session's notes; they are visible to the pair alone."""
    return SessionOut.of(sessions.save_notes(db, member, session_id, body.notes))


@router.post("/sessions/{session_id}/agenda", responses=GENERATION)
async def session_agenda(
    session_id: Id,
    factory: Sessions,
    coach: CoachDep,
    member: PairMember,
    body: SessionAgendaIn | None = None,
) -> SessionOut:
    """Write and store the agenda, continuing from the previous session's summary."""
    body = body or SessionAgendaIn()
    row = await generation.agenda(
        factory, coach, member, session_id, body.duration_minutes, body.goals
    )
    return SessionOut.of(row)


@router.put("/sessions/{session_id}/agenda")
def edit_agenda(session_id: Id, body: AgendaEditIn, db: Db, member: PairMember) -> SessionOut:
    """Store edited agenda items; the minutes must add up to the session's length."""
    return SessionOut.of(sessions.save_agenda(db, member, session_id, body.items))


@router.post("/sessions/{session_id}/summary", responses=GENERATION)
async def session_summary(
    session_id: Id,
    factory: Sessions,
    coach: CoachDep,
    member: PairMember,
    body: SessionSummaryIn | None = None,
) -> SessionOut:
    """Summarize the stored notes; the new summary must be released again."""
    other_names = body.other_names if body else []
    row = await generation.summary(factory, coach, member, session_id, other_names)
    return SessionOut.of(row)


@router.post("/sessions/{session_id}/release")
def release(session_id: Id, db: Db, member: PairMember) -> SessionOut:
    """Release the anonymized summary; coordinators see it once both members have."""
    return SessionOut.of(sessions.set_release(db, member, session_id, released=True))


@router.delete("/sessions/{session_id}/release")
def withdraw(session_id: Id, db: Db, member: PairMember) -> SessionOut:
    """Withdraw the caller's release; coordinators stop seeing the summary at once."""
    return SessionOut.of(sessions.set_release(db, member, session_id, released=False))
