"""Action items said to the pair in the third person, the notes' own words kept beside."""

from __future__ import annotations

import pytest

from coach.offline.said import work_said
from tests.offline.test_summary import compose_summary, make_request


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("Oskar will book the room for the demo", "book the room for the demo"),
        # Quotes, asides and a clock stay: they are what the work is about.
        ('Oskar: draft a "no slides" agenda (short one)', 'draft a "no slides" agenda (short one)'),
        ("Oskar moves the stand-up to 9:15am", "move the stand-up to 9:15am"),
        ("Oskar - ask Bea how she tracks leave", "ask Bea how she tracks leave"),
        # Each verb of the work in its base form; "going to"/"promised to" hand on their verb.
        ("Oskar films the clip and posts it", "film the clip and post it"),
        ("Oskar is going to tidy the wiki", "tidy the wiki"),
        ("Oskar promised to rerun the report", "rerun the report"),
        ("we both try to fix the form", "try to fix the form"),
        # Work agreed, or said of oneself, is the will-clause's: "would" is read as "will".
        ("We agreed Oskar will map the handover", "map the handover"),
        ("I said I will phone the depot by noon", "phone the depot by noon"),
        ("Oskar told me he will print the badges", "print the badges"),
    ],
)
def test_the_work_is_the_notes_words_after_the_verb(text: str, work: str) -> None:
    assert work_said(text) == work


@pytest.mark.parametrize(
    "text",
    [
        "Oskar won't chase the invoices",  # a refusal is no work to say
        "Oskar says Bea will chase them",  # a verb ahead of the work: said as before
        "I said Bea will chase them",  # someone else's work, in the writer's words
        "The budget for the pilot",  # no verb
    ],
)
def test_work_that_cannot_be_said_safely_is_left_to_the_old_wording(text: str) -> None:
    assert work_said(text) is None


def test_an_item_is_said_in_the_third_person_with_the_notes_words_beside() -> None:
    notes = (
        "Katherine showed Priya how she tags posts.\n"
        "I'll send a shortlist of three hashtags by Thursday.\n"
        'Katherine to write a "what I learnt" post by Friday.\n'
    )
    items = compose_summary(make_request(notes), []).private.action_items  # Fri 2026-11-20
    assert [(i.text, i.due) for i in items] == [
        ("Priya will send a shortlist of three hashtags by Thursday.", "2026-11-26"),
        ('Katherine will write a "what I learnt" post by Friday.', "2026-11-27"),
    ]
    assert items[0].quote == "I'll send a shortlist of three hashtags by Thursday."
