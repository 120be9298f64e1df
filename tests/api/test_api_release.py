"""Release is per member, withdrawable, and reset by a new summary; the audit log holds no text."""

from __future__ import annotations

from api_helpers import NOTES_TEXT, World


def _visible(world: World) -> int:
    response = world.client.get("/v1/coordinator/summaries", headers=world.as_("coordinator"))
    return len(response.json()["items"])


def _summarized(world: World) -> str:
    client, mentor = world.client, world.as_("mentor")
    session = client.post(
        f"/v1/pairs/{world.ids['pair']}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    ).json()["id"]
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES_TEXT}, headers=mentor)
    client.post(f"/v1/sessions/{session}/summary", headers=mentor)
    return f"/v1/sessions/{session}"


def test_release_withdraw_and_regenerate(world: World) -> None:
    url, client = _summarized(world), world.client
    client.post(f"{url}/release", headers=world.as_("mentor"))
    client.post(f"{url}/release", headers=world.as_("mentee"))
    assert _visible(world) == 1
    client.delete(f"{url}/release", headers=world.as_("mentee"))
    assert _visible(world) == 0
    client.post(f"{url}/release", headers=world.as_("mentee"))
    assert _visible(world) == 1
    regenerated = client.post(f"{url}/summary", headers=world.as_("mentee")).json()
    assert regenerated["release"] == {
        "mentor_released": False,
        "mentee_released": False,
        "visible_to_coordinator": False,
    }
    assert _visible(world) == 0


def test_audit_log_records_reads_without_content(world: World) -> None:
    url = _summarized(world)
    for who in ("mentor", "mentee"):
        world.client.post(f"{url}/release", headers=world.as_(who))
    _visible(world)
    world.client.get("/v1/coordinator/insights", headers=world.as_("coordinator"))
    log = world.client.get("/v1/admin/audit", headers=world.as_("admin"))
    actions = [e["action"] for e in log.json()]
    assert actions[:2] == ["coordinator.insights.read", "coordinator.summaries.read"]
    assert {"session.notes.update", "session.summary.generate", "summary.release"} <= set(actions)
    for secret in ("Maya", "Robert", "schedule posts", "The mentor and the mentee met"):
        assert secret not in log.text
