"""How an action reads in the pair's summary and the coordinator's view."""

from __future__ import annotations

from coach.offline.phrases import action_core, plain_phrase, without_subject


def test_an_action_that_opens_with_its_verb_keeps_its_preposition_to() -> None:
    line = "show the slides to her two analysts before our next session"
    assert action_core(line) == line
    assert plain_phrase(line).startswith("show the slides to")
    assert action_core("Tomasz to send the deck") == "send the deck"


def test_a_pronoun_subject_is_left_to_the_owner_named_ahead() -> None:
    assert without_subject("they both review the chart") == "review the chart"
    assert without_subject("she shares the slides with IT") == "share the slides with IT"
    assert without_subject("the chart gets reviewed") is None


def test_a_hyphenated_modifier_stays_whole_in_a_commitment() -> None:
    from coach.offline.view import coordinator_phrase

    assert coordinator_phrase("Oskar will print the one-page handout for Lena by Monday.") == (
        "print the one-page handout"
    )
    assert coordinator_phrase("Lena to re-record the walk-through clip.").startswith(
        "re-record the walk-through clip"
    )
    # A compound with a given name in it is not a plain word: it is left out, not shown.
    assert "jean-luc" not in coordinator_phrase(
        "Oskar will ask jean-luc about the self-paced course."
    )


def test_a_compound_that_names_a_role_is_not_said_to_the_coordinator() -> None:
    from coach.offline.view import coordinator_phrase
    from coach.privacy.roles import role_spans

    said = coordinator_phrase("Lena will check the budget with the team-lead on Friday.")
    assert said.startswith("check the budget") and not role_spans(said)


def test_a_commitment_cut_to_length_ends_on_a_whole_phrase() -> None:
    from coach.offline.view import coordinator_phrase

    # Word for word these would copy the notes; the phrase loses whole parts, not half of one.
    said = coordinator_phrase(
        "Bram to check whether the old intranet page is still worth keeping for the wider team."
    )
    assert said == "check whether the intranet page is worth keeping"
    said = coordinator_phrase("Ines will set up a quiet room with a big screen for the demo.")
    assert said == "set up a quiet room"
    said = coordinator_phrase(
        "Ines will ask the print room whether the big poster can be ready for the open day."
    )
    assert said == "ask the print room whether the poster can be ready"


def test_a_recurring_time_is_a_commitment_only_when_the_clause_takes_it_on() -> None:
    from coach.offline.summary import _is_commitment

    assert _is_commitment("We'll swap one tip every week until the spring.")
    assert _is_commitment("Check the shared inbox each session.")
    # How things are now, or were: a habit described, not one taken on.
    assert not _is_commitment("Her unit still prints the rota and posts it every week.")
    assert not _is_commitment("He used to phone the helpdesk every day.")


def test_a_goal_keeps_the_verb_it_opens_with() -> None:
    assert plain_phrase("Learn Power BI") == "learn Power BI"
    assert (
        plain_phrase("Move the weekly figures to Power BI") == "move the weekly figures to Power BI"
    )
    # A capital that may be a given name is still left out.
    assert not plain_phrase("Will to learn Excel").startswith("will")


def test_masking_a_hyphened_name_or_role_leaves_one_someone() -> None:
    from coach.offline.parse import mask_people

    assert (
        mask_people("Lena to ask rob-chen about the rota.") == "Lena to ask someone about the rota."
    )
    assert "co-someone" not in mask_people("Oskar will ask the co-founder about the budget.")


def test_a_word_that_is_also_a_nickname_stays_after_an_article() -> None:
    # "link" is short for Lincoln, "frank" a given name; after "the"/"a" both are nouns.
    assert plain_phrase("pin the link in the channel") == "pin the link in the channel"
    assert plain_phrase("swap a chase for a call") == "swap a chase for a call"
    # A bare given name, or a roster name, is still left out.
    assert plain_phrase("ask frank about the deck") == "ask about the deck"
    assert plain_phrase("ask the link team", frozenset({"link"})) == "ask the team"
