"""Small English repairs used when flagged spans are removed or replaced."""

from __future__ import annotations

import re

_IRREGULAR_PARTICIPLE = {
    "came": "come",
    "went": "gone",
    "gave": "given",
    "took": "taken",
    "wrote": "written",
    "spoke": "spoken",
    "did": "done",
    "saw": "seen",
    "knew": "known",
    "ran": "run",
    "began": "begun",
    "forgot": "forgotten",
    "showed": "shown",
    "ate": "eaten",
    "chose": "chosen",
    "drove": "driven",
    "flew": "flown",
    "grew": "grown",
    "rode": "ridden",
    "rose": "risen",
    "stole": "stolen",
    "threw": "thrown",
    "woke": "woken",
}
_BE_OR_MODAL = frozenset(
    "am is are was were be been can could will would shall should may might must".split()
)
_ADVERBS = r"(?:(?:really|even|actually|ever|once|quite|properly|fully|truly|just)\s+)*"
_NEXT_VERB = re.compile(r"^(\s+)(" + _ADVERBS + r")([A-Za-z]+)")
_AUX_BEFORE = re.compile(
    r"(?:['’](?:re|s|m|ve|d)|\b(?:am|is|are|was|were|have|has|had|will|would|can|could|"
    r"should|do|does|did|may|might|must))\s*$",
    re.IGNORECASE,
)
_THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]his|[Tt]hat|[A-Z][a-z]+)\s*$")
_NOT_THIRD = re.compile(r"\b(?:I|you|we|they)\s*$", re.IGNORECASE)
_ES_PLURAL = re.compile(r"(?:ch|sh|ss|x|z|o)es$")


def present_base(verb: str) -> str:
    """Turn a third-person present form into its base form ("replies" -> "reply")."""
    lower = verb.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return verb[:-3] + "y"
    if _ES_PLURAL.search(lower):
        return verb[:-2]
    return verb[:-1]


def negate_never(before: str, after: str) -> tuple[str, int]:
    """Rewrite "never <verb>" as a plain negation; also say how much of ``after`` it used."""
    if _AUX_BEFORE.search(before):
        return "not", 0
    match = _NEXT_VERB.match(after)
    if not match:
        return "not", 0
    _, adverbs, verb = match.groups()
    lower = verb.lower()
    third = bool(_THIRD_PERSON.search(before)) and not _NOT_THIRD.search(before)
    if lower in _BE_OR_MODAL:
        return f"{verb} not {adverbs}".strip(), match.end()
    if lower.endswith("ed") or lower in _IRREGULAR_PARTICIPLE:
        aux = "has not" if third else "have not"
        verb = _IRREGULAR_PARTICIPLE.get(lower, verb)
    elif lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        aux, verb = "does not", present_base(verb)
    else:
        aux = "does not" if third else "do not"
    return f"{aux} {adverbs}{verb}", match.end()


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?…])")
_REPEATED_COMMA = re.compile(r"([,;:])(?:\s*[,;:])+")
_LEADING_JUNK = re.compile(r"^[\s,;:.…—–-]+")
_LEADING_CONJUNCTION = re.compile(r"^(?:but|and|so|however|although|yet|though)\b[\s,]*", re.I)
_TRAILING_JUNK = re.compile(r"[\s,;:—–-]+([.!?…]*)$")
_DANGLING_END = re.compile(
    r"\s+\b(?:a|an|the|to|and|but|or|so|of|with|is|are|like|as)\s*([.!?]*)$", re.I
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\*\s*\*")
_ARTICLE = re.compile(r"\b([Aa]n?)\s+(\[?)([A-Za-z])")
_VOWEL_EXCEPTIONS = re.compile(r"^(?:one|once|use|user|usual|unique|euro)", re.I)


def _fix_article(match: re.Match[str]) -> str:
    """Choose "a" or "an" from the sound of the next word (approximated by its first letter)."""
    article, bracket, letter = match.groups()
    rest = match.string[match.start(3) :]
    vowel = letter.lower() in "aeiou" and not _VOWEL_EXCEPTIONS.match(rest)
    vowel = vowel or bool(re.match(r"hour|honest", rest, re.I))
    word = ("an" if vowel else "a") if article.islower() else ("An" if vowel else "A")
    return f"{word} {bracket}{letter}"


def tidy(text: str, *, sentence_start: bool = True) -> str:
    """Repair spacing, punctuation and articles after spans were removed."""
    out = _EMPTY_BRACKETS.sub("", text)
    out = _SPACES.sub(" ", out)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    out = _REPEATED_COMMA.sub(r"\1", out)
    out = re.sub(r"[,;:]+([.!?])", r"\1", out)
    out = _ARTICLE.sub(_fix_article, out)
    if sentence_start:
        out = _LEADING_JUNK.sub("", out)
        out = _LEADING_CONJUNCTION.sub("", out)
    for _ in range(2):
        out = _DANGLING_END.sub(r"\1", out)
        out = _TRAILING_JUNK.sub(r"\1", out)
    return out.strip()


def capitalize_first(text: str) -> str:
    """Upper-case the first letter without touching the rest."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
        if char == "[":
            return text
    return text


_LOWERABLE = frozenset(
    """you your yours he she they we it its this that these those the there his her their our
    my in on at when whenever during why how what where who not more some a an every each most
    all several after before since""".split()
)


def lower_first(text: str) -> str:
    """Lower-case the first word when it is a common sentence opener, never a name or "I"."""
    first = text.split(" ", 1)[0]
    if first.lower().strip(",") in _LOWERABLE or re.match(
        r"^(?:it|that|there|you|they|we|he|she)['’]", first, re.I
    ):
        return text[:1].lower() + text[1:]
    return text
