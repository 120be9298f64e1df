"""Per-call Presidio recognizers: the roster deny-lists and the identifier regexes."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from coach.privacy.engine import LANGUAGE
from coach.privacy.patterns import ENTITY_OF_KIND, PATTERNS
from coach.privacy.roster import NameForms, Roster, name_forms

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

TITLE_ENTITY = "IDENTIFYING_TITLE"
HANDLE_ENTITY = "SOCIAL_HANDLE"
QUOTE_ENTITY = "VERBATIM_QUOTE"
ROLE_ENTITY = "ROLE_PHRASE"
# Presidio's validating phone and URL recognizers come first; these looser shapes back them.
_LOOSE = {"PHONE_NUMBER": 0.6, "URL": 0.6}


def name_entity(role: str, possessive: bool = False) -> str:
    """Return the entity type a role's name (or possessive name) is reported as."""
    return f"{role.upper()}_{'POSS' if possessive else 'NAME'}"


def _deny(entity: str, words: frozenset[str], *, any_case: bool) -> EntityRecognizer | None:
    """Build one deny-list recognizer; longest forms first so "Maria Lopez" beats "Maria"."""
    import regex
    from presidio_analyzer import PatternRecognizer

    if not words:
        return None
    flags = regex.M | regex.S | (regex.I if any_case else 0)
    ordered = sorted(words, key=lambda w: (-len(w), w))
    suffix = "any" if any_case else "cased"
    return PatternRecognizer(
        supported_entity=entity,
        name=f"roster-{entity.lower()}-{suffix}",
        supported_language=LANGUAGE,
        deny_list=ordered,
        global_regex_flags=flags,
    )


def _roster_recognizers(forms: NameForms) -> list[EntityRecognizer]:
    """Return the (up to four) deny-list recognizers for one role."""
    name, poss = name_entity(forms.role), name_entity(forms.role, possessive=True)
    built = [
        _deny(name, forms.any_case, any_case=True),
        _deny(name, forms.as_name, any_case=False),
        _deny(poss, forms.possessive_any_case, any_case=True),
        _deny(poss, forms.possessive_as_name, any_case=False),
    ]
    return [r for r in built if r is not None]


@lru_cache(maxsize=1)
def _pattern_recognizers() -> tuple[EntityRecognizer, ...]:
    """One recognizer per identifier entity, built from the same regexes the leak check uses."""
    from presidio_analyzer import Pattern, PatternRecognizer

    grouped: dict[str, list[Pattern]] = {}
    for kind, entity in ENTITY_OF_KIND.items():
        score = _LOOSE.get(entity, 0.9)
        grouped.setdefault(entity, []).append(Pattern(kind, PATTERNS[kind].pattern, score))
    return tuple(
        PatternRecognizer(
            supported_entity=entity,
            name=f"coach-{entity.lower()}",
            supported_language=LANGUAGE,
            patterns=patterns,
        )
        for entity, patterns in grouped.items()
    )


def pattern_entities() -> list[str]:
    """Return the entity types the identifier regexes report."""
    return sorted(set(ENTITY_OF_KIND.values()))


def build_recognizers(roster: Roster) -> list[EntityRecognizer]:
    """Return the ad-hoc recognizers for one call: the roster's, then the identifier regexes."""
    return list(_recognizers_of(roster))


# Built once per roster, not per call: a summary's release and its leak check analyse several
# texts with one roster, and building compiles every pattern twice (Presidio validates it, then
# compiles it again with the recognizer's flags on first use), a fifth of a summary's
# anonymization CPU. Sharing is safe: a pattern recognizer keeps no per-call state, only that
# compiled regex, which is the same for every call.
@lru_cache(maxsize=64)
def _recognizers_of(roster: Roster) -> tuple[EntityRecognizer, ...]:
    recognizers: list[EntityRecognizer] = []
    for forms in name_forms(roster):
        recognizers.extend(_roster_recognizers(forms))
    return (*recognizers, *_pattern_recognizers())
