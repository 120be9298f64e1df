"""`coach serve`, `coach users create` and `coach demo`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coach.settings import get_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

users = typer.Typer(help="Users and their bearer tokens.", no_args_is_help=True)

DEMO_PEOPLE = (
    ("coordinator", "Cora Diaz"),
    ("admin", "Ada Admin"),
)


def _database() -> Session:
    """A session on the configured database, migrated to the newest schema."""
    from coach.db.engine import make_engine, session_factory
    from coach.db.migrate import upgrade

    engine = make_engine(get_settings())
    upgrade(engine)
    return session_factory(engine)()


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
    import uvicorn

    from coach.knowledge.ingest import ingest
    from coach.telemetry import log_config

    settings = get_settings()
    # Ingestion and migrations run here, once, before any worker starts.
    if not skip_ingest:
        report = ingest(settings)
        typer.echo(f"knowledge: {report.files} files, {report.chunks_embedded} chunks embedded")
    _database().close()
    typer.echo(f"database: {settings.db_url.split('@')[-1]} is up to date")
    if workers == 1:
        from api.app import create_app

        app = create_app(settings, migrate=False, warm=True)
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


def _metrics_dir() -> None:
    """Workers share metrics through files; an empty folder per start, unless one is set."""
    import os
    import tempfile

    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="coach-metrics-")


@users.command("create")
def create_user(
    role: Annotated[str, typer.Option(help="mentor, mentee, coordinator or admin.")],
    name: Annotated[str, typer.Option(help="The person's name.")],
    pair: Annotated[int | None, typer.Option(help="Pair id (mentors and mentees).")] = None,
    program: Annotated[int | None, typer.Option(help="Program id (coordinators).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a user and print their bearer token; it is shown only this once."""
    from coach.db import audit
    from coach.db.auth import add_user

    with _database() as db:
        user, token = add_user(db, role, name, pair_id=pair, program_id=program)
        audit.record(db, None, "user.create", program_id=user.program_id, pair_id=user.pair_id)
        db.commit()
        found = _user_json(user, token)
    if as_json:
        typer.echo(json.dumps(found, indent=2))
        return
    typer.echo(f"{found['role']} {found['name']} (id {found['id']})")
    typer.echo(f"token (shown once): {token}")


def _user_json(user: Any, token: str) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role,
        "program_id": user.program_id,
        "pair_id": user.pair_id,
        "token": token,
    }


def demo(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a demo program with a pair, a coordinator and an admin; print their tokens."""
    from coach.db import audit
    from coach.db.auth import add_user
    from coach.db.programs import create_pair, create_program

    with _database() as db:
        program = create_program(db, None, "Demo program")
        pair = create_pair(db, None, program.id, "Maya Chen", "Robert Miller")
        people = [
            {**vars(m), "program_id": program.id, "pair_id": pair.id}
            for m in (pair.mentor, pair.mentee)
        ]
        for role, name in DEMO_PEOPLE:
            user, token = add_user(
                db, role, name, program_id=program.id if role != "admin" else None
            )
            audit.record(db, None, "user.create", program_id=user.program_id)
            people.append(_user_json(user, token))
        db.commit()
    if as_json:
        typer.echo(
            json.dumps({"program_id": program.id, "pair_id": pair.id, "users": people}, indent=2)
        )
        return
    typer.echo(f"# program {program.id}, pair {pair.id}; tokens are shown only this once.")
    typer.echo('# Paste into your shell, then: curl -H "Authorization: Bearer $MENTOR_TOKEN" ...')
    typer.echo(f"export PAIR={pair.id}")
    for person in people:
        variable = f"{person['role'].upper()}_TOKEN={person['token']}"
        typer.echo(f"export {variable}  # {person['name']}, user {person['id']}")


def register(app: typer.Typer) -> None:
    """Add the server and user commands to the app."""
    app.command()(serve)
    app.command()(demo)
    app.add_typer(users, name="users")
