"""Find the situation, behavior and impact parts inside a feedback sentence."""

from __future__ import annotations

import re

from coach.language.grammar import capitalize_first, starts_with_subject
from coach.language.tone import content_words
from coach.language.words import rx

SITUATION = rx(
    r"\b(?:in|during|at|after|before|on)\s+(?:the|our|my|your|this|last|today's|yesterday's"
    r"|this morning's|last week's|\w+day's)\s+(?:[\w-]+\s+){0,2}?(?:meeting|stand-?up|session"
    r"|call|review|demo|presentation|workshop|retro(?:spective)?|sync|1:1|one-on-one|planning"
    r"|town ?hall|offsite|interview|catch-?up|discussion|email|thread|chat|project|sprint"
    r"|walk-?through|training|onboarding|kick-?off|all-hands|webinar|pitch|talk)s?\b"
    r"|\b(?:yesterday|this (?:morning|afternoon|week)|last (?:week|month|time|night|\w+day)"
    r"|on \w+day)\b"
)
# A sentence that states a consequence, anywhere in it.
IMPACT = rx(
    r"\b(?:made me|makes me|making me|I felt|I feel|I was left|left me|which meant|that meant"
    r"|it meant|this meant|as a result|so I (?:had|couldn't|could not|ended|was)|so we"
    r"|because of (?:this|that)|the team had to|we had to|I had to|we missed|I lost|slowed"
    r"|caused|means (?:that )?(?:I|we|the team)|I learn|helped me|helps me"
    r"|made it (?:hard|harder|difficult|impossible|tough|easier|easy)|which made|which left"
    r"|and that meant)\b"
)
# "so I'm going to say it", "so I doubt ...": "so" introduces an intention or opinion there.
_NOT_A_RESULT = (
    r"(?![\x27’]|\s+(?:just|will|am|want|wanted|think|thought|guess|doubt|hope|suppose|decided"
    r"|figured)\b)"
)
# A consequence joined to the behavior inside one sentence: ", which made ...", ", so we ...".
_LINKED = (
    r"(?:which|that|this|it)\s+(?:really\s+|also\s+)?(?:made|makes|meant|means|left|leaves"
    r"|caused|causes|slowed|cost|forced|put)\b"
    rf"|so\s+(?:that\s+)?(?:I|we|they|everyone|the|our|my)\b{_NOT_A_RESULT}|as a result\b"
    r"|because of (?:this|that)\b"
    r"|(?:making|leaving) (?:me|us|the team|everyone|others)\b"
    r"|(?:I|we) (?:felt|feel|was left|were left|lost|had to|couldn't|could not|ended up|missed)\b"
)
_FREE = (
    rf"which\s+(?:made|meant|left|caused)\b|so\s+(?:I|we)\b{_NOT_A_RESULT}"
    r"|(?:making|leaving) (?:me|us)\b"
)
_JOINED_IMPACT = rx(
    rf"(?:\s*[,;]\s*(?:and\s+)?|\s+[—–-]+\s+|\s+and\s+)(?P<linked>{_LINKED})|\s+(?P<free>{_FREE})"
)
_LEAD = rx(r"^\W*(?:(?:and|but|so|also|then),?\s+)?(?:(?:it|this|that|which)\s+)?(?:really\s+)?$")
_OPENING = (
    (rx(r"^which\b"), "That"),
    (rx(r"^so\s+(?:that\s+)?"), "As a result, "),
    (rx(r"^making\b"), "That made"),
    (rx(r"^leaving\b"), "That left"),
)


def leads_with_impact(sentence: str) -> bool:
    """Tell whether the whole sentence is a consequence ("I lost my train of thought.")."""
    cue = IMPACT.search(sentence)
    return bool(cue and _LEAD.match(sentence[: cue.start()]))


def _as_sentence(clause: str) -> str:
    """Make a trailing consequence clause stand on its own, with its own subject."""
    out = clause.strip()
    for pattern, opening in _OPENING:
        if pattern.match(out):
            out = pattern.sub(opening, out, count=1)
            break
    out = capitalize_first(out)
    return out if out[-1:] in ".!?" else f"{out}."


def split_impact(sentence: str) -> tuple[str, str]:
    """Split "X, which made Y." into ("X.", "That made Y."); the impact is empty if none."""
    joined = _JOINED_IMPACT.search(sentence)
    if not joined or not content_words(sentence[: joined.start()]):
        return sentence, ""
    start = joined.start("linked") if joined.group("linked") else joined.start("free")
    behavior = sentence[: joined.start()].rstrip(" ,;—–-")
    mark = sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in ".!" else "."
    return f"{behavior}{mark}", _as_sentence(sentence[start:])


def strip_situation(sentence: str, cue: str) -> str:
    """Leave out a situation phrase that opens or closes the sentence, if a subject remains."""
    lowered, phrase = sentence.lower(), cue.lower()
    if lowered.startswith(phrase):
        rest = sentence[len(cue) :].lstrip(" ,")
        return capitalize_first(rest) if starts_with_subject(rest) else sentence
    tail = re.search(rf"[\s,]+{re.escape(phrase)}(?P<mark>[.!?]*)$", lowered)
    if tail and starts_with_subject(sentence):
        return sentence[: tail.start()] + (tail.group("mark") or ".")
    return sentence
