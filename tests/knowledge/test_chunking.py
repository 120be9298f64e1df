"""Chunks follow the headings and keep stable ids."""

from __future__ import annotations

from coach.knowledge.chunking import split_document
from coach.knowledge.documents import load_document
from tests.conftest import KNOWLEDGE


def test_chunk_ids_are_file_heading_path_and_ordinal() -> None:
    path = KNOWLEDGE / "topics/social-media.md"
    chunks = split_document(load_document(path, KNOWLEDGE))
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids))
    assert all(
        i.startswith("knowledge/topics/social-media.md#") and i.endswith(("#0", "#1", "#2"))
        for i in ids
    )
    assert any(c.heading.startswith("Question bank > ") for c in chunks)
    exercises = [c for c in chunks if c.heading.startswith("Hands-on exercises > ")]
    assert len(exercises) >= 3


def test_splitting_is_deterministic() -> None:
    path = KNOWLEDGE / "guidelines/giving-feedback.md"
    first = split_document(load_document(path, KNOWLEDGE))
    again = split_document(load_document(path, KNOWLEDGE))
    assert [c.model_dump() for c in first] == [c.model_dump() for c in again]
