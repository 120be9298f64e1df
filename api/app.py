"""`create_app(settings)`: the FastAPI service; nothing happens until it is called."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors, web
from api.middleware import BodyLimit
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
    # The database is opened and migrated at start, so a fresh data directory just works.
    engine = make_engine(app.state.settings)
    upgrade(engine)
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    try:
        yield
    finally:
        engine.dispose()


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
    for module in (health, accounts, programs, sessions, generators, knowledge, coordinator, admin):
        app.include_router(module.router)
    web.install(app)
    return app
