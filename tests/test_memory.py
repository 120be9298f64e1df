"""Freed heap goes back to the OS after loading."""

from __future__ import annotations

import sys

import pytest

from coach.memory import release_freed_memory


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_is_returned() -> None:
    # Objects over 512 bytes come from malloc's heap (not Python's own arenas); with a
    # survivor allocated after them, free() alone keeps their pages mapped.
    blocks = [bytes(600) + bytes([i % 256]) for i in range(100_000)]
    survivor = bytes(600) + b"!"
    del blocks
    before = _rss_kib()
    assert release_freed_memory() is True
    assert _rss_kib() < before - 20_000
    assert survivor.endswith(b"!")


def test_freezing_keeps_what_start_up_loaded_out_of_collections() -> None:
    import gc

    from coach.memory import freeze_loaded_objects

    loaded = [[i] for i in range(1000)]
    try:
        assert freeze_loaded_objects() >= len(loaded)
        # A full collection no longer walks them: only what came after is tracked.
        assert all(not any(o is x for o in gc.get_objects(2)) for x in loaded[:5])
    finally:
        gc.unfreeze()
