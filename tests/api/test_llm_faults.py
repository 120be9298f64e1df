"""Faults of a real OpenAI-compatible endpoint (evals/stub_llm.py over HTTP) through the real app.

Every fault ends in a degraded offline answer (fallback on) or a problem+json that names its
reason (fallback off), never in a 500, and never loses what a session had stored.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from api_helpers import World, seed
from fastapi.testclient import TestClient

from api.app import create_app
from coach.knowledge.retrieval import Retriever
from coach.settings import Settings, load_settings
from evals import stub_llm

DEADLINE_S = 3.0
NOTES = (
    "Maya Chen showed Robert Miller how to schedule LinkedIn posts. Robert will post twice a "
    "week and Maya will review his first drafts by Friday."
)
AGENDA = {"topic": "social media", "duration_minutes": 60, "session_number": 1}
# Schema-valid answers that fail the generators' own checks, on every re-ask.
FAILING = {
    "AgendaDraft": {
        "title": "An agenda whose minutes do not add up",
        "objectives": ["post"],
        "items": [
            {"title": "Check-in", "minutes": 1, "lead": "both"},
            {"title": "Practice", "minutes": 1, "lead": "both"},
            {"title": "Wrap-up", "minutes": 1, "lead": "both"},
        ],
    },
    "SummaryDraft": {
        "private": {"summary": " "},
        "anonymized": {"summary": "The pair met.", "action_item_count": 0},
    },
}
# fault name -> stub config; "refused" points the app at a port nobody listens on.
FAULTS: dict[str, dict[str, Any]] = {
    "refused": {},
    "hang": {"fault": "hang"},
    "drip": {"fault": "drip"},
    "429": {"fault": "429", "retry_after": 1},
    "500": {"fault": "500"},
    "200 {foo:1}": {"fault": "foo"},
    "200 html": {"fault": "html"},
    "200 empty": {"fault": "empty"},
    "invalid JSON forever": {"fault": "bad_json"},
    "failing checks forever": {"fault": "none", "answers": FAILING},
}
TIMINGS: dict[str, float] = {}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def stub() -> Iterator[stub_llm.StubLLM]:
    server = stub_llm.start()
    yield server
    server.stop()


@contextmanager
def _app(tmp: Path, indexed: Settings, retriever: Retriever, base_url: str, fallback: bool):
    llm = {
        "base_url": base_url,
        "model": "stub-model",
        "timeout_s": 2,
        "max_retries": 2,
        "max_reasks": 2,
        "deadline_s": DEADLINE_S,
        "fallback_offline": fallback,
    }
    settings = load_settings(data_dir=tmp, chroma={"path": str(indexed.chroma_path)}, llm=llm)
    app = create_app(settings)
    app.state.coach._retriever = retriever  # share the session's loaded index and model
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _configure(stub: stub_llm.StubLLM, fault: str) -> str:
    stub.state.configure(fault="none", answers={}, retry_after=1)
    stub.state.configure(**FAULTS[fault])
    return f"http://127.0.0.1:{_closed_port()}/v1" if fault == "refused" else stub.base_url


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_degrades_to_the_offline_answer(
    fault: str,
    stub: stub_llm.StubLLM,
    tmp_path: Path,
    indexed_settings: Settings,
    retriever: Retriever,
) -> None:
    base_url = _configure(stub, fault)
    with _app(tmp_path, indexed_settings, retriever, base_url, fallback=True) as client:
        world = seed(client)
        started = time.monotonic()
        response = client.post("/v1/agendas", json=AGENDA, headers=world.as_("mentor"))
        TIMINGS[f"fallback on, {fault}"] = time.monotonic() - started
    assert response.status_code == 200, response.text
    meta = response.json()["meta"]
    assert meta["engine"] == "offline" and meta["degraded"] is True
    assert meta["degraded_reason"], "a degraded answer says why"


def _session_with_notes(world: World) -> int:
    client, mentor = world.client, world.as_("mentor")
    created = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    )
    session: int = created.json()["id"]
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES}, headers=mentor)
    return session


@pytest.mark.parametrize("fault", list(FAULTS))
def test_fault_without_fallback_is_a_named_problem_and_loses_nothing(
    fault: str,
    stub: stub_llm.StubLLM,
    tmp_path: Path,
    indexed_settings: Settings,
    retriever: Retriever,
) -> None:
    base_url = _configure(stub, fault)
    with _app(tmp_path, indexed_settings, retriever, base_url, fallback=False) as client:
        world = seed(client)
        session = _session_with_notes(world)
        before = client.get(f"/v1/sessions/{session}", headers=world.as_("mentor")).json()
        started = time.monotonic()
        response = client.post(f"/v1/sessions/{session}/summary", headers=world.as_("mentor"))
        TIMINGS[f"fallback off, {fault}"] = time.monotonic() - started
        after = client.get(f"/v1/sessions/{session}", headers=world.as_("mentor")).json()
    assert response.status_code in (502, 503, 504), response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["detail"] and problem["detail"] != "invalid"
    assert all(e.get("message") not in (None, "invalid") for e in problem.get("errors", []))
    assert NOTES not in json.dumps(problem)  # the reason, not the user's text
    assert after == before and after["notes"] == NOTES


def test_readyz_probes_the_endpoint(
    stub: stub_llm.StubLLM, tmp_path: Path, indexed_settings: Settings, retriever: Retriever
) -> None:
    stub.state.configure(fault="none", answers={})
    with _app(tmp_path, indexed_settings, retriever, stub.base_url, fallback=True) as client:
        up = client.get("/readyz").json()["checks"]["provider"]
    down_url = f"http://127.0.0.1:{_closed_port()}/v1"
    with _app(tmp_path / "b", indexed_settings, retriever, down_url, fallback=True) as client:
        down = client.get("/readyz")
    assert up["ok"] is True and "/models" in up["detail"]
    assert down.status_code == 503
    assert down.json()["checks"]["provider"]["ok"] is False


def test_readyz_caches_the_probe(
    stub: stub_llm.StubLLM, tmp_path: Path, indexed_settings: Settings, retriever: Retriever
) -> None:
    stub.state.configure(fault="none", answers={})
    with _app(tmp_path, indexed_settings, retriever, stub.base_url, fallback=True) as client:
        assert client.get("/readyz").json()["checks"]["provider"]["ok"] is True
        stub.state.configure(fault="500")  # the cached answer stands for a short while
        assert client.get("/readyz").json()["checks"]["provider"]["ok"] is True


def teardown_module() -> None:
    """Print the per-fault wall times (seen with -s); the deadline was DEADLINE_S."""
    for name, seconds in TIMINGS.items():
        print(f"fault timing: {name}: {seconds:.2f} s (deadline {DEADLINE_S:g} s)")
