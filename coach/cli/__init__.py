"""The `coach` command line; heavy modules are imported inside commands so --help stays fast."""

from __future__ import annotations

import sys

import typer

from coach.cli import evals, generate, knowledge, ops, server
from coach.errors import CoachError

app = typer.Typer(
    name="coach",
    help="Coaching help for reverse mentoring programs: agendas, prompts, feedback, summaries.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
knowledge.register(app)
server.register(app)
generate.register(app)
evals.register(app)
ops.register(app)


def main() -> None:
    """Entry point: run the CLI, turning coach errors into one clear line and exit code 2."""
    try:
        app()
    except CoachError as exc:
        typer.secho(f"error: {exc.detail}", fg=typer.colors.RED, err=True)
        sys.exit(2)
