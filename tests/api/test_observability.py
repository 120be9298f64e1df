"""Request ids, JSON access logs that hold no user text, and Prometheus metrics."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from api_helpers import NOTES_TEXT, World

from coach.telemetry import JsonFormatter


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What coach's loggers write, as the service's JSON lines."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("coach")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)  # setLevel, not .level: it clears the loggers' level cache
    yield out
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_request_id_is_kept_or_made(world: World) -> None:
    given = world.client.get("/healthz", headers={"X-Request-ID": "proxy-1.a_b"})
    assert given.headers["x-request-id"] == "proxy-1.a_b"
    made = world.client.get("/healthz", headers={"X-Request-ID": "no spaces {allowed}"})
    assert len(made.headers["x-request-id"]) == 32
    assert made.headers["x-request-id"] != world.client.get("/healthz").headers["x-request-id"]


def test_access_log_is_json_with_ids_and_no_text(world: World, log_lines: io.StringIO) -> None:
    mentor, client = world.as_("mentor"), world.client
    session = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    ).json()["id"]
    notes = {"notes": NOTES_TEXT}
    client.put(f"/v1/sessions/{session}/notes", json=notes, headers=mentor | {"X-Request-ID": "n1"})
    client.post("/v1/feedback/rewrite", json={"text": "You never listen, boomer."}, headers=mentor)
    client.get("/v1/knowledge/search?q=my+boss+hates+video+calls", headers=mentor)
    lines = [json.loads(x) for x in log_lines.getvalue().splitlines()]
    access = {x["request_id"]: x for x in lines if x["logger"] == "coach.access"}
    assert access["n1"]["route"] == "/v1/sessions/{session_id}/notes"
    assert access["n1"]["status"] == 200 and access["n1"]["method"] == "PUT"
    text = log_lines.getvalue()
    for secret in ("schedule posts", "Maya", "Robert", "boomer", "video calls", "hates"):
        assert secret not in text


def test_metrics_count_requests_by_route_template(world: World) -> None:
    for _ in range(3):
        world.client.get("/v1/me", headers=world.as_("mentor"))
    world.client.get("/v1/sessions/999", headers=world.as_("mentor"))
    metrics = world.client.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    body = metrics.text
    assert 'coach_http_requests_total{method="GET",route="/v1/me",status="200"}' in body
    assert 'route="/v1/sessions/{session_id}",status="404"' in body
    assert "/v1/sessions/999" not in body
    for name in ("coach_http_request_duration_seconds_bucket", "coach_http_in_flight"):
        assert name in body
