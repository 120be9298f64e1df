"""An offline view that identifies someone loses that line; what cannot be taken out is refused."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_helpers import running_app, seed
from fastapi.testclient import TestClient

import coach.generators.summary as summary_task
import coach.offline.summary as offline_summary
from coach.models import AnonymizedSummary, SummaryRequest
from coach.service import Coach
from coach.settings import Settings
from tests.web import web_helpers

NOTES = "Maya showed Robert how to schedule posts; Robert will post twice a week by Friday."


@pytest.fixture
def leaky(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """An offline view that names the mentee, and an anonymizer that misses it."""
    real = offline_summary.write_view
    named: list[str] = []

    def naming(request: SummaryRequest, *args: Any) -> AnonymizedSummary:
        side = real(request, *args)
        named.append(request.mentee_name)
        return side.model_copy(update={"summary": f"{side.summary} {request.mentee_name} led."})

    monkeypatch.setattr(offline_summary, "write_view", naming)
    monkeypatch.setattr(summary_task, "anonymize_side", lambda side, *_: side)
    return named


@pytest.fixture
def unwithholdable(leaky: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The leaky view, with a gate that cannot locate what identifies (so it must refuse)."""
    monkeypatch.setattr(summary_task, "withhold", lambda side, request: (side, []))
    return leaky


@pytest.fixture
def real_app(tmp_path: Path, indexed_settings: Settings) -> Iterator[TestClient]:
    with running_app(tmp_path, Coach(indexed_settings)) as client:
        yield client


def _summarize(client: TestClient) -> Any:
    """Seed a pair, store the notes and ask for their summary as the mentor."""
    world = seed(client)
    mentor = world.as_("mentor")
    session = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    ).json()["id"]
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES}, headers=mentor)
    quiet = TestClient(client.app, raise_server_exceptions=False)
    return quiet.post(f"/v1/sessions/{session}/summary", headers=mentor)


def test_the_api_releases_a_leaking_offline_view_without_its_line(
    real_app: TestClient, leaky: list[str]
) -> None:
    response = _summarize(real_app)
    assert response.status_code == 200, response.text
    body = response.json()
    view, meta = body["anonymized_summary"], body["summary_meta"]
    assert view["summary"].startswith("Session on ") and " led." not in view["summary"]
    assert leaky and all(name.split()[0] not in json.dumps(view) for name in leaky)
    assert meta["redacted"] and "name" in meta["redacted"]
    assert any("left out" in n for n in meta["notices"])
    assert all(name.split()[0] not in json.dumps(meta) for name in leaky)
    # The pair's own summary is untouched by the coordinators' gate.
    assert body["private_summary"]["action_items"]


def test_the_api_answers_an_offline_view_it_cannot_clean_with_a_refusal(
    real_app: TestClient, unwithholdable: list[str]
) -> None:
    response = _summarize(real_app)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["title"] == "Anonymization refused"
    assert {"kind": "name"} in problem["errors"]
    assert unwithholdable and all(name.split()[0] not in response.text for name in unwithholdable)


def _summarise_on_the_notes_page(real_app: TestClient) -> Any:
    """Sign in as the mentor, make a session and ask the notes page for its summary."""
    world = web_helpers.seed(real_app.app)  # type: ignore[arg-type]
    person = world.people["mentor"]
    page = real_app.post("/sign-in", data={"email": person.email, "password": person.password})
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    made = real_app.post(
        "/sessions",
        data={"csrf_token": csrf, "date": "2030-01-10", "topic": "Social media"},
        follow_redirects=False,
    )
    session_id = int(made.headers["location"].rsplit("/", 1)[1])
    notes = "Priya showed Tom how to schedule posts; Tom will post twice a week by Friday."
    r = real_app.post(
        f"/sessions/{session_id}/notes",
        data={"csrf_token": csrf, "notes": notes, "action": "summarize"},
    )
    return r


@pytest.mark.usefixtures("leaky")
def test_the_notes_page_says_what_kind_was_left_out(real_app: TestClient) -> None:
    r = _summarise_on_the_notes_page(real_app)
    assert r.status_code == 200
    assert "left out because it read as identifying (" in r.text and "name" in r.text


@pytest.mark.usefixtures("unwithholdable")
def test_the_notes_page_says_nothing_was_released(real_app: TestClient) -> None:
    r = _summarise_on_the_notes_page(real_app)
    assert r.status_code == 422
    assert "Nothing was released" in r.text
    assert "could not be written just now" not in r.text
