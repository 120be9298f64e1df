"""Stateless generators for pair members: nothing is stored."""

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
def agenda(body: AgendaBody, coach: CoachDep, _: PairMember) -> Agenda:
    """A time-boxed session agenda grounded in the program's guidelines."""
    return coach.agenda(body)


@router.post("/discussion-prompts")
def discussion_prompts(body: PromptsBody, coach: CoachDep, _: PairMember) -> DiscussionPrompts:
    """Open questions on a topic, each with its purpose and a follow-up."""
    return coach.prompts(body)


@router.post("/feedback/rewrite")
def rewrite_feedback(body: FeedbackBody, coach: CoachDep, _: PairMember) -> FeedbackRewrite:
    """Blunt or vague feedback reworded as situation, behavior, impact and request."""
    return coach.rewrite_feedback(body)


@router.post("/feedback/analyze")
def analyze_feedback(body: FeedbackBody, coach: CoachDep, _: PairMember) -> FeedbackAnalysis:
    """What would land badly in a piece of feedback; deterministic, no model, fast."""
    return coach.analyze_feedback(body)


@router.post("/summaries")
def summarize(body: SummaryBody, coach: CoachDep, _: PairMember) -> SessionSummary:
    """A private and an anonymized summary of notes, without storing either."""
    return coach.summarize(body)
