"""The HTTP edge: body cap for declared and chunked bodies, malformed bodies, strict input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import World
from fastapi.testclient import TestClient

from api.middleware import MAX_BODY_BYTES


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """A body with no Content-Length: httpx sends an iterator chunked."""
    sent = 0
    while sent < total:
        piece = min(size, total - sent)
        sent += piece
        yield b" " * piece


@pytest.mark.parametrize("who", ["anonymous", "mentor"])
def test_chunked_body_over_the_cap_is_refused(world: World, who: str) -> None:
    response = world.client.post(
        "/v1/feedback/analyze",
        content=_chunks(8 * MAX_BODY_BYTES),
        headers={**world.as_(who), "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "body"


@pytest.mark.parametrize("who", ["anonymous", "mentor"])
def test_declared_body_over_the_cap_is_refused(world: World, who: str) -> None:
    response = world.client.post(
        "/v1/feedback/analyze",
        content=b" " * (MAX_BODY_BYTES + 1),
        headers={**world.as_(who), "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_chunked_body_under_the_cap_reaches_the_route(world: World) -> None:
    body = b'{"text": "You always interrupt me.", "direction": "mentor_to_mentee"}'
    response = world.client.post(
        "/v1/feedback/analyze",
        content=iter([body[:10], body[10:]]),
        headers={**world.as_("mentor"), "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text


def test_bad_content_length_is_a_problem(world: World) -> None:
    # uvicorn (h11 and httptools) refuses such a header itself, before the app; other
    # servers or proxies may pass it on, and then the app answers in problem+json.
    response = world.client.post(
        "/v1/feedback/analyze",
        content=b"{}",
        headers={**world.as_("mentor"), "Content-Length": "abc"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert "Content-Length" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"text": "hello there",', "not valid JSON"),
        (b'{"text": "caf\xe9 time"}', "not UTF-8"),
        (b"[" * 100_000, "nests JSON too deeply"),
    ],
)
def test_malformed_bodies_name_the_body_field(world: World, body: bytes, message: str) -> None:
    response = world.client.post(
        "/v1/feedback/analyze",
        content=body,
        headers={**world.as_("mentor"), "Content-Type": "application/json"},
    )
    assert response.status_code in (400, 422)
    assert response.headers["content-type"] == "application/problem+json"
    error = response.json()["errors"][0]
    assert error["field"] == "body" and message in error["message"]


def test_invalid_json_says_where(world: World) -> None:
    response = world.client.post(
        "/v1/feedback/analyze",
        content=b'{"text":\n  "x" "y"}',
        headers={**world.as_("mentor"), "Content-Type": "application/json"},
    )
    assert "line 2, column 7" in response.json()["errors"][0]["message"]


def test_malformed_body_statuses_are_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if "requestBody" in operation:
                assert "400" in operation["responses"], f"{method} {path}"
                assert "413" in operation["responses"], f"{method} {path}"


def _session_payload(**changes: object) -> dict[str, object]:
    return {"date": "2025-11-20", "topic": "social media", **changes}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (_session_payload(date=0), "date"),
        (_session_payload(date=1732060800), "date"),
        (_session_payload(date="2025-11-20T10:00:00"), "date"),
        (_session_payload(topic="social\u202emedia"), "topic"),
    ],
)
def test_session_input_is_strict(world: World, payload: dict[str, object], field: str) -> None:
    response = world.client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions", json=payload, headers=world.as_("mentor")
    )
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_session_date_string_is_accepted(world: World) -> None:
    response = world.client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json=_session_payload(),
        headers=world.as_("mentor"),
    )
    assert response.status_code == 201, response.text


HIDDEN = ["\u0000", "Ann\u0000", "Ann\u202eeva", "Ann\u200beva", "A\nB"]


def _name_bodies(world: World, name: str) -> list[tuple[str, dict[str, object]]]:
    """Where names enter now: an invitation's display name, the invitee's own, a program's."""
    invite = {"email": "ann@example.org", "role": "mentor", "pair_id": world.ids["pair"]}
    accept = {"secret": "coach_not-a-real-invitation", "password": "a long enough password"}
    return [
        ("/v1/invitations", invite | {"name": name}),
        ("/v1/auth/invitations/accept", accept | {"name": name}),
        ("/v1/programs", {"name": f"Program {name}"}),
    ]


@pytest.mark.parametrize("name", HIDDEN)
def test_names_with_hidden_characters_are_refused(world: World, name: str) -> None:
    for path, body in _name_bodies(world, name):
        response = world.client.post(path, json=body, headers=world.as_("admin"))
        assert response.status_code == 422, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert [e["field"] for e in response.json()["errors"]] == ["name"], path


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        (
            "/v1/feedback/analyze",
            {"text": "You\u0000 interrupt", "direction": "mentor_to_mentee"},
            "text",
        ),
        (
            "/v1/summaries",
            {"notes": "Maya met Robert.\u0000" * 3, "mentor_name": "Maya", "mentee_name": "Robert"},
            "notes",
        ),
        (
            "/v1/summaries",
            {
                "notes": "Maya met Robert here." * 3,
                "mentor_name": "Ma\u202eya",
                "mentee_name": "Robert",
            },
            "mentor_name",
        ),
    ],
)
def test_nul_and_bidi_in_generator_input_are_refused(
    world: World, path: str, payload: dict[str, object], field: str
) -> None:
    response = world.client.post(path, json=payload, headers=world.as_("mentor"))
    assert response.status_code == 422, response.text
    error = response.json()["errors"][0]
    assert error["field"] == field and "remove it" in error["message"]


def test_nul_in_stored_notes_is_refused(world: World) -> None:
    mentor = world.as_("mentor")
    session = world.client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions", json=_session_payload(), headers=mentor
    ).json()["id"]
    response = world.client.put(
        f"/v1/sessions/{session}/notes", json={"notes": "before\u0000after"}, headers=mentor
    )
    assert response.status_code == 422
    assert "NUL" in response.json()["errors"][0]["message"]
    kept = world.client.get(f"/v1/sessions/{session}", headers=mentor).json()
    assert kept["notes"] is None
