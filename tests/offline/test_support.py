"""The "may need support" signal: each reason in new wordings, and near-misses that are not."""

from __future__ import annotations

import pytest

from coach.models import SummaryRequest
from coach.offline.support import support_reasons


def _reasons(notes: str, **dates: str) -> list[str]:
    request = SummaryRequest(
        notes=notes,
        mentor_name="Ada Obi",
        mentee_name="Ruth Kerr",
        session_date="2026-05-20",
        **dates,
    )
    return support_reasons(request)


@pytest.mark.parametrize(
    ("notes", "reason"),
    [
        (
            "Her director cornered me after the town hall and wanted me to send him a short update "
            "on how Ruth is getting on in our sessions.",
            "a confidentiality concern was raised",
        ),
        (
            "My line manager asked me to write up what Ruth has been struggling with.",
            "a confidentiality concern was raised",
        ),
        (
            "Word got around the floor about what we discussed last month, which upset her.",
            "a confidentiality concern was raised",
        ),
        (
            "I'm scared the notes could leak to his team before the restructure.",
            "a confidentiality concern was raised",
        ),
        (
            "There was a leak of our session notes to her department last week.",
            "a confidentiality concern was raised",
        ),
        (
            "This is the fourth week running that the practice task has not happened.",
            "commitments or sessions repeatedly missed",
        ),
        (
            "He keeps finding reasons not to open the dashboard between sessions.",
            "commitments or sessions repeatedly missed",
        ),
        (
            "She sits on my promotion board, and I can't really be honest with her about the team.",
            "a power-dynamics concern was raised",
        ),
        (
            "I'm worried about repercussions at my appraisal if I tell him what people think.",
            "a power-dynamics concern was raised",
        ),
        (
            "I would rather the coordinator step in here than sort it out myself.",
            "help from the program was asked for",
        ),
        (
            "I'm uneasy about it, so I'll mention it to the programme team; they need to know.",
            "help from the program was asked for",
        ),
    ],
)
def test_each_reason_is_found_in_new_wordings(notes: str, reason: str) -> None:
    assert reason in _reasons(notes)


@pytest.mark.parametrize(
    "notes",
    [
        "She asked me to send her the slides from our session on Friday.",
        "The coordinator sent round the mid-point survey; we filled it in together.",
        "We moved the session once because of the audit, and met the following Tuesday.",
        "The water leak chart now shades estimated values, and she asked for a copy.",
        "The meme about our product that went round last week was the starting point.",
        "He said he was worried at first, but after trying it twice he felt fine about it.",
        "We had a proper disagreement about brand replies and both of us changed our minds a bit.",
        "She asked how the new dashboard is doing on mobile and I showed her the usage chart.",
    ],
)
def test_near_misses_raise_no_flag(notes: str) -> None:
    assert _reasons(notes) == []


def test_a_long_gap_between_sessions_is_a_reason_and_a_short_one_is_not() -> None:
    notes = "We picked up where we left off with the shared calendar."
    assert _reasons(notes, previous_session_date="2026-03-30") == [
        "no session for more than 6 weeks"
    ]
    assert _reasons(notes, previous_session_date="2026-04-15") == []


@pytest.mark.parametrize(
    "notes",
    [
        "We'll double-check the room booking with the coordinator and mention it at the kick-off.",
        "The programme team asked us to write up what we covered in our sessions.",
        "I'll flag the new date to the coordinator so the calendar invite gets updated.",
    ],
)
def test_the_program_itself_in_routine_admin_is_no_call_for_help(notes: str) -> None:
    assert _reasons(notes) == []


def test_a_worry_in_the_notes_makes_writing_to_the_coordinator_a_call_for_help() -> None:
    notes = (
        "Something about the last meeting bothered me. Her manager sat in for ten minutes. "
        "Nobody said anything. I'll flag it to the coordinator this week."
    )
    assert "help from the program was asked for" in _reasons(notes)
