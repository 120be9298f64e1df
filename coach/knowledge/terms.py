"""Cue terms of each topic file, read from its own front matter tags and key-concept names."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from coach.knowledge.documents import Document, load_documents

_CONCEPT = re.compile(r"^\s*[-*]\s+\*\*(?P<name>[^*]+)\*\*", re.MULTILINE)
_KEY_CONCEPTS = re.compile(r"^## Key concepts\s*$(?P<body>.*?)(?=^## |\Z)", re.M | re.S)
# "Fad versus shift", "Owned, earned and paid media": each part is a concept of its own.
_PARTS = re.compile(r"\s+(?:versus|vs\.?|and|or)\s+|,\s*|\s*[()]\s*", re.IGNORECASE)


def _concepts(doc: Document) -> list[str]:
    """The names of a topic file's key concepts, split into their parts, lower case."""
    found = _KEY_CONCEPTS.search(doc.body)
    names = [m["name"] for m in _CONCEPT.finditer(found["body"])] if found else []
    return [p.strip().lower() for n in names for p in _PARTS.split(n) if p and p.strip()]


def _terms(doc: Document) -> set[str]:
    """A file's tags, and its key-concept parts of more than one word."""
    # A one-word concept is often an everyday word elsewhere ("retention", "engagement",
    # "hook"); a one-word tag was chosen by the file's writer to say what the file is about.
    tags = {t.replace("-", " ") for t in doc.meta.topics}
    return tags | {c for c in _concepts(doc) if len(c.split()) > 1}


def file_terms(docs: list[Document]) -> dict[str, frozenset[str]]:
    """Each topic file's tags and key-concept phrases that no other topic file shares."""
    raw = {d.meta.id: _terms(d) for d in docs if d.meta.kind == "topic"}
    shared = Counter(t for terms in raw.values() for t in terms)
    return {doc_id: frozenset(t for t in terms if shared[t] == 1) for doc_id, terms in raw.items()}


@lru_cache(maxsize=4)
def topic_terms(roots: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    """The cue terms of every topic file under the knowledge folders, read once."""
    return file_terms(load_documents(list(roots)))
