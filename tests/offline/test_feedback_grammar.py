"""Offline rewrites read as whole sentences: every clause keeps a subject after spans go."""

from __future__ import annotations

import re

import pytest

from coach.language.feedback_checks import concern_preserved, feedback_violations
from coach.models import Direction, FeedbackDraft, FeedbackRequest
from coach.offline.feedback import compose_feedback

UP: Direction = "mentor_to_mentee"
DOWN: Direction = "mentee_to_mentor"
GENERIC_IMPACT = "It matters to me because it affects our work."

CASES: list[tuple[str, Direction]] = [
    ("You're lazy and never prepare for our sessions.", DOWN),
    ("You're lazy and never prepare for our sessions.", UP),
    (
        "Your attitude in meetings needs to change. You just want to show off in front of "
        "the team.",
        DOWN,
    ),
    ("Your attitude needs to change. Step up and be more professional.", DOWN),
    ("You always show up late to our 1:1s, which made it hard to keep momentum.", UP),
    ("You never send the agenda, so we missed the deadline.", UP),
    (
        "In Tuesday's session you skipped the exercise we planned, which made it hard to "
        "practise the new tool. Could we do it next week?",
        UP,
    ),
    (
        "In yesterday's meeting you interrupted me twice while I was presenting the budget. "
        "I lost my train of thought. Could you let me finish before you comment next time?",
        DOWN,
    ),
    ("He's rude and always interrupts people.", UP),
    ("She's arrogant and never listens to the junior staff.", UP),
    ("They're lazy and constantly miss the stand-up.", DOWN),
    ("You are careless and never test your code.", DOWN),
    ("You're an idiot and never read my messages.", UP),
    ("You're condescending and explained the tool as if I were a child.", DOWN),
    ("He's pushy and never waits for anyone to finish, so the retro ran over.", UP),
    ("You're so disorganized and I felt lost during the demo.", DOWN),
    ("You talked over me in the review and I felt ignored.", DOWN),
    ("You never reply to my emails on time, you idiot.", UP),
    ("Every time we meet, you're late and you never apologize.", UP),
    ("Boomers like you never get technology.", UP),
    ("Millennials are so entitled. At your age you should know Excel.", DOWN),
    ("You don't care about the project. You just want to look good in front of the board.", UP),
    ("Ok boomer. Learn to use Teams.", UP),
    ("Stop checking your phone during our sessions.", UP),
    ("Great job on the dashboard walkthrough, it was really clear.", DOWN),
    ("On the dashboard walkthrough you explained the filters really well.", UP),
    (
        "Thanks for the session today, the exercise with the dashboard filters was really helpful.",
        UP,
    ),
]

# A small, deliberately strict check: after an optional opening phrase, a sentence must start
# with a pronoun, a determiner or a noun followed by a verb. A bare verb, auxiliary or
# negation ("do not prepare", "interrupts people") is a clause that lost its subject.
_SUBJECTS = frozenset(
    """i you he she it we they this that these those there the a an my your his her our their
    its some several another not more each every one how what""".split()
)
_FORMULAS = re.compile(r"^(?:thanks|thank you|great job|well done|nice work)\b", re.I)
_POLITE = re.compile(r"^(?:please|let['’]s)\b", re.I)
_ASKS = re.compile(
    r"^(?:(?:could|can|would|will|may|shall|should|do|did|is|are)\s+(?:you|I|we)"
    r"|how|what|why|when|where|who)\b",
    re.I,
)
_OPENING = re.compile(
    r"^(?:(?:and|but|so|also)\s+)?(?:(?:in|on|at|during|after|before|when|whenever|while"
    r"|several|as a result|because of|last|yesterday|today|recently)\b"
    r"(?:(?!\b(?:you|he|she|I|we|they)\b)[^,]){0,40},\s*)?",
    re.I,
)
_PREPOSITION = re.compile(r"^(?:in|on|at|during|after|before)\b", re.I)
# Words that can never open a clause as its subject.
_BARE = frozenset(
    """do does did don't doesn't didn't not never always constantly is are was were be been
    have has had can will would should must also just then""".split()
)
_VERB_AFTER_NOUN = re.compile(
    r"^(?:is|are|was|were|has|have|had|does|do|did|can|could|will|would|should|\w+ed)$", re.I
)
_CONTRACTION = re.compile(r"['’](?:re|s|m|ve|d|ll)$", re.I)


def subject_problem(sentence: str) -> str | None:
    """Why a sentence reads as having no subject, or None when it has one."""
    text = sentence.strip().strip("\"'")
    if text.endswith("?"):
        return None if _ASKS.match(text) else f"question without a subject: {sentence!r}"
    if _POLITE.match(text) or _FORMULAS.match(text):
        return None
    text = _OPENING.sub("", text, count=1)
    words = [_CONTRACTION.sub("", w).lower() for w in re.findall(r"[\w'’\[-]+", text)]
    if not words:
        return f"nothing left: {sentence!r}"
    if _PREPOSITION.match(words[0]):
        # "In yesterday's meeting you interrupted me": a subject follows the phrase.
        ok = any(w in ("you", "he", "she", "i", "we", "they") for w in words[1:7])
        return None if ok else f"no subject after the opening phrase: {sentence!r}"
    if words[0] in _SUBJECTS:
        return None
    if words[0] not in _BARE and len(words) > 1 and _VERB_AFTER_NOUN.match(words[1]):
        return None  # "Slides were late": a noun subject before its verb.
    return f"opens with {words[0]!r}, not a subject: {sentence!r}"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\[])", text) if s.strip()]


def _compose(text: str, direction: Direction) -> tuple[FeedbackRequest, FeedbackDraft]:
    request = FeedbackRequest(text=text, direction=direction)
    return request, compose_feedback(request, [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Several times recently, do not prepare for our sessions.",
        "Interrupts people.",
        "Does not test your code.",
        "and never listens.",
        "Learn to use Teams.",
    ],
)
def test_the_subject_check_catches_subjectless_clauses(sentence: str) -> None:
    assert subject_problem(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "I've noticed several times recently that you do not prepare for our sessions.",
        "Several times recently, you came to our sessions without preparing.",
        "In Tuesday's session you skipped the exercise we planned.",
        "As a result, we missed the deadline.",
        "Slides were late.",
        "Could you let me finish?",
        "Please keep doing this.",
    ],
)
def test_the_subject_check_passes_sentences_with_a_subject(sentence: str) -> None:
    assert subject_problem(sentence) is None


@pytest.mark.parametrize(("text", "direction"), CASES)
def test_every_sentence_and_sbi_field_has_a_subject(text: str, direction: Direction) -> None:
    _, draft = _compose(text, direction)
    fields = [draft.sbi.behavior, draft.sbi.impact, draft.sbi.request]
    sentences = _sentences(draft.rewritten) + [f for f in fields if not f.startswith("[")]
    problems = [p for p in map(subject_problem, sentences) if p]
    assert problems == [], draft.rewritten


@pytest.mark.parametrize(("text", "direction"), CASES)
def test_no_flagged_span_survives_and_the_concern_is_kept(text: str, direction: Direction) -> None:
    request, draft = _compose(text, direction)
    assert feedback_violations(request, draft) == []
    assert concern_preserved(text, draft.rewritten) >= 0.7


@pytest.mark.parametrize("direction", [UP, DOWN])
def test_a_removed_label_gives_its_subject_back(direction: Direction) -> None:
    _, draft = _compose("You're lazy and never prepare for our sessions.", direction)
    assert "you do not prepare for our sessions" in draft.rewritten
    assert "Several times recently, do" not in draft.rewritten
    assert "lazy" not in draft.rewritten
    assert draft.sbi.behavior.endswith("that you do not prepare for our sessions.")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He's rude and always interrupts people.", "he interrupts people"),
        ("She's arrogant and never listens to the junior staff.", "she does not listen"),
        ("They're lazy and constantly miss the stand-up.", "they miss the stand-up"),
        ("You're condescending and explained the tool as if I were a child.", "you explained"),
    ],
)
def test_the_pronoun_that_comes_back_is_the_right_one(text: str, kept: str) -> None:
    _, draft = _compose(text, UP)
    assert kept in draft.rewritten.lower()


def test_vague_attitude_asks_about_one_real_meeting() -> None:
    text = (
        "Your attitude in meetings needs to change. You just want to show off in front of the team."
    )
    _, draft = _compose(text, DOWN)
    assert "[the meeting you have in mind]" in draft.rewritten
    assert "in [the situation you have in mind] in meetings" not in draft.rewritten
    assert "needs to change" not in draft.rewritten
    assert "I'd like us to talk about how you came across in" in draft.rewritten
    assert "show off in front of the team" in draft.rewritten


@pytest.mark.parametrize(
    ("text", "impact"),
    [
        (
            "You always show up late to our 1:1s, which made it hard to keep momentum.",
            "That made it hard to keep momentum.",
        ),
        (
            "You never send the agenda, so we missed the deadline.",
            "As a result, we missed the deadline.",
        ),
        ("You're so disorganized and I felt lost during the demo.", "I felt lost during the demo."),
        ("You talked over me in the review and I felt ignored.", "I felt ignored."),
        (
            "He's pushy and never waits for anyone to finish, so the retro ran over.",
            "As a result, the retro ran over.",
        ),
    ],
)
def test_a_stated_impact_replaces_the_generic_line(text: str, impact: str) -> None:
    _, draft = _compose(text, UP)
    assert draft.sbi.impact == impact
    assert GENERIC_IMPACT not in draft.rewritten
    assert draft.sbi.behavior != draft.sbi.impact


def test_without_a_stated_impact_the_generic_line_stays() -> None:
    _, draft = _compose("You're lazy and never prepare for our sessions.", UP)
    assert draft.sbi.impact == GENERIC_IMPACT
    assert GENERIC_IMPACT in draft.rewritten


def test_constructive_text_is_split_into_situation_behavior_and_impact() -> None:
    text = (
        "In Tuesday's session you skipped the exercise we planned, which made it hard to "
        "practise the new tool. Could we do it next week?"
    )
    _, draft = _compose(text, UP)
    assert draft.sbi.situation == "In Tuesday's session"
    assert draft.sbi.behavior == "You skipped the exercise we planned."
    assert draft.sbi.impact == "That made it hard to practise the new tool."
    assert draft.sbi.request == "Could we do it next week?"
    assert draft.rewritten == f"Can I share an observation? {text}"


def test_a_situation_at_the_end_of_the_behavior_moves_to_the_situation() -> None:
    _, draft = _compose("You checked your phone during our sessions, which slowed us down.", DOWN)
    assert draft.sbi.situation == "During our sessions"
    assert draft.sbi.behavior == "You checked your phone."
    assert draft.sbi.impact == "That slowed us down."


@pytest.mark.parametrize(
    ("text", "situation", "behavior"),
    [
        (
            "Great job on the dashboard walkthrough, it was really clear.",
            "On the dashboard walkthrough",
            "Great job on the dashboard walkthrough, it was really clear.",
        ),
        (
            "On the dashboard walkthrough you explained the filters really well.",
            "On the dashboard walkthrough",
            "You explained the filters really well.",
        ),
    ],
)
def test_praise_takes_its_situation_from_the_text(text: str, situation: str, behavior: str) -> None:
    _, draft = _compose(text, DOWN)
    assert draft.rewritten == text
    assert draft.sbi.situation == situation
    assert draft.sbi.behavior == behavior
    assert draft.sbi.request == "Please keep doing this."


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Ok boomer. Learn to use Teams.", "Could you learn to use Teams?"),
        ("Stop checking your phone during our sessions.", "Could you stop checking your phone"),
        ("Don't interrupt me in reviews.", "Could you try not to interrupt me in reviews?"),
    ],
)
def test_a_bare_command_in_a_complaint_becomes_a_question(text: str, asked: str) -> None:
    _, draft = _compose(text, UP)
    assert asked in draft.rewritten
    assert draft.sbi.request.startswith(asked)
