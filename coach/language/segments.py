"""Sentence and clause segmentation that keeps exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

Span = tuple[int, int]


class Segment(NamedTuple):
    """A slice of a source text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str


# A sentence ends at . ! ? or … followed by a capital, a digit or an opening quote; "great
# job... not" therefore stays one sentence. Line breaks always end a sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[*]?[A-Z0-9])|[ \t]*\n\s*")
# Contrastive conjunctions separate clauses of different tone ("good slides, but ...").
_CLAUSE_BREAK = re.compile(
    r"\s+(?=(?:but|however|although|whereas)\b)"
    r"|(?<=;)\s+"
    r"|(?<=,)\s+(?=(?:and|so)\s+(?:you|he|she|they|I|we)\b)"
    r"|\s+[—–-]{1,2}\s+",
    re.IGNORECASE,
)


def _trimmed(source: str, start: int, end: int) -> Segment | None:
    """Return the segment without surrounding whitespace, or None when it is blank."""
    chunk = source[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return Segment(start + lead, start + lead + len(stripped), stripped)


def _inside(pos: int, protected: Iterable[Span]) -> bool:
    """Tell whether a break position would cut a protected span in two."""
    return any(start < pos < end for start, end in protected)


def _split(
    source: str, seg: Segment, pattern: re.Pattern[str], protected: list[Span]
) -> list[Segment]:
    """Split one segment at every pattern match that does not cut a protected span."""
    pieces: list[Segment] = []
    cursor = seg.start
    for match in pattern.finditer(source, seg.start, seg.end):
        if match.start() <= cursor or _inside(match.start(), protected):
            continue
        piece = _trimmed(source, cursor, match.start())
        if piece:
            pieces.append(piece)
        cursor = match.end()
    last = _trimmed(source, cursor, seg.end)
    if last:
        pieces.append(last)
    return pieces


def split_sentences(text: str, protected: Iterable[Span] = ()) -> list[Segment]:
    """Split text into sentences with offsets into ``text``."""
    whole = _trimmed(text, 0, len(text))
    return _split(text, whole, _SENTENCE_BREAK, list(protected)) if whole else []


def split_clauses(text: str, sentence: Segment, protected: Iterable[Span] = ()) -> list[Segment]:
    """Split one sentence into clauses at contrastive conjunctions, offsets into ``text``."""
    return _split(text, sentence, _CLAUSE_BREAK, list(protected))
