"""Notes and summary: write notes, summarize, preview the coordinator's view, release."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.admission import retry_headers
from api.deps import CoachDep, Db, GateDep, Id, Sessions
from api.schemas import NotesIn, SessionOut, SessionSummaryIn
from api.web import auth
from api.web.forms import FieldErrors, coach_errors, generation_failed, lines, validate
from api.web.render import page
from coach.db import generation, programs, sessions
from coach.db.auth import Principal
from coach.errors import CoachError, PrivacyLeak
from coach.models import MAX_NOTES_CHARS

router = APIRouter(include_in_schema=False)


@router.get("/sessions/{session_id}/notes")
def notes_page(request: Request, session_id: Id, db: Db, me: auth.Member) -> Response:
    """Notes, the private summary, and beside it exactly what the coordinator would see."""
    return _page(request, db, me, session_id, auth.restored(request), {})


@router.post("/sessions/{session_id}/notes")
async def save(
    request: Request,
    session_id: Id,
    db: Db,
    factory: Sessions,
    coach: CoachDep,
    gate: GateDep,
    me: auth.Member,
    notes: Annotated[str, Form(max_length=MAX_NOTES_CHARS * 2)] = "",
    other_names: Annotated[str, Form(max_length=6_000)] = "",
    action: Annotated[str, Form(max_length=20)] = "save",
) -> Response:
    """Save the notes; with "summarize", write the summary from them too."""
    values = {"notes": notes, "other_names": other_names}
    body, errors = validate(NotesIn, {"notes": notes})
    names, name_errors = validate(SessionSummaryIn, {"other_names": lines(other_names)})
    # Database work runs in worker threads; saving commits (returning the connection) before
    # the summary, which takes short sessions of its own around the model call.
    if body is None or names is None:
        if name_errors:
            errors["other_names"] = next(iter(name_errors.values()))
        return await run_in_threadpool(_page, request, db, me, session_id, values, errors, 422)
    try:
        await run_in_threadpool(sessions.save_notes, db, me, session_id, body.notes)
        if action == "summarize":
            async with gate.slot():
                await generation.summary(factory, coach, me, session_id, names.other_names)
    except CoachError as exc:
        await run_in_threadpool(db.rollback)
        response = await run_in_threadpool(
            _page, request, db, me, session_id, values, _failure(exc), exc.status
        )
        response.headers.update(retry_headers(exc))
        return response
    done = "summarized" if action == "summarize" else "saved"
    return RedirectResponse(f"/sessions/{session_id}/notes?done={done}", status_code=303)


@router.post("/sessions/{session_id}/release")
def release(
    request: Request,
    session_id: Id,
    db: Db,
    me: auth.Member,
    released: Annotated[str, Form(max_length=5)] = "yes",
) -> Response:
    """Release the anonymized summary to coordinators, or withdraw the release."""
    try:
        sessions.set_release(db, me, session_id, released=released == "yes")
    except CoachError as exc:
        db.rollback()
        return _page(request, db, me, session_id, {}, coach_errors(exc), status=exc.status)
    done = "released" if released == "yes" else "withdrawn"
    return RedirectResponse(f"/sessions/{session_id}/notes?done={done}", status_code=303)


def _failure(exc: CoachError) -> FieldErrors:
    if isinstance(exc, PrivacyLeak):
        return {
            "form": f"{exc.detail} Nothing was released. If the notes name someone other than "
            "the two of you, add them under “Other people named in the notes” and try again."
        }
    return generation_failed(exc, "The summary", "Your notes are saved; try again in a moment.")


_DONE = {
    "saved": "Your notes are saved.",
    "summarized": "Your notes are saved and the summary is written. Nothing is released yet.",
    "released": "You released the anonymized summary.",
    "withdrawn": "You withdrew your release. Coordinators no longer see this summary.",
}


def _page(
    request: Request,
    db: Db,
    me: Principal,
    session_id: int,
    values: dict[str, str],
    errors: FieldErrors,
    status: int = 200,
) -> Response:
    row = SessionOut.of(sessions.member_session(db, me, session_id))
    other = "mentee" if me.role == "mentor" else "mentor"
    release = row.release
    return page(
        request,
        "notes.html",
        status=status,
        s=row,
        values=values,
        errors=errors,
        done=_DONE.get(request.query_params.get("done", "")),
        names=programs.member_names(db, row.pair_id),
        other=other,
        i_released=release.mentor_released if me.role == "mentor" else release.mentee_released,
        other_released=release.mentee_released if me.role == "mentor" else release.mentor_released,
    )
