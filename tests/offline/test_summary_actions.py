"""Action items from realistic notes: bullets, prose and shorthand, with owners and due dates."""

from __future__ import annotations

import pytest

from coach.generators.summary import finalize
from coach.models import Owner
from coach.offline.actions import extract_actions
from coach.offline.dates import find_due
from coach.offline.notes import parse_notes
from coach.offline.people import note_author
from coach.offline.summary import compose_summary
from coach.privacy.roster import Roster
from tests.offline.test_summary import make_request

PAIR = Roster(mentor="Priya Natarajan", mentee="Katherine O'Neill", others=("Dana Whitfield",))
OTHER_PAIR = Roster(mentor="Tom Becker", mentee="Margaret Hale", others=("Sam Jones",))

# Each expected item: a phrase its text contains, its owner, and its due date.
Expected = list[tuple[str, Owner, str | None]]

CASES: list[tuple[str, Roster, str, Expected]] = [
    (
        "bullets-under-next-steps-with-first-person",
        PAIR,
        "Good session on LinkedIn.\n"
        "Next steps:\n"
        "- I will send Katie three example posts by Friday.\n"
        "- Katie to draft her first post before the next session.\n"
        "- We'll review it together on 12 March.\n",
        [
            ("send Katie three example posts", "mentor", "Friday"),
            ("draft her first post", "mentee", "the next session"),
            ("review it together", "both", "12 March"),
        ],
    ),
    (
        "capitalised-heading-without-colon-and-checkboxes",
        OTHER_PAIR,
        "ACTIONS\n"
        "- [ ] Maggie: set up a Teams channel for her directs (by Thurs)\n"
        "- [ ] Tom - share the Copilot prompt list\n"
        "- [x] Tom sent the calendar invite\n",
        [
            ("set up a Teams channel", "mentee", "Thurs"),
            ("share the Copilot prompt list", "mentor", None),
        ],
    ),
    (
        "lower-case-todo-heading-in-shorthand",
        PAIR,
        "talked thru dashboards, she was overwhelmed by power bi\n"
        "todo\n"
        "- katie: 30 min on the sales dashboard each week\n"
        "- priya find a beginner course\n",
        [
            ("30 min on the sales dashboard", "mentee", None),
            ("find a beginner course", "mentor", None),
        ],
    ),
    (
        "prose-with-two-owners-in-one-sentence-and-a-phone-number",
        PAIR,
        "We wrapped up by agreeing that Katie will post one reel a week and Priya will review "
        "each one before it goes live. Her phone is 07700 900123 if anything comes up.",
        [
            ("Katie will post one reel a week", "mentee", None),
            ("Priya will review each one", "mentor", None),
        ],
    ),
    (
        "notes-written-by-the-mentee",
        PAIR,
        "Notes by Katie (mentee)\n"
        "Priya showed me how she uses ChatGPT for meeting prep.\n"
        "I'll try it for my Monday staff meeting.\n"
        "Priya will send me her favourite prompts by Wednesday.\n",
        [
            ("try it for my Monday staff meeting", "mentee", None),
            ("send me her favourite prompts", "mentor", "Wednesday"),
        ],
    ),
    (
        "my-mentor-makes-the-author-the-mentee",
        PAIR,
        "Session with my mentor Priya. She explained hashtags and how the algorithm works. "
        "I need to update my LinkedIn headline by end of month. "
        "She'll share her own profile as an example.",
        [
            ("update my LinkedIn headline", "mentee", "end of month"),
            ("share her own profile", "mentor", None),
        ],
    ),
    (
        "follow-ups-with-contact-details-and-narrative",
        OTHER_PAIR,
        "Follow-ups:\n"
        "- Maggie's EA is Sam, email sam.jones@example.com\n"
        "- Maggie presented the hybrid policy to her team last week.\n"
        "- Maggie will ask Sam to book a room for the demo.\n",
        [("ask Sam to book a room", "mentee", None)],
    ),
    (
        "role-words-and-shorthand-without-a-heading",
        PAIR,
        "- mentee to try gen AI for drafting the Q3 update, eow\n"
        "- mentor -> share slide template by Tue\n"
        "- both: 15 min retro at next session\n",
        [
            ("try gen AI", "mentee", "eow"),
            ("share slide template", "mentor", "Tue"),
            ("15 min retro", "both", "next session"),
        ],
    ),
    (
        "pronouns-follow-the-last-person-named",
        PAIR,
        "The mentee was sceptical about Slack at first. After a walkthrough she agreed to use it "
        "for her team's stand-ups from next week. The mentor will check in on how it's going at "
        "our next session.",
        [
            # "from next week" is when the habit starts, not a deadline.
            ("agreed to use it", "mentee", None),
            ("check in on how it's going", "mentor", "our next session"),
        ],
    ),
    (
        "quotes-questions-and-impersonal-future-are-not-actions",
        PAIR,
        'Katie said "I will never get the hang of TikTok". It will take time. '
        "Should we invite her team? Priya thinks reels could help. "
        "Katie is going to film a test reel on Friday.",
        [("film a test reel", "mentee", "Friday")],
    ),
    (
        "inline-action-heading-with-semicolons",
        PAIR,
        "Action items: Katie to book the demo room; Priya to prepare the demo data; "
        "both to send questions to Dana by the 15th.",
        [
            ("book the demo room", "mentee", None),
            ("prepare the demo data", "mentor", None),
            ("send questions to Dana", "both", "the 15th"),
        ],
    ),
    (
        "homework-is-the-mentees-and-lets-is-both",
        PAIR,
        "Homework:\n"
        "- Read the two articles on inclusive language\n"
        "- Let's both try the new Teams etiquette for a week\n",
        [
            ("Read the two articles", "mentee", None),
            ("try the new Teams etiquette", "both", None),
        ],
    ),
    (
        "asked-someone-to-makes-them-the-owner",
        PAIR,
        "Katie asked Priya to walk her through Looker before the board meeting. "
        "Priya reminded Katie to bring the Q2 numbers.",
        [
            ("walk her through Looker", "mentor", None),
            ("bring the Q2 numbers", "mentee", None),
        ],
    ),
    (
        "third-parties-own-their-actions",
        PAIR,
        "Dana will circulate the survey results. Katie will share them with Priya on Monday.",
        [
            ("circulate the survey results", "other", None),
            ("share them with Priya", "mentee", "Monday"),
        ],
    ),
    (
        "first-person-marked-as-mentor-and-a-plan-after-a-semicolon",
        PAIR,
        "I (mentor) will put together a one-page guide to Miro by 3/14. Katie mentioned she is "
        "nervous about running a workshop; she plans to co-facilitate with me next month.",
        [
            ("one-page guide to Miro", "mentor", "3/14"),
            ("co-facilitate with me", "mentee", "next month"),
        ],
    ),
    (
        "nicknames-surnames-and-a-bold-heading",
        PAIR,
        "**Agreed actions**\n"
        "1. Kathy will shadow Priya's TikTok shoot on Tuesday. She was excited about it.\n"
        "2. Ms Natarajan to send the shot list.\n",
        [
            ("shadow Priya's TikTok shoot", "mentee", "Tuesday"),
            ("send the shot list", "mentor", None),
        ],
    ),
    (
        "a-new-paragraph-ends-the-action-list",
        PAIR,
        "Next steps:\n"
        "- Katie will post on LinkedIn by Friday\n"
        "\n"
        "Overall a really energising conversation about sustainability reporting.\n",
        [("post on LinkedIn", "mentee", "Friday")],
    ),
    (
        "subject-left-out-is-the-author-unless-tagged",
        PAIR,
        "Actions -\n- Will send deck to K.\n- Need to book Miro training for team (Katie)\n",
        [
            ("send deck", "mentor", None),
            ("book Miro training", "mentee", None),
        ],
    ),
    (
        "past-intentions-and-embedded-questions-are-not-actions",
        PAIR,
        "Katie was going to try Copilot but ran out of time. We discussed how Katie will "
        "measure engagement. She will try Copilot again before our next session.",
        [("try Copilot again", "mentee", "our next session")],
    ),
    (
        "lower-case-shorthand-contractions-and-look-alike-words",
        PAIR,
        "i'll send the links, i.e. the deck, by fri\n"
        "Katie thinks the US market will respond. We're planning to review in two weeks.\n"
        "I'm going to book the room tomorrow.\n",
        [
            ("send the links", "mentor", "fri"),
            ("planning to review", "both", "two weeks"),
            ("book the room", "mentor", "tomorrow"),
        ],
    ),
    (
        "a-second-verb-that-binds-the-subject-is-its-own-clause",
        PAIR,
        "Katie rewrote her headline in the session and agreed to post an update on Friday.\n",
        [("agreed to post an update", "mentee", "Friday")],
    ),
    (
        "a-commitment-after-a-semicolon-stands-apart-from-what-was-said",
        PAIR,
        "Katie said her assistant posts for her; Dana will keep scheduling the team posts.\n",
        [("Dana will keep scheduling the team posts", "other", None)],
    ),
    (
        "a-pronoun-subject-shared-by-a-binding-verb-is-the-person-named-before",
        PAIR,
        "Katie brought the survey results.\n"
        "She sorted the comments into themes and volunteered to present them on Tuesday.\n",
        [("volunteered to present them", "mentee", "Tuesday")],
    ),
    (
        "narrative-only-notes-have-no-actions",
        PAIR,
        "Priya demoed Notion. Katie took notes and asked lots of questions.\n"
        "We talked about burnout and how hybrid work changed the team.\n",
        [],
    ),
]


@pytest.mark.parametrize(
    ("notes", "roster", "expected"),
    [pytest.param(notes, roster, expected, id=name) for name, roster, notes, expected in CASES],
)
def test_action_items_are_found_with_owner_and_due(
    notes: str, roster: Roster, expected: Expected
) -> None:
    items = extract_actions(parse_notes(notes), roster, note_author(notes, roster))
    got = [(item.text, item.owner, item.due) for item in items]
    assert len(got) == len(expected), got
    for (text, owner, due), (phrase, want_owner, want_due) in zip(got, expected, strict=True):
        assert phrase.lower() in text.lower(), got
        assert (owner, due) == (want_owner, want_due), text


@pytest.mark.parametrize(
    ("notes", "author"),
    [
        ("I will send the deck.", "mentor"),
        ("Notes by Katie. I will try reels.", "mentee"),
        ("Catch-up with my reverse mentor. I will try reels.", "mentee"),
        ("My mentee Katie was keen. I will send links.", "mentor"),
        ("Mentee's notes\nI will try reels.", "mentee"),
        ("Priya (me) and Katie met. I will send links.", "mentor"),
        ("I'm the mentee here. I will try reels.", "mentee"),
        ('Katie said "my mentor is great". I will send links.', "mentor"),
    ],
)
def test_the_notes_author_is_the_mentor_unless_the_notes_say_otherwise(
    notes: str, author: Owner
) -> None:
    assert note_author(notes, PAIR) == author


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Send it by Thurs.", "Thurs"),
        ("Send it by EOW.", "EOW"),
        ("Send it before our next session.", "our next session"),
        ("Send it next week.", "next week"),
        ("Send it by mid-December.", "mid-December"),
        ("Send it by December.", "December"),
        ("Send it by the 15th.", "the 15th"),
        ("Send the marketing plan soon.", None),
    ],
)
def test_due_dates_in_shorthand_and_without_a_preposition(text: str, due: str | None) -> None:
    assert find_due(text) == due


def test_headings_without_colons_are_not_items_and_scope_the_bullets_under_them() -> None:
    notes = "Intro chat.\nTo do\n* book room\n\nLater we chatted.\n## Next steps\n+ send deck"
    sentences = parse_notes(notes)
    assert [(s.text, s.section) for s in sentences] == [
        ("Intro chat.", ""),
        ("book room", "to do"),
        ("Later we chatted.", ""),
        ("send deck", "next steps"),
    ]


def test_whats_next_heads_a_list_and_a_one_word_label_is_taken_off_its_sentence() -> None:
    notes = (
        "We tried the new rota tool.\nWhat's next:\n- book the training room\n\n"
        "Next: Omar will email the rota to the team.\nPlan: keep Fridays free."
    )
    sentences = parse_notes(notes)
    assert [(s.text, s.section) for s in sentences] == [
        ("We tried the new rota tool.", ""),
        ("book the training room", "what's next"),
        ("Omar will email the rota to the team.", ""),
        ("keep Fridays free.", ""),
    ]


def test_the_anonymized_side_counts_the_new_items_and_leaks_nothing() -> None:
    notes = "Notes by Katie (mentee)\nACTIONS\n- I'll post a reel by Fri\n- Priya: send hooks list"
    request = make_request(notes)
    draft = finalize(request, compose_summary(request, []))
    assert [a.owner for a in draft.private.action_items] == ["mentee", "mentor"]
    assert draft.anonymized.action_item_count == 2
    released = draft.anonymized.model_dump_json().lower()
    assert "katie" not in released and "priya" not in released


FORECASTS_AND_THOUGHTS = [
    "Graham will be on leave for most of March.",
    "Hopefully Graham will feel more comfortable after a few tries.",
    "Graham will probably find it easier with practice.",
    "Mark will probably say no anyway.",
    "Graham is worried he will look silly on camera.",
    "Mark from finance is planning to roll out Copilot to everyone.",
    # A reminder of a fact and the past perfect tell what is or was, whatever date they carry.
    "Priya reminded Graham that Mark would need the forecast by the end of the month.",
    "Graham had planned to brief his directs by Monday.",
]
WORK = [
    ("Next time we will look at what happened.", "both"),
    ("Graham will find two examples of good dashboards.", "mentee"),
    ("Mark will reset Graham's access, he's tracking it in the queue.", "other"),
    ("Graham said he will post the update by Friday.", "mentee"),
    # A pronoun after a third party, the only one named before it, is that third party.
    ("Mark presented the plan to the board and he will present it again by June.", "other"),
    ("Mark rebuilt the rota in May; he will rebuild it again by June.", "other"),
    ("Mark is away until Easter, so he will sign the form after it.", "other"),
    ("Graham thanked Mark for the rota, and he will share it with his team by Friday.", "mentee"),
]
GRAHAM = Roster(mentor="Priya Shah", mentee="Graham Hollis", others=("Mark Daly",))


@pytest.mark.parametrize("text", FORECASTS_AND_THOUGHTS)
def test_forecasts_feelings_and_third_party_plans_are_not_actions(text: str) -> None:
    assert extract_actions(parse_notes(text), GRAHAM) == []


@pytest.mark.parametrize(("text", "owner"), WORK)
def test_work_stated_beside_a_splice_or_a_report_is_still_an_action(text: str, owner: str) -> None:
    items = extract_actions(parse_notes(text), GRAHAM)
    assert [i.owner for i in items] == [owner]


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("I'll forward it to our social media manager, Keisha Bramwell, by Friday.", "manager"),
        ("Dana will ask the recruitment lead, Marcus Evelyn-Shaw, to send questions.", "lead"),
        ("I'll ask the bursar for permission to share the meter readings.", "bursar"),
        ("I will take that to the faculty marketing lead on Monday.", "marketing"),
        ("i'll email the collections team tomorrow. hull weather permitting we film.", "hull"),
        ("I'll check the rota with the ward manager before Friday.", "ward"),
        ("Katie will get sign-off from our cfo on the budget.", "cfo"),
        ("I'll tell matron about the new rota.", "matron"),
        ("Katie will share the figures with the head of quality.", "quality"),
    ],
)
def test_commitments_for_coordinators_say_someone_for_the_people_reached(
    text: str, hidden: str
) -> None:
    from coach.models import ActionItem
    from coach.offline.view import commitments

    (item,) = commitments([ActionItem(text=text, owner="mentor")])
    assert hidden not in item.what.split()


def test_the_coordinator_view_never_says_a_name_even_as_an_ordinary_word() -> None:
    # The whole-word, any-case reading a coordinator (or the eval) gives the view.
    request = make_request(
        notes=(
            "Will and Grace met at the Reading office. Grace will mark the dates for reading "
            "week in the shared calendar by Friday. Will will grace the all-hands with a demo "
            "and will post the first update. Hope from IT will check the access."
        ),
        mentor_name="Grace Okafor",
        mentee_name="Will Turner",
        other_names=["Hope Adams"],
    )
    side = finalize(request, compose_summary(request, [])).anonymized
    said = " ".join(
        [c.what for c in side.commitments] + [g.goal for g in side.goal_progress]
    ).lower()
    assert side.commitments
    for word in ("will", "grace", "reading", "hope"):
        assert word not in said.split()


def test_lower_case_notes_name_word_names_and_a_withdrawn_action_is_dropped() -> None:
    roster = Roster(mentor="Will Ashby", mentee="June Park")
    notes = (
        "will showed me how to pin files. will will send me the guide tonight. "
        "i'll announce it at the all hands. scratch that, sales rose to 40% anyway."
    )
    items = extract_actions(parse_notes(notes), roster, "mentee")
    assert [(i.owner, i.due) for i in items] == [("mentor", "tonight")]


def test_an_agreed_i_d_binds_like_will_and_splits_from_the_next_owner() -> None:
    roster = Roster(mentor="Grace Obi", mentee="Helen Ward")
    notes = "We agreed I'd post one reel by the 14th, and Grace will send me a list tomorrow."
    items = extract_actions(parse_notes(notes), roster, "mentee")
    assert [(i.owner, i.due) for i in items] == [("mentee", "the 14th"), ("mentor", "tomorrow")]


def test_a_name_that_is_a_modal_before_a_past_verb_tells_what_happened() -> None:
    roster = Roster(mentor="Will Thompson", mentee="Sandra Okafor")
    notes = (
        "Will pointed out things I walk past every day: lights on in the empty bay, the vans "
        "at the gate waiting for slots, the boxes going in general waste because the skip is "
        "full by Tuesday. "
        "Will will send the calculator."
    )
    items = extract_actions(parse_notes(notes), roster, "mentee")
    assert [(i.owner, i.text) for i in items] == [("mentor", "Will will send the calculator.")]


def test_prose_around_an_action_list_is_an_aside_unless_it_sets_a_date() -> None:
    notes = (
        "We work differently. That's fine, I'll send more written stuff.\n"
        "I'll send the checklist by Friday.\n\n"
        "Actions\n- Katie: run the retro on 18 June\n- me: make a retro template\n"
    )
    items = extract_actions(parse_notes(notes), PAIR)
    assert [i.owner for i in items] == ["mentor", "mentee", "mentor"]
    assert "written stuff" not in " ".join(i.text for i in items)


def test_a_goal_label_is_not_an_action() -> None:
    notes = "goal we agreed: Katie builds her own weekly sales view without asking the BI team."
    assert extract_actions(parse_notes(notes), PAIR) == []


def test_work_whose_subject_is_a_named_third_party_is_theirs() -> None:
    notes = "Actions\n- facilities are supposed to book the hot desks, Dana is chasing them\n"
    assert [i.owner for i in extract_actions(parse_notes(notes), PAIR)] == ["other"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Dana in planning will fix the broken cohort filter, logged as RITM0098812",
            "fix the broken cohort filter",
        ),
        (
            "Katie will ask facilities about the camera in the Orion room by 31 January",
            "ask facilities about the camera",  # a department is no one in particular
        ),
        ("Katie records three 45-second takes on Friday, no deleting", "record three takes"),
        ("I'll send the agenda 24 hours ahead, starting this week", "send the agenda"),
    ],
)
def test_a_commitment_is_said_as_its_verb_and_object(text: str, said: str) -> None:
    from coach.offline.view import coordinator_phrase

    assert coordinator_phrase(text).startswith(said)


def test_a_next_time_line_is_what_to_pick_up_not_an_action() -> None:
    notes = (
        "We looked at the shared inbox rules.\n\nActions:\n"
        "- Katie will tidy the rules by Friday\n"
        "Next time: look at her notes on what went wrong."
    )
    private = compose_summary(make_request(notes), []).private
    assert [a.quote for a in private.action_items] == ["Katie will tidy the rules by Friday"]
    assert [a.text for a in private.action_items] == ["Katherine will tidy the rules by Friday."]
    assert private.next_time == ["Look at her notes on what went wrong."]
    assert "Next time: look at her notes on what went wrong." in private.summary


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Grace will use Copilot to draft her Monday replies for the next two weeks",
            "use Copilot to draft replies",
        ),
        (
            "We both want to ask the IT helpdesk (ticket INC-55123) whether meeting summaries "
            "can be switched on",
            "ask the helpdesk whether meeting summaries can be switched on",
        ),
        (
            "Katie will ask Dana whether meeting summaries can be switched on",
            "ask someone whether meeting summaries can be switched on",
        ),
        ("Katie will ask the finance team about the budget codes", "ask the finance team about"),
    ],
)
def test_a_commitment_keeps_products_teams_and_what_is_asked(text: str, said: str) -> None:
    from coach.offline.view import coordinator_phrase

    assert coordinator_phrase(text).startswith(said)


def test_a_long_commitment_never_repeats_the_notes_word_for_word() -> None:
    from coach.offline.view import coordinator_phrase
    from coach.privacy.leaks import copies

    text = "Katie will build a simple sales dashboard for the regional team leads"
    said = coordinator_phrase(text)
    assert said.startswith("build a simple sales dashboard")
    assert not copies(said, text)


def test_next_session_deadlines_take_the_booked_date_or_none() -> None:
    notes = "Katie will bring her draft bio before our next session.\n"
    booked = compose_summary(make_request(notes, next_session_date="2026-12-04"), [])
    unbooked = compose_summary(make_request(notes), [])
    assert [a.due for a in booked.private.action_items] == ["2026-12-04"]
    assert [a.due for a in unbooked.private.action_items] == [None]


def test_terms_agreed_with_no_one_to_do_them_are_not_actions() -> None:
    notes = (
        "Agreed: one slide per idea, dark background, no animations.\n"
        "Agreed: Graham rehearses it twice before Thursday.\n"
    )
    items = extract_actions(parse_notes(notes), GRAHAM)
    assert [(i.owner, i.due) for i in items] == [("mentee", "Thursday")]


def test_someone_of_theirs_and_a_team_outside_the_pair_own_their_work() -> None:
    notes = (
        "Graham's deputy will collate the survey by Friday.\n"
        "Actions\n"
        "- Graham's EA to move the one-to-ones\n"
        "- IT to restore the shared drive\n"
        "- ask IT to add Graham to the pilot\n"
        "- Graham's first job is to book the room\n"
    )
    items = extract_actions(parse_notes(notes), GRAHAM)
    assert [i.owner for i in items] == ["other", "other", "other", "both", "mentee"]


def test_notes_from_a_named_mentee_make_i_the_mentee() -> None:
    notes = "Notes from Graham. Priya showed me Loom. I'll record a demo this week.\n"
    assert note_author(notes, GRAHAM) == "mentee"


def test_work_for_a_team_outside_the_pair_after_a_comma_is_theirs() -> None:
    notes = "The VPN dropped twice during the demo, IT need to renew the certificate.\n"
    items = extract_actions(parse_notes(notes), GRAHAM)
    assert [(i.text, i.owner) for i in items] == [("IT need to renew the certificate.", "other")]


def test_on_a_list_inviting_or_asking_someone_is_the_askers_work() -> None:
    notes = (
        "Next steps:\n"
        "- Graham invites Mark to the data clinic\n"
        "- Graham asks Mark to share last year's rota\n"
    )
    items = extract_actions(parse_notes(notes), GRAHAM)
    assert [i.owner for i in items] == ["mentee", "mentee"]


def test_an_actions_list_item_named_for_a_modal_is_said_with_will() -> None:
    # "Will to rebuild ..." on a list, for a mentee named Will, once read "Will to rebuild".
    request = make_request(
        notes=(
            "We went through the new expenses app together.\nActions:\n"
            "- Will to rebuild the team's landing page by Friday\n"
            "- Grace to send Will the template tomorrow"
        ),
        mentor_name="Grace Okafor",
        mentee_name="Will Turner",
    )
    summary = compose_summary(request, []).private.summary
    assert "Will will rebuild the team's landing page by 2026-11-27." in summary
    assert "Grace will send Will the template by 2026-11-21." in summary
    assert "Will to rebuild" not in summary
