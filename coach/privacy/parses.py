"""One parse per text with the analyzer's spaCy pipeline, shared by every reader of it.

A summary reads the same clause for its tense, its subject and the people it points at, and
the notes whole for the names that are also words; each reader asking `parsed` for the same
text gets the same Doc. `parse_ahead` fills the store in one `nlp.pipe` batch, about twice as
fast per text as parsing them one by one. Docs handed out are shared: readers never edit them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from coach.lru import Lru
from coach.privacy.engine import nlp

# About the distinct texts of a few dozen summaries: clauses, sentences, notes, goals.
MAX_DOCS = 4096
_DOCS: Lru[str, Any] = Lru(MAX_DOCS)


def parsed(text: str) -> Any:
    """Return the parse of a text (a spaCy Doc), parsing it only the first time it is asked."""
    doc = _DOCS.get(text)
    if doc is None:
        doc = nlp()(text)
        _DOCS.put(text, doc)
    return doc


def parse_ahead(texts: Iterable[str]) -> None:
    """Parse in one batch the texts not parsed yet, so later `parsed` calls find them."""
    todo = [t for t in dict.fromkeys(texts) if _DOCS.get(t) is None]
    for text, doc in zip(todo, nlp().pipe(todo), strict=True):
        _DOCS.put(text, doc)
