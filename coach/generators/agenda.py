"""The agenda generator: retrieval, invariant checks and prompt context."""

from __future__ import annotations

import re
from typing import Any

from coach.generators.pipeline import Task, invented_sources
from coach.generators.topics import as_passages, merge, resolve_topic
from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.models import Agenda, AgendaDraft, AgendaRequest
from coach.offline.agenda import compose_agenda

CHECK_IN = re.compile(r"check[- ]?in|welcome|arriv", re.I)
REVIEW = re.compile(r"review|last (session|time)|commitment|follow[- ]?up", re.I)
WRAP_UP = re.compile(r"wrap[- ]?up|clos|next steps", re.I)
NEXT_STEPS = re.compile(r"next steps?|commitment|action", re.I)
TWO_WAY = re.compile(r"feedback", re.I)


def retrieve(request: AgendaRequest, retriever: Retriever) -> list[Passage]:
    """The topic file whole, the passages closest to the goals, and session-structure guidance."""
    query = " ".join([request.topic, *request.goals])
    doc_id = resolve_topic(request.topic, retriever)
    topic = as_passages(retriever, doc_id) if doc_id else []
    related = retriever.search(query, k=6)
    guidance = "session structure check-in wrap-up two-way feedback commitments"
    if request.session_number == 1:
        guidance = "first session ground rules goals " + guidance
    guides = retriever.search(guidance, k=4, filters=SearchFilters(kinds=["guideline", "template"]))
    return merge(topic, related, guides)


def _item_text(item: Any) -> str:
    return f"{item.title} {item.notes}"


def agenda_violations(
    request: AgendaRequest, draft: AgendaDraft, passages: list[Passage]
) -> list[str]:
    """Every agenda invariant that the draft breaks, as sentences."""
    problems: list[str] = []
    total = sum(i.minutes for i in draft.items)
    if total != request.duration_minutes:
        problems.append(f"items add up to {total} minutes, not {request.duration_minutes}")
    first, last, middle = draft.items[0], draft.items[-1], draft.items[1:-1]
    if not CHECK_IN.search(_item_text(first)):
        problems.append("the first item must be a check-in")
    if (
        request.session_number > 1
        and request.previous_summary
        and not REVIEW.search(_item_text(first))
    ):
        problems.append("the first item must review last session's commitments")
    text = _item_text(last)
    if not (WRAP_UP.search(text) and NEXT_STEPS.search(text) and TWO_WAY.search(text)):
        problems.append("the last item must be a wrap-up with next steps and two-way feedback")
    for item in draft.items:
        problems += invented_sources(f"item {item.title!r}", item.sources, passages)
    for item in middle:
        if not item.sources:
            problems.append(f"item {item.title!r} cites no source")
    return problems


AGENDA: Task[AgendaRequest, AgendaDraft] = Task(
    name="agenda",
    draft=AgendaDraft,
    result=Agenda,
    retrieve=retrieve,
    offline=compose_agenda,
    check=agenda_violations,
)
