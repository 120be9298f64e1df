"""An agenda as Markdown and as an iCalendar event; and the running total of edited minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from api.schemas import SessionOut

# A session has a date but no time of day; the calendar event starts at this local time.
DEFAULT_START = time(10, 0)


@dataclass(frozen=True)
class Total:
    """The minutes typed so far against the session's length."""

    total: int
    exact: bool
    message: str


def total_status(minutes: list[str], duration: int) -> Total:
    """The sum of the minutes typed so far and whether it is exactly the session's length."""
    numbers = [int(m) for m in minutes if m.strip().isdigit()]
    total = sum(numbers)
    exact = total == duration and len(numbers) == len(minutes)
    if exact:
        message = f"The items add up to exactly {duration} minutes."
    elif len(numbers) < len(minutes):
        message = "Every item needs its minutes as a whole number."
    else:
        diff = total - duration
        message = (
            f"The items add up to {total} minutes: {abs(diff)} "
            f"{'over' if diff > 0 else 'short of'} the {duration}-minute session."
        )
    return Total(total, exact, message)


def _lines(s: SessionOut) -> list[str]:
    assert s.agenda is not None
    out = [
        f"# {s.agenda.title}",
        "",
        f"Session {s.number}: {s.topic}, {s.date.isoformat()}, {s.duration_minutes} minutes",
        "",
        "## Objectives",
        "",
    ]
    out += [f"- {o}" for o in s.agenda.objectives]
    out += ["", "## Agenda", ""]
    for item in s.agenda.items:
        out.append(f"- **{item.minutes} min · {item.title}** (lead: {item.lead})")
        if item.notes:
            out.append(f"  {item.notes}")
        if item.sources:
            out.append("  Sources: " + ", ".join(item.sources))
    for title, entries in (
        ("Preparation", s.agenda.preparation),
        ("Follow-up", s.agenda.follow_up),
    ):
        if entries:
            out += ["", f"## {title}", "", *[f"- {e}" for e in entries]]
    engine = s.agenda.meta
    made_by = "the offline engine" if engine.engine == "offline" else f"the model {engine.model}"
    out += ["", f"_Written by {made_by}{' (degraded)' if engine.degraded else ''}._", ""]
    return out


def agenda_markdown(s: SessionOut) -> str:
    """The agenda as a Markdown document."""
    return "\n".join(_lines(s))


def agenda_ics(s: SessionOut, url: str) -> bytes:
    """One VEVENT at the session's date and length, the agenda in its description."""
    assert s.agenda is not None
    start = datetime.combine(s.date, DEFAULT_START)
    event = Event()
    event.add("uid", f"coach-session-{s.id}@coach")
    event.add("dtstamp", s.updated_at)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=s.duration_minutes))
    event.add("summary", f"Mentoring session {s.number}: {s.topic}")
    event.add("description", "\n".join(_lines(s)))
    event.add("url", url)
    calendar = Calendar()
    calendar.add("prodid", "-//coach//reverse mentoring//EN")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    return calendar.to_ical()
