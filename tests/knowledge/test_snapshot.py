"""The index snapshot: read instead of Chroma while it matches, never once the index changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from coach.knowledge import snapshot
from coach.knowledge.store import read_index
from coach.settings import Settings
from tests.conftest import make_settings


@pytest.fixture
def own_index(indexed_settings: Settings, tmp_path: Path) -> Settings:
    """A private copy of the session's index, free to change."""
    shutil.copytree(indexed_settings.chroma_path, tmp_path / "chroma")
    return make_settings(tmp_path)


def test_a_current_snapshot_is_read_without_chroma(
    own_index: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunks, vectors = snapshot.index_contents(own_index)  # reads Chroma, writes the copy
    assert snapshot.snapshot_path(own_index).is_file()

    def no_chroma(settings: Settings) -> None:
        raise AssertionError("Chroma was read although the snapshot is current")

    monkeypatch.setattr(snapshot, "read_index", no_chroma)
    again, again_vectors = snapshot.index_contents(own_index)
    assert again == chunks
    assert np.allclose(np.asarray(again_vectors), np.asarray(vectors, dtype=np.float32))


def test_a_change_to_the_index_makes_the_snapshot_stale(own_index: Settings) -> None:
    chunks, _ = snapshot.index_contents(own_index)
    direct = read_index(own_index)[0]
    sqlite = own_index.chroma_path / "chroma.sqlite3"
    stat = sqlite.stat()
    os.utime(sqlite, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert snapshot.load(own_index) is None
    fresh, _ = snapshot.index_contents(own_index)  # read again from Chroma, copy rewritten
    assert fresh == direct == chunks
    assert snapshot.load(own_index) is not None


def test_a_chroma_server_is_always_read_directly(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, chroma={"host": "127.0.0.1"})
    snapshot.save(settings, [], [])
    assert snapshot.load(settings) is None
    assert not (tmp_path / "index").exists()
