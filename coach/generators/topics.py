"""Resolving what a user typed as a topic to a topic file, and gathering its passages."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from coach.knowledge.models import Passage
from coach.knowledge.retrieval import Retriever
from coach.text import tokenize


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_RELATIONSHIP_MARGIN = 1.25


def _named_topic(wanted: str, retriever: Retriever) -> str | None:
    """The topic file named or tagged for what was typed ("social media", "tiktok")."""
    docs = {c.doc_id: c for c in retriever.chunks.values() if c.kind == "topic"}

    def strength(doc_id: str) -> int:
        # Several files share a tag ("social-media"); the file named for it wins.
        chunk = docs[doc_id]
        if wanted in (doc_id, doc_id.removeprefix("topic-"), _norm(chunk.title)):
            return 3
        if chunk.topics and wanted == chunk.topics[0]:
            return 2
        return 1 if wanted in chunk.topics else 0

    best = max(sorted(docs), key=strength, default=None)
    return best if best is not None and strength(best) > 0 else None


def resolve_topic(topic: str, retriever: Retriever, goals: Sequence[str] = ()) -> str | None:
    """The doc id of the file a session on `topic` is built from, or None when none fits.

    A topic file named or tagged for it wins; otherwise the file whose sections retrieval ranks
    highest for the topic and goals as typed, summed over its sections, so that one stray
    section of another file ("company data" in a marketing file) cannot outvote two of the file
    the session is about. That may be a guideline, a challenge or a template: a session on "he
    runs it like his staff meeting" with the goal "me setting the agenda for once" is built from
    the power-dynamics file, not from the nearest technology topic. (On 25 topics typed by a
    writer who read only knowledge/, the topic alone found 17 files, topic and goals 22.)
    """
    named = _named_topic(_norm(topic), retriever)
    if named:
        return named
    votes: dict[str, float] = defaultdict(float)
    query = " ".join([topic, *goals])
    for hit in retriever.search(query, k=6):
        votes[hit.doc_id] += hit.score
    if not votes:
        return None
    best = min(votes, key=lambda d: (-votes[d], d))
    # Technology topics are the program's main material: a guideline or challenge is chosen over
    # the best topic file only when it clearly wins ("a volunteering team" on WhatsApp is not a
    # session on the program's volunteering rules).
    topics = [d for d in votes if d.startswith("topic-")]
    if not best.startswith("topic-") and topics:
        nearest = min(topics, key=lambda d: (-votes[d], d))
        if votes[best] < _RELATIONSHIP_MARGIN * votes[nearest]:
            best = nearest
    # Accept it only when it shares a word stem with what was asked.
    doc_words = set(tokenize(" ".join(c.text for c in retriever.document(best))))
    return best if set(tokenize(query)) & doc_words else None


def as_passages(retriever: Retriever, doc_id: str) -> list[Passage]:
    """Every chunk of a file as passages (score 0: fetched whole, not ranked)."""
    return [
        Passage(**c.model_dump(exclude={"file_hash"}), score=0.0)
        for c in retriever.document(doc_id)
    ]


def merge(*groups: list[Passage]) -> list[Passage]:
    """Concatenate passage lists, keeping the first occurrence of each id."""
    seen: set[str] = set()
    out: list[Passage] = []
    for group in groups:
        for passage in group:
            if passage.id not in seen:
                seen.add(passage.id)
                out.append(passage)
    return out
