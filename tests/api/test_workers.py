"""Two workers on PostgreSQL and a Chroma server agree on sessions, releases and the audit log."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_helpers import NOTES_TEXT, Backend, bearer

from tests.conftest import KNOWLEDGE
from tests.servers import ChromaServer, coach_serve

BATCHES, SUMMARIZED = 5, 3
PASSWORD = "workers-demo-password"
KB_FILES = ["guidelines/giving-feedback.md", "topics/social-media.md"]


def _env(tmp_path: Path, url: str, chroma: ChromaServer) -> dict[str, str]:
    kb = tmp_path / "kb"
    for rel in KB_FILES:
        (kb / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(KNOWLEDGE / rel, kb / rel)
    return {
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_DATABASE_URL": url,
        "COACH_KNOWLEDGE_DIRS": json.dumps([str(kb)]),
        "COACH_CHROMA__HOST": chroma.host,
        "COACH_CHROMA__PORT": str(chroma.port),
        "COACH_CHROMA__COLLECTION": "workers",
    }


def _call(base: str, method: str, path: str, rid: str, token: str, body: Any = None) -> Any:
    """One request on a new connection, so the kernel may hand it to either worker."""
    headers = bearer(token) | {"X-Request-ID": rid}
    for _ in range(40):  # two workers may number a new session alike; the loser gets 409
        response = httpx.request(method, base + path, json=body, headers=headers, timeout=120)
        if response.status_code != 409 or method != "POST" or not path.endswith("/sessions"):
            break
    assert response.is_success, (path, response.status_code, response.text)
    return response.json()


def _access_log(log: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(x) for x in log.read_text().splitlines() if x.startswith("{")]
    return {x["request_id"]: x for x in lines if x["logger"] == "coach.access"}


def _pids(log: Path, *prefixes: str) -> set[int]:
    """The worker processes that answered the requests whose ids start so."""
    return {x["pid"] for rid, x in _access_log(log).items() if rid.startswith(prefixes)}


def test_two_workers_agree(
    tmp_path: Path, db_backend: Backend, database_url: str | None, chroma: ChromaServer
) -> None:
    if database_url is None:
        pytest.skip("several workers run on PostgreSQL")
    demo_env, log = _env(tmp_path, database_url, chroma), tmp_path / "serve.log"
    with coach_serve(demo_env, workers=2, log=log) as base, ThreadPoolExecutor(8) as pool:
        people = _demo(demo_env)
        mentor, mentee = people["mentor"], people["mentee"]

        def run(*calls: tuple[str, str, str, str, Any]) -> list[Any]:
            return list(pool.map(lambda c: _call(base, *c), calls))

        pair = f"/v1/pairs/{people['pair_id']}/sessions"
        body = {"date": "2025-11-20", "topic": "social media"}
        created: list[Any] = []
        for batch in range(BATCHES):  # until both workers have created sessions (the kernel picks)
            calls = [("POST", pair, f"create-{batch}-{i}", mentor, body) for i in range(8)]
            created += run(*calls)
            if len(_pids(log, "create-")) == 2:
                break
        ids = [s["id"] for s in created][:SUMMARIZED]
        notes = {"notes": NOTES_TEXT}
        run(*[("PUT", f"/v1/sessions/{s}/notes", f"n-{s}", mentor, notes) for s in ids])
        run(*[("POST", f"/v1/sessions/{s}/summary", f"s-{s}", mentee, None) for s in ids])
        run(
            *[
                ("POST", f"/v1/sessions/{s}/release", f"r-{s}-{who}", people[who], None)
                for s in ids
                for who in ("mentor", "mentee")
            ]
        )
        listings = run(*[("GET", pair, f"list-{i}", mentee, None) for i in range(8)])
        seen = _call(base, "GET", "/v1/coordinator/summaries", "coord", people["coordinator"])
        audit = _call(base, "GET", "/v1/admin/audit?limit=200", "audit", people["admin"])
        metrics = httpx.get(f"{base}/metrics", timeout=30).text
    sessions = len(created)
    assert sorted(s["number"] for s in created) == list(range(1, sessions + 1))
    assert all(x == listings[0] for x in listings) and len(listings[0]) == sessions
    assert sorted(s["session_id"] for s in seen["items"]) == sorted(ids)
    actions = Counter(e["action"] for e in audit)
    assert actions["session.create"] == sessions and actions["summary.release"] == 2 * SUMMARIZED
    visible = [
        e["session_id"]
        for e in audit
        if e["action"] == "summary.release" and e["detail"]["visible_to_coordinator"]
    ]
    assert sorted(visible) == sorted(ids)
    served = _access_log(log)
    assert len(_pids(log, "create-")) == 2, "both workers created sessions"
    assert len(_pids(log, "create-", "n-", "s-", "r-")) == 2
    text = log.read_text()
    assert text.count("knowledge: ") == 1 and text.count("is up to date") == 1
    for secret in (NOTES_TEXT, "schedule posts", "Maya", "Robert"):
        assert secret not in text
    counted = sum(
        float(line.rsplit(" ", 1)[1])
        for line in metrics.splitlines()
        if line.startswith("coach_http_requests_total{")
    )
    assert counted >= len(served) - 1  # every request either worker answered, summed


def _demo(env: dict[str, str]) -> dict[str, Any]:
    """`coach demo --json` against the same database, then an API token per role, and the pair."""
    import os
    import subprocess
    import sys

    from coach.accounts.tokens import create_api_token
    from coach.db.auth import principal
    from coach.db.engine import make_engine, session_factory
    from coach.db.models import User
    from coach.settings import load_settings
    from tests.servers import PROJECT_ROOT

    out = subprocess.run(
        [sys.executable, "-m", "coach", "demo", "--json"],
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "COACH_PASSWORD": PASSWORD, **env},
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
        timeout=300,
    ).stdout
    demo = json.loads(out)
    # Accounts sign in with a password; scripts use a personal token, made as /v1/me/tokens does.
    engine = make_engine(load_settings(database_url=env["COACH_DATABASE_URL"]))
    tokens: dict[str, Any] = {"pair_id": demo["pair_id"]}
    with session_factory(engine)() as db:
        for person in demo["users"]:
            user = principal(db.get_one(User, person["id"]))
            tokens[person["role"]] = create_api_token(db, user, "workers test", 1).secret
    engine.dispose()
    return tokens


def test_worker_app_warms_and_leaves_migrations_to_serve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from api.app import worker_app
    from coach.db.migrate import current_revision
    from coach.service import Coach
    from coach.settings import get_settings

    warmed: list[Coach] = []
    monkeypatch.setattr(Coach, "warm", lambda self: warmed.append(self))
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        app = worker_app()
        with TestClient(app):
            assert warmed == [app.state.coach]
            assert current_revision(app.state.engine) is None  # `coach serve` migrates, once
    finally:
        get_settings.cache_clear()
