"""The session-summary generator: retrieval, anonymization enforced on any draft, checks."""

from __future__ import annotations

from typing import Any

from coach.generators.pipeline import Task
from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.models import SessionSummary, SummaryDraft, SummaryRequest
from coach.offline.summary import compose_summary
from coach.privacy.checks import summary_violations
from coach.privacy.release import anonymize_side
from coach.privacy.roster import Roster
from coach.privacy.taxonomy import CHALLENGE_LABELS


def retrieve(request: SummaryRequest, retriever: Retriever) -> list[Passage]:
    """Topic and challenge passages close to the notes, to name what the session was about."""
    query = request.notes[:1_000]
    return retriever.search(query, k=5, filters=SearchFilters(kinds=["topic", "challenge"]))


def check(request: SummaryRequest, draft: SummaryDraft, passages: list[Passage]) -> list[str]:
    """The shared summary invariants: no leaks, consistent counts, fixed taxonomy."""
    return summary_violations(request, draft)


def finalize(request: SummaryRequest, draft: SummaryDraft) -> SummaryDraft:
    """Whatever a model wrote, the coordinators' side is anonymized and its count derived."""
    side = anonymize_side(draft.anonymized, Roster.from_request(request))
    side = side.model_copy(update={"action_item_count": len(draft.private.action_items)})
    return draft.model_copy(update={"anonymized": side})


def context(request: SummaryRequest, passages: list[Passage]) -> dict[str, Any]:
    """Variables for prompts/summary."""
    return {"request": request, "passages": passages, "challenges": CHALLENGE_LABELS}


SUMMARY: Task[SummaryRequest, SummaryDraft] = Task(
    name="summary",
    draft=SummaryDraft,
    result=SessionSummary,
    retrieve=retrieve,
    offline=compose_summary,
    check=check,
    context=context,
    finalize=finalize,
)
