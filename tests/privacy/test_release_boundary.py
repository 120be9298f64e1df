"""The release boundary: identifier kinds, roster forms, the program vocabulary, one taxonomy."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.models import CHALLENGE_GLOSSES, CHALLENGES, KNOWLEDGE_TOPICS
from coach.privacy.leaks import assert_no_leaks, find_leaks
from coach.privacy.roster import Roster, name_forms
from coach.privacy.vocabulary import known_challenges, known_themes, known_topics

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
ROSTER = Roster(
    mentor="Katherine O'Neill",
    mentee="Siobhán Kelly",
    others=("李明", "Дмитрий Иванов", "Alexandros Pappas"),
)
CLEAN = (
    "Session on collaboration tools. Themes: hands-on practice and old habits. What got in "
    "the way: resistance to change. Commitments: 1 for the mentee, next due 2026-03-13."
)


def kinds(text: str) -> set[str]:
    """Return the kinds of leak found in a text."""
    return {leak.kind for leak in find_leaks(text, ROSTER)}


def test_a_view_written_from_labels_is_clean() -> None:
    assert find_leaks(CLEAN, ROSTER) == []


@pytest.mark.parametrize(
    "text",
    [
        "Then Siobhan spoke.",  # diacritics folded
        "Then SIOBHÁN spoke.",
        "O’Neill agreed.",  # curly apostrophe
        "ONeill agreed.",  # no apostrophe
        "O'Neill's plan.",  # possessive
        "Kathy agreed.",  # nickname from the nicknames package
        "K.O. agreed.",  # initials
        "Dmitriy agreed.",  # transliterated
        "Alex agreed.",  # short form the table does not know
    ],
)
def test_roster_names_are_found_in_every_form(text: str) -> None:
    assert "name" in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The colleague 小李 joined.", "name in another script"),
        ("The colleague Дима joined.", "name in another script"),
        ("Reach them on oh seven seven double oh nine one two three four.", "phone in words"),
        ("Follow BobMillerCFO for updates.", "handle"),
        ("Their id is EMP-004217.", "employee id"),
        ("Use badge 99-1234 at the door.", "badge number"),
        ("Logged as ticket INC0012345.", "ticket id"),
        ("The office is at NW1 6XE.", "postcode"),
        ("Meet at 221B Baker Street.", "street address"),
        ("Ask the Leeds site manager.", "title tied to a team or place"),
        ("Ask the manager of the payroll team.", "title tied to a team or place"),
    ],
)
def test_identifier_kinds_are_found(text: str, kind: str) -> None:
    assert kind in kinds(text)


def test_ordinary_program_words_are_not_identifiers() -> None:
    text = "In 2026 the mentor will lead next time; the mentee will practise on AI tools."
    assert find_leaks(text, ROSTER) == []
    # Product names are no handle, id or name (NER may still call one an organisation, and the
    # anonymizer then replaces it: over-redaction is the safe side).
    products = kinds("They tried PowerPoint, LinkedIn, ChatGPT and YouTube.")
    assert not products & {"handle", "name", "employee id", "ticket id", "postcode"}


def test_a_refusal_names_kinds_never_values() -> None:
    with pytest.raises(Exception) as caught:
        assert_no_leaks("Siobhan sent EMP-004217 to NW1 6XE.", ROSTER)
    shown = str(caught.value) + repr(getattr(caught.value, "errors", ""))
    for value in ("Siobhan", "EMP-004217", "NW1 6XE"):
        assert value not in shown
    assert "employee id" in shown and "postcode" in shown


def test_common_word_names_only_count_written_as_names() -> None:
    roster = Roster(mentor="Will Thompson", mentee="Grace Liu")
    assert find_leaks("We will meet again; a saving grace.", roster) == []
    assert "name" in {leak.kind for leak in find_leaks("Will met Grace.", roster)}


def test_nobody_is_taken_for_another_persons_nickname() -> None:
    forms = name_forms(Roster(mentor="William Park", mentee="Robert Chen"))
    assert "Robert" not in forms[0].any_case | forms[0].as_name
    assert "Bob" in forms[1].any_case | forms[1].as_name


def test_only_program_vocabulary_survives_as_labels() -> None:
    assert known_topics(["Collaboration Tools", "generative-ai", "Acme Corp Leeds"]) == [
        "collaboration tools",
        "generative AI",
    ]
    assert known_themes(["hands-on practice", "Siobhán Kelly"]) == ["hands-on practice"]
    assert known_challenges(["power-dynamics", "EMP-004217"]) == ["power-dynamics"]


def test_the_challenge_taxonomy_is_the_knowledge_folder() -> None:
    files = {p.stem for p in (KNOWLEDGE / "challenges").glob("*.md")}
    assert set(CHALLENGES) == files == set(CHALLENGE_GLOSSES)


def test_the_topic_vocabulary_is_the_knowledge_folder() -> None:
    assert {p.stem for p in (KNOWLEDGE / "topics").glob("*.md")} == set(KNOWLEDGE_TOPICS)
