"""A thread-safe least-recently-used map, for caches a batch fills ahead of their readers.

functools.lru_cache only fills itself from its own calls; a batch that parses or analyses
several requests' texts at once must leave its results where the per-text calls look.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Lru(Generic[K, V]):
    """At most `size` entries; reading one makes it the most recent."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def grow(self, size: int) -> None:
        """Keep at least `size` entries from now on (a smaller size changes nothing)."""
        with self._lock:
            self.size = max(self.size, size)

    def get(self, key: K) -> V | None:
        """The value kept for key, or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        """Keep a value, dropping the least recently used beyond the size."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Drop everything."""
        with self._lock:
            self._items.clear()
