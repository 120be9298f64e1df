"""Discussion prompts and the feedback coach: stateless generators, same calls as the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from api.admission import retry_headers
from api.deps import CoachDep, GateDep
from api.schemas import FeedbackBody, PromptsBody
from api.web import auth
from api.web.forms import generation_failed, lines, validate
from api.web.member import _topics
from api.web.render import page
from coach.errors import CoachError
from coach.models import FeedbackIssue, FeedbackRewrite

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Segment:
    """A stretch of the original feedback; `issue` numbers the flag it carries, from 1."""

    text: str
    issue: int | None = None


def segments(text: str, issues: list[FeedbackIssue]) -> list[Segment]:
    """The original text cut at each flagged span, so the page can mark them in place."""
    out: list[Segment] = []
    at = 0
    for number, issue in sorted(enumerate(issues, 1), key=lambda p: p[1].start):
        start, end = issue.start, issue.end
        if text[start:end] != issue.span:  # offsets from a model may be off; trust the span
            start = text.find(issue.span, at)
            end = start + len(issue.span)
        if start < at or start < 0 or end <= start:
            continue  # overlapping or missing: listed beside, not marked twice
        out += [Segment(text[at:start]), Segment(text[start:end], number)]
        at = end
    out.append(Segment(text[at:]))
    return [s for s in out if s.text]


_KEPT = "What you typed is kept; try again in a moment."


@router.get("/prompts")
def prompts_page(request: Request, coach: CoachDep, me: auth.Member) -> Response:
    """The form for discussion prompts."""
    values = {"count": "5", "audience": "mentee", **auth.restored(request)}
    return page(
        request, "prompts.html", values=values, errors={}, result=None, topics=_topics(coach)
    )


@router.post("/prompts")
async def prompts(
    request: Request,
    coach: CoachDep,
    gate: GateDep,
    me: auth.Member,
    topic: Annotated[str, Form(max_length=500)] = "",
    count: Annotated[str, Form(max_length=5)] = "5",
    audience: Annotated[str, Form(max_length=20)] = "mentee",
    goals: Annotated[str, Form(max_length=4_000)] = "",
) -> Response:
    """Open questions on a topic, each with its sources."""
    values = {"topic": topic, "count": count, "audience": audience, "goals": goals}
    body, errors = validate(
        PromptsBody, {"topic": topic, "count": count, "audience": audience, "goals": lines(goals)}
    )
    result, status, headers = None, 422 if body is None else 200, {}
    if body is not None:
        try:
            async with gate.slot():
                result = await coach.aprompts(body)
        except CoachError as exc:
            errors, status, headers = (
                generation_failed(exc, "The questions", _KEPT),
                exc.status,
                retry_headers(exc),
            )
    response = page(
        request,
        "prompts.html",
        status=status,
        values=values,
        errors=errors,
        result=result,
        topics=_topics(coach),
    )
    response.headers.update(headers)
    return response


@router.get("/feedback")
def feedback_page(request: Request, me: auth.Member) -> Response:
    """The form of the feedback coach."""
    values = {"direction": _default_direction(me.role), **auth.restored(request)}
    return page(request, "feedback.html", values=values, errors={}, result=None, marked=[])


@router.post("/feedback")
async def feedback(
    request: Request,
    coach: CoachDep,
    gate: GateDep,
    me: auth.Member,
    text: Annotated[str, Form(max_length=20_000)] = "",
    direction: Annotated[str, Form(max_length=30)] = "mentee_to_mentor",
    context: Annotated[str, Form(max_length=5_000)] = "",
) -> Response:
    """The feedback reworded, with what would land badly marked in the original."""
    values = {"text": text, "direction": direction, "context": context}
    body, errors = validate(
        FeedbackBody, {"text": text, "direction": direction, "context": context or None}
    )
    result: FeedbackRewrite | None = None
    status, headers = 422 if body is None else 200, {}
    if body is not None:
        try:
            async with gate.slot():
                result = await coach.arewrite_feedback(body)
        except CoachError as exc:
            errors, status, headers = (
                generation_failed(exc, "The rewording", _KEPT),
                exc.status,
                retry_headers(exc),
            )
    marked = segments(body.text, result.issues) if body and result else []
    response = page(
        request,
        "feedback.html",
        status=status,
        values=values,
        errors=errors,
        result=result,
        marked=marked,
    )
    response.headers.update(headers)
    return response


def _default_direction(role: str) -> str:
    return "mentor_to_mentee" if role == "mentor" else "mentee_to_mentor"
