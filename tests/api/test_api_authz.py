"""Who may call what: every endpoint x every caller x every kind of credential, from one table.

The resource rows point at program A's first pair. Callers relative to it: its own members
(mentor, mentee), a member of another pair of the same program (mentor_pair2), a member and
the coordinator of another program (mentor_other, coordinator_other), program A's
coordinator, and the admin. Each calls with a personal API token, a browser session (cookie
and CSRF token), a revoked token and an expired session.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import Backend, FakeCoach, World, running_app, seed
from test_api_pages_support import TABLE as PAGES_TABLE

from coach.accounts.invitations import invite
from coach.accounts.mail import OutboxMailer
from coach.accounts.tokens import create_api_token
from coach.db.auth import principal
from coach.db.models import User

CALLERS = (
    "anonymous",
    "mentor",
    "mentee",
    "mentor_pair2",
    "mentor_other",
    "coordinator",
    "coordinator_other",
    "admin",
)
CREDENTIALS = ("token", "session", "revoked_token", "expired_session")

AGENDA = {"topic": "social media", "duration_minutes": 60, "session_number": 1}
FEEDBACK = {"text": "You always interrupt me."}
NOTES = "Maya showed Robert how to schedule posts; Robert will post twice a week."
SUMMARY = {"notes": NOTES, "mentor_name": "Maya", "mentee_name": "Robert"}
GOOD_PASSWORD = "a long enough password"

# How a route treats credentials: "open" ignores them; "optional" takes a valid one and
# refuses a bad bearer token; "protected" needs a valid one.
OPEN, OPTIONAL, PROTECTED = "open", "optional", "protected"


def expect(default: int, **by_caller: int) -> dict[str, int]:
    """Expected status per caller: `default` for everyone signed in, 401 for anonymous."""
    return {"anonymous": 401} | {c: default for c in CALLERS[1:]} | by_caller


EVERYONE = dict.fromkeys(CALLERS, 200)
NOT_MANAGERS = {"mentor": 403, "mentee": 403, "mentor_pair2": 403, "mentor_other": 403}
NOT_MEMBERS = {"coordinator": 403, "coordinator_other": 403, "admin": 403}
MEMBERS = expect(200, **NOT_MEMBERS)
OWN_PAIR = expect(200, mentor_pair2=404, mentor_other=404, **NOT_MEMBERS)
COORDINATORS = expect(403, coordinator=200, coordinator_other=200)
OWN_PROGRAM_MANAGERS = expect(200, coordinator_other=404, **NOT_MANAGERS)
ADMINS = expect(403, admin=200)
BOGUS = "coachx_" + "x" * 30

# (method, path, body, kind, expected status by caller); {pair}, {session}, ... are program A's.
TABLE: list[tuple[str, str, Any, str, dict[str, int]]] = [
    ("GET", "/healthz", None, OPEN, EVERYONE),
    ("GET", "/readyz", None, OPEN, EVERYONE),
    (
        "POST",
        "/v1/auth/sign-in",
        {"email": "nobody@example.org", "password": "wrong password"},
        OPEN,
        dict.fromkeys(CALLERS, 401),
    ),
    ("POST", "/v1/auth/sign-out", None, OPTIONAL, dict.fromkeys(CALLERS, 204)),
    (
        "POST",
        "/v1/auth/invitations/accept",
        {"secret": BOGUS, "password": GOOD_PASSWORD},
        OPEN,
        dict.fromkeys(CALLERS, 404),
    ),
    (
        "POST",
        "/v1/auth/password-reset",
        {"email": "nobody@example.org"},
        OPEN,
        dict.fromkeys(CALLERS, 202),
    ),
    (
        "POST",
        "/v1/auth/password-reset/confirm",
        {"secret": BOGUS, "password": GOOD_PASSWORD},
        OPEN,
        dict.fromkeys(CALLERS, 404),
    ),
    ("GET", "/v1/auth/oidc/start", None, OPEN, dict.fromkeys(CALLERS, 404)),
    ("GET", "/v1/auth/oidc/callback?code=x&state=y", None, OPEN, dict.fromkeys(CALLERS, 404)),
    ("GET", "/v1/me", None, PROTECTED, expect(200)),
    ("GET", "/v1/me/tokens", None, PROTECTED, expect(200)),
    ("POST", "/v1/me/tokens", {"name": "script"}, PROTECTED, expect(201)),
    ("DELETE", "/v1/me/tokens/{spare_token}", None, PROTECTED, expect(404, mentor=204)),
    (
        "POST",
        "/v1/invitations",
        {
            "email": "co.coordinator@example.org",
            "name": "Co Ordinator",
            "role": "coordinator",
            "program_id": "{program}",
        },
        PROTECTED,
        {**OWN_PROGRAM_MANAGERS, "coordinator": 201, "admin": 201},
    ),
    ("GET", "/v1/invitations", None, PROTECTED, expect(200, **NOT_MANAGERS)),
    (
        "DELETE",
        "/v1/invitations/{invitation}",
        None,
        PROTECTED,
        {**OWN_PROGRAM_MANAGERS, "coordinator": 204, "admin": 204},
    ),
    ("GET", "/v1/knowledge/search?q=time+management", None, PROTECTED, expect(200)),
    ("POST", "/v1/agendas", AGENDA, PROTECTED, MEMBERS),
    ("POST", "/v1/discussion-prompts", {"topic": "social media"}, PROTECTED, MEMBERS),
    ("POST", "/v1/feedback/rewrite", FEEDBACK, PROTECTED, MEMBERS),
    ("POST", "/v1/feedback/analyze", FEEDBACK, PROTECTED, MEMBERS),
    ("POST", "/v1/summaries", SUMMARY, PROTECTED, MEMBERS),
    ("POST", "/v1/programs", {"name": "Another"}, PROTECTED, expect(403, admin=201)),
    (
        "POST",
        "/v1/pairs",
        {"program_id": "{program}"},
        PROTECTED,
        {**OWN_PROGRAM_MANAGERS, "coordinator": 201, "admin": 201},
    ),
    (
        "POST",
        "/v1/pairs/{pair}/sessions",
        {"date": "2025-11-20", "topic": "social media"},
        PROTECTED,
        {**OWN_PAIR, "mentor": 201, "mentee": 201},
    ),
    ("GET", "/v1/pairs/{pair}/sessions", None, PROTECTED, OWN_PAIR),
    ("GET", "/v1/sessions/{session}", None, PROTECTED, OWN_PAIR),
    ("PUT", "/v1/sessions/{session}/notes", {"notes": NOTES}, PROTECTED, OWN_PAIR),
    ("POST", "/v1/sessions/{session}/agenda", {"duration_minutes": 45}, PROTECTED, OWN_PAIR),
    ("POST", "/v1/sessions/{session}/summary", None, PROTECTED, OWN_PAIR),
    ("POST", "/v1/sessions/{session}/release", None, PROTECTED, OWN_PAIR),
    ("DELETE", "/v1/sessions/{session}/release", None, PROTECTED, OWN_PAIR),
    ("GET", "/v1/coordinator/summaries", None, PROTECTED, COORDINATORS),
    ("GET", "/v1/coordinator/insights", None, PROTECTED, COORDINATORS),
    ("GET", "/v1/admin/audit", None, PROTECTED, ADMINS),
    # An id that does not exist answers exactly like one the caller may not see.
    ("GET", "/v1/sessions/999999", None, PROTECTED, expect(404, **NOT_MEMBERS)),
    (
        "POST",
        "/v1/pairs/999999/sessions",
        {"date": "2025-11-20", "topic": "x y"},
        PROTECTED,
        expect(404, **NOT_MEMBERS),
    ),
]


def expected(kind: str, statuses: dict[str, int], caller: str, credential: str) -> int:
    """What a caller gets with a kind of credential: bad credentials are 401 where they count."""
    if caller == "anonymous" or credential in ("token", "session") or kind == OPEN:
        return statuses[caller]
    if kind == OPTIONAL and credential == "expired_session":
        return statuses["anonymous"]
    return 401


CASES = [
    pytest.param(
        method,
        path,
        body,
        caller,
        credential,
        expected(kind, statuses, caller, credential),
        id=f"{method} {path} as {caller} with {credential}",
    )
    for method, path, body, kind, statuses in TABLE
    for caller, status in statuses.items()
    for credential in (CREDENTIALS if caller != "anonymous" else ("none",))
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, db_backend: Backend) -> Iterator[World]:
    """One app for the whole table: program A's pair has a summarized session."""
    data_dir, url = tmp_path_factory.mktemp("authz"), db_backend.fresh_url()
    # The table signs in wrongly hundreds of times from one address; that is not an attack here.
    auth = {"address_failures": 10_000}
    with running_app(data_dir, FakeCoach(), auth=auth, database_url=url) as client:
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
        with client.app.state.sessions() as db:  # type: ignore[attr-defined]
            mentor = principal(db.get(User, world.users["mentor"]))  # type: ignore[arg-type]
            world.ids["spare_token"] = create_api_token(db, mentor, "spare", 30).info.id
            world.ids["invitation"] = invite(
                db,
                None,
                "invitee@example.org",
                "Invitee",
                "coordinator",
                program_id=world.ids["program"],
                mailer=OutboxMailer(data_dir / "outbox", "coach@localhost"),
                base_url="http://testserver",
            ).id
        yield world


def _fill(value: Any, ids: dict[str, int]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


def headers_for(world: World, caller: str, credential: str) -> dict[str, str]:
    """The headers a caller sends with one kind of credential."""
    if caller == "anonymous":
        return {}
    return {
        "token": lambda: world.as_(caller),
        "session": lambda: world.with_session(caller),
        "revoked_token": lambda: world.revoked_token(caller),
        "expired_session": lambda: world.with_session(caller, expired=True),
    }[credential]()


@pytest.mark.parametrize(("method", "path", "body", "caller", "credential", "status"), CASES)
def test_caller_gets_expected_status(
    seeded: World, method: str, path: str, body: Any, caller: str, credential: str, status: int
) -> None:
    url = path.format(**seeded.ids)
    headers = headers_for(seeded, caller, credential)
    response = seeded.client.request(method, url, json=_fill(body, seeded.ids), headers=headers)
    seeded.client.cookies.clear()  # no cookie a response set may stand in for the next caller
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"]
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def _route_key(path: str) -> str:
    """A table path in the router's spelling: {pair} -> {pair_id} and so on."""
    path = path.split("?")[0]
    for ours, theirs in (
        ("{pair}", "{pair_id}"),
        ("{session}", "{session_id}"),
        ("{spare_token}", "{token_id}"),
        ("{invitation}", "{invitation_id}"),
    ):
        path = path.replace(ours, theirs)
    passages = "/v1/knowledge/passages/"
    return passages + "{chunk_id}" if path.startswith(passages) else path


def test_table_covers_every_route(seeded: World) -> None:
    # The OpenAPI document walks included routers; app.routes no longer lists their APIRoutes.
    paths = seeded.client.app.openapi()["paths"]  # type: ignore[attr-defined]
    routes = {(method.upper(), path) for path, operations in paths.items() for method in operations}
    assert len(routes) > 30, routes
    covered = {(method, _route_key(path)) for method, path, _, _, _ in TABLE}
    # The routes the pages added have their own table, with their own fixtures.
    covered |= {(method, _route_key(path)) for method, path, _ in PAGES_TABLE}
    assert routes <= covered, routes - covered


STATE_CHANGING = [
    pytest.param(method, path, body, who, id=f"{method} {path} as {who}")
    for method, path, body, kind, statuses in TABLE
    if method != "GET" and kind == PROTECTED
    for who in [c for c, s in statuses.items() if s < 300][:1]
]


@pytest.mark.parametrize(("method", "path", "body", "who"), STATE_CHANGING)
@pytest.mark.parametrize("csrf", ["missing", "wrong"])
def test_session_changes_need_the_csrf_token(
    seeded: World, method: str, path: str, body: Any, who: str, csrf: str
) -> None:
    secret, token = seeded.session(who)
    headers = {"Cookie": f"coach_session={secret}"}
    if csrf == "wrong":
        headers["X-CSRF-Token"] = token[::-1]
    before = seeded.client.get("/v1/admin/audit?limit=1", headers=seeded.as_("admin")).json()
    response = seeded.client.request(
        method, path.format(**seeded.ids), json=_fill(body, seeded.ids), headers=headers
    )
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "X-CSRF-Token" in response.json()["detail"]
    after = seeded.client.get("/v1/admin/audit?limit=1", headers=seeded.as_("admin")).json()
    assert after == before  # nothing was done, so nothing was recorded


def test_csrf_token_may_come_as_a_form_field(seeded: World) -> None:
    secret, token = seeded.session("mentor")
    response = seeded.client.post(
        "/v1/auth/sign-out",
        data={"csrf_token": token},
        headers={"Cookie": f"coach_session={secret}"},
    )
    assert response.status_code == 204
    after = seeded.client.get("/v1/me", headers={"Cookie": f"coach_session={secret}"})
    assert after.status_code == 401 and "signed out" in after.json()["detail"]


def test_bad_credentials_say_what_to_do(seeded: World) -> None:
    client = seeded.client
    unknown = client.get("/v1/me", headers={"Authorization": "Bearer coach_nope"})
    assert "not recognised" in unknown.json()["detail"]
    revoked = client.get("/v1/me", headers=seeded.revoked_token("mentor"))
    assert "revoked" in revoked.json()["detail"] and "/v1/me/tokens" in revoked.json()["detail"]
    expired = client.get("/v1/me", headers=seeded.with_session("mentor", expired=True))
    assert "expired" in expired.json()["detail"] and "sign in" in expired.json()["detail"]
    nobody = client.get("/v1/me")
    assert "/v1/auth/sign-in" in nobody.json()["detail"]


def test_hidden_and_missing_ids_look_the_same(seeded: World) -> None:
    session = seeded.ids["session"]
    hidden = seeded.client.get(f"/v1/sessions/{session}", headers=seeded.as_("mentor_pair2"))
    missing = seeded.client.get("/v1/sessions/999999", headers=seeded.as_("mentor_pair2"))
    assert hidden.json()["title"] == missing.json()["title"] == "Not found"
    assert hidden.json()["detail"].replace(str(session), "N") == missing.json()["detail"].replace(
        "999999", "N"
    )
