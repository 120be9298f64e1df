"""A read-only copy of the index's chunks and vectors, so a cold start need not import chromadb.

Importing chromadb and opening its client was most of a CLI command's cold start (seconds,
where the search itself takes milliseconds). Chroma stays the index: ingestion writes there,
and the copy is trusted only while Chroma's SQLite files have the size and mtime recorded with
it. Any write to the index (or even opening it, which Chroma records) makes the copy stale, and
the next read goes through chromadb and writes a fresh copy. A Chroma server has no local files
to compare, so it is always read directly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from coach.knowledge.models import Chunk
from coach.knowledge.store import collection_name, read_index
from coach.settings import Settings

FORMAT = 1
SQLITE_FILES = ("chroma.sqlite3", "chroma.sqlite3-wal")


def snapshot_path(settings: Settings) -> Path:
    """Where the copy of this collection lives: the data directory, not Chroma's folder."""
    return settings.data_dir / "index" / f"{collection_name(settings)}.npz"


def _stamp(settings: Settings) -> str | None:
    """Size and mtime of Chroma's SQLite files; None when there are none (a server, no index)."""
    if settings.chroma.host:
        return None
    parts = []
    for name in SQLITE_FILES:
        path = settings.chroma_path / name
        if path.is_file():
            stat = path.stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return f"{FORMAT}|" + "|".join(parts) if parts else None


def load(settings: Settings) -> tuple[list[Chunk], Any] | None:
    """The chunks and vectors of a copy that still matches the index, else None."""
    stamp, path = _stamp(settings), snapshot_path(settings)
    if stamp is None or not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        if str(data["stamp"]) != stamp:
            return None
        chunks = [Chunk(**record) for record in json.loads(str(data["chunks"]))]
        return chunks, data["vectors"]


def save(settings: Settings, chunks: list[Chunk], vectors: list[Any]) -> None:
    """Write a copy of what was just read from Chroma, atomically; nothing for an empty index."""
    stamp, path = _stamp(settings), snapshot_path(settings)
    if stamp is None or not chunks:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with partial.open("wb") as out:
        np.savez(
            out,
            stamp=np.array(stamp),
            chunks=np.array(json.dumps([c.model_dump() for c in chunks])),
            vectors=np.asarray(vectors, dtype=np.float32),
        )
    os.replace(partial, path)


def index_contents(settings: Settings) -> tuple[list[Chunk], Any]:
    """Every chunk and its vector, in id order: from a current copy, else from Chroma."""
    cached = load(settings)
    if cached is not None:
        return cached
    chunks, vectors = read_index(settings)
    save(settings, chunks, vectors)
    return chunks, vectors
