"""The agenda-shape rules: a check-in first (a review from session 2 on), a wrap-up last."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

CHECK_IN = re.compile(r"check[- ]?in|welcome|arriv|introductions?", re.I)
REVIEW = re.compile(
    r"review|recap|look(?:ing)? back|since last|last (?:session|time)|commitments?"
    r"|follow[- ]?up",
    re.I,
)
WRAP_UP = re.compile(r"wrap[- ]?up|clos(?:e|ing)|next steps?|round[- ]?up|debrief", re.I)
NEXT_STEPS = re.compile(
    r"next steps?|commitments?|actions?|homework|follow[- ]?ups?|practi[cs]e", re.I
)
FEEDBACK = re.compile(r"feedback", re.I)
TWO_WAY = re.compile(r"two[- ]way|both|each other|mutual|in both directions|each of you", re.I)


class Item(Protocol):
    """What the rules read of an agenda item."""

    @property
    def title(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def lead(self) -> str: ...


def _text(item: Item) -> str:
    return f"{item.title} {item.notes}"


def shape_problems(items: Sequence[Item], session_number: int, has_previous: bool) -> list[str]:
    """What the agenda's shape lacks, as sentences; empty when it is right."""
    if not items:
        return ["the agenda has no items"]
    first, last = items[0], items[-1]
    problems: list[str] = []
    if not CHECK_IN.search(_text(first)):
        problems.append(f"the first item {first.title!r} must be a check-in")
    if session_number > 1 and has_previous and not REVIEW.search(_text(first)):
        problems.append(f"the first item {first.title!r} must review last session's commitments")
    text = _text(last)
    if not WRAP_UP.search(text):
        problems.append(f"the last item {last.title!r} must be a wrap-up")
    if not NEXT_STEPS.search(text):
        problems.append("the wrap-up must name next steps")
    if not (FEEDBACK.search(text) and (last.lead == "both" or TWO_WAY.search(text))):
        problems.append("the wrap-up must include two-way feedback")
    return problems
