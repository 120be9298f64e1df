"""`create_app(settings)`: the FastAPI service; nothing happens until it is called."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from api import errors
from api.errors import PROBLEM_JSON
from api.middleware import BodyLimit
from api.routes import admin, coordinator, generators, health, knowledge, programs, sessions
from coach import __version__
from coach.db.engine import make_engine, session_factory
from coach.db.migrate import upgrade
from coach.service import Coach
from coach.settings import Settings, get_settings

DESCRIPTION = """
Reverse mentoring help: agendas, discussion prompts, constructive feedback and session
summaries. Send `Authorization: Bearer <token>` (tokens come from `coach users create` or
`coach demo`). Notes and private summaries are visible to the pair alone; coordinators read
only anonymized summaries that both members released. Errors are `application/problem+json`.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The database is opened and migrated at start, so a fresh data directory just works.
    engine = make_engine(app.state.settings)
    upgrade(engine)
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
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


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service over one data directory, with one Coach shared by every request."""
    app = FastAPI(
        title="coach",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_lifespan,
    )
    app.state.settings = settings or get_settings()
    app.state.coach = Coach(app.state.settings)
    errors.install(app)
    app.add_middleware(BodyLimit)
    for module in (health, programs, sessions, generators, knowledge, coordinator, admin):
        app.include_router(module.router)
    app.openapi = _openapi_with_body_problems(app)  # type: ignore[method-assign]
    return app
