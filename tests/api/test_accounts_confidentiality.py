"""Confidentiality in the ordinary workflow: nothing a coordinator gets opens a pair's notes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_helpers import NOTES_TEXT, FakeCoach, World, bearer, cookie, running_app, seed
from fastapi.testclient import TestClient
from servers import LINK, Inbox
from typer.testing import CliRunner

from coach.accounts.tokens import create_api_token
from coach.cli import app as cli
from coach.db.auth import add_user, principal
from coach.db.programs import create_pair
from coach.settings import get_settings

PASSWORD = "the invitee's own password"


@pytest.fixture
def mailed(tmp_path: Path, inbox: Inbox) -> Iterator[World]:
    settings = {"smtp": inbox.smtp_settings(), "auth": {"base_url": "http://coach.test"}}
    with running_app(tmp_path, FakeCoach(), **settings) as client:
        yield seed(client)


class Recorder:
    """Every response one caller received, to search or to replay as credentials."""

    def __init__(self, client: TestClient, headers: dict[str, str]) -> None:
        self.client, self.headers, self.seen = client, headers, []  # type: ignore[var-annotated]

    def __call__(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = self.client.request(method, url, headers=self.headers, **kwargs)
        self.seen.append(response)
        self.client.cookies.clear()
        return response

    def text(self) -> str:
        return "\n".join(f"{r.headers}\n{r.text}" for r in self.seen)

    def strings(self) -> set[str]:
        """Every string in every body and header the caller saw."""
        found: set[str] = set()

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)
            elif isinstance(value, str):
                found.add(value)

        for response in self.seen:
            found |= set(response.headers.values())
            try:
                walk(response.json())
            except json.JSONDecodeError:
                found.add(response.text)
        return found


def _members_join(world: World, coordinator: Recorder, inbox: Inbox, pair: int) -> list[str]:
    """The coordinator invites both members; each accepts from their own inbox."""
    secrets = []
    for role in ("mentor", "mentee"):
        email = f"{role}.new@example.org"
        sent = coordinator(
            "POST",
            "/v1/invitations",
            json={"email": email, "name": f"New {role}", "role": role, "pair_id": pair},
        )
        assert sent.status_code == 201, sent.text
        secrets.append(inbox.secret("invitations"))
    sessions = []
    for secret in secrets:
        accepted = world.client.post(
            "/v1/auth/invitations/accept", json={"secret": secret, "password": PASSWORD}
        )
        assert accepted.status_code == 201, accepted.text
        sessions.append(accepted.cookies["coach_session"])
        world.client.cookies.clear()
    return sessions


def test_the_old_attack_fails(mailed: World, inbox: Inbox) -> None:
    """A coordinator creates a pair, then tries everything it was ever given on the notes."""
    client = mailed.client
    coordinator = Recorder(client, mailed.as_("coordinator"))
    pair = coordinator("POST", "/v1/pairs", json={"program_id": mailed.ids["program"]}).json()["id"]
    mentor_cookie, mentee_cookie = _members_join(mailed, coordinator, inbox, pair)
    mentor = cookie(
        mentor_cookie, client.get("/v1/me", headers=cookie(mentor_cookie)).json()["csrf_token"]
    )
    session = client.post(
        f"/v1/pairs/{pair}/sessions",
        json={"date": "2025-11-20", "topic": "social media"},
        headers=mentor,
    ).json()["id"]
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES_TEXT}, headers=mentor)
    client.post(f"/v1/sessions/{session}/summary", headers=mentor)
    # Everything a coordinator can call that touches the pair, its people or its invitations.
    for method, url in (
        ("GET", "/v1/me"),
        ("GET", "/v1/invitations"),
        ("GET", "/v1/me/tokens"),
        ("GET", "/v1/coordinator/summaries"),
        ("GET", "/v1/coordinator/insights"),
        ("GET", f"/v1/pairs/{pair}/sessions"),
        ("GET", f"/v1/sessions/{session}"),
    ):
        coordinator(method, url)
    coordinator("POST", "/v1/me/tokens", json={"name": "mine"})

    candidates = {s for s in coordinator.strings() if len(s) >= 16} | set(mailed.tokens.values())
    assert mentor_cookie not in candidates and mentee_cookie not in candidates
    for candidate in candidates:
        for headers in (bearer(candidate), {"Cookie": f"coach_session={candidate}"}):
            for url in (f"/v1/sessions/{session}", f"/v1/pairs/{pair}/sessions"):
                read = client.get(url, headers=headers)
                assert read.status_code in (401, 403, 404), (candidate, url)
                assert NOTES_TEXT not in read.text
            release = client.post(f"/v1/sessions/{session}/release", headers=headers)
            assert release.status_code in (401, 403, 404)
        client.cookies.clear()
    assert NOTES_TEXT not in coordinator.text()


def _invitation_and_reset_secrets(inbox: Inbox) -> set[str]:
    return {m.group(2) for i in range(len(inbox.messages)) for m in LINK.finditer(inbox.body(i))}


def test_no_secret_or_password_reaches_the_inviter_or_the_logs(
    mailed: World,
    inbox: Inbox,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = mailed.client
    coordinator = Recorder(client, mailed.as_("coordinator"))
    admin = Recorder(client, mailed.as_("admin"))
    pair = coordinator("POST", "/v1/pairs", json={"program_id": mailed.ids["program"]}).json()["id"]
    _members_join(mailed, coordinator, inbox, pair)
    coordinator("GET", "/v1/invitations")
    client.post(
        "/v1/auth/sign-in", json={"email": "mentor.new@example.org", "password": "wrong one!"}
    )
    client.post("/v1/auth/password-reset", json={"email": "mentor.new@example.org"})
    client.post(
        "/v1/auth/password-reset/confirm",
        json={"secret": inbox.secret("reset"), "password": PASSWORD + " 2"},
    )
    client.cookies.clear()
    admin("GET", "/v1/admin/audit?limit=500")

    monkeypatch.setenv("COACH_DATA_DIR", str(client.app.state.settings.data_dir))  # type: ignore[attr-defined]
    for key, value in inbox.smtp_settings().items():
        monkeypatch.setenv(f"COACH_SMTP__{key.upper()}", str(value))
    get_settings.cache_clear()
    try:
        cli_run = CliRunner().invoke(
            cli,
            ["users", "invite", "--role", "coordinator", "--email", "co@example.org",
             "--name", "Co", "--program", str(mailed.ids["program"])],
        )  # fmt: skip
    finally:
        get_settings.cache_clear()
    assert cli_run.exit_code == 0, cli_run.output

    secrets = _invitation_and_reset_secrets(inbox)
    assert len(secrets) == 4  # two invitations by API, one reset, one invitation by the CLI
    # mail.log is the test's SMTP server, the recipient's side: it must see the message.
    ours = [r for r in caplog.records if not r.name.startswith("mail.log")]
    logs = "\n".join(f"{r.getMessage()} {r.args!r}" for r in ours)
    for haystack, name in (
        (coordinator.text(), "the inviter's responses"),
        (admin.text(), "the admin's audit log"),
        (cli_run.output, "the inviter's CLI output"),
        (logs, "the log records"),
    ):
        for secret in [*secrets, PASSWORD, PASSWORD + " 2", "wrong one!"]:
            assert secret not in haystack, f"a secret reached {name}"
    assert any(r.name.startswith("coach") for r in ours)  # the search covered real records


def _release_everything(client: TestClient, token: str, pair: int, day: str) -> None:
    headers = bearer(token)
    session = client.post(
        f"/v1/pairs/{pair}/sessions", json={"date": day, "topic": "social media"}, headers=headers
    ).json()["id"]
    client.put(f"/v1/sessions/{session}/notes", json={"notes": NOTES_TEXT}, headers=headers)
    assert client.post(f"/v1/sessions/{session}/summary", headers=headers).status_code == 200


def test_insights_show_nothing_a_pair_did_not_release(tmp_path: Path) -> None:
    """Four pairs of the coordinator's own plus backdated sessions reveal nothing of a fifth."""
    with running_app(tmp_path, FakeCoach()) as client:
        world = seed(client)
        own: list[tuple[int, list[str]]] = []
        with client.app.state.sessions() as db:  # type: ignore[attr-defined]
            for i in range(4):  # pairs whose members the coordinator controls
                pair = create_pair(db, None, world.ids["program"]).id
                members = [
                    create_api_token(
                        db, principal(add_user(db, role, f"{role} {i}", pair_id=pair)), "t", 30
                    ).secret
                    for role in ("mentor", "mentee")
                ]
                own.append((pair, members))
            db.commit()
        for pair, (mentor, mentee) in own:
            _release_everything(client, mentor, pair, "2025-10-01")
            for token in (mentor, mentee):
                listed = client.get(f"/v1/pairs/{pair}/sessions", headers=bearer(token)).json()
                client.post(f"/v1/sessions/{listed[0]['id']}/release", headers=bearer(token))

        def insights() -> dict[str, Any]:
            response = client.get("/v1/coordinator/insights", headers=world.as_("coordinator"))
            return response.json()  # type: ignore[no-any-return]

        before = insights()
        assert before["suppressed"] and before["active_pairs"] == 4
        for day in ("2024-01-01", "2025-01-01", "2025-06-01"):  # the real pair's, unreleased
            _release_everything(client, world.tokens["mentor"], world.ids["pair"], day)
        assert insights() == before
        summaries = client.get("/v1/coordinator/summaries", headers=world.as_("coordinator"))
        assert len(summaries.json()["items"]) == 4
        # Only once the real pair releases does it count, and then only what it released.
        first = client.get(
            f"/v1/pairs/{world.ids['pair']}/sessions", headers=world.as_("mentor")
        ).json()[0]["id"]
        for who in ("mentor", "mentee"):
            client.post(f"/v1/sessions/{first}/release", headers=world.as_(who))
        after = insights()
        assert not after["suppressed"] and after["sessions_held"] == 5
