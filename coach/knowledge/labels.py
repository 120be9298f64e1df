"""Which challenge files a pair's sentences sound like: MiniLM cosine to the files' examples."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from coach.knowledge.documents import EXAMPLES_ONLY, bullets
from coach.knowledge.models import Passage
from coach.knowledge.retrieval import Retriever

# The sections of a challenge file whose bullets read like lines of session notes.
EXAMPLE_HEADINGS = ("Signs", *EXAMPLES_ONLY)
# Checked for precision on summary_blind_dev: a sentence names a challenge when it is this
# close to one of its examples and closer by MIN_MARGIN than to any other challenge's.
MIN_COSINE = 0.5
MIN_MARGIN = 0.1
# Shorter lines ("Hybrid meetings", "The rest was good.") match everything a little.
MIN_WORDS = 6


@lru_cache(maxsize=4)
def _examples(retriever: Retriever) -> tuple[np.ndarray, tuple[str, ...]]:
    """The example bullets of every challenge file, embedded once per retriever."""
    texts: list[str] = []
    owners: list[str] = []
    for chunk in sorted(retriever.chunks.values(), key=lambda c: c.id):
        if chunk.kind == "challenge" and chunk.heading.startswith(EXAMPLE_HEADINGS):
            items = bullets(chunk.text)
            texts += items
            owners += [chunk.doc_id] * len(items)
    return retriever.embed(texts), tuple(owners)


def _best_per_doc(scores: np.ndarray, owners: tuple[str, ...]) -> dict[str, float]:
    """The highest cosine of one sentence to each challenge file's examples."""
    best: dict[str, float] = {}
    for owner, score in zip(owners, scores.tolist(), strict=True):
        best[owner] = max(best.get(owner, -1.0), score)
    return best


def challenge_matches(retriever: Retriever, sentences: list[str]) -> list[Passage]:
    """The challenge files some sentence clearly resembles, as passages scored by cosine."""
    matrix, owners = _examples(retriever)
    kept = [s for s in sentences if len(s.split()) >= MIN_WORDS]
    if not kept or not owners:
        return []
    found: dict[str, float] = {}
    for row in retriever.embed(kept) @ matrix.T:
        ranked = sorted(_best_per_doc(row, owners).items(), key=lambda p: -p[1])
        (doc, top), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else -1.0
        if top >= MIN_COSINE and top - runner_up >= MIN_MARGIN:
            found[doc] = max(found.get(doc, 0.0), top)
    passages = []
    for doc, score in sorted(found.items(), key=lambda p: -p[1]):
        chunks = retriever.document(doc)
        chunk = next((c for c in chunks if c.heading == c.title), chunks[0])
        passages.append(Passage(**chunk.model_dump(exclude={"file_hash"}), score=round(score, 4)))
    return passages
