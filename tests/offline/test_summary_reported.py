"""Reported speech that gives one's word, and work followed by a spliced-on remark."""

from __future__ import annotations

import pytest

from coach.models import Owner
from coach.offline.actions import extract_actions
from coach.offline.notes import parse_notes
from coach.privacy.roster import Roster

PAIR = Roster(mentor="Tom Reyes", mentee="Priya Shah", others=("Farah Nasser",))


def _owners(notes: str) -> list[Owner]:
    return [i.owner for i in extract_actions(parse_notes(notes), PAIR, "mentor")]


@pytest.mark.parametrize(
    ("notes", "owners"),
    [
        ("Priya says she'll send the rota over.", ["mentee"]),
        ("Priya said she will ring the venue.", ["mentee"]),
        ("For me: I said I will draft the FAQ.", ["mentor"]),
        # Near misses: a need, a forecast, a report with nothing else, a pro-verb.
        ("Priya said she will need to check with her boss.", []),
        ("Priya said she will probably be late again.", []),
        ("We'll never finish on time, Priya said.", []),
        ("He asked me to cut the intro. I said I'd do that.", []),
        # Someone else's word on the pair's behalf is no promise of theirs.
        ("Priya said Tom will love the new rota.", []),
    ],
)
def test_a_speakers_word_on_their_own_work_is_an_action(notes: str, owners: list[Owner]) -> None:
    assert _owners(notes) == owners


def test_a_third_partys_reported_word_is_news_unless_listed() -> None:
    assert _owners("Farah says she'll sort the badges.") == []
    assert _owners("Actions:\n- Farah says she'll sort the badges\n") == ["other"]


@pytest.mark.parametrize(
    ("notes", "owners"),
    [
        (
            "Tom is going to send me two articles on rotas - he mentioned one from a hospital.",
            ["mentor"],
        ),
        ("I'll raise it with the coordinator this month, I think they should hear it.", ["mentor"]),
        # The remark alone, with no work before it, is still no action.
        ("It went well, I think they liked it.", []),
    ],
)
def test_work_before_a_spliced_remark_is_still_work(notes: str, owners: list[Owner]) -> None:
    assert _owners(notes) == owners


@pytest.mark.parametrize(
    ("notes", "owners"),
    [
        # A guess about how someone will be, reported or "going to", is no work, even dated.
        ("Tom reckons I'll be fluent in pivot tables within a month.", []),
        ("Priya's manager, Dev, is going to be on leave until the 20th.", []),
        ("Farah is going to be away until the 9th, so nothing moves before then.", []),
        # Near misses: the same shapes doing something.
        ("Priya is going to run the pilot until the 20th.", ["mentee"]),
        ("Tom reckons Priya will send the sheet by Friday.", ["mentee"]),
        # A passive future guessed for another ("I'll be sold on it") is how they will end up.
        ("Tom reckons I'll be converted to threads by spring.", []),
        ("Tom thinks the board will be won over by June.", []),
        ("I think I'll be sent the deck by Friday.", ["mentor"]),
    ],
)
def test_a_forecast_of_a_state_is_not_an_action(notes: str, owners: list[Owner]) -> None:
    assert _owners(notes) == owners


def test_a_tagged_prohibition_is_a_rule_not_an_item() -> None:
    notes = "Actions:\n- Priya: don't share the raw export (she laughed)\n"
    assert _owners(notes) == []
    assert _owners("Actions:\n- Priya: don't forget to share the summary\n") == ["mentee"]
