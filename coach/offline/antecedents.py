"""Who a pronoun in an open point stands for, when the notes named that person just before."""

from __future__ import annotations

import re

from coach.privacy.roles import is_role_word

# "Rosa's director", "her manager", "his new boss": someone named by their tie to a person.
_ROLE_PHRASE = re.compile(
    r"\b(?P<whose>[A-Z][\w-]+['’]s|(?i:his|her|their))\s+(?:(?:new|old|own|line)\s+)?"
    r"(?P<role>[a-z]+)\b"
)
# An object pronoun: "how much to tell him", "whether to copy her in". "her" before a noun is
# a possessive ("her director"), so only "her" that ends its phrase is taken.
_OBJECT = re.compile(r"\b(?:him|her(?=\s*(?:[.?!,;]|$|\s+(?:in|about|that|what|how|if|now))))\b")
# How far back the person may be named: the sentence before, or the one before that.
LOOK_BACK = 2


def _named_before(before: list[str]) -> str | None:
    """The one person the sentences before name by a role tie, or None if none or several."""
    found = {
        m[0] if m["whose"].endswith(("'s", "’s")) else m[0].lower()  # "His boss" mid-sentence
        for text in before[-LOOK_BACK:]
        for m in _ROLE_PHRASE.finditer(text)
        if is_role_word(m["role"])
    }
    return found.pop() if len(found) == 1 else None


def resolve_object(point: str, before: list[str]) -> str:
    """Say "how much to tell him" as "how much to tell Rosa's director" when only she was named."""
    if len(_OBJECT.findall(point)) != 1:
        return point
    who = _named_before(before)
    return _OBJECT.sub(who, point, count=1) if who else point


# Verbs whose "it" is an event to arrange ("I'll set it up", "I'll book it"). The shared
# spaCy model has no coreference component and none is installed, so the few verbs are listed.
_ARRANGING = re.compile(
    r"\b(?:set|sort|fix|line|book|arrange|organi[sz]e|schedule)\s+it(?:\s+(?:up|out))?\b", re.I
)
# The wish the event serves, said in the sentence before: "Kim wants to meet the night shift".
_WISH = re.compile(
    r"^\s*(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|he|she|they)\s+"
    r"(?:wants|would\s+like|['’]d\s+like|hopes|wishes)\s+to\s+(?P<what>[^.;!?]+?)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_OBJECT_FORM = {"he": "him", "she": "her", "they": "them"}


def resolve_event(clause: str, before: str) -> str:
    """Say "I'll set it up" as "I'll set it up, for Kim to meet the night shift" after the wish."""
    wish = _WISH.match(before)
    if not wish or not _ARRANGING.search(clause):
        return clause
    who = _OBJECT_FORM.get(wish["who"].lower(), wish["who"])
    return f"{clause.rstrip(' .')}, for {who} to {wish['what']}"
