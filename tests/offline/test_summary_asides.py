"""Asides in brackets and second clauses: they hold their own work and move no owner."""

from __future__ import annotations

import pytest

from coach.models import Owner
from coach.offline.actions import extract_actions
from coach.offline.notes import parse_notes
from coach.privacy.roster import Roster

PAIR = Roster(mentor="Tom Reyes", mentee="Grace Hill", others=("Farah Nasser",))
BARE = Roster(mentor="Tom Reyes", mentee="Grace Hill")


def _items(notes: str, roster: Roster = PAIR) -> list[tuple[str, Owner | str, str | None]]:
    """The notes' items as (text, owner or the third party's name, stated due)."""
    items = extract_actions(parse_notes(notes), roster, "mentor")
    return [(i.text, i.person or i.owner, i.due) for i in items]


@pytest.mark.parametrize("roster", [PAIR, BARE], ids=["on-roster", "not-on-roster"])
def test_a_bracketed_commitment_is_its_own_item_and_leaves_the_owner_outside(
    roster: Roster,
) -> None:
    got = _items("Farah to send the venue list (Grace will chase her on Thursday).", roster)
    assert got == [
        ("Farah to send the venue list.", "Farah", None),
        ("Grace will chase her on Thursday", "mentee", "Thursday"),
    ]


def test_the_leads_prompt_library_sentence() -> None:
    roster = Roster(mentor="Kwame Asante", mentee="Margaret Hill")
    notes = "Oliver to share his prompt library (Margaret will ask him on Monday)."
    items = extract_actions(parse_notes(notes), roster, "mentor")
    assert [(i.owner, i.person, i.due) for i in items] == [
        ("other", "Oliver", None),
        ("mentee", None, "Monday"),
    ]


def test_a_third_partys_order_nobody_follows_up_is_not_an_item() -> None:
    assert _items("Farah to send the venue list at some point, I gather.") == []
    assert _items("Farah to send the venue list (she usually does).") == []


def test_a_later_clause_with_a_pronoun_follow_up_makes_the_order_work() -> None:
    got = _items("Farah to send the venue list, and I'll remind her on Friday.")
    assert [(owner, due) for _, owner, due in got] == [("Farah", None), ("mentor", "Friday")]


@pytest.mark.parametrize(
    ("notes", "owner"),
    [
        # A story in brackets does not make the work before it a past event.
        ("We will set up the shared folder together tomorrow (he logged a ticket).", "both"),
        ("Grace will book the room for the demo (Farah said Tuesday was free).", "mentee"),
        # A semicolon inside brackets is no join: the aside's "Farah will" is no item.
        (
            "Grace will draft the survey before we next meet (date open; Farah will send some).",
            "mentee",
        ),
    ],
)
def test_an_aside_that_is_not_a_commitment_changes_nothing(notes: str, owner: Owner) -> None:
    assert [o for _, o, _ in _items(notes)] == [owner]


def test_an_owner_tag_in_brackets_still_names_the_owner() -> None:
    assert [o for _, o, _ in _items("Actions:\n- draft the survey (Grace)\n")] == ["mentee"]
