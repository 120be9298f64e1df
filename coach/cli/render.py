"""Readable terminal output of generator results with rich."""

# Generated text is escaped before it meets rich markup: a slot such as "[what you observed]" or
# an owner "[mentor]" would otherwise be read as a style tag and vanish from the output.

from __future__ import annotations

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coach.models import Agenda, DiscussionPrompts, FeedbackRewrite, SessionSummary


def _meta_line(result: BaseModel) -> str:
    meta = result.meta  # type: ignore[attr-defined]
    degraded = " (degraded: provider unavailable)" if meta.degraded else ""
    return (
        f"[dim]engine {meta.engine}, model {meta.model}{degraded}, {meta.latency_ms:.0f} ms[/dim]"
    )


def _agenda(console: Console, a: Agenda) -> None:
    console.print(f"[bold]{escape(a.title)}[/bold]")
    for o in a.objectives:
        console.print(f"  • {escape(o)}")
    table = Table("min", "item", "lead", "notes")
    for item in a.items:
        table.add_row(str(item.minutes), escape(item.title), escape(item.lead), escape(item.notes))
    console.print(table)


def _prompts(console: Console, p: DiscussionPrompts) -> None:
    for i, q in enumerate(p.questions, 1):
        console.print(
            f"[bold]{i}. {escape(q.question)}[/bold]\n   why: {escape(q.purpose)}\n"
            f"   then: {escape(q.follow_up)}"
        )


def _feedback(console: Console, f: FeedbackRewrite) -> None:
    console.print(f"[bold]{escape(f.rewritten)}[/bold]")
    for issue in f.issues:
        console.print(
            f"  [yellow]{issue.category}[/yellow] {escape(repr(issue.span))}: "
            f"{escape(issue.suggestion)}"
        )


def _summary(console: Console, s: SessionSummary) -> None:
    console.print(f"[bold]Private[/bold]\n{escape(s.private.summary)}")
    for a in s.private.action_items:
        due = f" (due {a.due})" if a.due else ""
        console.print(escape(f"  • [{a.owner}] {a.text}{due}"))
    console.print(f"\n[bold]For coordinators[/bold]\n{escape(s.anonymized.summary)}")


def show(result: BaseModel) -> None:
    """Print a generator result for a person to read."""
    console = Console()
    renderers = {
        Agenda: _agenda,
        DiscussionPrompts: _prompts,
        FeedbackRewrite: _feedback,
        SessionSummary: _summary,
    }
    renderers[type(result)](console, result)  # type: ignore[operator]
    console.print(_meta_line(result))
