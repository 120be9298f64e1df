"""Generations in flight against a model hold no database connection and are capped by admission.

The stub model (evals/stub_llm.py) holds every chat request at a gate until N of them wait
together. With a pool of 2 connections and no overflow, N=6 generations can only all reach
the model if none keeps a connection while it waits; when the gate fills, the pool must have
nothing checked out. Counts and the gate decide these tests, never a timing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_helpers import World, seed
from fastapi.testclient import TestClient

from api.app import create_app
from coach.knowledge.retrieval import Retriever
from coach.settings import Settings, load_settings
from evals import stub_llm

IN_FLIGHT = 6
POOL = {"db_pool_size": 2, "db_max_overflow": 0, "db_pool_timeout_s": 3}
FEEDBACK = {"text": "You always interrupt me in meetings.", "direction": "mentor_to_mentee"}
NOTES = (
    "Maya Chen showed Robert Miller how to schedule LinkedIn posts. Robert will post twice a "
    "week and Maya will review his first drafts by Friday."
)


@pytest.fixture
def stub() -> Iterator[stub_llm.StubLLM]:
    server = stub_llm.start()
    yield server
    server.stop()


@contextmanager
def _app(
    tmp: Path, indexed: Settings, retriever: Retriever, base_url: str, **service: Any
) -> Iterator[TestClient]:
    llm = {"base_url": base_url, "model": "stub-model", "max_retries": 0, "max_reasks": 0}
    settings = load_settings(
        data_dir=tmp,
        chroma={"path": str(indexed.chroma_path)},
        llm=llm,
        service={**POOL, **service},
    )
    app = create_app(settings)
    app.state.coach._retriever = retriever  # share the session's loaded index and model
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _together(calls: list[Callable[[], httpx.Response]]) -> list[httpx.Response]:
    with ThreadPoolExecutor(len(calls)) as pool:
        return [f.result(timeout=120) for f in [pool.submit(call) for call in calls]]


def _sessions_with_notes(world: World, count: int) -> list[int]:
    client, mentor = world.client, world.as_("mentor")
    ids = []
    for day in range(count):
        created = client.post(
            f"/v1/pairs/{world.ids['pair']}/sessions",
            json={"date": f"2025-11-{day + 10}", "topic": "social media"},
            headers=mentor,
        )
        ids.append(created.json()["id"])
        client.put(f"/v1/sessions/{ids[-1]}/notes", json={"notes": NOTES}, headers=mentor)
    return ids


@pytest.mark.parametrize("route", ["feedback", "stored summary"])
def test_generations_waiting_on_the_model_hold_no_database_connection(
    route: str,
    stub: stub_llm.StubLLM,
    tmp_path: Path,
    indexed_settings: Settings,
    retriever: Retriever,
) -> None:
    with _app(tmp_path, indexed_settings, retriever, stub.base_url) as client:
        world = seed(client)
        engine = client.app.state.engine  # type: ignore[attr-defined]
        checked_out: list[int] = []
        stub.state.on_gate = lambda: checked_out.append(engine.pool.checkedout())
        stub.state.configure(gate=IN_FLIGHT)
        headers = world.as_("mentor")
        if route == "feedback":
            calls = [
                lambda: client.post("/v1/feedback/rewrite", json=FEEDBACK, headers=headers)
            ] * IN_FLIGHT
        else:
            calls = [
                lambda s=s: client.post(f"/v1/sessions/{s}/summary", headers=headers)  # type: ignore[misc]
                for s in _sessions_with_notes(world, IN_FLIGHT)
            ]
        responses = _together(calls)
    assert [r.status_code for r in responses] == [200] * IN_FLIGHT, responses[0].text
    assert stub.state.peak == IN_FLIGHT, "all six were at the model at once, on a pool of two"
    assert checked_out == [0], "no connection was checked out while they waited"


def test_past_the_limit_a_generation_is_refused_at_once_with_retry_after(
    stub: stub_llm.StubLLM, tmp_path: Path, indexed_settings: Settings, retriever: Retriever
) -> None:
    stub.state.configure(gate=99)  # held until the test opens the gate
    service = {"max_generations": 2, "retry_after_s": 4}
    with _app(tmp_path, indexed_settings, retriever, stub.base_url, **service) as client:
        world = seed(client)
        headers = world.as_("mentor")
        with ThreadPoolExecutor(2) as pool:
            held = [
                pool.submit(client.post, "/v1/feedback/rewrite", json=FEEDBACK, headers=headers)
                for _ in range(2)
            ]
            for _ in range(600):  # bounded: at most 60 s for both to reach the model
                if stub.state.waiting == 2:
                    break
                time.sleep(0.1)
            refused = client.post("/v1/feedback/rewrite", json=FEEDBACK, headers=headers)
            calls = stub.state.calls
            stub.open_gate()
            answered = [f.result(timeout=60) for f in held]
    assert stub.state.peak == 2 and calls == 2, "the third never reached the model"
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "4"
    assert refused.headers["content-type"] == "application/problem+json"
    assert "COACH_SERVICE__MAX_GENERATIONS" in refused.json()["detail"]
    assert [r.status_code for r in answered] == [200, 200]


def test_an_exhausted_database_pool_is_a_503_to_retry_not_a_500(
    stub: stub_llm.StubLLM, tmp_path: Path, indexed_settings: Settings, retriever: Retriever
) -> None:
    with _app(tmp_path, indexed_settings, retriever, stub.base_url) as client:
        world = seed(client)
        engine = client.app.state.engine  # type: ignore[attr-defined]
        held = [engine.connect() for _ in range(POOL["db_pool_size"])]  # the whole pool
        try:
            response = client.get("/v1/me/tokens", headers=world.as_("mentor"))
        finally:
            for connection in held:
                connection.close()
        after = client.get("/v1/me/tokens", headers=world.as_("mentor"))
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "1"
    assert "COACH_SERVICE__DB_POOL_SIZE" in response.json()["detail"]
    assert after.status_code == 200
