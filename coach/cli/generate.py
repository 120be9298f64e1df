"""`coach agenda`, `coach prompts`, `coach rephrase` and `coach summarize`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coach.settings import get_settings

if TYPE_CHECKING:
    from pydantic import BaseModel

    from coach.service import Coach

JSON = Annotated[bool, typer.Option("--json", help="Print the result model as JSON.")]


def _coach() -> Coach:
    from coach.service import Coach

    return Coach(get_settings())


def _request(model: type[BaseModel], **fields: object) -> BaseModel:
    """Validate CLI input with the same model the API uses; errors name the option."""
    from pydantic import ValidationError

    from coach.errors import InvalidInput

    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        detail = "; ".join(
            f"--{'.'.join(str(p) for p in e['loc']).replace('_', '-')}: {e['msg']}"
            for e in exc.errors()
        )
        raise InvalidInput(detail) from None


def _print(result: BaseModel, as_json: bool) -> None:
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    from coach.cli.render import show

    show(result)


def agenda(
    topic: Annotated[str, typer.Option(help="What the session is about.")],
    duration: Annotated[int, typer.Option(help="Length in minutes (15-180).")],
    session: Annotated[int, typer.Option(help="Session number, from 1.")] = 1,
    goal: Annotated[list[str] | None, typer.Option(help="A goal; repeat for more.")] = None,
    previous: Annotated[
        Path | None, typer.Option(help="File with last session's summary.", exists=True)
    ] = None,
    as_json: JSON = False,
) -> None:
    """Prepare a time-boxed session agenda grounded in the knowledge base."""
    from coach.models import AgendaRequest

    request = _request(
        AgendaRequest,
        topic=topic,
        duration_minutes=duration,
        session_number=session,
        goals=goal or [],
        previous_summary=previous.read_text() if previous else None,
    )
    _print(_coach().agenda(request), as_json)  # type: ignore[arg-type]


def prompts(
    topic: Annotated[str, typer.Option(help="What to discuss.")],
    count: Annotated[int, typer.Option(help="How many questions (1-15).")] = 5,
    goal: Annotated[list[str] | None, typer.Option(help="A goal; repeat for more.")] = None,
    audience: Annotated[str, typer.Option(help="mentee, mentor or both.")] = "mentee",
    as_json: JSON = False,
) -> None:
    """Open discussion questions on a topic, each with purpose and follow-up."""
    from coach.models import PromptsRequest

    request = _request(
        PromptsRequest, topic=topic, count=count, goals=goal or [], audience=audience
    )
    _print(_coach().prompts(request), as_json)  # type: ignore[arg-type]


def rephrase(
    text: Annotated[str, typer.Argument(help="The feedback as you would say it now.")],
    direction: Annotated[
        str, typer.Option(help="mentor_to_mentee (upward) or mentee_to_mentor.")
    ] = "mentee_to_mentor",
    context: Annotated[str | None, typer.Option(help="Where or when it happened.")] = None,
    as_json: JSON = False,
) -> None:
    """Turn blunt or vague feedback into situation, behavior, impact and request."""
    from coach.models import FeedbackRequest

    request = _request(FeedbackRequest, text=text, direction=direction, context=context)
    _print(_coach().rewrite_feedback(request), as_json)  # type: ignore[arg-type]


def summarize(
    file: Annotated[Path, typer.Argument(help="Session notes (text or markdown).", exists=True)],
    mentor: Annotated[str, typer.Option(help="The mentor's name.")],
    mentee: Annotated[str, typer.Option(help="The mentee's name.")],
    other: Annotated[list[str] | None, typer.Option(help="Anyone else named.")] = None,
    session_date: Annotated[
        str | None,
        typer.Option(
            help="The session's date, YYYY-MM-DD; due dates count from it. Today if unset."
        ),
    ] = None,
    note_taker: Annotated[
        str | None, typer.Option(help="Who wrote the notes: mentor or mentee.")
    ] = None,
    goal: Annotated[
        list[str] | None, typer.Option(help="A goal of the pair; repeat for more.")
    ] = None,
    as_json: JSON = False,
) -> None:
    """Summarise session notes privately and anonymized for coordinators."""
    import datetime

    from coach.models import SummaryRequest

    request = _request(
        SummaryRequest,
        notes=file.read_text(),
        mentor_name=mentor,
        mentee_name=mentee,
        other_names=other or [],
        session_date=session_date or datetime.date.today().isoformat(),
        note_taker=note_taker,
        goals=goal or [],
    )
    _print(_coach().summarize(request), as_json)  # type: ignore[arg-type]


def register(app: typer.Typer) -> None:
    """Add the generator commands to the app."""
    for command in (agenda, prompts, rephrase, summarize):
        app.command()(command)
