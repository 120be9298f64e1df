"""Migrations build exactly the models' schema; SQLite runs in WAL; tokens are stored hashed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from coach.accounts.tokens import check_token, create_api_token
from coach.db.auth import add_user, principal
from coach.db.engine import make_engine, session_factory
from coach.db.migrate import current_revision, head_revision, upgrade
from coach.db.models import ApiToken, Base
from coach.db.programs import create_pair, create_program
from coach.errors import ConfigError, Conflict, InvalidInput, NotAuthenticated
from coach.settings import load_settings


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(load_settings(data_dir=tmp_path / "fresh"))
    upgrade(engine)
    yield engine
    engine.dispose()


def test_migrations_match_models_and_are_idempotent(engine) -> None:  # type: ignore[no-untyped-def]
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_sqlite_is_in_wal_mode_with_foreign_keys(engine) -> None:  # type: ignore[no-untyped-def]
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_bad_database_url_says_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="COACH_DATABASE_URL"):
        make_engine(load_settings(data_dir=tmp_path, database_url="not a url"))


def test_tokens_are_stored_as_sha256_only(engine) -> None:  # type: ignore[no-untyped-def]
    with session_factory(engine)() as db:
        user = add_user(db, "admin", "Ada", email="ada@example.org")
        new = create_api_token(db, principal(user), "script", 30)
        stored = db.scalar(select(ApiToken.secret_hash).where(ApiToken.id == new.info.id))
        assert stored == hashlib.sha256(new.secret.encode()).hexdigest()
        assert new.secret.startswith("coach_") and len(new.secret) > 40
        assert new.secret not in str(db.execute(select(ApiToken.__table__)).all())
        assert check_token(db, new.secret).id == user.id
        with pytest.raises(NotAuthenticated, match="not recognised"):
            check_token(db, new.secret + "x")


@pytest.mark.parametrize(
    ("role", "where", "error"),
    [
        ("mentor", {}, InvalidInput),
        ("mentor", {"pair_id": "pair"}, Conflict),
        ("coordinator", {}, InvalidInput),
        ("coordinator", {"pair_id": "pair"}, InvalidInput),
        ("admin", {"program_id": "program"}, InvalidInput),
        ("boss", {}, InvalidInput),
    ],
)
def test_user_placement_rules(engine, role: str, where: dict, error: type) -> None:  # type: ignore[no-untyped-def]
    with session_factory(engine)() as db:
        program = create_program(db, None, "P")
        pair = create_pair(db, None, program.id)
        add_user(db, "mentor", "M", pair_id=pair.id)
        ids = {"pair": pair.id, "program": program.id}
        with pytest.raises(error):
            add_user(db, role, "X", **{k: ids[v] for k, v in where.items()})
