"""Owners read from the grammar of headings, tags and subjects, not from keywords alone."""

from __future__ import annotations

import pytest

from coach.models import Owner
from coach.offline.actions import extract_actions
from coach.offline.notes import parse_notes
from coach.offline.people import note_author
from coach.privacy.roster import Roster

PAIR = Roster(mentor="Nadia Osei", mentee="Tomasz Kowal")

CASES: list[tuple[str, str, list[tuple[str, Owner]]]] = [
    (
        "a-heading-that-says-who-will-do-the-list",
        "Talked through the new expenses tool. Tomasz was unsure about approvals.\n\n"
        "What he'll do:\n- try the mobile app for one claim\n- ask finance about the limit\n"
        "What I'll do:\n- record a short screen video\n",
        [
            ("mobile app", "mentee"),
            ("ask finance", "mentee"),
            ("screen video", "mentor"),
        ],
    ),
    (
        "initials-as-an-owner-tag",
        "Next steps:\n- TK: book the training room by Friday\n- NO: draft the FAQ\n",
        [("training room", "mentee"), ("draft the FAQ", "mentor")],
    ),
    (
        "an-owner-tag-wins-over-whoever-is-asked",
        "Intro session.\n- TK: email IT about the licence\n- Tomasz: wants fewer meetings.\n"
        "- Me: want to see how budgets get approved.\n- Me: send the checklist\n",
        [("email IT", "mentee"), ("checklist", "mentor")],
    ),
    (
        "a-subject-after-an-opening-phrase",
        "Agreed:\n- Next month we both present it at the team meeting.\n"
        "- After the demo Tomasz shares the slides.\n",
        [("present it", "both"), ("shares the slides", "mentee")],
    ),
    (
        "an-owner-tag-and-an-order-outside-any-action-list",
        "* Goals for the term:\n  - get comfortable with pivot tables\n"
        "* Me: send him the practice workbook\n* Tomasz: 30 years in finance, hates macros.\n"
        "Actions\n* Tomasz to build one pivot table by Friday\n",
        [("practice workbook", "mentor"), ("pivot table by Friday", "mentee")],
    ),
    (
        "a-request-made-in-the-past-is-not-a-to-do",
        "Feedback: he asked me to slow down when I demo (he said so twice).\n"
        "Tomasz will try the pivot wizard.\n",
        [("pivot wizard", "mentee")],
    ),
]


@pytest.mark.parametrize(
    ("notes", "expected"), [pytest.param(n, e, id=name) for name, n, e in CASES]
)
def test_owners_follow_headings_tags_and_subjects(
    notes: str, expected: list[tuple[str, Owner]]
) -> None:
    items = extract_actions(parse_notes(notes), PAIR, note_author(notes, PAIR))
    got = [(item.text, item.owner) for item in items]
    assert len(got) == len(expected), got
    for (text, owner), (phrase, want) in zip(got, expected, strict=True):
        assert phrase.lower() in text.lower(), got
        assert owner == want, text


WORD_PAIR = Roster(mentor="Anna Berg", mentee="Will Foster", others=("Rose Tan",))


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("Session 2 - Will and me, spreadsheets\nWill had never used a pivot table.\n", []),
        ("Will will share the sheet by Friday.\n", [("share the sheet", "mentee")]),
        ("Will send the sheet on Monday.\n", [("send the sheet", "mentor")]),
        ("Will (our ops lead) had not seen it. Rose will probably say no.\n", []),
    ],
)
def test_a_name_that_is_a_modal_is_the_name_unless_a_verb_follows(
    notes: str, expected: list[tuple[str, Owner]]
) -> None:
    items = extract_actions(parse_notes(notes), WORD_PAIR, note_author(notes, WORD_PAIR))
    got = [(item.text, item.owner) for item in items]
    assert len(got) == len(expected), got
    for (text, owner), (phrase, want) in zip(got, expected, strict=True):
        assert phrase in text and owner == want, got


def test_a_lower_case_name_that_is_a_word_tags_its_owner() -> None:
    roster = Roster(mentor="Anna Berg", mentee="Frank Moss")
    notes = "next:\n- frank: share the channel link with his team\n- anna: write up the setup\n"
    items = extract_actions(parse_notes(notes), roster, note_author(notes, roster))
    assert [(i.text.split(":")[0], i.owner) for i in items] == [
        ("frank", "mentee"),
        ("anna", "mentor"),
    ]


def test_an_order_the_small_model_reads_as_a_noun_is_still_an_order() -> None:
    notes = "Intro chat.\n- Tomasz: post in the team channel daily\n- Me: coffee once a quarter\n"
    items = extract_actions(parse_notes(notes), PAIR, note_author(notes, PAIR))
    assert [(i.text, i.owner) for i in items] == [
        ("Tomasz: post in the team channel daily", "mentee")
    ]


def test_a_third_party_asked_by_a_tagged_order_leaves_the_work_with_the_tag() -> None:
    roster = Roster(mentor="Nadia Osei", mentee="Tomasz Kowal", others=("Priya Shah",))
    notes = "Next steps:\n- Tomasz: invite Priya to join the demo\n- Priya will run the Q&A\n"
    items = extract_actions(parse_notes(notes), roster, note_author(notes, roster))
    assert [i.owner for i in items] == ["mentee", "other"]


WORD_NAMES = Roster(mentor="Grace Okafor", mentee="Will Brennan", others=("Mark Ellis",))


@pytest.mark.parametrize(
    ("notes", "owners"),
    [
        # "Will and Grace will": the first "Will" is a name, so the pair is one subject.
        ("Will and Grace will review the draft at the end of next week.", ["both"]),
        ("Grace and Will will trial the new rota in a fortnight.", ["both"]),
        # A pronoun right after a sentence that names only a third party is that person.
        ("Mark Ellis joined for ten minutes. He will set up the mailbox by Thursday.", ["other"]),
        ("Mark from IT dropped in. He'll lift the block by the 3rd.", ["other"]),
        # Once a pair member is named again, the pronoun is the pair member.
        ("Mark joined briefly. Will was keen. He will draft the FAQ by Friday.", ["mentee"]),
    ],
)
def test_word_names_and_pronouns_after_a_third_party(notes: str, owners: list[Owner]) -> None:
    items = extract_actions(parse_notes(notes), WORD_NAMES, "mentor")
    assert [a.owner for a in items] == owners


@pytest.mark.parametrize(
    ("notes", "owners"),
    [
        ("Actions\n- Will - tidy the channel list\n- Mark (IT) to lift it", ["mentee", "other"]),
        ("Mark to lift the block before the board meeting on the 12th.", ["other"]),
        # Not listed and not dated: news of a plan, not work the pair set.
        ("Mark to lift the block at some point, apparently.", []),
    ],
)
def test_a_third_party_to_do_on_a_list_or_dated_is_theirs(notes: str, owners: list[Owner]) -> None:
    items = extract_actions(parse_notes(notes), WORD_NAMES, "mentor")
    assert [a.owner for a in items] == owners


@pytest.mark.parametrize(
    ("notes", "owner", "person"),
    [
        # Not on the roster: the place they are from says they are outside the pair.
        ("Ivy to draft the post. Sol from Legal to check the wording by Thursday.", "other", "Sol"),
        ("Ivy drafted it. Tariq from the PMO will send the policy by Friday.", "other", "Tariq"),
        # The pair's own member tied to a team is still the pair's.
        ("Ivy from Marketing to send the brief by Friday.", "mentee", None),
    ],
)
def test_a_name_from_a_team_off_the_roster_is_a_third_party(
    notes: str, owner: Owner, person: str | None
) -> None:
    roster = Roster(mentor="Odile Grant", mentee="Ivy Chen")
    items = extract_actions(parse_notes(notes), roster, "mentor")
    assert (items[-1].owner, items[-1].person) == (owner, person)
