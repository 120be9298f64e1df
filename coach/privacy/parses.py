"""One parse per text with the analyzer's spaCy pipeline, shared by every reader of it.

A summary reads the same clause for its tense, its subject and the people it points at, and
the notes whole for the names that are also words; each reader asking `parsed` for the same
text gets the same Doc. `parse_ahead` fills the store in one `nlp.pipe` batch, about twice as
fast per text as parsing them one by one. Docs handed out are shared: readers never edit them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from coach.privacy.engine import nlp

# About the distinct texts of a few dozen summaries: clauses, sentences, notes, goals.
MAX_DOCS = 4096
_DOCS: OrderedDict[str, Any] = OrderedDict()
_LOCK = threading.Lock()


def _store(text: str, doc: Any) -> None:
    """Keep a Doc, dropping the least recently used beyond MAX_DOCS."""
    with _LOCK:
        _DOCS[text] = doc
        _DOCS.move_to_end(text)
        while len(_DOCS) > MAX_DOCS:
            _DOCS.popitem(last=False)


def parsed(text: str) -> Any:
    """Return the parse of a text (a spaCy Doc), parsing it only the first time it is asked."""
    with _LOCK:
        doc = _DOCS.get(text)
        if doc is not None:
            _DOCS.move_to_end(text)
            return doc
    doc = nlp()(text)
    _store(text, doc)
    return doc


def parse_ahead(texts: Iterable[str]) -> None:
    """Parse in one batch the texts not parsed yet, so later `parsed` calls find them."""
    with _LOCK:
        todo = [t for t in dict.fromkeys(texts) if t not in _DOCS]
    for text, doc in zip(todo, nlp().pipe(todo), strict=True):
        _store(text, doc)
