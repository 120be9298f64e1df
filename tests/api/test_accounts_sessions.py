"""Browser sessions: the cookie's flags, idle expiry, and deactivation ending everything at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from api_helpers import FakeCoach, World, cookie, running_app, seed
from fastapi.testclient import TestClient
from sqlalchemy import update
from typer.testing import CliRunner

from coach.accounts.passwords import hash_password
from coach.cli import app as cli
from coach.db.models import BrowserSession, User, utcnow
from coach.settings import get_settings

PASSWORD = "a long enough password"


def _with_password(world: World, email: str) -> None:
    with world.client.app.state.sessions() as db:  # type: ignore[attr-defined]
        db.execute(
            update(User).where(User.email == email).values(password_hash=hash_password(PASSWORD))
        )
        db.commit()


@pytest.mark.parametrize(
    ("base_url", "setting", "secure"),
    [
        ("https://coach.example", None, True),
        ("http://coach.example", None, False),
        ("http://coach.example", True, True),  # behind a proxy that terminates TLS
    ],
)
def test_cookie_is_secure_over_https_or_when_set(
    tmp_path: Path, base_url: str, setting: bool | None, secure: bool
) -> None:
    with running_app(tmp_path, FakeCoach(), auth={"secure_cookies": setting}) as plain:
        world = seed(plain)
        _with_password(world, "mentor@example.org")
        client = TestClient(plain.app, base_url=base_url)
        signed = client.post(
            "/v1/auth/sign-in", json={"email": "mentor@example.org", "password": PASSWORD}
        )
        flags = signed.headers["set-cookie"]
        assert ("; Secure" in flags) is secure
        assert "HttpOnly" in flags and "SameSite=lax" in flags


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with running_app(tmp_path, FakeCoach(), auth={"session_idle_hours": 1}) as client:
        yield seed(client)


def test_an_unused_session_expires(world: World) -> None:
    secret, csrf = world.session("mentee")
    assert world.client.get("/v1/me", headers=cookie(secret)).status_code == 200
    with world.client.app.state.sessions() as db:  # type: ignore[attr-defined]
        db.execute(update(BrowserSession).values(last_seen_at=utcnow() - timedelta(hours=2)))
        db.commit()
    stale = world.client.get("/v1/me", headers=cookie(secret, csrf))
    assert stale.status_code == 401 and "expired" in stale.json()["detail"]


def test_deactivation_ends_sessions_and_tokens_at_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret, _ = world.session("mentor")
    _with_password(world, "mentor@example.org")
    monkeypatch.setenv("COACH_DATA_DIR", str(world.client.app.state.settings.data_dir))  # type: ignore[attr-defined]
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["users", "deactivate", "--email", "mentor@example.org"])
        listed = CliRunner().invoke(cli, ["users", "list"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "(deactivated)" in listed.output
    assert world.client.get("/v1/me", headers=cookie(secret)).status_code == 401
    assert world.client.get("/v1/me", headers=world.as_("mentor")).status_code == 401
    again = world.client.post(
        "/v1/auth/sign-in", json={"email": "mentor@example.org", "password": PASSWORD}
    )
    assert again.status_code == 401
    assert world.client.get("/v1/me", headers=world.as_("mentee")).status_code == 200


def test_old_accounts_get_an_email_and_a_reset_from_the_cli(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = world.client.app.state.settings.data_dir  # type: ignore[attr-defined]
    monkeypatch.setenv("COACH_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    try:
        user = str(world.users["admin"])
        set_email = CliRunner().invoke(
            cli, ["users", "set-email", "--id", user, "--email", "ada@example.org"]
        )
        taken = CliRunner().invoke(
            cli, ["users", "set-email", "--id", user, "--email", "mentor@example.org"]
        )
        reset = CliRunner().invoke(cli, ["users", "reset", "--email", "ada@example.org"])
    finally:
        get_settings.cache_clear()
    assert set_email.exit_code == 0 and "already belongs" in str(taken.exception)
    assert reset.exit_code == 0 and "coachr_" not in reset.output
    emails = list((data_dir / "outbox").glob("*.eml"))
    assert len(emails) == 1 and "ada@example.org" in emails[0].read_text()
    assert oct(emails[0].stat().st_mode & 0o777) == "0o600"
