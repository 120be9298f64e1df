"""The fixed challenge taxonomy coordinators see, with a one-line gloss for prompts."""

from __future__ import annotations

CHALLENGE_LABELS: dict[str, str] = {
    "resistance-to-change": "reluctance to try new tools or ways of working",
    "lack-of-time": "sessions or practice squeezed out by workload",
    "communication-styles": "different habits of speaking, writing or listening",
    "generational-differences": "assumptions tied to age or career stage",
    "power-dynamics": "the seniority gap getting in the way of candour",
    "fear-of-judgement": "worry about looking foolish or uninformed",
    "inadequate-training": "one of the pair unsure how to run or use the sessions",
    "scheduling-conflicts": "sessions cancelled, moved or hard to book",
    "uneven-acceptance": "support for the program differing across the organisation",
}
