"""Readable terminal output of generator results with rich."""

from __future__ import annotations

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from coach.models import Agenda, DiscussionPrompts, FeedbackRewrite, SessionSummary


def _meta_line(result: BaseModel) -> str:
    meta = result.meta  # type: ignore[attr-defined]
    degraded = " (degraded: provider unavailable)" if meta.degraded else ""
    return (
        f"[dim]engine {meta.engine}, model {meta.model}{degraded}, {meta.latency_ms:.0f} ms[/dim]"
    )


def _agenda(console: Console, a: Agenda) -> None:
    console.print(f"[bold]{a.title}[/bold]")
    for o in a.objectives:
        console.print(f"  • {o}")
    table = Table("min", "item", "lead", "notes")
    for item in a.items:
        table.add_row(str(item.minutes), item.title, item.lead, item.notes)
    console.print(table)


def _prompts(console: Console, p: DiscussionPrompts) -> None:
    for i, q in enumerate(p.questions, 1):
        console.print(
            f"[bold]{i}. {q.question}[/bold]\n   why: {q.purpose}\n   then: {q.follow_up}"
        )


def _feedback(console: Console, f: FeedbackRewrite) -> None:
    console.print(f"[bold]{f.rewritten}[/bold]")
    for issue in f.issues:
        console.print(f"  [yellow]{issue.category}[/yellow] {issue.span!r}: {issue.suggestion}")


def _summary(console: Console, s: SessionSummary) -> None:
    console.print(f"[bold]Private[/bold]\n{s.private.summary}")
    for a in s.private.action_items:
        console.print(f"  • [{a.owner}] {a.text}" + (f" (due {a.due})" if a.due else ""))
    console.print(f"\n[bold]For coordinators[/bold]\n{s.anonymized.summary}")


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
