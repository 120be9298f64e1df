"""A failed generation leaves the stored session exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_helpers import NOTES_TEXT, FakeCoach, World, running_app, seed
from fastapi.testclient import TestClient

from coach.errors import GenerationError, ProviderUnavailable


def _held_session(world: World) -> tuple[int, dict]:
    """A session with an agenda, notes, a released summary; returns its id and stored state."""
    client, mentor = world.client, world.as_("mentor")
    session = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    ).json()["id"]
    client.post(f"/v1/sessions/{session}/agenda", headers=mentor)
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES_TEXT}, headers=mentor)
    client.post(f"/v1/sessions/{session}/summary", headers=mentor)
    for who in ("mentor", "mentee"):
        client.post(f"/v1/sessions/{session}/release", headers=world.as_(who))
    return session, client.get(f"/v1/sessions/{session}", headers=mentor).json()


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (GenerationError("the model kept writing invalid JSON", last_completion="{"), 502),
        (ProviderUnavailable("the LLM endpoint did not answer"), 503),
        (RuntimeError("bug"), 500),
    ],
)
@pytest.mark.parametrize(("method", "step"), [("agenda", "agenda"), ("summarize", "summary")])
def test_failed_generation_changes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    status: int,
    method: str,
    step: str,
) -> None:
    fake = FakeCoach()
    with running_app(tmp_path, fake) as client:
        world = seed(client)
        session, before = _held_session(world)

        def broken(*_: object) -> None:
            raise error

        monkeypatch.setattr(fake, method, broken)
        quiet = TestClient(client.app, raise_server_exceptions=False)
        response = quiet.post(f"/v1/sessions/{session}/{step}", headers=world.as_("mentor"))
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
        assert "invalid JSON" not in response.text or status == 502
        assert "{" not in response.json()["detail"], "the last completion is not echoed"
        after = client.get(f"/v1/sessions/{session}", headers=world.as_("mentor")).json()
        assert after == before
        seen = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator")).json()
        assert len(seen["items"]) == 1


def test_notes_edited_during_summary_are_not_overwritten(tmp_path: Path) -> None:
    fake = FakeCoach()
    with running_app(tmp_path, fake) as client:
        world = seed(client)
        session, _ = _held_session(world)
        real = fake.summarize
        edited = NOTES_TEXT + " Added while the summary was being written."

        def slow_summarize(request):  # type: ignore[no-untyped-def]
            client.put(
                f"/v1/sessions/{session}/notes", json={"notes": edited}, headers=world.as_("mentee")
            )
            return real(request)

        fake.summarize = slow_summarize  # type: ignore[method-assign]
        before = client.get(f"/v1/sessions/{session}", headers=world.as_("mentor")).json()
        response = client.post(f"/v1/sessions/{session}/summary", headers=world.as_("mentor"))
        assert response.status_code == 409
        after = client.get(f"/v1/sessions/{session}", headers=world.as_("mentor")).json()
        assert after["notes"] == edited
        assert after["private_summary"] == before["private_summary"]
        assert after["summary_outdated"] is True
