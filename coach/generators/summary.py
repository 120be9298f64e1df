"""The session-summary generator: retrieval, one release pass on any draft, checks."""

from __future__ import annotations

from typing import Any

from coach.generators.pipeline import Task
from coach.knowledge.labels import challenge_matches
from coach.knowledge.models import Passage
from coach.knowledge.retrieval import Retriever
from coach.knowledge.subjects import topic_evidence
from coach.models import (
    CHALLENGE_GLOSSES,
    KNOWLEDGE_TOPICS,
    THEMES,
    SessionSummary,
    SummaryDraft,
    SummaryRequest,
)
from coach.offline.notes import parse_notes
from coach.offline.summary import compose_summary
from coach.privacy.checks import summary_violations
from coach.privacy.release import anonymize_side, refuse_leaks, withhold
from coach.privacy.roles import names_as_words
from coach.privacy.roster import Roster


def retrieve(request: SummaryRequest, retriever: Retriever) -> list[Passage]:
    """Topic passages close to the notes, and the challenge files its sentences resemble."""
    # Topics alone, so the coordinator's view always has one to name, however the notes read;
    # read over all the notes and the goals, since the opening often is greetings and dates.
    sentences = [s.text for s in parse_notes(request.notes)]
    topics = topic_evidence(retriever, sentences, request.goals)
    return topics + challenge_matches(retriever, sentences)


def check(request: SummaryRequest, draft: SummaryDraft, passages: list[Passage]) -> list[str]:
    """The shared summary invariants: no leaks, consistent counts, fixed taxonomy."""
    return summary_violations(request, draft)


def finalize(request: SummaryRequest, draft: SummaryDraft) -> SummaryDraft:
    """Whatever engine wrote it, the coordinators' side is released once, its count derived."""
    roster = Roster.from_request(request)
    avoid = names_as_words(request.notes, roster)
    side = anonymize_side(draft.anonymized, roster, avoid)
    side = side.model_copy(update={"action_item_count": len(draft.private.action_items)})
    return draft.model_copy(update={"anonymized": side})


def refuse(request: SummaryRequest, draft: SummaryDraft) -> None:
    """Refuse release (PrivacyLeak, kinds only) when the coordinators' side still identifies."""
    refuse_leaks(draft.anonymized, request)


def withhold_identifying(
    request: SummaryRequest, draft: SummaryDraft
) -> tuple[SummaryDraft, list[str]]:
    """Take what still identifies out of the offline view, so the rest can be released."""
    side, kinds = withhold(draft.anonymized, request)
    return draft.model_copy(update={"anonymized": side}), kinds


def context(request: SummaryRequest, passages: list[Passage]) -> dict[str, Any]:
    """Variables for prompts/summary."""
    return {
        "request": request,
        "passages": passages,
        "challenges": CHALLENGE_GLOSSES,
        "topics": KNOWLEDGE_TOPICS,
        "themes": THEMES,
    }


SUMMARY: Task[SummaryRequest, SummaryDraft] = Task(
    name="summary",
    draft=SummaryDraft,
    result=SessionSummary,
    retrieve=retrieve,
    offline=compose_summary,
    check=check,
    context=context,
    finalize=finalize,
    refuse=refuse,
    withhold=withhold_identifying,
)
