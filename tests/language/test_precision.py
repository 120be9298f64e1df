"""Constructive feedback and sincere praise come back with no flag; the blunt forms still do."""

from __future__ import annotations

import pytest

from coach.language.analyzer import analyze

CLEAN = [
    # A suggestion verb with an action, or an action tied to when: already constructive.
    "Try circulating the slides the evening before the workshop.",
    "Consider splitting the session into two shorter ones.",
    "Try pausing after each question so people can answer.",
    "Share your screen when you walk us through the dashboard.",
    # An intensifier VADER rates negative, grading a praise word.
    "That was a wickedly clever workaround for the login bug.",
    "Your onboarding guide is stupidly easy to follow.",
    # Praise idioms the word lexicon does not know.
    "Your demo was a real breath of fresh air for the team.",
    "Your feedback on my draft was spot on.",
    "You went above and beyond to help me set up my laptop.",
    # A negative word on a thing nobody made, with what it caused.
    "The wifi was terrible, so the call kept dropping.",
    "The traffic was awful and I got to the workshop late.",
    # An age word describing counted people in an event.
    "When you asked for questions, two of the younger interns spoke up.",
    "Three older colleagues joined the training on Tuesday.",
    # The writer's relief, not a dig at how long someone took.
    "You explained pivot tables in a way that finally made sense to me, thank you.",
    "It finally clicked for me when you drew the diagram.",
]

STILL_FLAGGED = [
    ("Stop wasting my time with these decks.", "imperative"),
    ("Quit calling me kiddo when we are in front of people.", "imperative"),
    ("Fix your slides.", "imperative"),
    ("Your code is stupidly slow.", "insult"),
    ("Your slides were terrible, so I stopped listening.", "judgement"),
    ("The deck you sent was awful and I had to redo it.", "judgement"),
    ("Younger staff just don't get how to write an email.", "stereotype"),
    ("The older guys never answered my emails.", "stereotype"),
    ("You finally replied to me after two weeks.", "sarcasm"),
    ("The deck you promised finally reached me on Friday.", "sarcasm"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_constructive_feedback_and_sincere_praise_are_not_flagged(text: str) -> None:
    assert analyze(text, "mentee_to_mentor").issues == []


@pytest.mark.parametrize(("text", "category"), STILL_FLAGGED)
def test_the_blunt_forms_beside_them_are_still_flagged(text: str, category: str) -> None:
    assert category in {i.category for i in analyze(text, "mentee_to_mentor").issues}


def test_an_intensified_praise_word_reads_as_praise() -> None:
    assert analyze("Your explanation of the API was terribly clear.", "mentee_to_mentor").tone == (
        "praise"
    )
