"""The pair's next meeting as the notes arrange it: its date, and the clauses that book it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from coach.offline.dates import find_due, meeting_date
from coach.privacy.parses import parsed

# "We'll meet again on 15 December", "next session is on the 15th", "see you on Tuesday 9th":
# the words that book the next meeting, up to where its date starts.
_BOOKED = re.compile(
    r"\b(?:meet\s+(?:again|up\s+again|next)|meeting\s+(?:again|up\s+again)"
    # "We're meeting next Friday" books it; "her ops meeting next Wednesday" is hers.
    r"|(?:are|['’]re|am|['’]m|is|be)\s+meeting(?=\s+next)|catch(?:ing)?\s+up\s+again|reconvene|next\s+meet(?:ing)?|see\s+(?:you|each\s+other)"
    r"(?:\s+again)?|(?:next|following)\s+(?:session|meeting|catch[- ]?up|call|check[- ]?in|1:1)"
    r"(?:\s+(?:is|will\s+be|booked|scheduled|set|pencilled\s+in|now|provisionally))*)"
    r"(?:\s*[:\-–—]\s*|\s+)"
    r"(?=\d|the\s+\d|the\s+week\s+after|(?:on|for|at|by|in|next|this|tomorrow|(?:mon|tue|wed|thu|fri)\w*)\b)",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(?:on|for|at|by|in|next|this|tomorrow)\b", re.IGNORECASE)
# "before our next session" is a deadline that needs the date, not a date itself.
_RELATIVE = re.compile(r"\b(?:next|following|coming)\s+(?:session|meeting|time|call)\b", re.I)


def next_meeting(notes: str, session_date: str | None, order: str = "DMY") -> str | None:
    """Return the date the notes book the pair's next meeting for, after the session, or None."""
    if not session_date:
        return None
    for match in _BOOKED.finditer(notes):
        rest = notes[match.end() :].split("\n", 1)[0]
        # "Next session: 15 December" names its date bare; it reads as "on 15 December".
        phrase = find_due(rest if _PREPOSITION.match(rest) else f"on {rest}")
        if not phrase or _RELATIVE.search(phrase):
            continue
        found = meeting_date(phrase, session_date, order)
        if found and found > session_date:
            return found
    return None


# Verbs that say the pair gets together, and the nouns for the meeting itself.
_MEET = frozenset("meet see reconvene regroup catch".split())
_MEETING_NOUNS = frozenset("session meeting catch-up call check-in 1:1".split())
# A meeting clause says who and when; an object, a purpose or a second verb is work in it.
_WORK_DEPS = frozenset("dobj xcomp advcl ccomp conj dative attr".split())
_EACH_OTHER = frozenset("you each other us".split())
# "if the launch allows", "unless it slips": a condition on the meeting, no work of its own.
_CONDITION_MARKS = frozenset("if unless provided providing".split())


@lru_cache(maxsize=1024)
def arranges_meeting(text: str) -> bool:
    """Tell whether a clause only books the pair's next meeting: "We'll meet again on the 15th"."""
    doc = parsed(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    # "We agreed to meet again": the meeting is the verb under the agreeing.
    verb = next((c for c in root.children if c.dep_ == "xcomp"), root)
    if verb is not root and root.lemma_.lower() not in ("agree", "plan", "decide", "arrange"):
        verb = root
    if _is_next(verb) or (verb.lemma_.lower() == "be" and any(_is_next(c) for c in verb.children)):
        return not any(_works(c) for c in verb.children)
    return False


def _is_next(token: Any) -> bool:
    """A meeting verb said again ("meet again", "see you"), or the next meeting named."""
    lemma = token.lemma_.lower()
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("advmod", "amod", "npadvmod")}
    if lemma in _MEET and token.pos_ == "VERB":
        # "meet next Wednesday": the "next" of the day it is on.
        modifiers |= {g.lower_ for c in token.children for g in c.children if g.dep_ == "amod"}
        seen = lemma == "see" and any(c.lower_ in _EACH_OTHER for c in token.children)
        return seen or bool(modifiers & {"again", "next"})
    return (
        lemma in _MEETING_NOUNS
        and token.dep_ in ("nsubj", "ROOT")
        and bool(modifiers & {"next", "following"})
    )


def _works(child: Any) -> bool:
    """Tell whether a dependent of the meeting verb adds work: an object, a purpose, a task."""
    if child.dep_ not in _WORK_DEPS:
        return False
    if child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in child.children
    ):
        return False
    return not (child.dep_ == "dobj" and child.lower_ in _EACH_OTHER)
