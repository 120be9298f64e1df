"""Admission control: generations past the limit get a fast 503 with Retry-After."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from api.admission import GENERATING, Admission, Gate
from api.app import create_app
from tests.conftest import make_settings


class Blocking:
    """An inner app whose responses wait until released; counts the calls it saw."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.calls = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        await self.release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


async def _scenario() -> None:
    inner = Blocking()
    app = Admission(inner, Gate(limit=2, retry_after_s=3))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://coach") as client:
        held = [asyncio.create_task(client.post("/v1/feedback/rewrite", json={})) for _ in range(2)]
        while inner.calls < 2:
            await asyncio.sleep(0.001)
        refused = await client.post("/v1/summaries", json={})
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "3"
        assert refused.headers["content-type"] == "application/problem+json"
        assert "COACH_SERVICE__MAX_GENERATIONS" in refused.json()["detail"]
        assert inner.calls == 2  # the refused request never reached the app
        other = asyncio.create_task(client.get("/v1/sessions/1"))  # not a generation
        while inner.calls < 3:
            await asyncio.sleep(0.001)
        inner.release.set()
        assert [r.status_code for r in await asyncio.gather(*held, other)] == [200, 200, 200]
        assert app.gate.in_flight == 0
        assert (await client.post("/v1/agendas", json={})).status_code == 200


def test_generations_past_the_limit_are_refused_fast_and_counted_back() -> None:
    asyncio.run(asyncio.wait_for(_scenario(), timeout=30))


def test_the_pattern_covers_every_generating_route_and_nothing_else(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(make_settings(tmp_path))
    posts = {path for path, ops in app.openapi()["paths"].items() if "post" in ops}
    generating = {p for p in posts if GENERATING.match(p.replace("{session_id}", "7"))}
    assert generating == {
        "/v1/agendas",
        "/v1/discussion-prompts",
        "/v1/feedback/rewrite",
        "/v1/summaries",
        "/v1/sessions/{session_id}/agenda",
        "/v1/sessions/{session_id}/summary",
    }


def test_the_limit_comes_from_the_settings_of_the_engine_in_force(tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = {"max_generations": 3, "max_offline_generations": 2, "retry_after_s": 5}
    model = {"base_url": "http://127.0.0.1:9/v1"}
    for llm, limit, setting in (
        ({}, 2, "COACH_SERVICE__MAX_OFFLINE_GENERATIONS"),
        (model, 3, "COACH_SERVICE__MAX_GENERATIONS"),
    ):
        app = create_app(make_settings(tmp_path, service=service, llm=llm))
        (admission,) = [m for m in app.user_middleware if m.cls is Admission]
        gate = admission.kwargs["gate"]
        assert gate is app.state.gate  # the one count the pages share
        assert (gate.limit, gate.retry_after_s, gate.setting) == (limit, 5, setting)


def test_the_default_lets_128_generations_wait_on_a_model(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Waiting holds no thread and no database connection, so the pools no longer cap it.
    app = create_app(make_settings(tmp_path, llm={"base_url": "http://127.0.0.1:9/v1"}))
    assert app.state.gate.limit >= 128
