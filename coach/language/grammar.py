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
# The last personal subject before "never" decides agreement in "he's rude and never replied".
_LAST_SUBJECT = re.compile(r"\b(I|you|we|they|he|she)\b(?!.*\b(?:I|you|we|they|he|she)\b)", re.I)
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
    last = _LAST_SUBJECT.search(before)
    third = bool(_THIRD_PERSON.search(before) or (last and last.group(1).lower() in ("he", "she")))
    third = third and not _NOT_THIRD.search(before)
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


_SUBJECT_START = re.compile(
    r"^(?:you|your|he|she|they|we|I|it|this|that|the|his|her|their|our|my|not everyone"
    r"|more than one|some people|how (?:you|he|she|they))\b",
    re.IGNORECASE,
)


def starts_with_subject(text: str) -> bool:
    """Tell whether a clause opens with a pronoun, a possessive or a determined noun."""
    return bool(_SUBJECT_START.match(text.lstrip(" ,\"'“‘(")))


CARRY = "\x00"
_CARRIED = re.compile(
    CARRY + r"([^" + CARRY + r"]*)" + CARRY + r"(\s*(?:,\s*)?(?:(?:and|but|or)\b\s*)?)"
    r"(?=([\w'’\[]*))",
    re.IGNORECASE,
)
# Words that can open a clause without being its verb: after "you're lazy and", these mean
# the clause already has its own subject or opens with a phrase of time or place.
_NOT_PREDICATE = frozenset(
    """i you he she it we they this that these those there the a an my your his her our their
    some several not more every each everyone everybody nobody people in on at during when
    whenever if because after before since to with about for which who while as""".split()
)
# Predicate adjectives that need the copula back ("you're lazy and late" -> "you're late").
_PREDICATE_ADJECTIVES = frozenset(
    """late early unprepared distracted absent quiet silent slow unclear vague unavailable busy
    unreachable unresponsive behind offline""".split()
)


def carried(subject: str) -> str:
    """Mark where a removed span took the clause's subject with it ("you're", "he is")."""
    return f"{CARRY}{subject.lower()}{CARRY}"


def _restore(match: re.Match[str]) -> str:
    subject, link, following = match.group(1), match.group(2), match.group(3).lower()
    coordinated = bool(re.search(r"(?:,|\band|\bbut|\bor)\s*$", link, re.IGNORECASE))
    if not (coordinated and following) or following in _NOT_PREDICATE or following[0] == "[":
        return link
    if following in _PREDICATE_ADJECTIVES:
        return f"{subject} "
    return f"{re.split(r'[^a-z]', subject, maxsplit=1)[0]} "


def restore_subjects(text: str) -> str:
    """Give a coordinated predicate its subject back after the label before it was removed."""
    return _CARRIED.sub(_restore, text)


_IMPERATIVE_VERBS = frozenset(
    """be do stop start try learn send make get take keep give show use read prepare come listen
    tell ask check step put pay focus think remember join share write update reply respond
    answer follow include avoid let leave bring turn calm speak talk explain slow quit fix
    finish review test plan wait arrive book drop mute close""".split()
)
_IMPERATIVE = re.compile(
    r"^(?P<neg>(?:don['’]t|do not)\s+)?(?P<verb>[A-Za-z]+)(?P<rest>(?:\s[^?]*?)?)[.!]*$",
    re.IGNORECASE | re.DOTALL,
)


def polite_request(sentence: str) -> str | None:
    """Turn a bare imperative ("Learn to use Teams.") into a question with a subject."""
    match = _IMPERATIVE.match(sentence.strip())
    if not match:
        return None
    verb, rest = match.group("verb"), match.group("rest").rstrip()
    if verb.lower() in _NOT_PREDICATE:
        return None
    if match.group("neg"):
        return f"Could you try not to {verb.lower()}{rest}?"
    if verb.lower() not in _IMPERATIVE_VERBS or rest.startswith((",", " you ", " I ")):
        return None
    return f"Could you {verb.lower()}{rest}?"
