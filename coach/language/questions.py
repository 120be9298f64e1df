"""Checks on discussion questions: open, well-formed, not near-duplicates of each other."""

from __future__ import annotations

import re
from itertools import combinations

from coach.language.stems import tokenize

# A question that opens with an auxiliary verb invites a yes or a no.
_CLOSED = re.compile(
    r"^\s*(do|does|did|is|are|was|were|am|can|could|would|should|will|shall|have|has|had|may|"
    r"might|must|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't)\b",
    re.I,
)
DUPLICATE_JACCARD = 0.6


def is_open(question: str) -> bool:
    """True for a question that ends with '?' and does not open like a yes/no question."""
    return question.rstrip().endswith("?") and not _CLOSED.match(question)


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of the content-word stems of two questions."""
    sa, sb = set(tokenize(a)), set(tokenize(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def near_duplicates(questions: list[str]) -> list[tuple[int, int]]:
    """Index pairs of questions that say nearly the same thing."""
    return [
        (i, j)
        for (i, a), (j, b) in combinations(enumerate(questions), 2)
        if a.strip().lower() == b.strip().lower() or similarity(a, b) >= DUPLICATE_JACCARD
    ]
