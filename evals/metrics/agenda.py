"""Agenda metrics: minutes add up, the session is shaped right, and every citation is grounded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from coach.agenda_shape import shape_problems


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


def structure_problems(items: Sequence[Item], session: int, has_previous: bool) -> list[str]:
    """The core's own shape rules: a check-in (or review) first, a wrap-up last."""
    return shape_problems(items, session, has_previous)


def ungrounded(cited: Sequence[str], retrieved: Sequence[str]) -> list[str]:
    """Cited ids that retrieval did not return."""
    known = set(retrieved)
    return [c for c in cited if c not in known]


def built_from(cited_docs: Sequence[str], expected: set[str]) -> bool:
    """Whether most of the files the session's middle items cite are the one it is about."""
    return bool(cited_docs) and sum(doc in expected for doc in cited_docs) * 2 >= len(cited_docs)
