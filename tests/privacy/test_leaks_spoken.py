"""The leak gate on numbers said aloud, extensions, long bare numbers and short given names."""

from __future__ import annotations

import pytest

from coach.privacy.anonymizer import anonymize_all
from coach.privacy.leaks import find_leaks
from coach.privacy.nicknames import variants
from coach.privacy.roster import Roster
from coach.privacy.vocabulary import safe_terms

ROSTER = Roster(mentor="Desmond Achterberg", mentee="Rosalind Keogh", others=("Imogen Pryce",))


def kinds(text: str) -> set[str]:
    return {leak.kind for leak in find_leaks(text, ROSTER)}


@pytest.mark.parametrize(
    "text",
    [
        "Her mobile is oh seven seven nine, four one two, five five eight three.",
        "Ring him on zero two nine double four, six one three.",
        "His badge reads four four seven two one.",
        "Call me on extension 4412 after lunch.",
        "Try ext. 2207 or x5310.",
        "Reach her on extension four four one two.",
        "The account is 5520913 on the old system.",
        "She quoted staff code 88312 twice.",
    ],
)
def test_numbers_said_aloud_and_bare_long_numbers_are_leaks(text: str) -> None:
    assert kinds(text) & {"phone in words", "phone extension", "long number", "phone"}


@pytest.mark.parametrize(
    "text",
    [
        "They tried one or two ideas and picked three to five posts a week.",
        "Views went from 1500 to 2,400 and the budget was £40000.",
        "Engagement grew 12000% on 2026-05-04, they said.",
    ],
)
def test_counts_amounts_dates_and_everyday_number_words_are_not_leaks(text: str) -> None:
    assert not kinds(text) & {"phone in words", "phone extension", "long number"}


def test_the_package_lacks_des_and_roz_so_the_hand_table_adds_them() -> None:
    assert "des" in variants("desmond") and "desmond" in variants("des")
    assert {"roz", "ros"} <= variants("rosalind")
    assert "immy" in variants("imogen")


@pytest.mark.parametrize("text", ["Des agreed to draft it.", "Roz will post.", "Immy joined late."])
def test_short_forms_users_meet_are_leaks(text: str) -> None:
    assert "name" in kinds(text)


def test_short_forms_and_spoken_numbers_are_redacted_before_release() -> None:
    text = "Des and Roz agreed; call extension 4412 or oh seven seven nine four one two five."
    (said,) = anonymize_all([text], ROSTER, keep=safe_terms())
    assert find_leaks(said, ROSTER) == []
    for hidden in ("Des", "Roz", "4412", "seven"):
        assert hidden not in said
