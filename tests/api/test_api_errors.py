"""Errors are problem+json that name the wrong field; limits are enforced; OpenAPI documents it."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import World
from fastapi.testclient import TestClient

from coach.models import MAX_NOTES_CHARS


def _session(world: World) -> int:
    response = world.client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=world.as_("mentor"),
    )
    return int(response.json()["id"])


def _fields(response: Any) -> list[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "urn:coach:problem:invalid-input"
    assert all(e["message"] for e in body["errors"])
    return [e["field"] for e in body["errors"]]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/v1/agendas",
            {"topic": "ai", "duration_minutes": 10, "session_number": 1},
            "duration_minutes",
        ),
        (
            "/v1/agendas",
            {"topic": "ai", "duration_minutes": 30, "session_number": 1, "goals": ["g" * 301]},
            "goals.0",
        ),
        (
            "/v1/agendas",
            {"topic": "ai", "duration_minutes": 30, "session_number": 1, "goals": ["a goal"] * 11},
            "goals",
        ),
        (
            "/v1/agendas",
            {"topic": "ai", "duration_minutes": 30, "session_number": 1, "colour": "red"},
            "colour",
        ),
        ("/v1/discussion-prompts", {"topic": "ai", "count": 16}, "count"),
        ("/v1/feedback/analyze", {"text": "x" * 4001}, "text"),
        ("/v1/feedback/rewrite", {"text": "fine", "direction": "sideways"}, "direction"),
        ("/v1/summaries", {"notes": "too short", "mentor_name": "A", "mentee_name": "B"}, "notes"),
    ],
)
def test_stateless_limits(world: World, path: str, body: dict[str, Any], field: str) -> None:
    response = world.client.post(path, json=body, headers=world.as_("mentor"))
    assert field in _fields(response)


@pytest.mark.parametrize("day", ["0000-01-01", "2026-02-30", "9999-12-31"])
def test_a_date_that_matches_the_pattern_but_not_the_calendar_is_a_422(
    world: World, day: str
) -> None:
    # Year 0 once reached the support check's date arithmetic and answered 500.
    body = {"notes": "We met and talked about dashboards.", "mentor_name": "A", "mentee_name": "B"}
    for field in ("session_date", "previous_session_date", "next_session_date"):
        response = world.client.post(
            "/v1/summaries", json={**body, field: day}, headers=world.as_("mentor")
        )
        assert _fields(response) == [field]
        assert "YYYY-MM-DD" in response.text or "year" in response.text


def test_a_session_dated_outside_the_summarisable_years_is_a_422(world: World) -> None:
    response = world.client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "0001-01-01", "topic": "social media"},
        headers=world.as_("mentor"),
    )
    assert _fields(response) == ["date"]


def test_unknown_field_says_so(world: World) -> None:
    response = world.client.post(
        "/v1/pairs",
        json={"program_id": 1, "mentor": {"name": "A"}},
        headers=world.as_("admin"),
    )
    assert response.json()["errors"] == [
        {"field": "mentor", "in": "body", "message": "unknown field: remove it"}
    ]


def test_notes_limit_and_missing_field(world: World) -> None:
    session = _session(world)
    url, headers = f"/v1/sessions/{session}/notes", world.as_("mentor")
    too_long = world.client.put(url, json={"notes": "x" * (MAX_NOTES_CHARS + 1)}, headers=headers)
    assert _fields(too_long) == ["notes"]
    missing = world.client.put(url, json={}, headers=headers)
    assert missing.json()["errors"][0] == {"field": "notes", "in": "body", "message": "required"}


def test_query_and_path_limits(world: World) -> None:
    search = world.client.get("/v1/knowledge/search?q=ai+tools&k=100", headers=world.as_("mentor"))
    assert _fields(search) == ["k"]
    assert search.json()["errors"][0]["in"] == "query"
    huge_id = world.client.get(f"/v1/sessions/{2**40}", headers=world.as_("mentor"))
    assert _fields(huge_id) == ["session_id"]


def test_invalid_json_and_huge_body(world: World) -> None:
    headers = world.as_("mentor") | {"content-type": "application/json"}
    broken = world.client.post("/v1/feedback/analyze", content=b"{not json", headers=headers)
    assert broken.status_code == 422
    assert "not valid JSON" in broken.json()["errors"][0]["message"]
    huge = world.client.post("/v1/feedback/analyze", content=b"x" * 300_000, headers=headers)
    assert huge.status_code == 413
    assert huge.headers["content-type"] == "application/problem+json"


def test_summary_needs_notes_and_release_needs_summary(world: World) -> None:
    session, headers = _session(world), world.as_("mentor")
    summary = world.client.post(f"/v1/sessions/{session}/summary", headers=headers)
    assert summary.status_code == 409
    assert "no notes yet" in summary.json()["detail"]
    release = world.client.post(f"/v1/sessions/{session}/release", headers=headers)
    assert release.status_code == 409
    world.client.put(f"/v1/sessions/{session}/notes", json={"notes": "short"}, headers=headers)
    short = world.client.post(f"/v1/sessions/{session}/summary", headers=headers)
    assert short.status_code == 409  # the request was fine; the stored notes are too short
    assert [e["field"] for e in short.json()["errors"]] == ["notes"]


def test_unknown_route_is_a_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["title"] == "Not Found"


def test_openapi_documents_examples_problems_and_security(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert schemas["PairIn"]["examples"][0] == {"program_id": 1}
    assert schemas["InvitationIn"]["examples"][0]["role"] == "mentor"
    assert schemas["PairIn"]["additionalProperties"] is False
    assert schemas["AgendaBody"]["examples"]
    post = spec["paths"]["/v1/sessions/{session_id}/summary"]["post"]
    assert {"401", "403", "404", "422", "502", "503"} <= set(post["responses"])
    assert "application/problem+json" in post["responses"]["404"]["content"]
    assert {"HTTPBearer", "APIKeyCookie"} <= set(spec["components"]["securitySchemes"])
