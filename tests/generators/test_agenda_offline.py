"""Agenda invariants on the offline engine, across topics, durations and sessions."""

from __future__ import annotations

import pytest

from coach.generators.agenda import agenda_violations
from coach.models import AgendaDraft, AgendaItem, AgendaRequest
from coach.offline.agenda import split_minutes
from coach.service import Coach

CASES = [
    ("social media", 15, 1, [], None),
    ("short-form video", 45, 1, ["understand why our brand should be on TikTok"], None),
    (
        "generative AI",
        60,
        2,
        ["use an assistant to draft emails"],
        "The mentee will post one update by Friday. We agreed to try a team channel.",
    ),
    ("data and dashboards", 90, 3, [], "Both will review the sales dashboard next time."),
    ("hybrid work", 180, 4, ["run fairer hybrid meetings"], None),
    ("inclusion", 37, 2, [], None),
    ("sustainability", 120, 5, ["talk credibly about our climate targets"], "Short recap."),
    ("negotiating office rent", 30, 1, [], None),  # not a topic in the base
]


@pytest.mark.parametrize(("topic", "minutes", "session", "goals", "previous"), CASES)
def test_offline_agenda_holds_every_invariant(
    offline_coach: Coach,
    topic: str,
    minutes: int,
    session: int,
    goals: list[str],
    previous: str | None,
) -> None:
    request = AgendaRequest(
        topic=topic,
        duration_minutes=minutes,
        session_number=session,
        goals=goals,
        previous_summary=previous,
    )
    agenda = offline_coach.agenda(request)
    assert sum(i.minutes for i in agenda.items) == minutes
    assert all(i.minutes >= 1 for i in agenda.items)
    assert set(s for i in agenda.items for s in i.sources) <= set(agenda.meta.source_ids)
    assert all(i.sources for i in agenda.items[1:-1])
    assert agenda.meta.engine == "offline" and not agenda.meta.degraded
    assert agenda.meta.prompt_template == "offline/agenda" and len(agenda.meta.prompt_hash) == 12
    if session > 1 and previous:
        assert "review" in agenda.items[0].title.lower()
    assert "feedback" in agenda.items[-1].title.lower()


def test_previous_commitments_reach_the_review(offline_coach: Coach) -> None:
    request = AgendaRequest(
        topic="social media",
        duration_minutes=60,
        session_number=2,
        previous_summary="The mentee will publish a first LinkedIn post.",
    )
    first = offline_coach.agenda(request).items[0]
    assert "publish a first LinkedIn post" in first.notes


def test_goals_steer_the_exercises(offline_coach: Coach) -> None:
    request = AgendaRequest(
        topic="generative AI",
        duration_minutes=45,
        session_number=1,
        goals=["spot hallucinations before trusting an answer"],
    )
    titles = " ".join(i.title.lower() for i in offline_coach.agenda(request).items)
    assert "hallucination" in titles


@pytest.mark.parametrize(
    ("total", "weights"),
    [(60, [5, 20, 15, 10, 5]), (15, [5, 30, 5]), (181, [1, 1, 1]), (7, [5, 5, 5, 5])],
)
def test_split_minutes_sums_exactly(total: int, weights: list[int]) -> None:
    parts = split_minutes(total, weights)
    assert sum(parts) == total and all(p >= 1 for p in parts)


def _draft(minutes: list[int], sources: list[list[str]]) -> AgendaDraft:
    titles = ["Check-in", "Exercise", "Wrap-up: next steps and two-way feedback"]
    return AgendaDraft(
        title="Session",
        objectives=["x"],
        items=[
            AgendaItem(title=t, minutes=m, lead="both", sources=s)
            for t, m, s in zip(titles, minutes, sources, strict=True)
        ],
    )


def test_checks_catch_wrong_minutes_and_invented_sources() -> None:
    request = AgendaRequest(topic="x y", duration_minutes=30, session_number=1)
    problems = agenda_violations(request, _draft([5, 20, 10], [[], ["made-up#id"], []]), [])
    assert any("35 minutes, not 30" in p for p in problems)
    assert any("made-up#id" in p for p in problems)
    missing = agenda_violations(request, _draft([5, 20, 5], [[], [], []]), [])
    assert any("cites no source" in p for p in missing)


@pytest.mark.parametrize(
    ("typed", "doc_id"),
    [
        ("social media", "topic-social-media"),
        ("Short-form video", "topic-short-form-video"),
        ("tiktok", "topic-short-form-video"),
        ("Generative AI at work", "topic-generative-ai"),
        ("linkedin", "topic-social-media"),
        ("underwater basket weaving", None),
    ],
)
def test_topic_resolution_prefers_the_file_named_for_it(
    offline_coach: Coach, typed: str, doc_id: str | None
) -> None:
    from coach.generators.topics import resolve_topic

    assert resolve_topic(typed, offline_coach.retriever) == doc_id


@pytest.mark.parametrize(
    ("typed", "goals", "doc_id"),
    [
        # Sessions about the relationship are built from its guideline or challenge file, not
        # from whichever technology topic happens to share a word.
        (
            "our very last session together",
            ["what we keep doing after"],
            "guideline-closing-the-relationship",
        ),
        ("Using Copilot safely with client data", [], "topic-generative-ai"),
    ],
)
def test_a_topic_resolves_to_the_file_the_session_is_about(
    offline_coach: Coach, typed: str, goals: list[str], doc_id: str
) -> None:
    from coach.generators.topics import resolve_topic

    assert resolve_topic(typed, offline_coach.retriever, goals) == doc_id


def test_an_agenda_on_a_challenge_is_built_from_its_file(offline_coach: Coach) -> None:
    request = AgendaRequest(
        topic="power dynamics", duration_minutes=40, session_number=3, goals=["speak up more"]
    )
    agenda = offline_coach.agenda(request)
    middle = agenda.items[1:-1]
    assert agenda.title == "Session 3: Power dynamics"
    assert sum(i.minutes for i in agenda.items) == 40
    assert middle and all(
        s.startswith("knowledge/challenges/power-dynamics.md#") for i in middle for s in i.sources
    )
    # The coordinators' sections of the file are not session material, and no markdown leaks.
    assert not any("coordinator" in i.title.lower() for i in middle)
    assert not any("**" in i.notes for i in agenda.items)


def test_each_goal_gets_its_own_best_exercise_first() -> None:
    from coach.offline.agenda import goal_order

    texts = [
        "Write a first post and read the replies together.",
        "Read the comments on three posts and reply to one.",
        "Audit the profile: photo, headline and about section.",
        "Read the analytics: who viewed the profile and the posts.",
    ]
    # "read" is in most texts and decides nothing; "headline" and "analytics" do.
    order = goal_order(texts, ["a headline I am proud of", "understand the analytics"])
    assert order[:2] == [2, 3]
    assert goal_order(texts, []) == [0, 1, 2, 3]


def test_a_task_goal_no_exercise_serves_gets_a_practice_block(offline_coach: Coach) -> None:
    request = AgendaRequest(
        topic="social media",
        duration_minutes=60,
        session_number=2,
        goals=["understand the feed", "Set up a fan club newsletter for the choir"],
    )
    agenda = offline_coach.agenda(request)
    practice = [i for i in agenda.items if i.title.startswith("Practice:")]
    # The goal of understanding is left to the discussion; the task gets time of its own.
    assert [i.title for i in practice] == ["Practice: Set up a fan club newsletter for the choir"]
    assert practice[0].lead == "mentee"
    assert practice[0].sources == ["knowledge/guidelines/session-structure.md#practice#0"]
    assert sum(i.minutes for i in agenda.items) == 60


def test_a_goal_named_by_an_exercise_title_gets_that_exercise(offline_coach: Coach) -> None:
    # "write" and "first" are in a sibling's body too; "First post ..." names the goal.
    request = AgendaRequest(
        topic="getting comfortable posting on LinkedIn",
        duration_minutes=45,
        session_number=3,
        goals=["write a first post"],
    )
    middle = offline_coach.agenda(request).items[1:-2]
    assert middle and middle[0].title.lower().startswith("first post")


def test_the_discussion_asks_the_mentee_and_lets_the_mentee_ask_back(offline_coach: Coach) -> None:
    request = AgendaRequest(topic="hybrid and flexible work", duration_minutes=60, session_number=2)
    discussion = next(
        i for i in offline_coach.agenda(request).items if i.title.startswith("Discussion")
    )
    asked, _, back = discussion.notes.partition(" And for the mentee to ask in turn: ")
    assert back, discussion.notes
    assert "your age" not in asked and "might I " not in asked, asked
    assert back.endswith("?")
