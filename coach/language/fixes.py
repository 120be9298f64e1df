"""How each kind of flagged span is replaced, and what the user is told to do instead."""

from __future__ import annotations

import re
from collections.abc import Callable

from coach.language.grammar import negate_never
from coach.language.words import rx

# (match on the full text, clause text before the span, clause text after it) -> (new text,
# characters of ``after`` the new text also replaces).
Replacer = Callable[[re.Match[str], str, str], tuple[str, int]]

VAGUE_SITUATION = "[the situation you have in mind]"
VAGUE_CHANGE = "[the specific thing you would like to see]"
VAGUE_ITEMS = "[the specific items you have in mind]"

_WHERE_PLURAL = rx(
    r"^\s+(?:in|during|at|on)\s+(?:(?:our|the|your|his|her|their|team|weekly|daily)\s+)*"
    r"(?P<noun>meeting|session|review|call|demo|presentation|workshop|retro|sync|stand-?up"
    r"|1:1|one-on-one|interview|discussion|email|chat|thread|project|sprint)s?\b"
)
_DEMAND = rx(
    r"^\s+(?:really\s+)?(?:needs? to|has to|have to|must|should|will have to)\s+(?P<change>"
    r"change|improve|get better)\b|^\s+(?:is|was)\s+(?:a (?:real |big )?problem|unacceptable"
    r"|not (?:ok|okay|acceptable))\b"
)
_PERSON = {"your": "you", "his": "he", "her": "she", "their": "they"}

BASE_SUGGESTION: dict[str, str] = {
    "personal_label": "Describe what the person did, e.g. 'in Tuesday's review two comments were "
    "left unanswered', instead of what kind of person they are.",
    "absolute": "Say how often and when, e.g. 'several times recently' or 'in the last two "
    "meetings'.",
    "vague": "Name one concrete example: what happened, when, and what you would like instead.",
    "assumed_intent": "State what you observed and ask about it: 'I noticed X. How do you see it?'",
    "stereotype": "Leave age and group out; talk about this person's specific behavior.",
    "sarcasm": "Say plainly what happened and what you would like instead.",
    "insult": "Remove it and describe the behavior and its impact instead.",
    "over_hedging": "Keep one polite softener and state the request plainly: 'Could you ...?'",
}


def sarcastic_praise(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "great job on the report... not" into a plain concern about the report."""
    target = re.sub(r"^\s*(?:on|with|for)\s+", "", match.group("obj") or "").strip(" ,")
    return (f"I have concerns about {target}" if target else ""), 0


def must_be_nice(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Keep the observed behavior of "must be nice to leave early" as an observation."""
    if not match.group(0).lower().endswith("to"):
        return "", 0
    be = re.match(r"\s+be\b", after)
    return ("I noticed you are", be.end()) if be else ("I noticed you", 0)


def never(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "never replies" into "does not reply"."""
    return negate_never(before, after)


def care(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Replace a claim about caring with honest uncertainty."""
    subject = match.group("who").lower()
    verb = "prioritize" if subject in ("you", "they") else "prioritizes"
    if match.group("obj"):
        return f"I'm not sure how much {subject} {verb}", 0
    pronoun = {"you": "you", "they": "them", "he": "him", "she": "her"}[subject]
    return f"I'm not sure how much this matters to {pronoun}", 0


def fucked_up(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Keep the verb of a profane "messed up" without the profanity."""
    suffix = match.group("inf").lower()
    return {"ed": "mishandled", "s": "mishandles", "ing": "mishandling"}.get(suffix, "mishandle"), 0


def did_not_work(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "the slides are useless" into the speaker's experience: "did not work for me"."""
    be = (match.group("be") or match.group("short")).lower()
    verb = {"is": "does", "s": "does", "are": "do", "re": "do"}.get(be, "did")
    return f" {verb} not work for me" if match.group("short") else f"{verb} not work for me", 0


def attitude(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "your attitude in meetings needs to change" into a talk about one real meeting."""
    person = _PERSON[match.group("whose").lower()]
    used = 0
    where = _WHERE_PLURAL.match(after)
    placeholder = VAGUE_SITUATION
    if where:
        placeholder = f"[the {where.group('noun').lower()} you have in mind]"
        used = where.end()
    came_across = f"how {person} came across in {placeholder}"
    demand = _DEMAND.match(after[used:])
    if not demand or before.strip():
        return came_across, used
    # The vague demand becomes an invitation to talk about one example and what could change.
    change = ", and what could change" if demand.group("change") else ""
    return f"I'd like us to talk about {came_across}{change}", used + demand.end()
