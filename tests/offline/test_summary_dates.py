"""Due dates: deadlines as written, resolved against the session date, and the parse checks."""

from __future__ import annotations

import pytest

from coach.offline.dates import date_order, find_due, resolve_due
from coach.offline.parse import read_clause


@pytest.mark.parametrize(
    ("session", "text", "due"),
    [
        ("2025-11-18", "check the figures by end of month", "2025-11-30"),  # a Tuesday
        ("2025-11-18", "a screenshot guide by Friday 21st", "2025-11-21"),
        ("2026-06-16", "set up row level security by 26 June", "2026-06-26"),
        ("2026-06-16", "ask HR, by this Friday", "2026-06-19"),
        ("2025-08-12", "send the list tomorrow", "2025-08-13"),
        ("2026-06-30", "delete the photo tonight", "2026-06-30"),
        ("2026-04-15", "rebuild the chart by the 20th", "2026-04-20"),
        ("2025-10-09", "book a session by end of October", "2025-10-31"),
        ("2026-03-26", "check in with Mark in two weeks", "2026-04-09"),
        ("2025-12-16", "set up the environment by 9 January", "2026-01-09"),
        ("2026-01-13", "rotate the meeting time from next month", None),
        ("2026-01-13", "review it before our next session", None),
        # A weekday "next week" is that day in the Monday-to-Sunday week after the session's.
        ("2026-11-30", "send the deck by Weds next week", "2026-12-09"),  # a Monday
        ("2026-12-03", "book the room for Monday next week", "2026-12-07"),  # a Thursday
        ("2026-11-30", "finish the draft by the end of next week", "2026-12-11"),
        ("2026-11-30", "try it in a fortnight", "2026-12-14"),
        ("2026-11-30", "review it before our next session on 2026-12-16", "2026-12-16"),
        # Months after this one, the middle of a month, weekdays cut short, "this week".
        ("2026-12-05", "migrate the files by the end of next month", "2027-01-31"),
        ("2026-03-04", "publish the guide by mid-May", "2026-05-15"),
        ("2026-03-04", "share the recording by Thurs", "2026-03-05"),  # a Wednesday
        ("2026-03-04", "book a slot by Tues", "2026-03-10"),
        ("2026-03-02", "finish the survey later this week", "2026-03-06"),  # a Monday
        # "next Friday" is Friday of the week after the session's; "this Friday" the coming one.
        ("2027-02-09", "circulate the minutes by next Friday", "2027-02-19"),  # a Tuesday
        ("2027-02-09", "circulate the minutes by this Friday", "2027-02-12"),
        ("2027-02-09", "order the cables by Thursday week", "2027-02-18"),
        ("2027-02-09", "tidy the backlog by the week after next", "2027-02-26"),
        # End-of-day phrases, and the day they name.
        ("2027-02-09", "push the fix by EOD tomorrow", "2027-02-10"),
        ("2027-02-09", "sign off the budget by close of play Thursday", "2027-02-11"),
        ("2027-02-09", "reply to the vendor by COB", "2027-02-09"),
        ("2027-02-09", "ring the supplier first thing Monday", "2027-02-15"),
        ("2027-02-09", "ring the supplier first thing on Monday", "2027-02-15"),
        # Spans said other ways; dateparser alone reads "from today" as in the past.
        ("2027-02-09", "test the new rota two weeks from today", "2027-02-23"),
        ("2027-02-09", "trial the kiosk within 48 hours", "2027-02-11"),
        ("2027-02-09", "repaint the sign in a couple of weeks", "2027-02-23"),
        # A day named with no "by" still dates the action; "by" wins over "Friday's".
        ("2027-02-09", "Rhys to upload the photos Friday", "2027-02-12"),
        ("2027-02-09", "label the jars by Monday, not in Friday's stock take", "2027-02-15"),
        ("2027-02-09", "water the seedlings this afternoon", "2027-02-09"),
        ("2027-02-09", "print the flyers 3rd March", "2027-03-03"),
        # A "by" deadline outranks a time named before it; "for Friday" does not outrank.
        ("2027-02-09", "next week Ola will send the draft by Thursday", "2027-02-11"),
        ("2027-02-09", "tomorrow Ola preps the slides for Friday", "2027-02-10"),
        # "Friday mornings" is a habit, not a date.
        ("2027-02-09", "Ola will try quiet Friday mornings for a month", None),
        # The next fortnight, month and quarter ends.
        ("2026-12-01", "trial the form within the next fortnight", "2026-12-15"),
        ("2026-12-01", "close the tickets by month-end", "2026-12-31"),
        ("2026-12-01", "retire the old report by end of Q1", "2027-03-31"),
        # Without a word of deadline month-end names the closing of the books; a holiday is
        # the break before it, which differs by workplace: neither is given a date.
        ("2026-12-01", "move the team off email chains for month-end", None),
        ("2026-12-01", "send the cards before Christmas", None),
    ],
)
def test_due_dates_resolve_relative_to_the_session(session: str, text: str, due: str) -> None:
    assert resolve_due(find_due(text), session) == due


def test_the_next_session_is_the_booked_one_or_no_date() -> None:
    for text in (
        "bring the mock-up before our next session",
        "bring it by next time",
        "show it at our next catch-up",
        "finish it before we meet again",
    ):
        assert resolve_due(find_due(text), "2027-02-09", "2027-02-23") == "2027-02-23"
        assert resolve_due(find_due(text), "2027-02-09") is None  # none booked: no date


def test_slashed_dates_follow_the_order_the_notes_use() -> None:
    assert date_order("Met 14/02. Fix the printer by 3/4.") == "DMY"
    assert date_order("Met 02/14. Fix the printer by 3/4.") == "MDY"
    assert date_order("Fix the printer by 3/4.") == "DMY"  # no telling: the program's default
    assert resolve_due("3/4", "2027-02-09", order="MDY") == "2027-03-04"
    assert resolve_due("3/4", "2027-02-09") == "2027-04-03"


def test_without_a_session_date_nothing_is_guessed() -> None:
    assert resolve_due("Friday", None) is None


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Anil said remote people should just come in.", "reported"),
        ("Tariq thinks we should ask the team first.", "reported"),
        ("Angela wanted to understand the dashboard.", "past"),
        ("We wrapped up by agreeing that Katie will post one reel a week.", "main"),
        ("Will will send me the carbon calculator by Wednesday.", "main"),
        ("Kate agreed to try a dashboard.", "main"),
    ],
)
def test_the_parse_tells_reports_and_past_events_from_work(text: str, reading: str) -> None:
    assert read_clause(text) == reading
