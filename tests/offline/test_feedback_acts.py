"""The offline rewrite keeps the act it was given and reads as one fluent message."""

from __future__ import annotations

from coach.language.analyzer import inspect
from coach.language.edits import Piece
from coach.language.fluency import fluency_problems
from coach.language.rewrite import SLOT
from coach.models import Direction, FeedbackRequest
from coach.offline.feedback import _plain, compose_feedback

UP: Direction = "mentor_to_mentee"
DOWN: Direction = "mentee_to_mentor"


def _rewrite(text: str, direction: Direction = DOWN) -> str:
    return compose_feedback(FeedbackRequest(text=text, direction=direction), []).rewritten


def test_agreement_is_checked_on_the_auxiliary_that_carries_it() -> None:
    assert any("Agreement" in p for p in fluency_problems("Some people on the board has agreed."))
    assert not fluency_problems("Some people on the board have agreed.")
    assert not fluency_problems("The board has agreed.")


def test_an_absolute_subject_made_plural_takes_a_plural_auxiliary() -> None:
    out = _rewrite("Everybody in the design guild has seen your comments.")
    assert "have seen" in out and "has seen" not in out
    assert not fluency_problems(out)


def test_words_only_a_negative_allows_go_with_nobody() -> None:
    out = _rewrite("Nobody ever finds anything in your shared drive.", UP).lower()
    assert "not everyone finds much in your shared drive" in out
    assert "anything" not in out and "ever " not in out


def test_ironic_praise_parsed_as_the_root_act_says_the_act() -> None:
    out = _rewrite("Nice job finally sending the minutes three weeks after the meeting.")
    assert out.startswith("You sent the minutes three weeks after the meeting.")
    assert "nice job" not in out.lower() and "finally" not in out


def test_sincere_praise_of_an_act_stays_as_written() -> None:
    text = "Great job presenting the roadmap to the board."
    assert _rewrite(text) == text


def test_a_clause_written_after_the_act_stays_with_the_act() -> None:
    out = _rewrite("You keep scrolling your phone while I walk through the budget, it's so rude.")
    assert out.startswith("You keep scrolling your phone while I walk through the budget.")
    assert "rude" not in out


def test_a_situation_before_a_verdict_is_told_in_the_tense_of_its_impact() -> None:
    out = _rewrite("When I share the sprint plan, it's honestly so dismissive.")
    assert "dismissive" not in out
    assert out.startswith("When I shared the sprint plan, I ")


def test_an_order_or_a_comment_is_never_restated_as_something_done() -> None:
    out = _rewrite("Stop acting like a diva in client calls, you're new here.", UP)
    assert "You stopped" not in out and "You acted" not in out
    out = _rewrite("Your diagrams are messy, which makes the architecture review confusing.", UP)
    assert "You made" not in out and "Made" not in out
    assert "architecture review" in out


def test_the_fallback_keeps_a_sound_restated_act_instead_of_a_slot() -> None:
    text = "You moved the release to Friday and it was a shambles."
    request = FeedbackRequest(text=text, direction=DOWN)
    act = Piece("You moved the release to Friday.", "behavior")
    impact = Piece("I wasn't sure I could count on the release.", "impact")
    out = _plain(request, inspect(text), [act, impact])
    assert "You moved the release to Friday." in out and SLOT not in out
    # A restatement that still passes a verdict is not kept: the slot asks what happened.
    judged = Piece("You were lazy about the release.", "behavior")
    out = _plain(request, inspect(text), [judged, impact])
    assert "lazy" not in out and SLOT in out


def test_the_reader_addressed_as_a_group_is_no_topic_to_name() -> None:
    out = _rewrite("You lot in marketing never read the briefs I send.", UP)
    assert "you lot" not in out.lower() and "marketing" in out
    # A clause about the reader inside a phrase is still its topic.
    out = _rewrite("The way you ran the budget review was a joke, you skipped half the slides.")
    assert "budget review" in out and "joke" not in out


def test_an_act_with_an_absolute_is_restated_with_a_frequency_not_slotted() -> None:
    # The restated act is not re-flagged by the classifier that never read the original clause.
    text = "You always cut me off when I describe the new app, it's so rude."
    out = compose_feedback(FeedbackRequest(text=text, direction="mentee_to_mentor"), []).rewritten
    assert "You often cut me off when I describe the new app" in out
    assert SLOT not in out and "rude" not in out and "always" not in out
