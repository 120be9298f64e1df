"""Alembic, run from code: the scripts ship in migrations/ and need no alembic.ini or env.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from coach.db.models import Base

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """An in-memory Alembic config pointing at the shipped scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Flat: the revisions sit next to script.py.mako, not in a versions/ folder.
    config.set_main_option("version_locations", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    return config


def script_directory() -> ScriptDirectory:
    """The migration scripts shipped inside the package."""
    return ScriptDirectory.from_config(alembic_config())


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to a revision, the newest by default; a no-op when it is there."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)

    def step(rev: Any, _context: Any) -> Any:
        return script._upgrade_revs(target, rev)

    with (
        engine.begin() as conn,
        EnvironmentContext(config, script, fn=step, destination_rev=target) as env,
    ):
        env.configure(
            connection=conn,
            target_metadata=Base.metadata,
            render_as_batch=conn.dialect.name == "sqlite",
        )
        with env.begin_transaction():
            env.run_migrations()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None before the first migration."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    """The newest revision shipped with this version of coach."""
    return script_directory().get_current_head()
