"""The feedback-rewording generator: retrieval, invariant checks and prompt context."""

from __future__ import annotations

from typing import Any

from coach.generators.pipeline import Task
from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.language.analyzer import analyze
from coach.language.feedback_checks import feedback_violations
from coach.models import FeedbackDraft, FeedbackRequest, FeedbackRewrite
from coach.offline.feedback import compose_feedback

_DIRECTION = {
    "mentor_to_mentee": "junior mentor giving upward feedback to a senior leader",
    "mentee_to_mentor": "senior leader giving feedback to a junior mentor",
}


def retrieve(request: FeedbackRequest, retriever: Retriever) -> list[Passage]:
    """Feedback guidance for this direction across the power gap."""
    query = f"giving feedback situation behavior impact request {_DIRECTION[request.direction]}"
    return retriever.search(query, k=4, filters=SearchFilters(kinds=["guideline", "template"]))


def check(request: FeedbackRequest, draft: FeedbackDraft, passages: list[Passage]) -> list[str]:
    """The shared feedback invariants (passages play no part in them)."""
    return feedback_violations(request, draft)


def context(request: FeedbackRequest, passages: list[Passage]) -> dict[str, Any]:
    """Variables for prompts/feedback, including what the analyzer flagged."""
    return {
        "request": request,
        "passages": passages,
        "direction": _DIRECTION[request.direction],
        "analysis": analyze(request.text, request.direction),
    }


FEEDBACK: Task[FeedbackRequest, FeedbackDraft] = Task(
    name="feedback",
    draft=FeedbackDraft,
    result=FeedbackRewrite,
    retrieve=retrieve,
    offline=compose_feedback,
    check=check,
    context=context,
    # The request is analysed for the prompt and the checks, the rewrite for the checks.
    request_texts=lambda request: [request.text],
    draft_texts=lambda draft: [draft.rewritten],
)
