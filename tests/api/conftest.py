"""API fixtures: an app over a temporary data directory with a fake Coach, and a seeded world."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import FakeCoach, World, running_app, seed
from fastapi.testclient import TestClient
from servers import Inbox, oidc_provider, smtp_server


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
