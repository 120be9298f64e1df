"""How an action reads in the pair's summary and the coordinator's view."""

from __future__ import annotations

from coach.offline.phrases import action_core, plain_phrase, without_subject


def test_an_action_that_opens_with_its_verb_keeps_its_preposition_to() -> None:
    line = "show the slides to her two analysts before our next session"
    assert action_core(line) == line
    assert plain_phrase(line).startswith("show the slides to")
    assert action_core("Tomasz to send the deck") == "send the deck"


def test_a_pronoun_subject_is_left_to_the_owner_named_ahead() -> None:
    assert without_subject("they both review the chart") == "review the chart"
    assert without_subject("she shares the slides with IT") == "share the slides with IT"
    assert without_subject("the chart gets reviewed") is None
