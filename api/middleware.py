"""A cap on request bodies, counted as the bytes arrive, so no oversized body is read whole."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem

MAX_BODY_BYTES = 256 * 1024  # the largest valid body (20,000 characters of notes) is far below


class BodyLimit:
    """Answer 413 once a body passes the cap, whether or not it declared a Content-Length.

    Pure ASGI (not BaseHTTPMiddleware) so it sees the body chunk by chunk. A declared length
    over the cap is refused before any byte is read; a chunked body is read up to the cap
    (at most MAX_BODY_BYTES in memory), then handed on or refused. It runs before routing, so
    the cap holds with and without a token.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = [v for k, v in scope["headers"] if k == b"content-length"]
        if declared:
            if len(set(declared)) > 1 or not declared[0].strip().isdigit():
                await self._refuse(scope, receive, send, 400, "Bad Request", _BAD_LENGTH)
            elif int(declared[0]) > self.max_bytes:
                await self._too_large(scope, receive, send)
            else:
                await self.app(scope, receive, send)
            return
        body = await self._read_capped(receive)
        if body is None:
            await self._too_large(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read_capped(self, receive: Receive) -> list[Message] | None:
        """The body's messages, or None as soon as their bytes pass the cap."""
        messages: list[Message] = []
        total = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages  # a disconnect: let the app see it
            total += len(message.get("body", b""))
            if total > self.max_bytes:
                return None
            if not message.get("more_body", False):
                return messages

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"request bodies are limited to {self.max_bytes} bytes"
        await self._refuse(scope, receive, send, 413, "Content too large", detail)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, title: str, detail: str
    ) -> None:
        errors = [{"field": "body", "in": "body", "message": detail}]
        response = problem(Request(scope), status, title, detail, errors=errors)
        response.headers["Connection"] = "close"  # the rest of the body is not read
        await response(scope, receive, send)


_BAD_LENGTH = "the Content-Length header must be a single whole number of bytes"


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive that hands back the buffered body, then defers to the real one."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
