"""Admission control: at most N generations in flight; past it, a fast 503 with Retry-After.

A pure ASGI middleware, so a refused request never reaches the dependencies (authentication
takes a database connection) and costs microseconds. The limit is COACH_SERVICE__MAX_GENERATIONS
against a model, COACH_SERVICE__MAX_OFFLINE_GENERATIONS for the CPU-bound offline engine. The
counter needs no lock: it is only touched on the event loop.
"""

from __future__ import annotations

import json
import re
from typing import Any

from api.errors import PROBLEM_JSON

# The routes that run a generator (retrieval plus a model call or the offline engine).
GENERATING = re.compile(
    r"^/v1/(agendas|discussion-prompts|feedback/rewrite|summaries|sessions/[^/]+/(agenda|summary))/?$"
)


class Admission:
    """Counts generation requests in flight and refuses those past the limit."""

    def __init__(
        self,
        app: Any,
        limit: int,
        retry_after_s: int,
        setting: str = "COACH_SERVICE__MAX_GENERATIONS",
    ) -> None:
        self.app = app
        self.limit = limit
        self.setting = setting
        self.retry_after_s = retry_after_s
        self.in_flight = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on, or answer 503 when the limit is reached."""
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or not GENERATING.match(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            await self._refuse(scope, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _refuse(self, scope: Any, send: Any) -> None:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": "Too many generations in flight",
                "status": 503,
                "detail": f"{self.limit} generations are running; retry after "
                f"{self.retry_after_s} s (the limit is {self.setting})",
                "instance": scope["path"],
            }
        ).encode()
        headers = [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(self.retry_after_s).encode()),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})
