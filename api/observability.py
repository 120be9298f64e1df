"""Per request: an id, one JSON access log line (ids and timings only) and Prometheus metrics."""

from __future__ import annotations

import logging
import re
import time
import uuid

from fastapi import APIRouter, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coach import metrics as prom
from coach import telemetry

log = logging.getLogger("coach.access")
router = APIRouter(tags=["operations"])
# A proxy's id is kept when it is a plain token; anything else could smuggle text into logs.
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _route(scope: Scope) -> str:
    """The matched route's template (no ids, no query), so labels and logs stay bounded."""
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class RequestContext:
    """Give each request an id (X-Request-ID in and out), count it, time it and log it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = given if _SAFE_ID.fullmatch(given) else uuid.uuid4().hex
        # Not reset afterwards: each request runs in its own task (its own context copy), and
        # the 500 handler outside this middleware still logs with the id.
        telemetry.request_id.set(rid)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        prom.IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            prom.IN_FLIGHT.dec()
            elapsed = time.perf_counter() - started
            route, method = _route(scope), scope["method"]
            prom.REQUESTS.labels(method, route, str(status)).inc()
            prom.LATENCY.labels(method, route).observe(elapsed)
            fields = {"method": method, "route": route, "status": status}
            log.info("request", extra={"fields": fields | {"ms": round(elapsed * 1000, 1)}})


@router.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    """Prometheus metrics of this process, or of every worker in multi-process mode."""
    return Response(prom.metrics_text(), media_type="text/plain; version=0.0.4")
