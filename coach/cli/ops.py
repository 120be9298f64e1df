"""`coach backup`, `coach restore` and `coach retention`: what a deployment runs besides serve."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from coach.errors import ConfigError
from coach.settings import get_settings


def backup(
    target: Annotated[Path, typer.Argument(help="Archive to write, e.g. coach-2026-12-01.tar.gz")],
) -> None:
    """Write the database and the knowledge index to one .tar.gz archive."""
    from coach.backup import backup as write
    from coach.db.engine import make_engine
    from coach.db.migrate import upgrade

    settings = get_settings()
    engine = make_engine(settings)
    upgrade(engine)
    manifest = write(settings, engine, target)
    engine.dispose()
    typer.echo(json.dumps({"archive": str(target), **manifest}, indent=2))


def restore(
    source: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A backup archive.")],
) -> None:
    """Load a backup into an empty database and replace the index with its records."""
    from coach.backup import restore as load
    from coach.db.engine import make_engine

    settings = get_settings()
    engine = make_engine(settings)
    manifest = load(settings, engine, source)
    engine.dispose()
    typer.echo(f"restored {sum(manifest['rows'].values())} rows and {manifest['chunks']} chunks")


def retention(
    days: Annotated[
        int | None, typer.Option(min=1, help="Override COACH_RETENTION_NOTES_DAYS.")
    ] = None,
) -> None:
    """Delete notes and private summaries older than the retention period (run it daily)."""
    from coach.db.engine import make_engine, session_factory
    from coach.db.migrate import upgrade
    from coach.db.retention import purge_notes

    settings = get_settings()
    days = days or settings.retention_notes_days
    if days is None:
        raise ConfigError("no retention period: set COACH_RETENTION_NOTES_DAYS or pass --days")
    engine = make_engine(settings)
    upgrade(engine)
    with session_factory(engine)() as db:
        purged = purge_notes(db, days)
    engine.dispose()
    typer.echo(f"retention: cleared notes of {purged} sessions older than {days} days")


def register(app: typer.Typer) -> None:
    """Add the operations commands to the app."""
    for command in (backup, restore, retention):
        app.command()(command)
