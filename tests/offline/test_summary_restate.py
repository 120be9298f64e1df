"""Action items a pair can read: no title, aside or booking among them, each said in the third
person with a name for the writer, and no deadline counted from an event the notes don't date."""

from __future__ import annotations

import pytest

from coach.offline.dates import find_due
from coach.offline.said import work_said
from tests.offline.test_summary import compose_summary, make_request

# make_request: Priya Natarajan (mentor) and Katherine O'Neill (mentee), Fri 2026-11-20.


def _items(notes: str) -> list[tuple[str, str, str | None]]:
    draft = compose_summary(make_request(notes, note_taker="mentor"), [])
    return [(a.text, a.owner, a.due) for a in draft.private.action_items]


def test_the_title_line_of_the_notes_is_no_action_whatever_date_it_gives() -> None:
    notes = (
        "Meeting 2 with Katherine - Mon 16 Nov, the café on the 1st floor, 8 Mill Lane, Leeds.\n"
        "\n"
        "We looked at her podcast plan.\n"
        "\n"
        "Actions\n"
        "- Me: send Katherine the style guide by Friday\n"
    )
    assert _items(notes) == [
        ("Priya will send Katherine the style guide by Friday.", "mentor", "2026-11-27")
    ]


def test_a_short_title_with_a_name_and_a_day_is_no_action() -> None:
    notes = "Katherine - 12 Nov\n\nWe looked at her podcast plan. I'll send the deck by Friday."
    assert [t for t, _, _ in _items(notes)] == ["Priya will send the deck by Friday."]


@pytest.mark.parametrize(
    "aside",
    [
        "Writing it down, no date",  # the writer's note on the item before
        "I get it, but this is the fourth time in a week.",  # a stance, and a count of times
    ],
)
def test_a_writers_aside_on_the_list_is_no_action(aside: str) -> None:
    notes = f"Plan\n- Katherine: ring the studio. {aside}\n"
    assert _items(notes) == [("Katherine will ring the studio.", "mentee", None)]


def test_a_count_of_times_is_no_deadline_but_times_within_a_span_are() -> None:
    assert find_due("this is the fourth time in a week") is None
    assert find_due("post at least twice in the next three weeks") == "three weeks"


def test_a_booking_with_a_condition_is_the_next_session_not_an_action() -> None:
    notes = "Plan\n- Katherine: ring the studio\n- next session 3 Dec, if the launch allows\n"
    draft = compose_summary(make_request(notes, note_taker="mentor"), [])
    assert [a.text for a in draft.private.action_items] == ["Katherine will ring the studio."]
    assert draft.private.next_time == ["Next session: 2026-12-03."]


@pytest.mark.parametrize(
    ("item", "said"),
    [
        # A bare order the parse reads as a noun phrase ("forward" as an adverb).
        ("me: forward her the mixing notes tomorrow", "Priya will forward her the mixing notes"),
        ("Katherine to ask Dana whether the budget covers a mic", "Katherine will ask Dana"),
        # No verb to say it from: at least the writer is named.
        ("Me: two-page brief on three podcasts, by Friday", "Priya: two-page brief on three"),
    ],
)
def test_each_list_item_is_said_in_the_third_person(item: str, said: str) -> None:
    (text, _, _), *_ = _items(f"Actions\n- {item}\n")
    assert text.startswith(said)


def test_a_name_or_noun_after_a_tag_is_not_taken_for_a_verb() -> None:
    assert work_said("maria (head of sales) sponsoring the pilot") is None
    assert work_said("next time: retrospective on the plan") is None


def test_an_object_between_a_phrasal_verb_and_together_keeps_one_owner() -> None:
    notes = "Actions\n- I'll pull the listener notes together into one file by Friday\n"
    assert _items(notes)[0][1] == "mentor"


def test_the_pair_is_said_by_both_names() -> None:
    notes = "Actions\n- We'll both do a run-through of the episode\n"
    assert _items(notes) == [
        ("Priya and Katherine will do a run-through of the episode.", "both", None)
    ]


def test_a_span_counted_from_another_event_gives_no_date() -> None:
    notes = "Actions\n- I fix the script and return it within 3 days of receiving it\n"
    assert _items(notes) == [
        ("Priya will fix the script and return it within 3 days of receiving it.", "mentor", None)
    ]


def test_a_request_to_the_writer_is_the_writers_work() -> None:
    assert (
        work_said("Then she asked me to rewrite the intro for her") == "rewrite the intro for her"
    )
    notes = "Actions\n- Then she asked me to rewrite the intro for her by Friday\n"
    assert _items(notes) == [
        ("Priya will rewrite the intro for her by Friday.", "mentor", "2026-11-27")
    ]


def test_the_event_set_up_for_a_wish_is_said() -> None:
    notes = (
        "Actions\n- Katherine wants to visit the studio in Bath. I'll arrange it with the owner.\n"
    )
    assert (
        "Priya will arrange it with the owner, for Katherine to visit the studio in Bath.",
        "mentor",
        None,
    ) in _items(notes)
