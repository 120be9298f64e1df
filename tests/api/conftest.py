"""API fixtures: each test runs on SQLite and on PostgreSQL; a fake Coach; a seeded world."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import Backend, FakeCoach, World, running_app, seed
from fastapi.testclient import TestClient
from servers import Inbox, oidc_provider, smtp_server


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_backend(request: pytest.FixtureRequest) -> Backend:
    """The database every API test runs on; PostgreSQL starts once, on first use."""
    if request.param == "sqlite":
        return Backend("sqlite")
    return Backend("postgresql", request.getfixturevalue("postgres"))


@pytest.fixture(autouse=True)
def database_url(
    db_backend: Backend, _no_ambient_config: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str | None]:
    """A fresh database per test; COACH_DATABASE_URL makes every app, engine and CLI use it."""
    url = db_backend.fresh_url()
    if url:
        monkeypatch.setenv("COACH_DATABASE_URL", url)
    yield url
    if url:
        db_backend.drop(url)


@pytest.fixture
def fake_coach() -> FakeCoach:
    """A fresh fake Coach."""
    return FakeCoach()


@pytest.fixture
def client(tmp_path: Path, fake_coach: FakeCoach) -> Iterator[TestClient]:
    """An app over an empty data directory whose generation is faked."""
    with running_app(tmp_path, fake_coach) as app_client:
        yield app_client


@pytest.fixture
def world(client: TestClient) -> World:
    """The seeded world on the `client` app."""
    return seed(client)


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    """A real SMTP server, started for one test; what it received."""
    with smtp_server() as received:
        yield received


@pytest.fixture(scope="module")
def oidc_issuer() -> Iterator[str]:
    """A real OpenID Connect provider on a loopback port, for one test module."""
    with oidc_provider() as issuer:
        yield issuer
