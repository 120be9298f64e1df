"""A cap on request bodies, so an oversized upload is refused before it is read."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import problem

MAX_BODY_BYTES = 256 * 1024  # the largest valid body (20,000 characters of notes) is far below


class BodyLimit:
    """Answer 413 when Content-Length exceeds the cap."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > self.max_bytes:
                response = problem(
                    Request(scope),
                    413,
                    "Content too large",
                    f"request bodies are limited to {self.max_bytes} bytes",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
