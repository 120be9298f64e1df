"""Liveness and readiness probes; they need no token and reveal no data."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.deps import CoachDep
from coach.db.engine import ping
from coach.db.migrate import current_revision, head_revision

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


def _database(request: Request) -> dict[str, Any]:
    try:
        engine = request.app.state.engine
        ping(engine)
        revision, head = current_revision(engine), head_revision()
    except Exception as exc:  # a probe reports any failure instead of raising it
        return {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}
    return {"ok": revision == head, "revision": revision, "head": head}


async def _knowledge_and_provider(coach: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        state = await coach.astatus()
    except Exception as exc:
        return {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}, {"ok": False}
    chunks = state.get("indexed_chunks", 0)
    knowledge = {"ok": chunks > 0, "chunks": chunks}
    if "index_error" in state:
        knowledge["detail"] = state["index_error"]
    provider = {
        "ok": bool(state.get("provider_ok")),
        "name": state.get("provider"),
        "model": state.get("model"),
        "detail": state.get("provider_detail"),
    }
    return knowledge, provider


@router.get("/readyz", responses={503: {"description": "A check failed; the body says which."}})
async def readyz(request: Request, coach: CoachDep) -> JSONResponse:
    """Ready to serve: database migrated, knowledge indexed, the LLM endpoint answering."""
    knowledge, provider = await _knowledge_and_provider(coach)
    database = await run_in_threadpool(_database, request)
    checks = {"database": database, "knowledge": knowledge, "provider": provider}
    ready = all(c["ok"] for c in checks.values())
    body = {"status": "ready" if ready else "not ready", "checks": checks}
    return JSONResponse(body, status_code=200 if ready else 503)
