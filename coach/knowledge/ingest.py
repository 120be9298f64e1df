"""Idempotent ingestion: only new or changed files are embedded; deleted files leave the index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from coach.knowledge.chunking import split_document
from coach.knowledge.documents import Document, display_path, load_documents
from coach.knowledge.embeddings import build_embeddings
from coach.knowledge.snapshot import index_contents
from coach.knowledge.store import chunk_metadata, open_store, stored_text
from coach.settings import Settings

# Called with (file name, chunks in it) after each file is embedded.
ProgressHook = Callable[[str, int], None]


class IngestReport(BaseModel):
    """What an ingest run changed."""

    files: int
    added: list[str] = []
    updated: list[str] = []
    deleted: list[str] = []
    unchanged: int = 0
    chunks_embedded: int = 0
    seconds: float = 0.0


def _indexed_files(store: Any, roots: set[str]) -> dict[str, tuple[str, list[str]]]:
    """source -> (file hash, chunk ids) for the files indexed under the given roots."""
    got = store.get(include=["metadatas"])
    files: dict[str, tuple[str, list[str]]] = {}
    for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
        if meta.get("root") not in roots:
            continue
        _, ids = files.setdefault(meta["source"], (meta["file_hash"], []))
        ids.append(chunk_id)
    return files


def plan(
    docs: list[Document], indexed: dict[str, tuple[str, list[str]]]
) -> tuple[list[Document], int, list[str]]:
    """Split documents into (to embed, unchanged count) and list the sources that disappeared."""
    to_embed = [d for d in docs if indexed.get(d.source, ("", []))[0] != d.file_hash]
    current = {d.source for d in docs}
    gone = sorted(s for s in indexed if s not in current)
    return to_embed, len(docs) - len(to_embed), gone


def ingest(
    settings: Settings, paths: list[Path] | None = None, on_file: ProgressHook | None = None
) -> IngestReport:
    """Bring the index in line with the knowledge folders; every file is validated first."""
    started = time.perf_counter()
    roots = [Path(p) for p in (paths or settings.knowledge_dirs)]
    docs = load_documents(roots)  # fails before the index is touched
    store = open_store(settings, None)
    indexed = _indexed_files(store, {display_path(r) for r in roots})
    to_embed, unchanged, gone = plan(docs, indexed)
    report = IngestReport(files=len(docs), unchanged=unchanged, deleted=gone)
    stale = [i for s in gone for i in indexed[s][1]]
    if to_embed:
        store = open_store(settings, build_embeddings(settings.embedding))
    for doc in to_embed:
        chunks = split_document(doc)
        old_ids = indexed.get(doc.source, ("", []))[1]
        if old_ids:
            store.delete(ids=old_ids)
        metas = [chunk_metadata(c, doc.root) for c in chunks]
        store.add_texts(
            [stored_text(c) for c in chunks], metadatas=metas, ids=[c.id for c in chunks]
        )
        (report.updated if old_ids else report.added).append(doc.source)
        report.chunks_embedded += len(chunks)
        if on_file:
            on_file(doc.source, len(chunks))
    if stale:
        store.delete(ids=stale)
    index_contents(settings)  # the copy a cold start reads, so the first search is fast too
    report.seconds = round(time.perf_counter() - started, 3)
    return report
