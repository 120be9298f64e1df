"""Verdicts told as a likening, a metaphor on work, or a group's belief: rewritten, not slotted."""

from __future__ import annotations

from coach.language.fluency import fluency_problems
from coach.language.rewrite import SLOT
from coach.models import Direction, FeedbackRequest
from coach.offline.feedback import compose_feedback

UP: Direction = "mentor_to_mentee"
DOWN: Direction = "mentee_to_mentor"


def _rewrite(text: str, direction: Direction = DOWN) -> str:
    out = compose_feedback(FeedbackRequest(text=text, direction=direction), []).rewritten
    assert fluency_problems(out, text) == []
    return out


def test_a_verdict_on_work_beside_its_behaviour_asks_for_no_slot() -> None:
    # "was a yawn" is judged by meaning (the clause as a whole), the behaviour said beside it.
    out = _rewrite("Your demo was a yawn, you scrolled through the code for an hour.")
    assert SLOT not in out and "yawn" not in out
    assert "scrolled through the code" in out and "demo" in out


def test_a_metaphor_on_work_alone_gets_an_impact_that_names_the_work() -> None:
    out = _rewrite("Your spreadsheet reads like a ransom note.")
    assert "ransom" not in out and "spreadsheet" in out.lower() and SLOT not in out


def test_an_act_a_likening_judges_keeps_only_where_it_happened() -> None:
    out = _rewrite("You speak to me in our calls like I'm a toddler.")
    assert "toddler" not in out and "speak to me" not in out
    assert "in our calls" in out.lower()


def test_an_act_on_a_thing_stays_when_a_likening_judges_it() -> None:
    out = _rewrite("You answer my questions like I'm a nuisance.")
    assert "nuisance" not in out and "answer my questions" in out


def test_a_group_belief_put_on_the_reader_becomes_the_writers_doubt() -> None:
    out = _rewrite("You youngsters think a chatbot can replace the helpdesk.", UP)
    assert "youngsters" not in out
    assert out.startswith("I'm not convinced a chatbot can replace the helpdesk.")


def test_a_group_wish_put_on_the_reader_becomes_the_act_as_a_frequency() -> None:
    out = _rewrite("Boomers like you never want to learn new software.")
    assert "oomer" not in out and "want" not in out
    assert out.startswith("You rarely learn new software.")


def test_a_group_named_beside_its_age_is_the_label_not_a_concern() -> None:
    # "Folks | your age": the parser sets the age beside the noun; both are the stereotype.
    out = _rewrite("Kids your age can't handle criticism.", UP)
    assert "kids" not in out.lower() and "your age" not in out
    assert out.startswith("You can't handle criticism.")


def test_a_likening_of_a_judged_look_goes_with_the_verdict() -> None:
    out = _rewrite("Your agenda looks like it was written on the bus.")
    assert "bus" not in out and "like it was" not in out.lower()
    assert "your agenda" in out and SLOT not in out


def test_a_group_and_an_age_put_on_the_reader_go_the_concern_stays() -> None:
    out = _rewrite("You people in management never listen to anyone under thirty.")
    low = out.lower()
    assert "listen to me" in low and "rarely" in low and SLOT not in out
    assert not any(w in low for w in ("thirty", "management", "people", "never"))


def test_the_reader_addressed_as_a_group_is_said_as_you() -> None:
    out = _rewrite("You kids never answer the phone.", UP)
    assert "kids" not in out.lower() and "You rarely answer the phone." in out


def test_an_age_on_whom_an_act_concerns_is_left_out() -> None:
    out = _rewrite("You never listen to feedback from anyone over fifty.", UP)
    assert "fifty" not in out and "listen to feedback" in out


def test_a_likening_under_an_order_is_the_readers_and_goes() -> None:
    out = _rewrite("Stop treating me like an intern in front of your team.")
    assert "intern" not in out and "in front of your team" in out
    assert out.startswith(f"When you {SLOT}, I felt")  # the act asked for, then the impact


def test_a_likening_the_parser_hangs_on_the_order_is_no_act_to_restate() -> None:
    out = _rewrite("Stop talking to me like I'm stupid during reviews.")
    assert "stupid" not in out and "You talked to me" not in out and SLOT in out


def test_when_it_happened_left_after_a_verdict_opens_the_impact_not_a_fragment() -> None:
    out = _rewrite("You act like I'm a child whenever I ask about the roadmap.")
    assert "when I asked about the roadmap, I felt" in out and "child" not in out
