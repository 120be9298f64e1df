"""The discussion-prompts generator: retrieval, invariant checks and prompt context."""

from __future__ import annotations

from coach.generators.pipeline import Task, invented_sources
from coach.generators.topics import as_passages, merge, resolve_topic
from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.models import DiscussionPrompts, PromptsDraft, PromptsRequest
from coach.offline.discussion import compose_prompts, thin_knowledge
from coach.text import is_open, near_duplicates


def retrieve(request: PromptsRequest, retriever: Retriever) -> list[Passage]:
    """The topic file whole plus the topic passages closest to the goals."""
    doc_id = resolve_topic(request.topic, retriever, request.goals)
    topic = as_passages(retriever, doc_id) if doc_id else []
    query = " ".join([request.topic, *request.goals])
    related = retriever.search(query, k=6, filters=SearchFilters(kinds=["topic", "challenge"]))
    return merge(topic, related)


def prompts_violations(
    request: PromptsRequest, draft: PromptsDraft, passages: list[Passage]
) -> list[str]:
    """Every discussion-prompt invariant the draft breaks, as sentences."""
    problems: list[str] = []
    questions = [q.question for q in draft.questions]
    if len(questions) != request.count:
        problems.append(f"asked for {request.count} questions, got {len(questions)}")
    problems += [f"not an open question: {q!r}" for q in questions if not is_open(q)]
    problems += [
        f"near-duplicates: {questions[i]!r} and {questions[j]!r}"
        for i, j, _ in near_duplicates(questions)
    ]
    for q in draft.questions:
        problems += invented_sources(repr(q.question), q.sources, passages)
    return problems


PROMPTS: Task[PromptsRequest, PromptsDraft] = Task(
    name="discussion",
    draft=PromptsDraft,
    result=DiscussionPrompts,
    retrieve=retrieve,
    offline=compose_prompts,
    check=prompts_violations,
    offline_notices=thin_knowledge,
)
