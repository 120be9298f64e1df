"""Single sign-on against a real OpenID Connect provider (oidc-provider-mock) on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from api_helpers import FakeCoach, World, running_app, seed
from fastapi.testclient import TestClient


@pytest.fixture
def sso(tmp_path: Path, oidc_issuer: str) -> Iterator[World]:
    """The seeded world on an app whose single sign-on is the local provider."""
    oidc = {"issuer": oidc_issuer, "client_id": "coach", "client_secret": "client secret"}
    with running_app(
        tmp_path, FakeCoach(), oidc=oidc, auth={"base_url": "http://testserver"}
    ) as client:
        yield seed(client)


def _provider_user(issuer: str, sub: str, **claims: object) -> None:
    response = httpx.put(f"{issuer}/users/{sub}", json=claims, timeout=10)
    assert response.status_code == 204, response.text


def _through_provider(client: TestClient, sub: str, next_path: str = "/v1/me") -> httpx.Response:
    """Start sign-on, let the provider authorize `sub`, and follow back to coach's callback."""
    start = client.get(f"/v1/auth/oidc/start?next={next_path}", follow_redirects=False)
    assert start.status_code == 302, start.text
    authorize = start.headers["location"]
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]
    granted = httpx.post(authorize, data={"sub": sub}, follow_redirects=False, timeout=10)
    assert granted.status_code == 302, granted.text
    back = urlsplit(granted.headers["location"])
    assert back.path == "/v1/auth/oidc/callback"
    return client.get(f"{back.path}?{back.query}", follow_redirects=False)  # type: ignore[return-value]


def test_sign_on_with_a_verified_email_signs_the_person_in(sso: World, oidc_issuer: str) -> None:
    _provider_user(oidc_issuer, "maya-sub", email="Mentor@Example.org", email_verified=True)
    done = _through_provider(sso.client, "maya-sub")
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/v1/me"
    assert "coach_session=" in done.headers["set-cookie"]
    me = sso.client.get("/v1/me").json()
    assert (me["email"], me["role"], me["credential"]) == (
        "mentor@example.org",
        "mentor",
        "session",
    )


def test_unverified_or_unknown_email_is_refused(sso: World, oidc_issuer: str) -> None:
    _provider_user(oidc_issuer, "unverified", email="mentee@example.org", email_verified=False)
    refused = _through_provider(sso.client, "unverified")
    assert refused.status_code == 403 and "vouch" in refused.json()["detail"]
    _provider_user(oidc_issuer, "stranger", email="stranger@example.org", email_verified=True)
    unknown = _through_provider(sso.client, "stranger")
    assert unknown.status_code == 403 and "invite you" in unknown.json()["detail"]
    invited = sso.client.post(
        "/v1/invitations",
        json={"email": "stranger@example.org", "name": "S", "role": "coordinator", "program_id": 1},
        headers=sso.as_("admin"),
    )
    assert invited.status_code == 201
    pending = _through_provider(sso.client, "stranger")
    assert pending.status_code == 403 and "invitation emailed" in pending.json()["detail"]
    assert sso.client.get("/v1/me").status_code == 401


def test_a_callback_from_another_browser_or_a_replay_is_refused(
    sso: World, oidc_issuer: str
) -> None:
    _provider_user(oidc_issuer, "cora", email="coordinator@example.org", email_verified=True)
    start = sso.client.get("/v1/auth/oidc/start", follow_redirects=False)
    granted = httpx.post(start.headers["location"], data={"sub": "cora"}, follow_redirects=False)
    callback = urlsplit(granted.headers["location"])
    url = f"{callback.path}?{callback.query}"
    stranger = TestClient(sso.client.app)  # no state cookie: not the browser that started it
    foreign = stranger.get(url, follow_redirects=False)
    assert foreign.status_code == 422 and "start it again" in foreign.json()["detail"]
    first = sso.client.get(url, follow_redirects=False)
    assert first.status_code == 303
    sso.client.cookies.delete("coach_session")
    sso.client.cookies.set("coach_oidc_state", parse_qs(callback.query)["state"][0])
    replay = sso.client.get(url, follow_redirects=False)
    assert replay.status_code == 422 and "unknown" in replay.json()["detail"]


def test_next_may_only_be_a_local_path(sso: World, oidc_issuer: str) -> None:
    _provider_user(oidc_issuer, "ada", email="admin@example.org", email_verified=True)
    done = _through_provider(sso.client, "ada", next_path="//evil.example/x")
    assert done.headers["location"] == "/"


def test_sign_on_is_off_unless_configured(client: TestClient) -> None:
    off = client.get("/v1/auth/oidc/start", follow_redirects=False)
    assert off.status_code == 404 and "COACH_OIDC__ISSUER" in off.json()["detail"]


def test_the_api_imports_no_sign_on_library_until_sign_on_is_used(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import sys\nfrom api.app import create_app\ncreate_app()\n"
        "print([m for m in ('authlib', 'joserfc') if m in sys.modules])"
    )
    env = {**os.environ, "COACH_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
