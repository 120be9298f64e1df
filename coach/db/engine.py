"""Engines and sessions: SQLite in the data directory by default (WAL), any SQLAlchemy URL else."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from coach.errors import ConfigError
from coach.settings import Settings


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets readers run while a writer commits; foreign keys are off in SQLite by default;
    # the busy timeout turns brief write contention into a wait instead of "database is locked".
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(settings: Settings) -> Engine:
    """An engine for the configured database; creates the data directory for SQLite."""
    try:
        url = make_url(settings.db_url)
    except Exception as exc:
        raise ConfigError(
            f"COACH_DATABASE_URL is not a database URL ({exc}); e.g. "
            "postgresql+psycopg://user:password@host/coach, or unset it for SQLite"
        ) from None
    service = settings.service
    pool: dict[str, Any] = {
        "pool_size": service.db_pool_size,
        "max_overflow": service.db_max_overflow,
        "pool_timeout": service.db_pool_timeout_s,
    }
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **pool)
    if url.database and url.database != ":memory:":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    else:
        pool = {}  # an in-memory database lives in one connection, not a pool
    # Handlers run in a thread pool, so one connection may serve several threads over time.
    engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (responses are built after it)."""
    return sessionmaker(engine, expire_on_commit=False)


def ping(engine: Engine) -> None:
    """Raise if the database does not answer."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
