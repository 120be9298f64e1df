"""Discussion-question metrics: open questions, no near-duplicates, the count asked for."""

from __future__ import annotations

# The rules are the core's own (coach.text), so the evals measure what the generators enforce.
from coach.text import DUPLICATE_JACCARD, near_duplicates, open_problem

__all__ = ["DUPLICATE_JACCARD", "near_duplicates", "open_problem"]
