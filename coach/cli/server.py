"""`coach serve`; `coach demo` and `coach users` live in accounts.py."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from coach.cli.accounts import database, demo, users
from coach.settings import get_settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (use PostgreSQL beyond 1).")
    ] = 1,
    skip_ingest: Annotated[
        bool, typer.Option("--skip-ingest", help="Do not bring the index up to date first.")
    ] = False,
) -> None:
    """Index what changed in knowledge/, migrate the database, and run the HTTP API."""
    import subprocess
    import sys

    import uvicorn

    settings = get_settings()
    # Ingestion and migrations run here, once, before any worker starts. Ingestion runs in a
    # child process: chromadb and the ingestion code would otherwise stay loaded in a
    # one-worker server for good (measured 64 MiB of RSS), which reads the index's snapshot.
    if not skip_ingest:
        code = "from coach.cli.server import ingest_once; ingest_once()"
        done = subprocess.run([sys.executable, "-c", code], check=False)
        if done.returncode:
            raise typer.Exit(done.returncode)
    database().close()
    typer.echo(f"database: {settings.db_url.split('@')[-1]} is up to date")
    if workers == 1:
        from api.app import create_app

        app = create_app(settings, migrate=False, freeze=True)
        uvicorn.run(app, host=host, port=port, log_config=log_config(), access_log=False)
        return
    _metrics_dir()
    uvicorn.run(
        "api.app:worker_app",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_config=log_config(),
        access_log=False,
    )


def ingest_once() -> None:
    """Bring the index up to date and say what changed (`coach serve` runs it in a child)."""
    from coach.errors import CoachError
    from coach.knowledge.ingest import ingest

    try:
        report = ingest(get_settings())
    except CoachError as exc:
        typer.secho(f"error: {exc.detail}", fg=typer.colors.RED, err=True)
        raise SystemExit(2) from None
    typer.echo(f"knowledge: {report.files} files, {report.chunks_embedded} chunks embedded")


def _metrics_dir() -> None:
    """Workers share metrics through files; an empty folder per start, unless one is set."""
    import os
    import tempfile

    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="coach-metrics-")


def log_config() -> dict[str, Any]:
    """JSON lines (coach.telemetry), with invitation and reset secrets cut out of logged paths."""
    from coach import telemetry

    config = telemetry.log_config()
    config.setdefault("filters", {})["secrets"] = {"()": "coach.accounts.redact.SecretPathFilter"}
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("secrets")
    return config


def register(app: typer.Typer) -> None:
    """Add the server, demo and user commands to the app."""
    app.command()(serve)
    app.command()(demo)
    app.add_typer(users, name="users")
