"""Word stems (Snowball, via PyStemmer) shared by retrieval, question checks and the evals."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
# Question words carry no topic; BM25 would otherwise reward every "how do I" passage.
_STOP = frozenset(
    (
        "a an and are as at be by for from how i in is it me my of on or our so that the this "
        "to we what when where which who why with you your do does can should would could"
    ).split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def stem_words(words: list[str]) -> list[str]:
    """Snowball (Porter 2) stems of English words."""
    return list(_stemmer().stemWords(words))


def stem(word: str) -> str:
    """The Snowball stem of one word."""
    return str(_stemmer().stemWord(word))


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free stems."""
    return stem_words([w for w in _WORD.findall(text.lower()) if w not in _STOP])
