"""The next session as the notes arrange it: its date, and no action item for booking it."""

from __future__ import annotations

import pytest

from coach.models import SummaryRequest
from coach.offline.meetings import arranges_meeting, next_meeting
from tests.offline.test_summary import compose_summary


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("We'll meet again on 15 December.", "2026-12-15"),
        ("Our next session is on the 15th, same room.", "2026-12-15"),
        ("See you on Wednesday 9th!", "2026-12-09"),
        ("Next session: 2027-01-12", "2027-01-12"),
        ("Next catch-up booked for the 14th at 3pm.", "2026-12-14"),
        ("We next meet in a fortnight.", "2026-12-15"),
        ("Sally and I will meet up again next Wednesday.", "2026-12-09"),
        # A deadline that needs the date, a past meeting, or no date at all: nothing booked.
        ("Sally will tidy the sheet before our next session.", None),
        ("We met on the 20th of November with her manager.", None),
        ("We meet again in the new year.", None),
        # Someone else's meeting is no booking of the pair's; the pair "meeting next" is.
        ("Sally presents the figures at her board meeting next Wednesday.", None),
        ("We're meeting next Wednesday in the café.", "2026-12-09"),
        # A week named books the meeting from its Monday (a deadline then is the Friday).
        ("Next catch-up is the week after next.", "2026-12-14"),
        ("Following session: the week after next, same time.", "2026-12-14"),
        ("Sally presents to the board the week after next.", None),
    ],
)
def test_the_next_meeting_is_read_from_the_notes(text: str, date: str | None) -> None:
    assert next_meeting(text, "2026-12-01") == date  # a Tuesday


@pytest.mark.parametrize(
    ("text", "booking"),
    [
        ("Both will meet again by 2026-12-15.", True),
        ("We agreed to meet again in two weeks.", True),
        ("See you on the 9th!", True),
        ("Our next session is on the 15th.", True),
        # A purpose, an object or a second verb is work done at the meeting.
        ("We'll meet again on the 15th to go through the draft.", False),
        ("Omar will meet his manager again next week.", False),
        ("We will review the draft at the next session.", False),
        ("Our next session will look at pivot tables.", False),
    ],
)
def test_a_clause_that_only_books_the_next_meeting_is_told_apart(text: str, booking: bool) -> None:
    assert arranges_meeting(text) is booking


def _gerald(notes: str, **fields: object) -> SummaryRequest:
    return SummaryRequest(
        notes=notes,
        mentor_name="Priya Shah",
        mentee_name="Gerald Hughes",
        session_date="2026-12-01",
        note_taker="mentor",
        **fields,  # type: ignore[arg-type]
    )


def test_before_our_next_session_takes_the_date_the_notes_arrange() -> None:
    notes = (
        "We set up a channel for the weekly status report.\n"
        "Gerald will try posting the report in the channel before our next session.\n"
        "We'll meet again on 15 December."
    )
    private = compose_summary(_gerald(notes), []).private
    assert [(a.owner, a.due) for a in private.action_items] == [("mentee", "2026-12-15")]
    assert "Next session: 2026-12-15." in private.summary
    assert "meet again" not in private.summary
    assert private.next_time == ["Next session: 2026-12-15."]


def test_a_booked_next_session_outranks_the_notes() -> None:
    notes = (
        "We set up a channel for the weekly status report.\n"
        "Next steps:\n"
        "- Gerald will try posting the report in the channel before our next session.\n"
        "- Both will meet again on 15 December."
    )
    request = _gerald(notes, next_session_date="2026-12-17")
    private = compose_summary(request, []).private
    assert [(a.owner, a.due) for a in private.action_items] == [("mentee", "2026-12-17")]
    assert "Next session: 2026-12-17." in private.summary


def test_a_meeting_without_a_date_is_said_as_next_time_not_as_an_action() -> None:
    notes = "We compared two ways to file the meeting notes.\nWe meet again in the new year."
    private = compose_summary(_gerald(notes), []).private
    assert private.action_items == []
    assert private.next_time == ["They meet again in the new year."]


def test_a_session_planned_for_next_time_is_still_the_pairs_to_do() -> None:
    notes = "Actions:\nGerald - rename the channel\nBoth - budgeting session next time\n"
    owners = [a.owner for a in compose_summary(_gerald(notes), []).private.action_items]
    assert owners == ["mentee", "both"]
