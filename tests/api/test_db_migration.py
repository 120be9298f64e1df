"""Upgrading a database made before accounts keeps its users, pairs, sessions and summaries."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from api_helpers import FakeCoach, bearer, running_app
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from coach.accounts.tokens import create_api_token
from coach.db.auth import add_user, principal
from coach.db.engine import make_engine
from coach.db.migrate import current_revision, upgrade
from coach.db.models import Base
from coach.settings import load_settings

OLD_TOKENS = {"mentor": "coach_old-mentor-token", "mentee": "coach_old-mentee-token"}
PRIVATE = '{"summary": "The mentor and the mentee met."}'
ANONYMIZED = (
    '{"summary": "The mentor and the mentee met.", "topics": ["ai"], "challenges": [],'
    ' "action_item_count": 0}'
)


def _database_at_0001(data_dir: Path) -> None:
    """A database as the previous release left it: a program, a pair, members, a session."""
    engine = make_engine(load_settings(data_dir=data_dir))
    upgrade(engine, "0001")
    now = datetime(2025, 11, 20, tzinfo=UTC).isoformat()
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO programs (id, name, created_at) VALUES (1, 'P', :t)"), {"t": now}
        )
        conn.execute(
            text("INSERT INTO pairs (id, program_id, created_at) VALUES (1, 1, :t)"), {"t": now}
        )
        for user_id, (role, token) in enumerate(OLD_TOKENS.items(), start=1):
            conn.execute(
                text(
                    "INSERT INTO users (id, name, role, token_hash, program_id, pair_id,"
                    " created_at) VALUES (:id, :name, :role, :hash, 1, 1, :t)"
                ),
                {
                    "id": user_id,
                    "name": f"Old {role}",
                    "role": role,
                    "hash": hashlib.sha256(token.encode()).hexdigest(),
                    "t": now,
                },
            )
        conn.execute(
            text(
                "INSERT INTO sessions (id, pair_id, number, date, topic, duration_minutes, notes,"
                " private_summary, anonymized_summary, mentor_released_at, mentee_released_at,"
                " created_at, updated_at) VALUES (1, 1, 1, '2025-11-20', 'ai', 60, 'old notes',"
                " :p, :a, :t, :t, :t, :t)"
            ),
            {"p": PRIVATE, "a": ANONYMIZED, "t": now},
        )
        if conn.dialect.name == "postgresql":  # explicit ids leave the id sequences at 1
            for table in ("programs", "pairs", "users", "sessions"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                        f" (SELECT MAX(id) FROM {table}))"
                    )
                )
    assert current_revision(engine) == "0001"
    engine.dispose()


def test_upgrade_from_0001_keeps_people_pairs_sessions_and_summaries(tmp_path: Path) -> None:
    _database_at_0001(tmp_path)
    with running_app(tmp_path, FakeCoach()) as client:  # the app upgrades on start
        engine = client.app.state.engine  # type: ignore[attr-defined]
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        mentor = bearer(OLD_TOKENS["mentor"])
        me = client.get("/v1/me", headers=mentor).json()
        assert (me["name"], me["role"], me["pair_id"], me["email"]) == (
            "Old mentor",
            "mentor",
            1,
            None,
        )
        session = client.get("/v1/sessions/1", headers=mentor).json()
        assert session["notes"] == "old notes"
        assert session["private_summary"]["summary"] == "The mentor and the mentee met."
        tokens = client.get("/v1/me/tokens", headers=mentor).json()
        assert [t["name"] for t in tokens] == ["token from before accounts"]
        assert client.get("/v1/me", headers=bearer(OLD_TOKENS["mentee"])).json()["role"] == "mentee"
        assert client.get("/v1/me", headers=bearer("coach_never-existed")).status_code == 401
        released = client.get("/v1/coordinator/summaries", headers=_coordinator(client))
        assert [s["summary"]["topics"] for s in released.json()["items"]] == [["ai"]]
        columns = {column["name"] for column in inspect(engine).get_columns("users")}
        assert "token_hash" not in columns and {"email", "password_hash"} <= columns


def _coordinator(client: TestClient) -> dict[str, str]:
    """A coordinator added to the upgraded program, with a token of theirs."""
    with client.app.state.sessions() as db:  # type: ignore[attr-defined]
        user = add_user(db, "coordinator", "C", email="c@example.org", program_id=1)
        return bearer(create_api_token(db, principal(user), "t", 1).secret)
