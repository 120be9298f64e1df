"""Who may call what: every endpoint against every role, from one table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import Backend, FakeCoach, World, running_app, seed
from fastapi.routing import APIRoute

ROLES = (
    "anonymous",
    "mentor",
    "mentee",
    "mentor_other",
    "coordinator",
    "coordinator_other",
    "admin",
)

AGENDA = {"topic": "social media", "duration_minutes": 60, "session_number": 1}
FEEDBACK = {"text": "You always interrupt me."}
NOTES = "Maya showed Robert how to schedule posts; Robert will post twice a week."
SUMMARY = {"notes": NOTES, "mentor_name": "Maya", "mentee_name": "Robert"}


def expect(default: int, **by_role: int) -> dict[str, int]:
    """Expected status per role: `default` for every signed-in role, 401 for anonymous."""
    return {"anonymous": 401} | {r: default for r in ROLES[1:]} | by_role


PUBLIC = dict.fromkeys(ROLES, 200)
MEMBERS = expect(200, coordinator=403, coordinator_other=403, admin=403)
OWN_PAIR = expect(200, mentor_other=404, coordinator=403, coordinator_other=403, admin=403)
COORDINATORS = expect(403, coordinator=200, coordinator_other=200)
ADMINS = expect(403, admin=200)

# (method, path, body, expected status by role); {pair}, {session}, {program} are program A's.
TABLE: list[tuple[str, str, Any, dict[str, int]]] = [
    ("GET", "/healthz", None, PUBLIC),
    ("GET", "/readyz", None, PUBLIC),
    ("GET", "/v1/me", None, expect(200)),
    ("GET", "/v1/knowledge/search?q=time+management", None, expect(200)),
    ("POST", "/v1/agendas", AGENDA, MEMBERS),
    ("POST", "/v1/discussion-prompts", {"topic": "social media"}, MEMBERS),
    ("POST", "/v1/feedback/rewrite", FEEDBACK, MEMBERS),
    ("POST", "/v1/feedback/analyze", FEEDBACK, MEMBERS),
    ("POST", "/v1/summaries", SUMMARY, MEMBERS),
    ("POST", "/v1/programs", {"name": "Another"}, expect(403, admin=201)),
    (
        "POST",
        "/v1/pairs",
        {"program_id": "{program}", "mentor": {"name": "M"}, "mentee": {"name": "E"}},
        expect(403, coordinator=201, coordinator_other=404, admin=201),
    ),
    (
        "POST",
        "/v1/pairs/{pair}/sessions",
        {"date": "2025-11-20", "topic": "social media"},
        {**OWN_PAIR, "mentor": 201, "mentee": 201},
    ),
    ("GET", "/v1/pairs/{pair}/sessions", None, OWN_PAIR),
    ("GET", "/v1/sessions/{session}", None, OWN_PAIR),
    ("PUT", "/v1/sessions/{session}/notes", {"notes": NOTES}, OWN_PAIR),
    ("POST", "/v1/sessions/{session}/agenda", {"duration_minutes": 45}, OWN_PAIR),
    ("POST", "/v1/sessions/{session}/summary", None, OWN_PAIR),
    ("POST", "/v1/sessions/{session}/release", None, OWN_PAIR),
    ("DELETE", "/v1/sessions/{session}/release", None, OWN_PAIR),
    ("GET", "/v1/coordinator/summaries", None, COORDINATORS),
    ("GET", "/v1/coordinator/insights", None, COORDINATORS),
    ("GET", "/v1/admin/audit", None, ADMINS),
    # An id that does not exist answers exactly like one the caller may not see.
    (
        "GET",
        "/v1/sessions/999999",
        None,
        expect(404, coordinator=403, coordinator_other=403, admin=403),
    ),
    (
        "POST",
        "/v1/pairs/999999/sessions",
        {"date": "2025-11-20", "topic": "x y"},
        expect(404, coordinator=403, coordinator_other=403, admin=403),
    ),
]

CASES = [
    pytest.param(method, path, body, role, status, id=f"{method} {path} as {role} -> {status}")
    for method, path, body, statuses in TABLE
    for role, status in statuses.items()
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, db_backend: Backend) -> Iterator[World]:
    """One app for the whole table: program A's pair has a summarized session."""
    data_dir, url = tmp_path_factory.mktemp("authz"), db_backend.fresh_url()
    with running_app(data_dir, FakeCoach(), database_url=url) as client:
        world = seed(client)
        headers = world.as_("mentor")
        session = client.post(
            f"/v1/pairs/{world.ids['pair']}/sessions",
            json={"date": "2025-11-20", "topic": "social media"},
            headers=headers,
        ).json()
        client.put(f"/v1/sessions/{session['id']}/notes", json={"notes": NOTES}, headers=headers)
        client.post(f"/v1/sessions/{session['id']}/summary", headers=headers)
        world.ids["session"] = session["id"]
        yield world


def _fill(value: Any, ids: dict[str, int]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


@pytest.mark.parametrize(("method", "path", "body", "role", "status"), CASES)
def test_role_gets_expected_status(
    seeded: World, method: str, path: str, body: Any, role: str, status: int
) -> None:
    url = path.format(**seeded.ids)
    response = seeded.client.request(
        method, url, json=_fill(body, seeded.ids), headers=seeded.as_(role)
    )
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_table_covers_every_route(seeded: World) -> None:
    routes = {
        (method, route.path)
        for route in seeded.client.app.routes  # type: ignore[attr-defined]
        if isinstance(route, APIRoute)
        for method in route.methods
    }
    covered = {
        (
            method,
            path.split("?")[0].replace("{pair}", "{pair_id}").replace("{session}", "{session_id}"),
        )
        for method, path, _, _ in TABLE
    }
    assert routes <= covered, routes - covered


def test_unknown_token_is_401(seeded: World) -> None:
    response = seeded.client.get("/v1/me", headers={"Authorization": "Bearer coach_nope"})
    assert response.status_code == 401
    assert response.json()["detail"] == "the bearer token is not recognised"


def test_hidden_and_missing_ids_look_the_same(seeded: World) -> None:
    session = seeded.ids["session"]
    hidden = seeded.client.get(f"/v1/sessions/{session}", headers=seeded.as_("mentor_other"))
    missing = seeded.client.get("/v1/sessions/999999", headers=seeded.as_("mentor_other"))
    assert hidden.json()["title"] == missing.json()["title"] == "Not found"
    assert hidden.json()["detail"].replace(str(session), "N") == missing.json()["detail"].replace(
        "999999", "N"
    )
