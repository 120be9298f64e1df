"""Role phrases in any case that point at one person, and the words the notes use as names."""

from __future__ import annotations

import pytest

from coach.privacy import roles
from coach.privacy.person_nouns import WORDNET, build, person_nouns
from coach.privacy.roles import names_as_words, role_spans
from coach.privacy.roster import Roster


def found(text: str) -> list[str]:
    """Return the role phrases of a text as written."""
    return [text[a:b] for a, b in role_spans(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("ask the bursar about the budget", "the bursar"),
        ("get sign-off from our cfo first", "our cfo"),
        ("check with the ward manager before the rota goes out", "the ward manager"),
        ("tell matron about the new rota", "matron"),
        ("email the head of quality about it", "the head of quality"),
        ("the registrar will confirm the dates", "the registrar"),
        ("ask ward sister to cover", "ward sister"),
        ("share it with the estates director", "the estates director"),
        ("the mentee's manager signed it off", "the mentee's manager"),
        ("send it to my manager", "my manager"),
    ],
)
def test_a_role_that_points_at_its_holder_is_found_in_lower_case(text: str, phrase: str) -> None:
    assert found(text) == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "talk to managers about the plan",
        "a senior leader approved",
        "the mentor and the mentee agreed",
        "send it to a colleague",
        "share the dashboard with the finance team",
        "post the pledge in the team channel",
        "every manager should see this",
        "the managers liked it",
    ],
)
def test_roles_in_general_and_the_pair_itself_are_not_found(text: str) -> None:
    assert found(text) == []


def test_names_as_words_takes_roster_parts_and_the_names_the_notes_use() -> None:
    roster = Roster(mentor="Will Ashby", mentee="Grace Park", others=("Mark Dunn",))
    notes = "We met in Reading. Will will send Grace the guide; Hope from IT joked about it."
    words = names_as_words(notes, roster)
    assert {"will", "grace", "mark", "ashby", "reading", "hope"} <= words
    assert not {"guide", "send", "joked", "met"} & words


def test_the_words_the_view_says_people_by_are_never_name_words() -> None:
    # The tagger read "Mark (mentee)" as one name, and the goal "Mark uses dashboards" was
    # released as "the uses dashboards".
    roster = Roster(mentor="Jess Okafor", mentee="Mark Lewis")
    words = names_as_words("Session 5. Mark (mentee) and me (mentor), Weds 2 Dec.", roster)
    assert "mark" in words
    assert not {"mentee", "mentor"} & words


def test_a_role_before_a_noun_names_a_kind_of_thing() -> None:
    assert found("send the leaflet and the manager guide") == []
    assert found("tell the bursar tomorrow") == ["the bursar"]


def test_each_line_is_read_on_its_own() -> None:
    text = "mentor\nsend the leaflet and the manager guide\nask the bursar"
    assert [text[a:b] for a, b in role_spans(text)] == ["the bursar"]


@pytest.mark.parametrize(
    "text", ["ask the surveyor about it", "email our midwife first", "check with the site chaplain"]
)
def test_a_role_noun_no_hand_list_names_is_found(text: str) -> None:
    # Nouns whose every WordNet sense is a person, not only the curated roles.
    assert role_spans(text)


def test_a_word_that_also_names_a_thing_is_no_role() -> None:
    assert role_spans("share the guide and book the host venue") == ()


def test_the_shipped_person_nouns_are_what_wordnet_gives() -> None:
    if not (WORDNET / "index.noun").exists():
        pytest.skip("WordNet (Debian wordnet-base) is not installed: the shipped list stands")
    assert set(build()) == person_nouns()


def test_a_qualified_group_of_role_holders_is_found() -> None:
    assert found("email the shop stewards about the rota") == ["the shop stewards"]
    assert found("ask our ward managers first") == ["our ward managers"]


@pytest.mark.parametrize(
    "text", ["Grace will use Copilot to draft replies", "she asked copilot for a summary"]
)
def test_a_product_the_topics_teach_is_no_role(text: str) -> None:
    # WordNet has "copilot" as a person; in the program it is the tool a session teaches.
    assert found(text) == []


def test_lines_read_in_one_batch_give_the_spans_each_line_gives_alone() -> None:
    lines = [
        "The head of finance asked for the figures.",
        "",
        "We met the new intern and the regional manager.",
        "Nothing identifying here.",
    ]
    alone = [role_spans(line) for line in lines]
    roles._LINES.clear()
    together = role_spans("\n".join(lines))
    offsets = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    shifted = [(o + a, o + b) for o, spans in zip(offsets, alone, strict=True) for a, b in spans]
    assert together == tuple(shifted)
    assert together  # the examples do name a role
