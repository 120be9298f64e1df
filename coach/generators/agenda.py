"""The agenda generator: retrieval, invariant checks and prompt context."""

from __future__ import annotations

from collections.abc import Sequence

from coach.agenda_shape import shape_problems
from coach.generators.pipeline import Task, invented_sources
from coach.generators.topics import as_passages, merge, resolve_topic
from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.models import Agenda, AgendaDraft, AgendaItem, AgendaRequest
from coach.offline.agenda import compose_agenda


def retrieve(request: AgendaRequest, retriever: Retriever) -> list[Passage]:
    """The topic file whole, the passages closest to the goals, and session-structure guidance."""
    query = " ".join([request.topic, *request.goals])
    doc_id = resolve_topic(request.topic, retriever, request.goals)
    topic = as_passages(retriever, doc_id) if doc_id else []
    related = retriever.search(query, k=6)
    guidance = "session structure check-in wrap-up two-way feedback commitments"
    if request.session_number == 1:
        guidance = "first session ground rules goals " + guidance
    guides = retriever.search(guidance, k=4, filters=SearchFilters(kinds=["guideline", "template"]))
    if request.goals:  # how to practise a goal that no exercise of the topic serves
        guides += retriever.search(
            "practice: the mentee does the task while the mentor coaches",
            k=1,
            filters=SearchFilters(kinds=["guideline"]),
        )
    return merge(topic, related, guides)


def minutes_problem(items: Sequence[AgendaItem], duration_minutes: int) -> str | None:
    """Why the items' minutes do not add up to the session's length, or None when they do."""
    total = sum(i.minutes for i in items)
    if total == duration_minutes:
        return None
    return f"items add up to {total} minutes, not {duration_minutes}"


def agenda_violations(
    request: AgendaRequest, draft: AgendaDraft, passages: list[Passage]
) -> list[str]:
    """Every agenda invariant that the draft breaks, as sentences."""
    problems: list[str] = []
    if total := minutes_problem(draft.items, request.duration_minutes):
        problems.append(total)
    problems += shape_problems(draft.items, request.session_number, bool(request.previous_summary))
    for item in draft.items:
        problems += invented_sources(f"item {item.title!r}", item.sources, passages)
    for item in draft.items[1:-1]:
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
