"""`create_app(settings)`: the FastAPI service; nothing happens until it is called."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.middleware import BodyLimit
from api.observability import RequestContext
from api.observability import router as operations
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
    # The database is opened and migrated at start, so a fresh data directory just works;
    # workers skip this: `coach serve --workers N` migrated once before starting them.
    engine = make_engine(app.state.settings)
    if app.state.migrate:
        upgrade(engine)
    if app.state.warm:
        app.state.coach.warm()
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    try:
        yield
    finally:
        engine.dispose()


def create_app(
    settings: Settings | None = None, migrate: bool = True, warm: bool = False
) -> FastAPI:
    """The service over one data directory, with one Coach shared by every request."""
    app = FastAPI(
        title="coach",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_lifespan,
    )
    app.state.settings = settings or get_settings()
    app.state.migrate, app.state.warm = migrate, warm
    app.state.coach = Coach(app.state.settings)
    errors.install(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(RequestContext)  # outermost: even a refused body gets an id and a count
    for module in (health, programs, sessions, generators, knowledge, coordinator, admin):
        app.include_router(module.router)
    app.include_router(operations)
    return app


def worker_app() -> FastAPI:
    """The app factory each `coach serve --workers N` process runs: settings from COACH_*."""
    return create_app(migrate=False, warm=True)
