"""Find the action items in session notes: who will do what, and by when."""

from __future__ import annotations

import re

from coach.generators.models import ActionItem, Owner
from coach.offline.notes import Sentence
from coach.privacy.roster import Roster, name_forms

_MARKER = re.compile(
    r"^\s*(?:action(?:\s+items?)?|todo|to-?do|next\s+steps?|follow[- ]up|ai)\s*[:\-–]\s*",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"\b(?:will|shall|'ll|to do|todo|to-do|action|next steps?|agreed to|agrees to|"
    r"commit(?:s|ted)? to|promised to|is going to|are going to|plans? to|needs? to|"
    r"(?:asked|invited|reminded)\s+[\w' ]{1,40}?\s+to)\b|"
    r"^\s*(?:[A-Z][a-z]+|mentor|mentee|we|both)\s+to\s+[a-z]+",
    re.IGNORECASE,
)
# "It will be hard" or "that will help" describe, they do not assign anything.
_IMPERSONAL = re.compile(r"\b(?:it|this|that|there|which|what|who)\s+(?:will|'ll)\b", re.I)
_ACTION_SECTIONS = ("action", "next step", "todo", "to do", "follow", "homework", "commitments")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DUE = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|\b(?:by|before|on|until|due|for|at|in)\s+(?P<when>(?:next\s+|this\s+)?{_WEEKDAY}"
    rf"|(?:the\s+)?(?:next|following)\s+(?:session|meeting|week|month|catch[- ]up|call)"
    rf"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|quarter|year)|tomorrow|tonight"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    rf"|(?:a|one|two|three|four|\d{{1,2}})\s+(?:days?|weeks?|months?))",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_BOTH = re.compile(r"\b(?:we|us|both|together|the pair|each of us|everyone)\b", re.I)
_ASKED = re.compile(r"\b(?:asked|wants|needs|invited|reminded)\s+(?P<who>[\w' ]{1,40}?)\s+to\b")


def _owner_patterns(roster: Roster) -> dict[Owner, re.Pattern[str]]:
    """Return one regex per owner: role word, names, nicknames and pronoun-free forms."""
    patterns: dict[Owner, re.Pattern[str]] = {}
    for forms in name_forms(roster)[:2]:
        words = sorted(forms.any_case | forms.as_name | {forms.role}, key=lambda w: -len(w))
        body = "|".join(re.escape(w) for w in words)
        patterns["mentor" if forms.role == "mentor" else "mentee"] = re.compile(
            rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE
        )
    return patterns


def _mentions(text: str, patterns: dict[Owner, re.Pattern[str]]) -> list[tuple[int, Owner]]:
    """Return (position, owner) for every mention of the mentor, the mentee or both."""
    found: list[tuple[int, Owner]] = [(m.start(), "both") for m in _BOTH.finditer(text)]
    for owner, pattern in patterns.items():
        found += [(m.start(), owner) for m in pattern.finditer(text)]
    return sorted(found)


def resolve_owner(text: str, roster: Roster, previous: Owner | None = None) -> Owner:
    """Return who owns an action: the person asked, else the subject, else the last person."""
    patterns = _owner_patterns(roster)
    asked = _ASKED.search(text)
    if asked:
        named = {owner for _, owner in _mentions(asked.group("who"), patterns)}
        if len(named) == 1:
            return named.pop()
    cue = _CUE.search(text)
    before = _mentions(text[: cue.start()] if cue else text, patterns)
    owners = {owner for _, owner in before} or {o for _, o in _mentions(text, patterns)}
    if "both" in owners or {"mentor", "mentee"} <= owners:
        return "both"
    if owners:
        return owners.pop()
    return previous or "both"


def find_due(text: str) -> str | None:
    """Return the deadline as written ("Friday", "next session") or as an ISO date."""
    match = _DUE.search(text)
    if not match:
        return None
    return match.group("iso") or " ".join(match.group("when").rstrip(".").split())


def is_action(sentence: Sentence) -> bool:
    """Tell whether a sentence assigns work, by marker, cue or the heading it sits under."""
    # What someone was quoted as saying ("I will look silly") is not a plan.
    text = _QUOTED.sub(" ", sentence.text)
    if text.rstrip().endswith("?"):
        return False
    if _MARKER.match(text) or any(s in sentence.section for s in _ACTION_SECTIONS):
        return True
    cue = _CUE.search(text)
    if cue and not (_IMPERSONAL.search(text) and len(_CUE.findall(text)) == 1):
        return True
    return _DUE.search(text) is not None and bool(re.search(r"\bby\b", text, re.I))


def extract_actions(sentences: list[Sentence], roster: Roster) -> list[ActionItem]:
    """Return the action items of the notes in order, with owner and due date."""
    items: list[ActionItem] = []
    previous: Owner | None = None
    for sentence in sentences:
        if not is_action(sentence):
            continue
        text = _MARKER.sub("", sentence.text).strip()
        owner = resolve_owner(text, roster, previous)
        items.append(ActionItem(text=text, owner=owner, due=find_due(text)))
        previous = owner
    return items
