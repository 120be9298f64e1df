"""Preparing a session: the agenda, its edits, and its Markdown, print and calendar forms."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.admission import retry_headers
from api.deps import CoachDep, Db, GateDep, Id, Sessions
from api.schemas import SessionAgendaIn, SessionOut
from api.web import auth, exports
from api.web.forms import FieldErrors, coach_errors, generation_failed, lines, validate
from api.web.render import page
from coach.db import generation, sessions
from coach.db.auth import Principal
from coach.errors import CoachError, NotFound
from coach.models import AgendaEdit, PrivateSummary

router = APIRouter(include_in_schema=False)
LEADS = ("mentor", "mentee", "both")


@router.get("/sessions/{session_id}")
def session_page(request: Request, session_id: Id, db: Db, me: auth.Member) -> Response:
    """The session, its agenda (or the form to prepare one) and where it came from."""
    return _page(request, db, me, session_id, auth.restored(request), {})


@router.post("/sessions/{session_id}/agenda")
async def prepare(
    request: Request,
    session_id: Id,
    db: Db,
    factory: Sessions,
    coach: CoachDep,
    gate: GateDep,
    me: auth.Member,
    duration_minutes: Annotated[str, Form(max_length=10)] = "",
    goals: Annotated[str, Form(max_length=4_000)] = "",
) -> Response:
    """Write the agenda with the same function the API calls; a failure keeps the form."""
    values = {"duration_minutes": duration_minutes, "goals": goals}
    body, errors = validate(
        SessionAgendaIn, {"duration_minutes": duration_minutes or None, "goals": lines(goals)}
    )
    # The page's own database reads run in a worker thread; the generation takes short
    # sessions of its own and waits on the model holding none.
    if body is None:
        return await run_in_threadpool(
            _page, request, db, me, session_id, values, _goal_errors(errors), 422
        )
    try:
        async with gate.slot():
            await generation.agenda(
                factory, coach, me, session_id, body.duration_minutes, body.goals
            )
    except CoachError as exc:
        response = await run_in_threadpool(
            _page, request, db, me, session_id, values, _failure(exc), exc.status
        )
        response.headers.update(retry_headers(exc))
        return response
    return RedirectResponse(f"/sessions/{session_id}#agenda", status_code=303)


@router.post("/sessions/{session_id}/agenda/items")
async def save_items(request: Request, session_id: Id, db: Db, me: auth.Member) -> Response:
    """Store the edited items; when the minutes do not add up, say so and keep the edits."""
    values = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    edits, errors = _edits(values)
    if edits is not None:
        try:
            sessions.save_agenda(db, me, session_id, edits)
            return RedirectResponse(f"/sessions/{session_id}?saved=1#agenda", status_code=303)
        except CoachError as exc:
            db.rollback()
            errors = coach_errors(exc)
    return _page(request, db, me, session_id, values, errors, status=422)


@router.post("/sessions/{session_id}/agenda/total")
async def total(request: Request, session_id: Id, db: Db, me: auth.Member) -> Response:
    """The running total of the edited minutes, for htmx to show while someone types."""
    row = SessionOut.of(sessions.member_session(db, me, session_id))
    form = await request.form()
    count = len(row.agenda.items) if row.agenda else 0
    minutes = [str(form.get(f"minutes-{i}", "")) for i in range(count)]
    return page(request, "_total.html", t=exports.total_status(minutes, row.duration_minutes))


@router.get("/sessions/{session_id}/agenda.md")
def markdown(session_id: Id, db: Db, me: auth.Member) -> Response:
    """The agenda as a Markdown file."""
    row = _with_agenda(db, me, session_id)
    return Response(
        exports.agenda_markdown(row),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="session-{row.number}-agenda.md"'},
    )


@router.get("/sessions/{session_id}/agenda.ics")
def calendar(request: Request, session_id: Id, db: Db, me: auth.Member) -> Response:
    """A calendar event for the session with the agenda in its description."""
    row = _with_agenda(db, me, session_id)
    return Response(
        exports.agenda_ics(row, f"{request.base_url}sessions/{row.id}"),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="session-{row.number}.ics"'},
    )


@router.get("/sessions/{session_id}/print")
def print_view(request: Request, session_id: Id, db: Db, me: auth.Member) -> Response:
    """The agenda on its own, laid out for paper."""
    return page(request, "print.html", s=_with_agenda(db, me, session_id))


def _with_agenda(db: Db, me: Principal, session_id: int) -> SessionOut:
    row = SessionOut.of(sessions.member_session(db, me, session_id))
    if row.agenda is None:
        raise NotFound(f"session {session_id} has no agenda yet: prepare one first")
    return row


def _edits(values: dict[str, str]) -> tuple[list[AgendaEdit] | None, FieldErrors]:
    """The agenda items of the edit form, or the errors of each field by its form name."""
    edits: list[AgendaEdit] = []
    errors: FieldErrors = {}
    count = int(values.get("count", "0")) if values.get("count", "").isdigit() else 0
    for i in range(min(count, 30)):
        data = {f: values.get(f"{f}-{i}", "") for f in ("title", "minutes", "lead", "notes")}
        edit, found = validate(AgendaEdit, data)
        errors |= {f"{field}-{i}": message for field, message in found.items()}
        if edit is not None:
            edits.append(edit)
    return (edits if not errors else None), errors


def _goal_errors(errors: FieldErrors) -> FieldErrors:
    """Errors about one goal ("goals.2") shown at the goals box."""
    merged: FieldErrors = {}
    for field, message in errors.items():
        if field.startswith("goals."):
            merged.setdefault("goals", f"Goal {int(field.split('.')[1]) + 1}: {message}")
        else:
            merged.setdefault(field, message)
    return merged


def _failure(exc: CoachError) -> FieldErrors:
    """A generation failure as a message over the form; what was typed stays in it."""
    return generation_failed(exc, "The agenda", "Your goals are kept below; try again in a moment.")


def _page(
    request: Request,
    db: Db,
    me: Principal,
    session_id: int,
    values: dict[str, Any],
    errors: FieldErrors,
    status: int = 200,
) -> Response:
    stored = sessions.member_session(db, me, session_id)
    previous = sessions.previous_session(db, stored)
    carried = (
        generation.continuity(PrivateSummary.model_validate(previous.private_summary))
        if previous and previous.private_summary
        else None
    )
    row = SessionOut.of(stored)
    return page(
        request,
        "session.html",
        status=status,
        s=row,
        previous=previous,
        carried=carried,
        leads=LEADS,
        values=values,
        errors=errors,
        saved=request.query_params.get("saved") == "1",
        total=exports.total_status(
            [values.get(f"minutes-{i}", str(it.minutes)) for i, it in enumerate(row.agenda.items)],
            row.duration_minutes,
        )
        if row.agenda
        else None,
    )
