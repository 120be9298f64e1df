"""Invitation, acceptance, sign-in, sign-out, reset and lockout, through a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from api_helpers import FakeCoach, World, running_app, seed
from fastapi.testclient import TestClient
from servers import Inbox
from sqlalchemy import func, select, update

from coach.accounts.resets import check_reset
from coach.db.models import Invitation, User, utcnow
from coach.errors import LinkExpired

PASSWORD = "a long enough password"
NEW_PASSWORD = "another long password"


@pytest.fixture
def mailed(tmp_path: Path, inbox: Inbox) -> Iterator[World]:
    """The seeded world on an app that sends email through the test's SMTP server."""
    settings = {"smtp": inbox.smtp_settings(), "auth": {"base_url": "http://coach.test"}}
    with running_app(tmp_path, FakeCoach(), **settings) as client:
        yield seed(client)


def _invite(world: World, who: str = "coordinator", **body: object) -> object:
    payload = {"email": "new.mentor@example.org", "name": "New Mentor", "role": "mentor"}
    payload |= {"pair_id": _empty_pair(world)} | body
    return world.client.post("/v1/invitations", json=payload, headers=world.as_(who))


def _empty_pair(world: World) -> int:
    if "empty_pair" not in world.ids:
        created = world.client.post(
            "/v1/pairs", json={"program_id": world.ids["program"]}, headers=world.as_("coordinator")
        )
        assert created.status_code == 201, created.text
        assert set(created.json()) == {"id", "program_id", "created_at"}  # no member credential
        world.ids["empty_pair"] = created.json()["id"]
    return world.ids["empty_pair"]


def _csrf(client: TestClient) -> dict[str, str]:
    me = client.get("/v1/me")
    assert me.status_code == 200, me.text
    return {"X-CSRF-Token": me.json()["csrf_token"]}


def test_invite_accept_sign_out_sign_in_reset(mailed: World, inbox: Inbox) -> None:
    client = mailed.client
    invited = _invite(mailed)
    assert invited.status_code == 201, invited.text  # type: ignore[attr-defined]
    assert inbox.messages[-1]["To"] == "new.mentor@example.org"
    assert "http://coach.test/invitations/" in inbox.body()
    secret = inbox.secret("invitations")

    accepted = client.post(
        "/v1/auth/invitations/accept", json={"secret": secret, "password": PASSWORD}
    )
    assert accepted.status_code == 201, accepted.text
    cookie = accepted.headers["set-cookie"]
    assert "coach_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; see the https test
    me = client.get("/v1/me").json()
    assert (me["role"], me["pair_id"], me["credential"]) == (
        "mentor",
        _empty_pair(mailed),
        "session",
    )

    again = client.post(
        "/v1/auth/invitations/accept", json={"secret": secret, "password": PASSWORD}
    )
    assert again.status_code == 410 and "used already" in again.json()["detail"]

    assert client.post("/v1/auth/sign-out", headers=_csrf(client)).status_code == 204
    assert client.get("/v1/me").status_code == 401

    wrong = client.post(
        "/v1/auth/sign-in", json={"email": me["email"], "password": "nope nope nope"}
    )
    assert wrong.status_code == 401 and "reset your password" in wrong.json()["detail"]
    right = client.post("/v1/auth/sign-in", json={"email": me["email"], "password": PASSWORD})
    assert right.status_code == 200 and right.json()["user"]["email"] == me["email"]
    old_session = client.cookies["coach_session"]

    asked = client.post("/v1/auth/password-reset", json={"email": me["email"]})
    assert asked.status_code == 202
    assert "http://coach.test/reset/" in inbox.body()
    with client.app.state.sessions() as db:  # type: ignore[attr-defined]
        check_reset(db, inbox.secret("reset"))  # the page that asks for a new one may show
    reset = client.post(
        "/v1/auth/password-reset/confirm",
        json={"secret": inbox.secret("reset"), "password": NEW_PASSWORD},
    )
    assert reset.status_code == 204, reset.text
    ended = client.get("/v1/me", headers={"Cookie": f"coach_session={old_session}"})
    assert ended.status_code == 401  # a reset signs every session out
    client.cookies.clear()
    old = client.post("/v1/auth/sign-in", json={"email": me["email"], "password": PASSWORD})
    assert old.status_code == 401
    new = client.post("/v1/auth/sign-in", json={"email": me["email"], "password": NEW_PASSWORD})
    assert new.status_code == 200
    reused = client.post(
        "/v1/auth/password-reset/confirm",
        json={"secret": inbox.secret("reset"), "password": NEW_PASSWORD + "!"},
    )
    assert reused.status_code == 410
    with client.app.state.sessions() as db, pytest.raises(LinkExpired):  # type: ignore[attr-defined]
        check_reset(db, inbox.secret("reset"))


def test_reset_for_an_unknown_address_answers_the_same_and_sends_nothing(
    mailed: World, inbox: Inbox
) -> None:
    known = mailed.client.post("/v1/auth/password-reset", json={"email": "mentor@example.org"})
    unknown = mailed.client.post("/v1/auth/password-reset", json={"email": "who@example.org"})
    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
    assert [m["To"] for m in inbox.messages] == ["mentor@example.org"]
    again = mailed.client.post("/v1/auth/password-reset", json={"email": "mentor@example.org"})
    assert again.json() == known.json() and len(inbox.messages) == 1  # no flood of emails


def test_expired_and_replaced_invitations_are_refused(mailed: World, inbox: Inbox) -> None:
    _invite(mailed)
    first = inbox.secret("invitations")
    _invite(mailed)  # sent again: only the newest link works
    second = inbox.secret("invitations")
    replaced = mailed.client.post(
        "/v1/auth/invitations/accept", json={"secret": first, "password": PASSWORD}
    )
    assert replaced.status_code == 410 and "replaced" in replaced.json()["detail"]
    with mailed.client.app.state.sessions() as db:  # type: ignore[attr-defined]
        db.execute(update(Invitation).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.commit()
    expired = mailed.client.post(
        "/v1/auth/invitations/accept", json={"secret": second, "password": PASSWORD}
    )
    assert expired.status_code == 410 and "expired" in expired.json()["detail"]
    assert _users(mailed) == 9  # nobody was added


def _users(world: World) -> int:
    with world.client.app.state.sessions() as db:  # type: ignore[attr-defined]
        return db.scalar(select(func.count()).select_from(User)) or 0


def test_bad_invitations_say_what_to_do_and_change_nothing(mailed: World, inbox: Inbox) -> None:
    taken = _invite(mailed, email="mentor_pair2@example.org")
    assert taken.status_code == 409 and "already has an account" in taken.json()["detail"]  # type: ignore[attr-defined]
    full = _invite(mailed, pair_id=mailed.ids["pair"])
    assert full.status_code == 409 and "already has a mentor" in full.json()["detail"]  # type: ignore[attr-defined]
    elsewhere = _invite(mailed, who="coordinator_other")
    assert elsewhere.status_code == 404  # type: ignore[attr-defined]
    member = _invite(mailed, who="mentor")
    assert member.status_code == 403  # type: ignore[attr-defined]
    nowhere = _invite(mailed, who="admin", program_id=2**31 - 2)
    assert nowhere.status_code == 404 and "program" in nowhere.json()["detail"]  # type: ignore[attr-defined]
    other = _invite(mailed, who="admin", program_id=mailed.ids["program_other"])
    assert other.status_code == 409 and "leave program_id out" in other.json()["detail"]  # type: ignore[attr-defined]
    bad = _invite(mailed, email="not an email")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "email"  # type: ignore[attr-defined]
    assert inbox.messages == []
    _invite(mailed)
    short = mailed.client.post(
        "/v1/auth/invitations/accept",
        json={"secret": inbox.secret("invitations"), "password": "short"},
    )
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "password"
    assert _users(mailed) == 9


def test_mail_server_down_changes_nothing(mailed: World, inbox: Inbox) -> None:
    inbox.refuse = True
    refused = _invite(mailed)
    assert refused.status_code == 503, refused.text  # type: ignore[attr-defined]
    assert "nothing was changed" in refused.json()["detail"]  # type: ignore[attr-defined]
    listed = mailed.client.get("/v1/invitations", headers=mailed.as_("coordinator")).json()
    assert listed == []


def test_lockout_per_account_and_reset_lifts_it(mailed: World, inbox: Inbox) -> None:
    client, email = mailed.client, "mentee@example.org"
    with client.app.state.sessions() as db:  # type: ignore[attr-defined]
        from coach.accounts.passwords import hash_password

        db.execute(
            update(User).where(User.email == email).values(password_hash=hash_password(PASSWORD))
        )
        db.commit()
    for _ in range(5):
        assert (
            client.post("/v1/auth/sign-in", json={"email": email, "password": "x" * 12}).status_code
            == 401
        )
    locked = client.post("/v1/auth/sign-in", json={"email": email, "password": PASSWORD})
    assert locked.status_code == 429 and "reset your password" in locked.json()["detail"]
    assert int(locked.headers["retry-after"]) > 0
    client.post("/v1/auth/password-reset", json={"email": email})
    client.post(
        "/v1/auth/password-reset/confirm",
        json={"secret": inbox.secret("reset"), "password": NEW_PASSWORD},
    )
    assert (
        client.post("/v1/auth/sign-in", json={"email": email, "password": NEW_PASSWORD}).status_code
        == 200
    )


def test_throttle_per_address(tmp_path: Path) -> None:
    with running_app(tmp_path, FakeCoach(), auth={"address_failures": 3}) as client:
        seed(client)
        for i in range(3):
            guess = {"email": f"someone{i}@example.org", "password": "guess guess"}
            assert client.post("/v1/auth/sign-in", json=guess).status_code == 401
        stopped = client.post("/v1/auth/sign-in", json={"email": "x@example.org", "password": "y"})
        assert stopped.status_code == 429 and "your address" in stopped.json()["detail"]
        assert stopped.headers["content-type"] == "application/problem+json"


def test_personal_api_tokens_are_shown_once_listed_and_revoked(mailed: World) -> None:
    client, mine = mailed.client, mailed.as_("mentee")
    created = client.post(
        "/v1/me/tokens", json={"name": "export", "expires_in_days": 7}, headers=mine
    )
    assert created.status_code == 201
    secret, token_id = created.json()["token"], created.json()["id"]
    listed = client.get("/v1/me/tokens", headers=mine)
    assert secret not in listed.text and "export" in listed.text
    assert (
        client.get("/v1/me", headers={"Authorization": f"Bearer {secret}"}).json()["role"]
        == "mentee"
    )
    others = client.get("/v1/me/tokens", headers=mailed.as_("mentor"))
    assert "export" not in others.text
    assert (
        client.delete(f"/v1/me/tokens/{token_id}", headers=mailed.as_("mentor")).status_code == 404
    )
    assert client.delete(f"/v1/me/tokens/{token_id}", headers=mine).status_code == 204
    revoked = client.get("/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert revoked.status_code == 401 and "revoked" in revoked.json()["detail"]
    too_long = client.post(
        "/v1/me/tokens", json={"name": "x", "expires_in_days": 1000}, headers=mine
    )
    assert (
        too_long.status_code == 422 and too_long.json()["errors"][0]["field"] == "expires_in_days"
    )
