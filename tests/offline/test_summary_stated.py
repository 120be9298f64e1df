"""Work stated in reported 'would', past an appositive or dated in a to-do, and its near misses."""

from __future__ import annotations

import pytest

from coach.models import Owner
from coach.offline.actions import extract_actions
from coach.offline.notes import parse_notes
from coach.privacy.roster import Roster

PAIR = Roster(mentor="Odile Grant", mentee="Ivo Brandt", others=("Rhea Moss", "Cal Ruiz"))


def _items(notes: str) -> list[tuple[Owner | str, str | None]]:
    return [(i.owner, i.due) for i in extract_actions(parse_notes(notes), PAIR, "mentor")]


@pytest.mark.parametrize(
    ("notes", "items"),
    [
        ("We agreed Ivo would sketch the onboarding flow.", [("mentee", None)]),
        ("They agreed that Rhea would book the hall by Monday.", [("other", "Monday")]),
        ("I said I would chase Cal for the rota.", [("mentor", None)]),
        ("Ivo said he would bring the survey results.", [("mentee", None)]),
        ("Ivo told me he would map the approval steps.", [("mentee", None)]),
        ("I promised Ivo I would find him a sponsor.", [("mentor", None)]),
        ("Ivo confirmed he would host the lunch-and-learn.", [("mentee", None)]),
        # The agreement reaches a second "would" joined to the first.
        (
            "We agreed Ivo would write the brief and I would edit it.",
            [("mentee", None), ("mentor", None)],
        ),
        # Near misses: a wish, a might-have-been, a preference, another's word for the pair.
        ("Ivo said he would like to sit in on a board call.", []),
        ("Ivo said he would have sent the slides sooner.", []),
        ("Ivo said he would rather skip the offsite.", []),
        ("Rhea said Ivo would send the survey.", []),
        ("Ivo told me Rhea would enjoy the workshop.", []),
        ("Ivo told me he would be on leave in May.", []),
        ("Ivo confirmed the budget is signed off.", []),
        ("I went along and I would do it again.", []),
        # A refusal, a condition and a promise to mull it over bind no one either.
        ("Ivo said he would never touch the chatbot.", []),
        ("Ivo said he would if the budget allowed.", []),
        ("Ivo said he would think about the offer.", []),
        ("Ivo said he wouldn't chase the vendor.", []),
    ],
)
def test_a_would_reported_after_agreeing_or_saying_binds(notes: str, items: list) -> None:
    assert _items(notes) == items


@pytest.mark.parametrize(
    ("notes", "items"),
    [
        ("Ivo, the new head of ops, will walk me through the dashboard.", [("mentee", None)]),
        ("Ivo, who chairs the safety forum, will share the minutes.", [("mentee", None)]),
        ("Rhea, our data lead, will pull the figures by Thursday.", [("other", "Thursday")]),
        # Near misses: the aside with no work after it, and a past event after one.
        ("Ivo, the new head of ops, was in a good mood.", []),
        ("Ivo, who chairs the safety forum, shared the minutes.", []),
    ],
)
def test_the_subject_is_the_name_before_an_appositive(notes: str, items: list) -> None:
    assert _items(notes) == items


@pytest.mark.parametrize(
    ("notes", "items"),
    [
        ("Cal to refresh his own bio this week too.", [("other", "this week")]),
        ("Cal to refresh his bio next month.", [("other", "next month")]),
        # Not dated and not listed: still news of a plan.
        ("Cal to refresh his bio too.", []),
        ("Cal to refresh his bio eventually, I gather.", []),
    ],
)
def test_a_third_partys_to_do_with_a_time_frame_is_theirs(notes: str, items: list) -> None:
    assert _items(notes) == items


@pytest.mark.parametrize(
    "notes",
    [
        "We agreed the minutes should always be proofread.",
        "We agreed the agenda should always go out first.",
        "We agreed that drafts must never be posted unreviewed.",
        "Drafts must never leave the shared drive.",
        "Ivo joked he would sooner resign than film a reel.",
        "I'd rather not present on Friday.",
        "Ivo said he'd rather eat his shoe than join Snapchat.",
    ],
)
def test_rules_and_preferences_are_no_action(notes: str) -> None:
    assert _items(notes) == []


@pytest.mark.parametrize(
    ("notes", "items"),
    [
        # Near misses the other way: a dated should and a will-always habit stay work.
        ("Ivo should proofread the minutes by Friday.", [("mentee", "Friday")]),
        ("Ivo will always copy me into the recap.", [("mentee", None)]),
        ("Ivo would sooner send it Friday.\nIvo will send it Monday.", [("mentee", "Monday")]),
    ],
)
def test_work_beside_rules_and_preferences_stays(notes: str, items: list) -> None:
    assert _items(notes) == items
