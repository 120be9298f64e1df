"""Admission control: at most N generations in flight; past it, a fast 503 with Retry-After.

One Gate per app counts them. The JSON routes pass it in a pure ASGI middleware, so a refused
request never reaches the dependencies (authentication takes a database connection) and costs
microseconds; a page takes its slot around the generation itself, so a refused form is shown
again with what was typed (and notes are saved before their summary is asked for). The limit is
COACH_SERVICE__MAX_GENERATIONS against a model, COACH_SERVICE__MAX_OFFLINE_GENERATIONS for the
CPU-bound offline engine. The counter needs no lock: it is only touched on the event loop.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from api.errors import PROBLEM_JSON
from coach.errors import CoachError

# The routes that run a generator (retrieval plus a model call or the offline engine).
GENERATING = re.compile(
    r"^/v1/(agendas|discussion-prompts|feedback/rewrite|summaries|sessions/[^/]+/(agenda|summary))/?$"
)


class Busy(CoachError):
    """Too many generations are in flight: retry after a moment."""

    status = 503
    title = "Too many generations in flight"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class Gate:
    """The count of generations in flight, and the limit past which they are refused."""

    def __init__(
        self, limit: int, retry_after_s: int, setting: str = "COACH_SERVICE__MAX_GENERATIONS"
    ) -> None:
        self.limit = limit
        self.retry_after_s = retry_after_s
        self.setting = setting
        self.in_flight = 0

    @property
    def full(self) -> bool:
        """Whether a new generation would go past the limit."""
        return self.in_flight >= self.limit

    @property
    def detail(self) -> str:
        """Why a generation was refused, and what to set."""
        return (
            f"{self.limit} generations are running; retry after {self.retry_after_s} s "
            f"(the limit is {self.setting})."
        )

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one place for the block, or raise Busy when there is none."""
        if self.full:
            raise Busy(self.detail, self.retry_after_s)
        self.in_flight += 1
        try:
            yield
        finally:
            self.in_flight -= 1


def retry_headers(exc: Exception) -> dict[str, str]:
    """The Retry-After header an error asks for (none when it names no wait)."""
    wait = getattr(exc, "retry_after", None)
    return {"Retry-After": str(wait)} if wait is not None else {}


class Admission:
    """Passes JSON generation requests through the gate, refusing those past the limit."""

    def __init__(self, app: Any, gate: Gate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on, or answer 503 when the limit is reached."""
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or not GENERATING.match(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        if self.gate.full:
            await self._refuse(scope, send)
            return
        async with self.gate.slot():
            await self.app(scope, receive, send)

    async def _refuse(self, scope: Any, send: Any) -> None:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": Busy.title,
                "status": 503,
                "detail": self.gate.detail,
                "instance": scope["path"],
            }
        ).encode()
        headers = [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(self.gate.retry_after_s).encode()),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})
