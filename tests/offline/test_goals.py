"""Goal progress in the coordinator's view: each goal named in plain words, its status honest."""

from __future__ import annotations

import pytest

from coach.generators.summary import finalize
from coach.models import SummaryRequest
from coach.offline.goals import goal_status
from coach.offline.notes import parse_notes
from coach.offline.summary import compose_summary
from coach.privacy.release import view_leaks
from coach.text import tokenize

NOTES = """Session on the sales dashboard with Marguerite.

We built a filter for the northern stores together and she tried it twice on her own.
She wants to stop waiting for the monthly export from the analysts.

Actions
- Marguerite will rebuild the store filter for the weekly sales dashboard by Friday.
- I'll write a one-page guide to the filter before the next session.
"""


def _request(goals: list[str], notes: str = NOTES) -> SummaryRequest:
    return SummaryRequest(
        notes=notes,
        mentor_name="Tobias Lindqvist",
        mentee_name="Marguerite Osei",
        other_names=["Declan Furlong"],
        session_date="2026-05-04",
        goals=goals,
    )


def test_each_goal_is_named_with_its_status_in_the_summary_line() -> None:
    request = _request(
        ["Marguerite reads the weekly sales dashboard alone", "learn to record a podcast episode"]
    )
    side = finalize(request, compose_summary(request, [])).anonymized
    said = {g.goal: g.status for g in side.goal_progress}
    assert said == {
        "the mentee reads the weekly sales dashboard alone": "progressed",
        "learn to record a podcast episode": "not discussed",
    }
    assert (
        "Goals: the mentee reads the weekly sales dashboard alone (progressed); "
        "learn to record a podcast episode (not discussed)." in side.summary
    )


def test_a_goal_with_a_name_a_placed_title_and_an_id_is_said_without_them() -> None:
    goal = (
        "Marguerite shows the Regional Director of Sales, Lisbon the dashboard "
        "for employee EMP-771204 and asks Declan Furlong to check it"
    )
    request = _request([goal])
    side = finalize(request, compose_summary(request, [])).anonymized
    (progress,) = side.goal_progress
    for hidden in ("Marguerite", "Director", "Lisbon", "EMP-771204", "771204", "Declan"):
        assert hidden.lower() not in progress.goal.lower()
        assert hidden.lower() not in side.summary.lower()
    assert "dashboard" in progress.goal
    assert view_leaks(side, request) == []


def test_a_goal_cut_short_ends_where_a_phrase_can_end() -> None:
    goal = "build a staffing rota that shift leads can change without phoning the office first"
    side = finalize(_request([goal]), compose_summary(_request([goal]), [])).anonymized
    (progress,) = side.goal_progress
    # Ten words cut at "without"; the reading without its last phrase is a whole clause.
    assert progress.goal == "build a staffing rota that shift leads can change"


def test_status_is_discussed_when_talked_about_and_nothing_is_planned_or_done() -> None:
    notes = (
        "We talked about whether the podcast idea suits her team.\n"
        "Recording an episode could wait until the spring, she thinks."
    )
    goal = set(tokenize("record a podcast episode for the team"))
    assert goal_status(goal, parse_notes(notes), set()) == "discussed"


def test_restating_a_goal_is_not_work_done_on_it() -> None:
    notes = "Goal: she records a podcast episode for the team.\nWe mostly chatted about travel."
    goal = set(tokenize("she records a podcast episode for the team"))
    assert goal_status(goal, parse_notes(notes), set()) == "discussed"
    done = notes + "\nWe recorded a first podcast episode in the meeting room."
    assert goal_status(goal, parse_notes(done), set()) == "progressed"


def test_status_is_progressed_when_an_action_plans_work_on_it() -> None:
    goal = set(tokenize("record a podcast episode"))
    acted = set(tokenize("send the podcast episode outline by Monday"))
    assert goal_status(goal, parse_notes("Nothing else today."), acted) == "progressed"


@pytest.mark.parametrize(
    "goals",
    [
        ["Marguerite uses an AI assistant safely for routine writing"],
        ["post on LinkedIn once a week", "Marguerite reads the weekly sales dashboard alone"],
        ["learn to record a podcast episode", "run one hybrid meeting where everyone speaks"],
    ],
)
def test_the_goal_line_passes_the_release_gate_whatever_the_goals(goals: list[str]) -> None:
    # A line opening "Goal progressed:" once made the recognizer read "Goal" as a person.
    request = _request(goals)
    side = finalize(request, compose_summary(request, [])).anonymized
    assert "Goals: " in side.summary
    assert len(side.goal_progress) == len(goals)


LINKEDIN_NOTES = """Whole session on LinkedIn today.
We drafted Odile's first post about the new warehouse opening and cut it to four lines.
She picked eight accounts to follow, mostly logistics people she already knows.
We looked at when her LinkedIn audience is online and set the post for Tuesday morning.

Actions
- Odile will publish the warehouse post on Tuesday.
- I'll send her three more accounts to follow by Friday.
"""


def test_a_goal_worked_on_under_other_words_is_progressed() -> None:
    request = SummaryRequest(
        notes=LINKEDIN_NOTES,
        mentor_name="Bram Keating",
        mentee_name="Odile Marchetti",
        session_date="2026-05-04",
        goals=["Build a professional presence on LinkedIn"],
    )
    (progress,) = compose_summary(request, []).anonymized.goal_progress
    assert progress.status == "progressed"


def test_a_goal_whose_subject_is_only_mentioned_in_passing_stays_not_discussed() -> None:
    notes = (
        "We rebuilt the weekly stock chart and added a filter for the Leeds depot.\n"
        "She mentioned she saw a chart like it on LinkedIn once.\n"
        "Actions\n- Odile will share the chart with her team by Friday."
    )
    request = SummaryRequest(
        notes=notes,
        mentor_name="Bram Keating",
        mentee_name="Odile Marchetti",
        goals=["Build a professional presence on LinkedIn"],
    )
    (progress,) = compose_summary(request, []).anonymized.goal_progress
    assert progress.status == "not discussed"
