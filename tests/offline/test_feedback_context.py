"""Rewrites of vague, sarcastic and stereotyping feedback keep the concern and drop the flag."""

from __future__ import annotations

import pytest

from coach.language.analyzer import analyze
from coach.language.feedback_checks import feedback_violations
from coach.models import Direction, FeedbackRequest
from coach.offline.feedback import compose_feedback
from tests.language.test_context_rules import CLEAN, FLAGGED

UP: Direction = "mentor_to_mentee"
DOWN: Direction = "mentee_to_mentor"
TEXTS = sorted({text for text, *_ in FLAGGED})


def _rewrite(text: str, direction: Direction) -> tuple[FeedbackRequest, str]:
    request = FeedbackRequest(text=text, direction=direction)
    return request, compose_feedback(request, []).rewritten


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("direction", [UP, DOWN])
def test_every_invariant_holds_and_nothing_is_flagged_after(
    text: str, direction: Direction
) -> None:
    request, rewritten = _rewrite(text, direction)
    assert feedback_violations(request, compose_feedback(request, [])) == []
    assert analyze(rewritten, direction).issues == [], rewritten


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The report was sloppy.", "The report had [the specific problem you noticed]."),
        ("This isn't good enough.", "This does not meet [the specific expectation you have"),
        ("I don't like the way you handle things.", "how you handle [the situation you have"),
        (
            "Your tone in meetings is harsh.",
            "Your tone in [the meeting you have in mind] is harsh.",
        ),
        ("He lacks presence.", "He could show more presence in [the situation you have"),
        ("Great job, you broke the build again.", "You broke the build again."),
        ("Congratulations on missing another deadline.", "I'm concerned about missing another"),
        (
            "Nice of you to finally answer my email.",
            "I noticed it took a while to answer my email.",
        ),
        ('Thanks for your "help" with the migration.', "your help with the migration"),
        ("Another outage, just what we needed.", "Another outage."),
        ("Older managers like you never trust remote staff.", "you do not trust remote staff"),
        ("You young people are always on your phones.", "you are on your phones"),
        ("Digital natives like you think email is dead.", "You think email is dead."),
    ],
)
def test_the_rewrite_names_a_slot_for_the_example_or_keeps_the_plain_concern(
    text: str, expected: str
) -> None:
    assert expected in _rewrite(text, UP)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your generation has no patience.", "You have no patience."),
        ("Gen Z hates meetings.", "Some people hate meetings."),
    ],
)
def test_a_replaced_group_noun_agrees_with_its_verb(text: str, expected: str) -> None:
    assert expected in _rewrite(text, DOWN)[1]


@pytest.mark.parametrize("text", [t for t in CLEAN if analyze(t, UP).tone == "praise"])
def test_clean_praise_is_left_alone(text: str) -> None:
    assert _rewrite(text, UP)[1] == text
