"""Gaps found reading summaries: blame, subjects shared with an aside, a second promise."""

from __future__ import annotations

import pytest

from coach.models import SummaryRequest
from coach.offline.action_cues import as_written
from coach.offline.actions import extract_actions
from coach.offline.notes import parse_notes
from coach.offline.summary import compose_summary
from coach.privacy.roster import Roster

PAIR = Roster(mentor="Nadia Osei", mentee="Priya Shah", others=("Max Brown", "Jens Berg"))


def _items(notes: str, roster: Roster = PAIR) -> list[tuple[str, str]]:
    return [(i.text, i.owner) for i in extract_actions(parse_notes(notes), roster, "mentor")]


@pytest.mark.parametrize(
    "notes",
    [
        "Max is to blame for the delay.",
        "Max is partly to blame for the missed launch.",
        "Jens said the vendor was at fault, not us.",
        "Max is responsible for what went wrong last month.",
    ],
)
def test_blame_for_the_past_is_no_action_item(notes: str) -> None:
    assert _items(notes) == []


def test_blame_leaves_the_work_said_beside_it() -> None:
    got = _items("Max is partly to blame, and he will fix the rota by Friday.")
    assert [owner for _, owner in got] == ["other"]
    assert "fix the rota" in got[0][0]


def test_the_partner_named_with_an_aside_shares_the_action_with_the_note_taker() -> None:
    assert _items("Priya, our lead, and I will draft the brief.") == [
        ("Priya, our lead, and I will draft the brief.", "both")
    ]


def test_a_third_party_sharing_the_note_takers_action_is_kept_on_the_pair_side() -> None:
    notes = "We talked about the launch. Jens, who runs the rota, and I will draft the brief."
    request = SummaryRequest(
        notes=notes, mentor_name="Nadia Osei", mentee_name="Priya Shah", other_names=["Jens Berg"]
    )
    draft = compose_summary(request, [])
    [item] = draft.private.action_items
    assert (item.owner, item.person) == ("mentor", "Jens")
    assert "Nadia and Jens will draft the brief." in draft.private.summary
    assert "Jens" not in draft.anonymized.summary
    assert [c.owner for c in draft.anonymized.commitments] == ["mentor"]


def test_a_second_promise_reported_with_and_that_is_its_own_item() -> None:
    notes = "Priya was keen. She said she'd book the room and that I would send the slides."
    got = _items(notes)
    assert [owner for _, owner in got] == ["mentee", "mentor"]
    assert "book the room" in got[0][0] and got[1][0].startswith("I will send the slides")


def test_the_quote_keeps_the_notes_would() -> None:
    notes = "Priya was keen. She said she'd book the room and that I would send the slides."
    quotes = [i.quote for i in extract_actions(parse_notes(notes), PAIR, "mentor")]
    assert quotes == ["She said she'd book the room", "I would send the slides."]


def test_as_written_falls_back_to_the_clause_it_cannot_find() -> None:
    assert as_written("Tom will send it", "Something else entirely.") == "Tom will send it"
