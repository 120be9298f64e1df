"""The last check before release: anything identifying left in text meant for coordinators."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from coach.errors import PrivacyLeak
from coach.privacy.engine import LANGUAGE, analyzer
from coach.privacy.patterns import PATTERNS, QUOTE
from coach.privacy.roles import role_spans
from coach.privacy.roster import Roster, fold, name_forms
from coach.privacy.vocabulary import safe_terms

VERBATIM_WORDS = 8
# A quote shorter than this is too common a phrase ("let's try it") to prove copying.
_MIN_QUOTE_WORDS = 4
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Leak:
    """One identifying thing found: what kind it is and the text that gave it away."""

    kind: str
    value: str


def _alternation(words: frozenset[str], flags: int) -> re.Pattern[str] | None:
    """Compile whole-word alternation of name forms, longest first."""
    if not words:
        return None
    ordered = sorted(words, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def _name_leaks(text: str, roster: Roster) -> list[Leak]:
    """Find roster names in every form, also once the text is folded to ASCII."""
    leaks: list[Leak] = []
    # Folding catches "Siobhan" for "Siobhán", "O’Neill" for "O'Neill", "Dmitriy" for "Дмитрий".
    texts = {text, fold(text)}
    for forms in name_forms(roster):
        for words, flags in ((forms.any_case, re.IGNORECASE), (forms.as_name, 0)):
            pattern = _alternation(words, flags)
            if pattern is not None:
                leaks += [Leak("name", m.group()) for t in texts for m in pattern.finditer(t)]
    return leaks


def _pattern_leaks(text: str) -> list[Leak]:
    """Find every identifier kind the patterns know, from emails to names in other scripts."""
    return [Leak(kind, m.group()) for kind, rx in PATTERNS.items() for m in rx.finditer(text)]


def _role_leaks(text: str) -> list[Leak]:
    """Find role phrases in any case that point at one person ("the bursar", "our cfo")."""
    return [Leak("job title", text[start:end]) for start, end in role_spans(text)]


_NER_KINDS = {
    "PERSON": "person",
    "LOCATION": "place",
    "ORGANIZATION": "organisation",
    "PHONE_NUMBER": "phone",
    "URL": "url",
}


def _ner_leaks(text: str) -> list[Leak]:
    """Find people, places and organisations, and the phones and URLs Presidio validates."""
    results = analyzer().analyze(
        text=text, language=LANGUAGE, entities=list(_NER_KINDS), allow_list=safe_terms()
    )
    spans = [(r.entity_type, text[r.start : r.end]) for r in results]
    return [Leak(_NER_KINDS[kind], span) for kind, span in spans if not _uncased_guess(kind, span)]


def _uncased_guess(kind: str, span: str) -> bool:
    """A name the model guessed from words all in lower case ("the academy post" before a date).

    In a script with case, a proper name has a capital; roster names are found in any case by
    `_name_leaks`, and names in uncased scripts (李明) have no lower-case letter, so they stay.
    """
    return kind in {"PERSON", "LOCATION", "ORGANIZATION"} and span.lower() == span != span.upper()


def _words(text: str) -> list[str]:
    """Return the lower-case words of a text, punctuation dropped."""
    return [w.strip("'") for w in _WORD.findall(text.lower()) if w.strip("'")]


def _copied_runs(words: list[str], notes_words: list[str]) -> list[str]:
    """Return each stretch of words that shares an 8-word run with the notes, merged."""
    n = VERBATIM_WORDS
    runs = {tuple(notes_words[i : i + n]) for i in range(len(notes_words) - n + 1)}
    hits = [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) in runs]
    stretches: list[list[int]] = []
    for i in hits:
        if stretches and i <= stretches[-1][1]:
            stretches[-1][1] = i + n
        else:
            stretches.append([i, i + n])
    return [" ".join(words[a:b]) for a, b in stretches]


def copies(text: str, source: str) -> bool:
    """Tell whether a text repeats a run of VERBATIM_WORDS words of its source."""
    return bool(_copied_runs(_words(text), _words(source)))


def _copied_leaks(text: str, notes: str) -> list[Leak]:
    """Find 8-word runs and long quoted passages of the notes that reappear in the text."""
    words = _words(text)
    notes_words = _words(notes)
    # Field by field (one per line): two short fields side by side are not a copied passage.
    leaks = [
        Leak("verbatim", run)
        for line in text.splitlines()
        for run in _copied_runs(_words(line), notes_words)
    ]
    flat = f" {' '.join(words)} "
    for match in re.finditer(QUOTE, notes):
        quoted = _words(match.group())
        if len(quoted) >= _MIN_QUOTE_WORDS and f" {' '.join(quoted)} " in flat:
            leaks.append(Leak("quote", " ".join(quoted)))
    return leaks


def find_leaks(text: str, roster: Roster, source_notes: str | None = None) -> list[Leak]:
    """Return every identifying thing in a text meant for release, without duplicates."""
    if not text.strip():
        return []
    found = _name_leaks(text, roster) + _pattern_leaks(text) + _ner_leaks(text)
    found += _role_leaks(text)
    if source_notes:
        found += _copied_leaks(text, source_notes)
    unique: dict[tuple[str, str], Leak] = {}
    for leak in found:
        unique.setdefault((leak.kind, leak.value.lower()), leak)
    return list(unique.values())


def holds(text: str, leak: Leak) -> bool:
    """Tell whether a text holds a leak's value: as written, folded to ASCII, or as its words."""
    # The value is what a finder matched: the text itself, its folding (names) or its
    # lower-case words (verbatim runs and quotes); whole words only, so "Goal" is not "Goals".
    value = re.compile(rf"(?<!\w){re.escape(leak.value)}(?!\w)")
    return any(value.search(form) for form in (text, fold(text), " ".join(_words(text))))


def describe(leaks: list[Leak]) -> str:
    """Summarise leaks by kind and count only, so the message cannot leak the values."""
    counts = Counter(leak.kind for leak in leaks)
    return ", ".join(f"{kind} ({n})" for kind, n in sorted(counts.items()))


def assert_no_leaks(text: str, roster: Roster, source_notes: str | None = None) -> None:
    """Raise PrivacyLeak, naming only the kinds found, if the text is not safe to release."""
    leaks = find_leaks(text, roster, source_notes)
    if leaks:
        raise PrivacyLeak(
            f"The anonymized text still contains identifying content: {describe(leaks)}.",
            errors=[{"kind": kind} for kind in sorted({leak.kind for leak in leaks})],
        )
