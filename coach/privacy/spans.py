"""Picks one non-overlapping set of findings so the most specific one wins each stretch."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lower tiers win. A quote is dropped whole, so it goes first; an email must beat the roster
# name inside "maria.lopez@..."; a roster name beats the NER guess at the same words.
_TIERS: dict[str, int] = {
    "VERBATIM_QUOTE": 0,
    "EMAIL_ADDRESS": 1,
    "URL": 1,
    "SOCIAL_HANDLE": 2,
    "PHONE_NUMBER": 2,
    "IDENTIFYING_TITLE": 4,
    "PERSON": 5,
    "ORGANIZATION": 6,
    "LOCATION": 6,
}
_ROSTER_TIER = 3
# Left over after trimming "Dr. Maria" to "Dr.", these identify no one.
_FILLER = frozenset({"the", "a", "an", "our", "my", "and", "of", "mr", "mrs", "ms", "dr", "s"})


@dataclass(frozen=True)
class Span:
    """A finding: entity type and character offsets into the text."""

    entity: str
    start: int
    end: int
    score: float = 1.0


def _tier(entity: str) -> int:
    """Return the precedence of an entity type; roster names share one tier."""
    return _TIERS.get(entity, _ROSTER_TIER)


def _uncovered(span: Span, covered: bytearray) -> list[tuple[int, int]]:
    """Return the runs of a span that no chosen span covers yet."""
    pieces: list[tuple[int, int]] = []
    start = None
    for i in range(span.start, span.end):
        if not covered[i] and start is None:
            start = i
        elif covered[i] and start is not None:
            pieces.append((start, i))
            start = None
    if start is not None:
        pieces.append((start, span.end))
    return pieces


def _meaningful(fragment: str) -> bool:
    """Tell whether a trimmed-off fragment could still identify someone."""
    core = re.sub(r"^\W+|\W+$", "", fragment)
    return len(core) >= 2 and core.lower() not in _FILLER


def resolve(text: str, spans: list[Span]) -> list[Span]:
    """Return non-overlapping spans; a partly covered span keeps its uncovered remainder."""
    ordered = sorted(spans, key=lambda s: (_tier(s.entity), -(s.end - s.start), s.start))
    taken: list[Span] = []
    covered = bytearray(len(text))
    for span in ordered:
        for start, end in _uncovered(span, covered):
            piece = text[start:end]
            if (start, end) != (span.start, span.end) and not _meaningful(piece):
                continue
            # Trim so the replacement does not swallow the spaces around it.
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if end - trail > start + lead:
                taken.append(Span(span.entity, start + lead, end - trail, span.score))
                covered[start:end] = b"\x01" * (end - start)
    return sorted(taken, key=lambda s: s.start)
