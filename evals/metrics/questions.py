"""Discussion-question metrics: open questions, no near-duplicates, the count asked for."""

from __future__ import annotations

import re
from itertools import combinations

# Openers that invite a yes or a no; "how", "what", "which" and the like do not.
YES_NO_OPENERS = frozenset(
    (
        "is are was were am do does did can could will would should shall may might must "
        "have has had isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't "
        "wouldn't shouldn't haven't hasn't"
    ).split()
)
_WORD = re.compile(r"[a-z0-9']+")
_STOP = frozenset(
    "a an the and or of to in on for with your you yours my our we is are do does what how "
    "why which when where who would could can that this it as at be".split()
)
DUPLICATE_JACCARD = 0.6


def _first_word(question: str) -> str:
    words = _WORD.findall(question.lower().replace("’", "'"))
    return words[0] if words else ""


def open_problem(question: str) -> str | None:
    """Why a question is not open (yes/no opener, no question mark); None when it is."""
    q = question.strip()
    if not q.endswith("?"):
        return "does not end with '?'"
    first = _first_word(q)
    if first in YES_NO_OPENERS:
        return f"yes/no opener {first!r}"
    return None


def tokens(text: str) -> set[str]:
    """Content words of a question, for overlap."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def jaccard(a: set[str], b: set[str]) -> float:
    """Token-set Jaccard similarity; 0.0 for two empty sets."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def near_duplicates(
    questions: list[str], threshold: float = DUPLICATE_JACCARD
) -> list[tuple[int, int, float]]:
    """Pairs of questions whose content-word Jaccard similarity reaches the threshold."""
    sets = [tokens(q) for q in questions]
    pairs = []
    for i, j in combinations(range(len(questions)), 2):
        sim = jaccard(sets[i], sets[j])
        if sim >= threshold:
            pairs.append((i, j, round(sim, 3)))
    return pairs
