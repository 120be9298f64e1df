"""The program vocabulary: the only labels a coordinator's view may carry in its label fields."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from coach.models import CHALLENGES, KNOWLEDGE_TOPICS, PRODUCTS, THEMES

# Words the released text uses for people; NER sometimes takes "Mentor" for a name.
ROLE_WORDS = ("the mentor", "the mentee", "the pair", "a colleague", "a senior leader")


def _key(label: str) -> str:
    """Normalise a label for comparison: case, hyphens and spacing do not matter."""
    return " ".join(re.sub(r"[-_/]+", " ", label.lower()).split())


_TOPIC_KEYS = {_key(s): label for s, label in KNOWLEDGE_TOPICS.items()} | {
    _key(label): label for label in KNOWLEDGE_TOPICS.values()
}
_THEME_KEYS = {_key(t): t for t in THEMES}
_CHALLENGE_KEYS = {_key(c): c for c in CHALLENGES}


def _known(values: Iterable[str], keys: dict[str, str]) -> list[str]:
    """Return the values that are vocabulary, in their canonical spelling, without repeats."""
    found = [keys.get(_key(v)) for v in values]
    return list(dict.fromkeys(v for v in found if v))


def known_topics(values: Iterable[str]) -> list[str]:
    """Keep knowledge topics (by slug or label); anything else is dropped."""
    return _known(values, _TOPIC_KEYS)


def known_themes(values: Iterable[str]) -> list[str]:
    """Keep program themes; anything else is dropped."""
    return _known(values, _THEME_KEYS)


def known_challenges(values: Iterable[str]) -> list[str]:
    """Keep challenge ids of the taxonomy; anything else is dropped."""
    return _known(values, _CHALLENGE_KEYS)


@lru_cache(maxsize=1)
def safe_terms() -> list[str]:
    """Return vocabulary phrases and their words, which NER must not take for names or places."""
    phrases = [
        *KNOWLEDGE_TOPICS.values(),
        *THEMES,
        *(c.replace("-", " ") for c in CHALLENGES),
        *ROLE_WORDS,
        *PRODUCTS,
    ]
    words = {w for p in phrases for w in (p, *p.split(), p.capitalize())}
    return sorted(words)
