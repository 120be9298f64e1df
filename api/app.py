"""`create_app(settings)`: the FastAPI service; nothing happens until it is called."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI

from api import errors, web
from api.admission import Admission, Gate
from api.errors import PROBLEM_JSON
from api.middleware import BodyLimit
from api.observability import RequestContext
from api.observability import router as operations
from api.routes import (
    accounts,
    admin,
    coordinator,
    generators,
    health,
    knowledge,
    programs,
    sessions,
)
from coach import __version__
from coach.db.engine import make_engine, session_factory
from coach.db.migrate import upgrade
from coach.memory import freeze_loaded_objects
from coach.service import Coach
from coach.settings import Settings, get_settings

DESCRIPTION = """
Reverse mentoring help: agendas, discussion prompts, constructive feedback and session
summaries. Sign in with `POST /v1/auth/sign-in` (a `coach_session` cookie; changes then carry
its CSRF token as `X-CSRF-Token`) or send `Authorization: Bearer <personal API token>` (create
one at `POST /v1/me/tokens`). People join by invitation. Notes and private summaries are
visible to the pair alone; coordinators read only anonymized summaries both members released.
Errors are `application/problem+json`.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The database is opened and migrated at start, so a fresh data directory just works;
    # workers skip this: `coach serve --workers N` migrated once before starting them.
    engine = make_engine(app.state.settings)
    if app.state.migrate:
        upgrade(engine)
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    # Loaded before the first request rather than during it (seconds, not milliseconds).
    await anyio.to_thread.run_sync(app.state.coach.warm)
    if app.state.freeze:
        freeze_loaded_objects()
    try:
        yield
    finally:
        engine.dispose()


_BODY_PROBLEMS = {
    "400": "The body is not UTF-8, nests too deeply, or has a bad Content-Length.",
    "413": "The body is larger than the cap (counted as it arrives, chunked or not).",
}


def _openapi_with_body_problems(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The OpenAPI document, with the edge's 400 and 413 on every operation that takes a body."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = plain()
            problem = {"$ref": "#/components/schemas/Problem"}
            for operations in spec["paths"].values():
                for operation in operations.values():
                    if "requestBody" not in operation:
                        continue
                    for status, description in _BODY_PROBLEMS.items():
                        operation["responses"].setdefault(
                            status,
                            {
                                "description": description,
                                "content": {PROBLEM_JSON: {"schema": problem}},
                            },
                        )
            app.openapi_schema = spec
        return app.openapi_schema

    return openapi


def create_app(
    settings: Settings | None = None, migrate: bool = True, freeze: bool = False
) -> FastAPI:
    """The service over one data directory, with one Coach shared by every request.

    With freeze (`coach serve`, a process that lives as long as the server), what start-up
    loaded is moved out of the garbage collector's reach once warm (coach.memory).
    """
    app = FastAPI(
        title="coach",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_lifespan,
    )
    app.state.settings = settings or get_settings()
    app.state.migrate = migrate
    app.state.freeze = freeze
    app.state.coach = Coach(app.state.settings)
    errors.install(app)
    app.add_middleware(BodyLimit)
    service = app.state.settings.service
    if app.state.settings.llm.resolved_provider == "offline":
        limit, setting = service.max_offline_generations, "COACH_SERVICE__MAX_OFFLINE_GENERATIONS"
    else:
        limit, setting = service.max_generations, "COACH_SERVICE__MAX_GENERATIONS"
    # One count for the JSON routes (the middleware) and the pages (api.deps.GateDep).
    app.state.gate = Gate(limit, service.retry_after_s, setting)
    # Added after the body cap, so it runs before it: a refused request is not even read.
    app.add_middleware(Admission, gate=app.state.gate)
    app.add_middleware(RequestContext)  # outermost: even a refused request gets an id and a count
    for module in (health, accounts, programs, sessions, generators, knowledge, coordinator, admin):
        app.include_router(module.router)
    app.include_router(operations)
    app.openapi = _openapi_with_body_problems(app)  # type: ignore[method-assign]
    web.install(app)
    return app


def worker_app() -> FastAPI:
    """The app factory each `coach serve --workers N` process runs: settings from COACH_*."""
    return create_app(migrate=False, freeze=True)
