"""`coach users ...` and `coach demo`: accounts whose passwords the operator types, never prints."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coach.errors import InvalidInput
from coach.settings import get_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

users = typer.Typer(help="People's accounts: create, invite, list, reset, deactivate.")
PASSWORD_ENV = "COACH_PASSWORD"
DEMO_PEOPLE = (
    ("mentor", "Maya Chen", "maya.chen@example.org"),
    ("mentee", "Robert Miller", "robert.miller@example.org"),
    ("coordinator", "Cora Diaz", "cora.diaz@example.org"),
    ("admin", "Ada Admin", "ada.admin@example.org"),
)
PasswordFile = Annotated[
    Path | None,
    typer.Option(
        "--password-file",
        exists=True,
        dir_okay=False,
        help=f"Read the password from this file's first line (or set {PASSWORD_ENV}).",
    ),
]


def database() -> Session:
    """A session on the configured database, migrated to the newest schema."""
    from coach.db.engine import make_engine, session_factory
    from coach.db.migrate import upgrade

    engine = make_engine(get_settings())
    upgrade(engine)
    return session_factory(engine)()


def read_password(password_file: Path | None) -> str:
    """The password from a file, the environment, or typed at the terminal (hidden, twice)."""
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"no password given: type it at a terminal, pass --password-file, or set {PASSWORD_ENV}"
        )
    # On stderr, so `eval "$(coach demo)"` shows the prompt instead of evaluating it.
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    return password


def _user_json(user: Any) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "program_id": user.program_id,
        "pair_id": user.pair_id,
        "active": user.active,
    }


@users.command("create")
def create_user(
    role: Annotated[str, typer.Option(help="mentor, mentee, coordinator or admin.")],
    email: Annotated[str, typer.Option(help="The person's email; they sign in with it.")],
    name: Annotated[str, typer.Option(help="The person's display name.")],
    pair: Annotated[int | None, typer.Option(help="Pair id (mentors and mentees).")] = None,
    program: Annotated[int | None, typer.Option(help="Program id (coordinators).")] = None,
    password_file: PasswordFile = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create an account with a password you type (e.g. the first admin); prints no secret."""
    from coach.accounts.passwords import hash_password
    from coach.db import audit
    from coach.db.auth import add_user, normalize_email

    password = read_password(password_file)
    with database() as db:
        password_hash = hash_password(password, normalize_email(email))
        user = add_user(
            db,
            role,
            name,
            email=email,
            password_hash=password_hash,
            pair_id=pair,
            program_id=program,
        )
        audit.record(db, None, "user.create", program_id=user.program_id, pair_id=user.pair_id)
        db.commit()
        found = _user_json(user)
    if as_json:
        typer.echo(json.dumps(found, indent=2))
        return
    typer.echo(f"{found['role']} {found['name']} <{found['email']}> (user {found['id']})")


@users.command("invite")
def invite_user(
    role: Annotated[str, typer.Option(help="mentor, mentee, coordinator or admin.")],
    email: Annotated[str, typer.Option(help="Where the invitation goes.")],
    name: Annotated[str, typer.Option(help="The person's display name.")],
    pair: Annotated[int | None, typer.Option(help="Pair id (mentors and mentees).")] = None,
    program: Annotated[int | None, typer.Option(help="Program id (coordinators).")] = None,
) -> None:
    """Email an invitation; its link goes to the invitee only and is not shown here."""
    from coach.accounts.invitations import invite
    from coach.accounts.mail import mailer_for

    settings = get_settings()
    with database() as db:
        found = invite(
            db,
            None,
            email,
            name,
            role,
            program_id=program,
            pair_id=pair,
            mailer=mailer_for(settings),
            base_url=settings.auth.base_url,
            policy=settings.auth,
        )
    typer.echo(f"invitation {found.id} emailed to {found.email}; it expires {found.expires_at:%c}")
    if not settings.smtp.host:
        typer.echo(f"(no SMTP server is set: the email is a file in {settings.outbox_dir})")


@users.command("list")
def list_users(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every account: id, email, role, program, pair, and whether it is active."""
    from sqlalchemy import select

    from coach.db.models import User

    with database() as db:
        found = [_user_json(u) for u in db.scalars(select(User).order_by(User.id))]
    if as_json:
        typer.echo(json.dumps(found, indent=2))
        return
    for u in found:
        where = f"pair {u['pair_id']}" if u["pair_id"] else f"program {u['program_id'] or '-'}"
        state = "" if u["active"] else "  (deactivated)"
        typer.echo(f"{u['id']:>4}  {u['role']:<11} {u['email'] or '-':<32} {where}{state}")


@users.command("reset")
def send_reset(email: Annotated[str, typer.Option(help="The account's email.")]) -> None:
    """Email a password reset link to the account (it also lifts a lockout)."""
    from coach.accounts.mail import mailer_for
    from coach.accounts.resets import request_password_reset

    settings = get_settings()
    with database() as db:
        request_password_reset(
            db, email, mailer_for(settings), settings.auth.base_url, settings.auth
        )
    typer.echo(f"if {email} has an active account, a reset link was emailed to it")


@users.command("deactivate")
def deactivate(email: Annotated[str, typer.Option(help="The account's email.")]) -> None:
    """Deactivate an account: its sessions end and its tokens stop working at once."""
    from coach.accounts.admin import deactivate_user

    with database() as db:
        deactivate_user(db, email)
    typer.echo(f"{email} is deactivated")


@users.command("set-email")
def set_email(
    user_id: Annotated[int, typer.Option("--id", help="The account's id (see coach users list).")],
    email: Annotated[str, typer.Option(help="The address to sign in with.")],
) -> None:
    """Give an account from before accounts had emails its address; then send it a reset."""
    from coach.accounts.admin import set_user_email

    with database() as db:
        set_user_email(db, user_id, email)
    typer.echo(f"user {user_id} signs in as {email} once it sets a password (coach users reset)")


def demo(
    password_file: PasswordFile = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create a demo program, a pair and one account per role, all with the password you type."""
    from coach.accounts.passwords import hash_password
    from coach.db import audit
    from coach.db.auth import add_user
    from coach.db.programs import create_pair, create_program

    password = read_password(password_file)
    people = []
    with database() as db:
        password_hash = hash_password(password)
        program = create_program(db, None, "Demo program")
        pair = create_pair(db, None, program.id)
        for role, name, email in DEMO_PEOPLE:
            user = add_user(
                db,
                role,
                name,
                email=email,
                password_hash=password_hash,
                pair_id=pair.id if role in ("mentor", "mentee") else None,
                program_id=program.id if role == "coordinator" else None,
            )
            audit.record(db, None, "user.create", program_id=user.program_id, pair_id=user.pair_id)
            people.append(_user_json(user))
        db.commit()
    if as_json:
        typer.echo(
            json.dumps({"program_id": program.id, "pair_id": pair.id, "users": people}, indent=2)
        )
        return
    typer.echo(f"# program {program.id}, pair {pair.id}; every account has the password you typed.")
    typer.echo(f"export PROGRAM={program.id} PAIR={pair.id}")
    for person in people:
        typer.echo(f"export {person['role'].upper()}_EMAIL={person['email']}  # {person['name']}")
