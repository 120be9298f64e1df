"""Stateless generators for pair members: nothing is stored.

Async: a generation waits on the model holding no thread; authentication took its own short
database session and closed it before the route runs (api.deps).
"""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CoachDep, PairMember
from api.routes.problems import AUTH, GENERATION
from api.schemas import AgendaBody, FeedbackBody, PromptsBody, SummaryBody
from coach.models import (
    Agenda,
    DiscussionPrompts,
    FeedbackAnalysis,
    FeedbackRewrite,
    SessionSummary,
)

router = APIRouter(prefix="/v1", tags=["generators"], responses={**AUTH, **GENERATION})


@router.post("/agendas")
async def agenda(body: AgendaBody, coach: CoachDep, _: PairMember) -> Agenda:
    """A time-boxed session agenda grounded in the program's guidelines."""
    return await coach.aagenda(body)


@router.post("/discussion-prompts")
async def discussion_prompts(
    body: PromptsBody, coach: CoachDep, _: PairMember
) -> DiscussionPrompts:
    """Open questions on a topic, each with its purpose and a follow-up."""
    return await coach.aprompts(body)


@router.post("/feedback/rewrite")
async def rewrite_feedback(body: FeedbackBody, coach: CoachDep, _: PairMember) -> FeedbackRewrite:
    """Blunt or vague feedback reworded as situation, behavior, impact and request."""
    return await coach.arewrite_feedback(body)


@router.post("/feedback/analyze")
async def analyze_feedback(body: FeedbackBody, coach: CoachDep, _: PairMember) -> FeedbackAnalysis:
    """What would land badly in a piece of feedback; deterministic, no model, fast."""
    return await coach.aanalyze_feedback(body)


@router.post("/summaries")
async def summarize(body: SummaryBody, coach: CoachDep, _: PairMember) -> SessionSummary:
    """A private and an anonymized summary of notes, without storing either."""
    return await coach.asummarize(body)
