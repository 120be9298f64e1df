"""Shared fixtures: settings pointed at temporary folders, one real index per test session."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.settings import PROJECT_ROOT, ChromaSettings, Settings, load_settings
from tests.servers import ChromaServer, PostgresServer, chroma_server, postgres_server

KNOWLEDGE = PROJECT_ROOT / "knowledge"


@pytest.fixture(autouse=True)
def _no_ambient_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A developer's COACH_* variables must not change what the tests see."""
    import os

    for name in list(os.environ):
        if name.startswith("COACH_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(PROJECT_ROOT)
    yield


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Offline settings whose data lives in a temporary folder."""
    return load_settings(data_dir=data_dir, **overrides)


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index holds the real knowledge base, ingested once."""
    from coach.knowledge.ingest import ingest

    settings = make_settings(tmp_path_factory.mktemp("indexed"))
    ingest(settings)
    return settings


def server_chroma(request: pytest.FixtureRequest) -> ChromaSettings:
    """Chroma settings for the session's server, in a collection named after the test."""
    server: ChromaServer = request.getfixturevalue("chroma")
    name = "t-" + hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:16]
    return ChromaSettings(host=server.host, port=server.port, collection=name)


@pytest.fixture(scope="session")
def server_indexed_settings(
    tmp_path_factory: pytest.TempPathFactory, chroma: ChromaServer
) -> Settings:
    """Settings whose index is the real knowledge base on the Chroma server, ingested once."""
    from coach.knowledge.ingest import ingest

    settings = make_settings(
        tmp_path_factory.mktemp("server-indexed"),
        chroma=ChromaSettings(host=chroma.host, port=chroma.port, collection="kb"),
    )
    ingest(settings)
    return settings


@pytest.fixture(scope="session")
def retriever(indexed_settings: Settings):  # type: ignore[no-untyped-def]
    """A retriever over the real knowledge base."""
    from coach.knowledge.retrieval import Retriever

    return Retriever(indexed_settings)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL 15 cluster for the whole run, started on first use."""
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def chroma() -> Iterator[ChromaServer]:
    """A throwaway `chroma run` server for the whole run, started on first use."""
    with chroma_server() as server:
        yield server
