"""Clauses judged by meaning: a motive is read only where the clause could hold one."""

from __future__ import annotations

import pytest

from coach.language.analyzer import analyze


@pytest.mark.parametrize("text", ["You cut me off.", "You cut me off in the meeting."])
def test_one_act_told_in_the_past_is_an_observation_not_a_motive(text: str) -> None:
    issues = analyze(text, "mentee_to_mentor").issues
    assert "assumed_intent" not in {i.category for i in issues}


def test_an_ongoing_act_that_implies_a_motive_is_still_mind_reading() -> None:
    issues = analyze("You're avoiding me.", "mentee_to_mentor").issues
    assert "assumed_intent" in {i.category for i in issues}
