"""Resolving what a user typed as a topic to a topic file, and gathering its passages."""

from __future__ import annotations

import re

from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.text import tokenize


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolve_topic(topic: str, retriever: Retriever) -> str | None:
    """The doc id of the topic file a user means, or None when the base has no such topic."""
    wanted = _norm(topic)
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
    if best is not None and strength(best) > 0:
        return best
    hits = retriever.search(topic, k=1, filters=SearchFilters(kinds=["topic"]))
    if not hits:
        return None
    # Accept the nearest topic only when it shares a word stem with what was asked.
    doc_words = set(tokenize(" ".join(c.text for c in retriever.document(hits[0].doc_id))))
    return hits[0].doc_id if set(tokenize(topic)) & doc_words else None


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
