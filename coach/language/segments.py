"""Sentence and clause segmentation that keeps exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.text import Segment, Span, split_segment, split_sentences

__all__ = ["Segment", "Span", "split_clauses", "split_sentences"]

# Contrastive conjunctions separate clauses of different tone ("good slides, but ...").
_CLAUSE_BREAK = re.compile(
    r"\s+(?=(?:but|however|although|whereas)\b)"
    r"|(?<=;)\s+"
    r"|(?<=,)\s+(?=(?:and|so)\s+(?:you|he|she|they|I|we)\b)"
    r"|\s+[—–-]{1,2}\s+",
    re.IGNORECASE,
)


def split_clauses(text: str, sentence: Segment, protected: Iterable[Span] = ()) -> list[Segment]:
    """Split one sentence into clauses at contrastive conjunctions, offsets into ``text``."""
    return split_segment(text, sentence, _CLAUSE_BREAK, protected)
