"""What someone typed when their session expired, kept until they sign in again."""

from __future__ import annotations

import secrets
import threading
import time

DRAFT_TTL_SECONDS = 30 * 60
MAX_DRAFTS = 1_000


class Drafts:
    """An in-process store of form values by a random id; popped once, expiring after 30 min."""

    # In memory on purpose: a draft lives minutes, must never reach logs or backups, and a lost
    # draft after a restart costs only retyping, so a table would add risk without much gain.
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, tuple[float, dict[str, str]]] = {}

    def keep(self, values: dict[str, str]) -> str:
        """Store form values; returns the id to carry through sign-in."""
        key = secrets.token_urlsafe(16)
        now = time.monotonic()
        with self._lock:
            self._items = {k: v for k, v in self._items.items() if now - v[0] < DRAFT_TTL_SECONDS}
            if len(self._items) >= MAX_DRAFTS:
                self._items.pop(next(iter(self._items)))
            self._items[key] = (now, values)
        return key

    def take(self, key: str | None) -> dict[str, str]:
        """The values stored under an id, removed; empty when unknown or expired."""
        if not key:
            return {}
        with self._lock:
            found = self._items.pop(key, None)
        if found is None or time.monotonic() - found[0] >= DRAFT_TTL_SECONDS:
            return {}
        return found[1]
