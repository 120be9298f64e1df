"""Open questions in the pair's summary: found under their label, pronouns said by name."""

from __future__ import annotations

import pytest

from coach.offline.antecedents import resolve_object
from tests.offline.test_summary import compose_summary, make_request


@pytest.mark.parametrize(
    ("point", "before", "said"),
    [
        (
            "Still open: what to show him.",
            ["Kath's line manager asked for the figures.", "She thinks he will push back."],
            "Still open: what to show Kath's line manager.",
        ),
        ("whether to copy her in", ["His boss runs the budget."], "whether to copy his boss in"),
        # Two people tied by a role, none, or a possessive "her": left as the notes say it.
        ("what to tell him", ["Her manager and his director disagree."], "what to tell him"),
        ("what to tell him", ["The weather was grim."], "what to tell him"),
        ("how to word her update", ["Kath's manager is new."], "how to word her update"),
        # Named three sentences back is too far to be sure.
        ("what to tell him", ["Kath's boss is away.", "Fine.", "Good."], "what to tell him"),
    ],
)
def test_an_object_pronoun_is_the_person_named_by_a_role_just_before(
    point: str, before: list[str], said: str
) -> None:
    assert resolve_object(point, before) == said


def test_a_point_labelled_still_open_is_an_open_question_said_once() -> None:
    notes = (
        "Katherine walked Priya through the new rota app.\n"
        "Katherine's director wants weekly updates on it. She fears he reads every word.\n"
        "Still open: how much detail to give him.\n"
    )
    private = compose_summary(make_request(notes), []).private
    assert private.open_questions == ["How much detail to give Katherine's director."]
    assert "Still open: how much detail to give Katherine's director." in private.summary
