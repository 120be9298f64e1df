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


# A vague judgement is fixed by a slot for the example; the analyzer reads a slot as one.
VAGUE_MOMENT = "[the moment you have in mind]"
VAGUE_PROBLEM = "[the specific problem you noticed]"
VAGUE_EXPECTATION = "[the specific expectation you have in mind]"
_HAVE = {"present": "has", "plural": "have", "past": "had"}
_DO = {"present": "does", "plural": "do", "past": "did"}
_LEADING_PLACE = rx(r"^\s+(?:in|during|at|on|to|towards?|with|for|around|about)\b")
_GERUND = rx(r"^,?(?=\s*\w+ing\b)")


def _tense(verb: str) -> str:
    """Present singular, plural or past, from a copula or linking verb as written."""
    lower = verb.lower().lstrip("'’")
    if lower in ("was", "were") or lower.endswith("ed") or lower == "felt":
        return "past"
    if lower in ("are", "re") or not lower.endswith("s"):
        return "plural"
    return "present"


def judged_quality(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "the report was sloppy" into "the report had [the specific problem you noticed]"."""
    tense = _tense(match.group("be"))
    space = " " if match.group(0)[:1] in ("'", "’") else ""
    if match.group("short"):
        return f"{space}{_DO[tense]} not meet {VAGUE_EXPECTATION}", 0
    return f"{space}{_HAVE[tense]} {VAGUE_PROBLEM}", 0


def manner(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Keep "your tone" but ask for the moment it was about: "your tone in [the moment ...]"."""
    where = _WHERE_PLURAL.match(after)
    if where:
        return f"{match.group(0)} in [the {where.group('noun').lower()} you have in mind]", (
            where.end()
        )
    if _LEADING_PLACE.match(after):
        return f"{match.group(0)} ({VAGUE_MOMENT})", 0
    return f"{match.group(0)} in {VAGUE_MOMENT}", 0


def the_way(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "the way you handle things" into "how you handle [the situation you have in mind]"."""
    if match.group("verb"):
        return f"how {match.group('who')} {match.group('verb')} {VAGUE_SITUATION}", 0
    return f"how {match.group('who')} {match.group('alone')} in {VAGUE_SITUATION}", 0


def lacking(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "lacks presence" into "could show more presence in [the situation ...]"."""
    quality = match.group("quality")
    if match.group("lack_of"):
        return f"less {quality} than I expected in {VAGUE_SITUATION}", 0
    return f"could show more {quality} in {VAGUE_SITUATION}", 0


def unquote(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Drop scare quotes and keep the word: your "help" -> your help."""
    return match.group("word"), 0


def praise_then_failure(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Drop ironic praise before a failure; "congrats on missing" becomes a plain concern."""
    about = match.groupdict().get("about")
    gerund = _GERUND.match(after)
    if about or gerund:
        return "I'm concerned about", gerund.end() if gerund and not about else 0
    return "", 0


def head_only(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Keep what happened and drop the ironic tail: "another delay, just what we needed"."""
    return match.group(0)[: match.start("tail") - match.start()].rstrip(" ,"), 0


def belated(match: re.Match[str], before: str, after: str) -> tuple[str, int]:
    """Turn "nice of you to finally reply" into "I noticed it took a while to reply"."""
    return "I noticed it took a while to", 0
