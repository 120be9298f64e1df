"""The whole flow on the real offline engine, then a restart on the same data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from api_helpers import World, running_app, seed
from fastapi.testclient import TestClient

from coach.models import AgendaRequest, SummaryRequest
from coach.settings import Settings

NOTES = (
    "Maya Chen walked Robert Miller through scheduling LinkedIn posts and short videos. "
    "Robert said he has little time between board meetings and finds short-form video "
    "intimidating. Priya from communications joined for ten minutes to show the brand rules. "
    "Robert will post twice a week, and Maya will review his first three drafts by Friday. "
    "Robert can be reached at robert.miller@acme.example for the drafts."
)
SECRETS = ("Maya", "Chen", "Robert", "Miller", "Priya", "acme.example", "board meetings", NOTES)


def _overrides(indexed: Settings) -> dict[str, Any]:
    return {"chroma": {"path": str(indexed.chroma_path)}}


def _assert_clean(response_text: str) -> None:
    for secret in SECRETS:
        assert secret not in response_text, f"{secret!r} reached a coordinator"


def _coordinator_reads(world: World, session_id: int) -> list[str]:
    """Every response a coordinator can get about the pair's session."""
    client, headers = world.client, world.as_("coordinator")
    texts = []
    for path in (
        "/v1/coordinator/summaries",
        "/v1/coordinator/insights",
        f"/v1/sessions/{session_id}",
        f"/v1/pairs/{world.ids['pair']}/sessions",
    ):
        texts.append(client.get(path, headers=headers).text)
    return texts


def _plan_and_hold(client: TestClient, world: World) -> int:
    mentor = world.as_("mentor")
    created = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media", "duration_minutes": 60},
        headers=mentor,
    )
    assert created.status_code == 201, created.text
    session_id: int = created.json()["id"]
    agenda = client.post(f"/v1/sessions/{session_id}/agenda", json={}, headers=mentor)
    assert agenda.status_code == 200, agenda.text
    assert agenda.json()["agenda"]["meta"]["engine"] == "offline"
    notes = client.put(f"/v1/sessions/{session_id}/notes", json={"notes": NOTES}, headers=mentor)
    assert notes.json()["notes"] == NOTES
    summary = client.post(
        f"/v1/sessions/{session_id}/summary", json={"other_names": ["Priya"]}, headers=mentor
    )
    assert summary.status_code == 200, summary.text
    assert summary.json()["private_summary"]["summary"]
    return session_id


def test_round_trip_and_restart(tmp_path: Path, indexed_settings: Settings) -> None:
    with running_app(tmp_path, **_overrides(indexed_settings)) as client:
        world = seed(client)
        session_id = _plan_and_hold(client, world)
        stored = client.get(f"/v1/sessions/{session_id}", headers=world.as_("mentee")).json()
        anonymized = stored["anonymized_summary"]
        _assert_clean(json.dumps(anonymized))

        client.post(f"/v1/sessions/{session_id}/release", headers=world.as_("mentor"))
        seen = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator")).json()
        assert seen["items"] == [], "one release is not enough"

        released = client.post(f"/v1/sessions/{session_id}/release", headers=world.as_("mentee"))
        assert released.json()["release"]["visible_to_coordinator"] is True
        seen = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator")).json()
        assert [i["summary"] for i in seen["items"]] == [anonymized]
        for text in _coordinator_reads(world, session_id):
            _assert_clean(text)
        other = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator_other"))
        assert other.json()["items"] == []

    with running_app(tmp_path, **_overrides(indexed_settings)) as client:
        world.client = client
        after = client.get(f"/v1/sessions/{session_id}", headers=world.as_("mentor")).json()
        assert after == stored | {"release": after["release"], "updated_at": after["updated_at"]}
        assert after["release"]["visible_to_coordinator"] is True
        seen = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator")).json()
        assert [i["summary"] for i in seen["items"]] == [anonymized]


def test_next_agenda_continues_from_previous_summary(
    tmp_path: Path, indexed_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_app(tmp_path, **_overrides(indexed_settings)) as client:
        world = seed(client)
        first = _plan_and_hold(client, world)
        private = client.get(f"/v1/sessions/{first}", headers=world.as_("mentor")).json()
        coach = client.app.state.coach  # type: ignore[attr-defined]
        sent: list[AgendaRequest] = []
        real_agenda = coach.aagenda

        async def recording(request: AgendaRequest) -> Any:
            sent.append(request)
            return await real_agenda(request)

        monkeypatch.setattr(coach, "aagenda", recording)

        second = client.post(
            f"/v1/pairs/{world.ids['pair']}/sessions",
            json={"date": "2025-12-04", "topic": "social media"},
            headers=world.as_("mentee"),
        ).json()
        response = client.post(f"/v1/sessions/{second['id']}/agenda", headers=world.as_("mentee"))
        assert response.status_code == 200, response.text
        assert second["number"] == 2
        assert sent[0].session_number == 2
        assert private["private_summary"]["summary"] in (sent[0].previous_summary or "")


def _record_summary_requests(client: Any, monkeypatch: pytest.MonkeyPatch) -> list[SummaryRequest]:
    """The SummaryRequests the app sends to its Coach from now on, in order."""
    coach = client.app.state.coach
    sent: list[SummaryRequest] = []
    real = coach.asummarize

    async def recording(request: SummaryRequest) -> Any:
        sent.append(request)
        return await real(request)

    monkeypatch.setattr(coach, "asummarize", recording)
    return sent


def test_a_long_gap_since_the_last_held_session_asks_for_support(
    tmp_path: Path, indexed_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_app(tmp_path, **_overrides(indexed_settings)) as client:
        world = seed(client)
        _plan_and_hold(client, world)  # held on 2025-11-20
        sent = _record_summary_requests(client, monkeypatch)
        mentor = world.as_("mentor")
        later = client.post(
            f"/v1/pairs/{world.ids['pair']}/sessions",
            json={"date": "2026-02-05", "topic": "social media"},
            headers=mentor,
        ).json()["id"]
        client.put(f"/v1/sessions/{later}/notes", json={"notes": NOTES}, headers=mentor)
        response = client.post(f"/v1/sessions/{later}/summary", headers=mentor)
        assert response.status_code == 200, response.text
        assert sent[0].previous_session_date == "2025-11-20"
        anonymized = response.json()["anonymized_summary"]
        assert anonymized["needs_support"] is True
        assert "no session for more than" in anonymized["support_reason"]


def test_the_next_booked_session_dates_next_session_deadlines(
    tmp_path: Path, indexed_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_app(tmp_path, **_overrides(indexed_settings)) as client:
        world = seed(client)
        first = _plan_and_hold(client, world)  # held on 2025-11-20, summarised with none booked
        sent = _record_summary_requests(client, monkeypatch)
        mentor = world.as_("mentor")
        for day in ("2026-01-08", "2025-12-04"):  # booked out of order: the earlier one counts
            booked = client.post(
                f"/v1/pairs/{world.ids['pair']}/sessions",
                json={"date": day, "topic": "social media"},
                headers=mentor,
            )
            assert booked.status_code == 201, booked.text
        response = client.post(f"/v1/sessions/{first}/summary", headers=mentor)
        assert response.status_code == 200, response.text
        assert sent[0].next_session_date == "2025-12-04"
