"""`coach serve`; `coach demo` and `coach users` live in accounts.py."""

from __future__ import annotations

import copy
from typing import Annotated, Any

import typer

from coach.cli.accounts import database, demo, users
from coach.settings import get_settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    skip_ingest: Annotated[
        bool, typer.Option("--skip-ingest", help="Do not bring the index up to date first.")
    ] = False,
) -> None:
    """Index what changed in knowledge/, migrate the database, and run the HTTP API."""
    import uvicorn

    from api.app import create_app
    from coach.knowledge.ingest import ingest

    settings = get_settings()
    if not skip_ingest:
        report = ingest(settings)
        typer.echo(f"knowledge: {report.files} files, {report.chunks_embedded} chunks embedded")
    database().close()
    typer.echo(f"database: {settings.db_url.split('@')[-1]} is up to date")
    uvicorn.run(create_app(settings), host=host, port=port, log_config=log_config())


def log_config() -> dict[str, Any]:
    """Uvicorn's logging, with invitation and reset secrets cut out of logged paths."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["secrets"] = {"()": "coach.accounts.redact.SecretPathFilter"}
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("secrets")
    return config


def register(app: typer.Typer) -> None:
    """Add the server, demo and user commands to the app."""
    app.command()(serve)
    app.command()(demo)
    app.add_typer(users, name="users")
