"""The "may need support" signal: each reason in new wordings, and near-misses that are not."""

from __future__ import annotations

import pytest

from coach.models import SummaryRequest
from coach.offline.support import support_reasons


def _reasons(notes: str, **dates: str) -> list[str]:
    request = SummaryRequest(
        notes=notes,
        mentor_name="Ada Obi",
        mentee_name="Ruth Kerr",
        session_date="2026-05-20",
        **dates,
    )
    return support_reasons(request)


@pytest.mark.parametrize(
    ("notes", "reason"),
    [
        (
            "Her director cornered me after the town hall and wanted me to send him a short update "
            "on how Ruth is getting on in our sessions.",
            "a confidentiality concern was raised",
        ),
        (
            "My line manager asked me to write up what Ruth has been struggling with.",
            "a confidentiality concern was raised",
        ),
        (
            "Word got around the floor about what we discussed last month, which upset her.",
            "a confidentiality concern was raised",
        ),
        (
            "I'm scared the notes could leak to his team before the restructure.",
            "a confidentiality concern was raised",
        ),
        (
            "There was a leak of our session notes to her department last week.",
            "a confidentiality concern was raised",
        ),
        (
            "This is the fourth week running that the practice task has not happened.",
            "commitments or sessions repeatedly missed",
        ),
        (
            "He keeps finding reasons not to open the dashboard between sessions.",
            "commitments or sessions repeatedly missed",
        ),
        (
            "She sits on my promotion board, and I can't really be honest with her about the team.",
            "a power-dynamics concern was raised",
        ),
        (
            "I'm worried about repercussions at my appraisal if I tell him what people think.",
            "a power-dynamics concern was raised",
        ),
        (
            "I would rather the coordinator step in here than sort it out myself.",
            "help from the program was asked for",
        ),
        (
            "I'm uneasy about it, so I'll mention it to the programme team; they need to know.",
            "help from the program was asked for",
        ),
    ],
)
def test_each_reason_is_found_in_new_wordings(notes: str, reason: str) -> None:
    assert reason in _reasons(notes)


@pytest.mark.parametrize(
    "notes",
    [
        "She asked me to send her the slides from our session on Friday.",
        "The coordinator sent round the mid-point survey; we filled it in together.",
        "We moved the session once because of the audit, and met the following Tuesday.",
        "The water leak chart now shades estimated values, and she asked for a copy.",
        "The meme about our product that went round last week was the starting point.",
        "He said he was worried at first, but after trying it twice he felt fine about it.",
        "We had a proper disagreement about brand replies and both of us changed our minds a bit.",
        "She asked how the new dashboard is doing on mobile and I showed her the usage chart.",
    ],
)
def test_near_misses_raise_no_flag(notes: str) -> None:
    assert _reasons(notes) == []


def test_a_long_gap_between_sessions_is_a_reason_and_a_short_one_is_not() -> None:
    notes = "We picked up where we left off with the shared calendar."
    assert _reasons(notes, previous_session_date="2026-03-30") == [
        "no session for more than 6 weeks"
    ]
    assert _reasons(notes, previous_session_date="2026-04-15") == []


@pytest.mark.parametrize(
    "notes",
    [
        "We'll double-check the room booking with the coordinator and mention it at the kick-off.",
        "The programme team asked us to write up what we covered in our sessions.",
        "I'll flag the new date to the coordinator so the calendar invite gets updated.",
    ],
)
def test_the_program_itself_in_routine_admin_is_no_call_for_help(notes: str) -> None:
    assert _reasons(notes) == []


def test_a_worry_in_the_notes_makes_writing_to_the_coordinator_a_call_for_help() -> None:
    notes = (
        "Something about the last meeting bothered me. Her manager sat in for ten minutes. "
        "Nobody said anything. I'll flag it to the coordinator this week."
    )
    assert "help from the program was asked for" in _reasons(notes)


_CONFIDENTIALITY = "a confidentiality concern was raised"
_POWER = "a power-dynamics concern was raised"
_MISSED = "commitments or sessions repeatedly missed"
_GAP = "a long gap between sessions was mentioned"


@pytest.mark.parametrize(
    ("notes", "reason"),
    [
        # Someone outside the pair pressing for, asking about or judging what the sessions hold.
        (
            "Ruth's head of department caught me in the corridor and quizzed me about what Ruth "
            "and I talk about in our sessions.",
            _CONFIDENTIALITY,
        ),
        (
            "The regional VP stopped by my desk and asked whether the mentoring had fixed her "
            "attitude yet.",
            _CONFIDENTIALITY,
        ),
        (
            "My supervisor keeps pushing me for details of what the mentee shares with me.",
            _CONFIDENTIALITY,
        ),
        (
            "Her boss wanted to know what we had covered so far, and whether it was worth it.",
            _CONFIDENTIALITY,
        ),
        (
            "Tom Reyes, who runs finance, emailed to ask how Ruth is coping in the sessions.",
            _CONFIDENTIALITY,
        ),
        (
            "Apparently something I said in our last session got back to my team leader.",
            _CONFIDENTIALITY,
        ),
        (
            "The director mentioned, in front of the whole team, a story I had only told Ruth in "
            "a session.",
            _CONFIDENTIALITY,
        ),
        (
            "His manager asked for a copy of our notes before the quarterly review.",
            _CONFIDENTIALITY,
        ),
        ("She shared what I told her in our session with her line manager.", _CONFIDENTIALITY),
        ("I found out he had forwarded our notes to his director.", _CONFIDENTIALITY),
        ("Her head of sales has started sitting in on our sessions.", _CONFIDENTIALITY),
        ("She asked me not to put any of the reorg detail in the notes.", _CONFIDENTIALITY),
        ("Please leave this out of the summary, he said, before telling me.", _CONFIDENTIALITY),
        ("It turns out her manager has read our notes from the spring.", _CONFIDENTIALITY),
        ("The CFO asked me to report back on her after every session.", _CONFIDENTIALITY),
        (
            "Her director wants me to keep him updated on how she is getting on.",
            _CONFIDENTIALITY,
        ),
        # One of the pair cannot speak freely or push back.
        ("I don't feel I can push back on that when she is in the room.", _POWER),
        # Reported by the other one of the pair, in the third person.
        ("Tomasz said he doesn't feel he can push back when his boss asks.", _POWER),
        ("Honestly I couldn't disagree with him, not with the restructure coming.", _POWER),
        ("I didn't dare challenge her figures, she outranks my whole department.", _POWER),
        (
            "He decides my bonus, so I went along with it even though I thought it was wrong.",
            _POWER,
        ),
        ("She signs off my probation review next month, which makes honesty hard.", _POWER),
        ("I felt I had no choice but to agree with everything he proposed.", _POWER),
        # Commitments missed across sessions.
        ("For the third session in a row the reading had not been done.", _MISSED),
        ("Again he had not tried the shortcut we practised, same as the last two times.", _MISSED),
        ("She has skipped the homework every week since we started.", _MISSED),
        ("Once more the practice task was not done, and he said work got in the way.", _MISSED),
        ("This was the second meeting he cancelled at short notice.", _MISSED),
        # A long gap stated in the notes.
        ("First time we've managed to meet in nearly three months.", _GAP),
        ("We hadn't seen each other for ten weeks because of the audit.", _GAP),
        ("It has been two months since our last session.", _GAP),
    ],
)
def test_each_concern_is_found_in_wordings_the_rules_never_saw(notes: str, reason: str) -> None:
    assert reason in _reasons(notes)


@pytest.mark.parametrize(
    "notes",
    [
        # Outsiders asking about things that are not the sessions.
        "Her manager asked me for the slides from the all-hands.",
        "The finance director asked how the new dashboard is doing on mobile.",
        "My boss wanted to know when the office move happens.",
        "Tom from IT asked whether the licences had arrived.",
        "His manager asked to move our session to Friday because of the board meeting.",
        "My boss asked me how the mentoring is going, and I said it is going well.",
        "He asked how he could get more out of the quieter people on his team.",
        "Again we ran over time, which I didn't mind at all.",
        "I nodded along in the meeting, then looked the term up afterwards.",
        "She shared the new dashboard with her line manager.",
        "I forwarded the calendar invite to his assistant.",
        "Her manager joined the product demo at the end of the day.",
        "We will send our notes to the coordinator after the session.",
        "He told his director about the new hashtag campaign.",
        "Her manager read the report on churn and asked for the raw data.",
        "The CFO asked me to report on the dashboard rollout by Friday.",
        "She asked me not to worry about the deadline.",
        "Ground rules: what is said here stays between us, and we both agreed.",
        "I said the bot will do harm if it tells a worried customer the wrong thing.",
        "Any manager would ask how the sessions are going; ours did, and that was all.",
        # The pair disagreeing, and saying so.
        "She pushed back on my plan for the launch and we found a middle way.",
        "I disagreed with him about the hashtag and he took it well.",
        "We can't push the launch back again, so the draft is due Friday.",
        "He challenged my numbers and I was glad he did.",
        # Things done, or one-off slips.
        "He did the reading this time and had three good questions.",
        "We moved the session once for a fire drill.",
        "She missed the first session but has come to every one since.",
        # Short gaps and time words that are not gaps.
        "We met three weeks after our last session, as planned.",
        "The campaign ran for two months and the results are in.",
        "Our next session is in two months because of her secondment.",
        "We will meet again in eight weeks, after the product launch.",
        "She has been in the team for three months and we met twice since.",
        "My manager said the programme sounds great and asked how to sign up.",
    ],
)
def test_healthy_sessions_and_near_misses_raise_no_flag(notes: str) -> None:
    assert _reasons(notes) == []
