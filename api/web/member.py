"""The start page for everyone, and the pair's home: their sessions and the next one."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import CoachDep, Db
from api.schemas import SessionHeader, SessionIn
from api.web import auth
from api.web.forms import FieldErrors, coach_errors, validate
from api.web.render import page
from coach.db import programs, sessions
from coach.db.auth import Principal
from coach.errors import CoachError

router = APIRouter(include_in_schema=False)
_HOME = {"coordinator": "/coordinator", "admin": "/admin"}


@router.get("/")
def home(request: Request, db: Db, coach: CoachDep, me: auth.Person) -> Response:
    """Members see their pair; coordinators and admins go to their own start page."""
    if me.role in _HOME:
        return RedirectResponse(_HOME[me.role], status_code=303)
    return _pair_page(request, db, coach, me, auth.restored(request), {})


@router.post("/sessions")
def create_session(
    request: Request,
    db: Db,
    coach: CoachDep,
    me: auth.Member,
    on: Annotated[str, Form(alias="date", max_length=20)] = "",
    topic: Annotated[str, Form(max_length=500)] = "",
    duration_minutes: Annotated[str, Form(max_length=10)] = "60",
) -> Response:
    """Schedule the pair's next session, then open it to prepare the agenda."""
    values = {"date": on, "topic": topic, "duration_minutes": duration_minutes}
    body, errors = validate(SessionIn, values)
    if body is None:
        return _pair_page(request, db, coach, me, values, errors, status=422)
    assert me.pair_id is not None
    try:
        row = sessions.create_session(
            db, me, me.pair_id, body.date, body.topic, body.duration_minutes
        )
    except CoachError as exc:
        return _pair_page(request, db, coach, me, values, coach_errors(exc), status=exc.status)
    return RedirectResponse(f"/sessions/{row.id}", status_code=303)


def _pair_page(
    request: Request,
    db: Db,
    coach: CoachDep,
    me: Principal,
    values: dict[str, str],
    errors: FieldErrors,
    status: int = 200,
) -> Response:
    if me.role not in ("mentor", "mentee") or me.pair_id is None:
        raise auth.PageForbidden("this page is for a pair's mentor or mentee")
    rows = [SessionHeader.of(r) for r in sessions.pair_sessions(db, me, me.pair_id)]
    today = date.today()
    upcoming = [r for r in rows if r.date >= today]
    return page(
        request,
        "pair.html",
        status=status,
        names=programs.member_names(db, me.pair_id),
        next_session=upcoming[0] if upcoming else None,
        sessions=list(reversed(rows)),
        topics=_topics(coach),
        values=values,
        errors=errors,
        today=today.isoformat(),
    )


def _topics(coach: CoachDep) -> list[str]:
    """Topic suggestions; the form still works as free text when the index is not ready."""
    try:
        return coach.topics()
    except CoachError:
        return []
