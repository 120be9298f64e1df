"""Agenda metrics: minutes add up, the session is shaped right, and every citation is grounded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_REVIEW = re.compile(
    r"check[- ]?in|review|recap|look(?:ing)? back|since last|last (?:session|time)|commitments?",
    re.I,
)
_WRAP = re.compile(r"wrap|clos(?:e|ing)|next steps?|round[- ]?up|debrief", re.I)
_NEXT = re.compile(r"next steps?|commitments?|actions?|homework|follow[- ]?ups?|practi[cs]e", re.I)
_FEEDBACK = re.compile(r"feedback", re.I)
_TWO_WAY = re.compile(r"two[- ]way|both|each other|mutual|in both directions|each of you", re.I)


class Item(Protocol):
    """What the metrics read of an agenda item."""

    title: str
    notes: str
    minutes: int
    lead: str
    sources: list[str]


def minutes_exact(items: Sequence[Item], duration: int) -> bool:
    """Whether the items' minutes sum to the requested duration."""
    return sum(i.minutes for i in items) == duration


def _text(item: Item) -> str:
    return f"{item.title} {item.notes}"


def structure_problems(items: Sequence[Item], session: int, has_previous: bool) -> list[str]:
    """What the shape lacks: a review first (when there is a past), a wrap-up last."""
    problems: list[str] = []
    if not items:
        return ["no items"]
    if session > 1 and has_previous and not _REVIEW.search(_text(items[0])):
        problems.append(f"first item {items[0].title!r} is not a check-in or review")
    last = items[-1]
    text = _text(last)
    if not _WRAP.search(text):
        problems.append(f"last item {last.title!r} is not a wrap-up")
    if not _NEXT.search(text):
        problems.append("wrap-up names no next steps")
    if not (_FEEDBACK.search(text) and (last.lead == "both" or _TWO_WAY.search(text))):
        problems.append("wrap-up has no two-way feedback")
    return problems


def ungrounded(cited: Sequence[str], retrieved: Sequence[str]) -> list[str]:
    """Cited ids that retrieval did not return."""
    known = set(retrieved)
    return [c for c in cited if c not in known]
