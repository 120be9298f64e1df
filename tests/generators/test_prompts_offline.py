"""Discussion-prompt invariants on the offline engine."""

from __future__ import annotations

import pytest

from coach.knowledge.models import Passage
from coach.models import PromptsRequest
from coach.offline.discussion import candidates
from coach.service import Coach
from coach.text import is_open, near_duplicates


@pytest.mark.parametrize(
    ("topic", "count", "audience"),
    [
        ("social media", 1, "mentee"),
        ("generative AI", 5, "mentee"),
        ("hybrid work", 10, "both"),
        ("mental health", 15, "mentor"),
        ("sustainability", 12, "mentee"),
        ("data and dashboards", 15, "mentee"),
    ],
)
def test_offline_prompts_hold_every_invariant(
    offline_coach: Coach, topic: str, count: int, audience: str
) -> None:
    result = offline_coach.prompts(PromptsRequest(topic=topic, count=count, audience=audience))  # type: ignore[arg-type]
    questions = [q.question for q in result.questions]
    assert len(questions) == count
    assert all(is_open(q) for q in questions)
    assert near_duplicates(questions) == []
    assert all(
        q.sources and set(q.sources) <= set(result.meta.source_ids) for q in result.questions
    )
    assert all(q.purpose and q.follow_up for q in result.questions)
    purposes = [q.purpose for q in result.questions]
    assert len(set(purposes)) == min(count, 13), "a purpose repeats while others are unused"


def test_the_topics_own_questions_come_before_a_related_topics(offline_coach: Coach) -> None:
    request = PromptsRequest(
        topic="getting comfortable posting on LinkedIn",
        count=5,
        goals=["post once a week about the team's work"],
    )
    sources = [s for q in offline_coach.prompts(request).questions for s in q.sources]
    assert all(s.startswith("knowledge/topics/social-media.md") for s in sources), sources


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What have you tried so far?", True),
        ("Do you use LinkedIn?", False),
        ("Is this useful?", False),
        ("How would you explain it", False),
        ("Walk me through your last post?", True),
        ("Can't we just skip it?", False),
    ],
)
def test_is_open(question: str, expected: bool) -> None:
    assert is_open(question) is expected


def test_near_duplicates_found() -> None:
    qs = [
        "What worries your team about AI?",
        "What worries your team most about AI?",
        "Which dashboards do you read every week?",
    ]
    assert [(i, j) for i, j, _ in near_duplicates(qs)] == [(0, 1)]


def test_prompts_on_a_challenge_come_from_its_remedies(offline_coach: Coach) -> None:
    from coach.models import PromptsRequest

    out = offline_coach.prompts(PromptsRequest(topic="lack of time", count=4))
    questions = [q.question for q in out.questions]
    assert len(questions) == 4 and all(q.endswith("?") for q in questions)
    assert all(
        s.startswith("knowledge/challenges/lack-of-time.md#")
        for q in out.questions
        for s in q.sources
    )
    assert "lack of time" in questions[0]  # why the pair runs into it, then what to try


def test_prompts_on_a_guideline_ask_about_what_the_pair_does(offline_coach: Coach) -> None:
    from coach.models import PromptsRequest

    out = offline_coach.prompts(
        PromptsRequest(topic="goals and commitments between sessions", count=3)
    )
    assert [s for q in out.questions for s in q.sources] and all(
        s.startswith("knowledge/guidelines/goals-and-commitments.md#")
        for q in out.questions
        for s in q.sources
    )
    # Questions on the file's sections ("When commitments keep slipping"), never its examples.
    assert all(
        q.question.startswith(("How should we", "What would help", "What should we do"))
        for q in out.questions
    )


def _bank_questions(stem: str, asker: str) -> set[str]:
    from coach.knowledge.chunking import split_document
    from coach.knowledge.documents import load_document
    from coach.offline.topics import read_topic
    from tests.conftest import KNOWLEDGE

    material = read_topic(split_document(load_document(KNOWLEDGE / f"topics/{stem}.md", KNOWLEDGE)))
    assert material is not None
    bank = material.questions if asker == "mentor" else material.mentee_questions
    assert len(bank) >= 3, f"{stem}: the {asker} has fewer than three questions to ask"
    return {q.text for q in bank}


@pytest.mark.parametrize("stem", ["sustainability", "hybrid-work", "social-media"])
def test_questions_go_the_way_the_audience_answers(offline_coach: Coach, stem: str) -> None:
    """A question the mentee asks the mentor ("people your age") is never put to the mentee."""
    topic = stem.replace("-", " ")
    for audience, asker in (("mentee", "mentor"), ("mentor", "mentee")):
        request = PromptsRequest(topic=topic, count=3, audience=audience)  # type: ignore[arg-type]
        result = offline_coach.prompts(request)
        asked = {q.question for q in result.questions}
        assert asked <= _bank_questions(stem, asker), (audience, asked)
        if asker == "mentee":
            assert all(q.purpose.startswith("For the mentee to ask: ") for q in result.questions)
            assert not any("the mentee" in q.purpose[20:] for q in result.questions)


def test_for_both_related_topics_give_questions_of_either_asker() -> None:
    def bank(doc: str, who: str) -> Passage:
        heading = f"Question bank > Questions the {who} asks the other"
        text = f"- What would you change first about {doc} for {who}s?"
        return Passage(
            id=f"knowledge/topics/{doc}.md#{who}#0",
            doc_id=doc,
            title=doc,
            heading=heading,
            source=f"knowledge/topics/{doc}.md",
            kind="topic",
            topics=[doc],
            audience="all",
            text=text,
            score=0.5,
        )

    passages = [bank("alpha", "mentor"), bank("beta", "mentee"), bank("gamma", "mentor")]
    request = PromptsRequest(topic="anything at all", count=3, audience="both")
    askers = {q.source.split("#")[1] for q in candidates(request, passages) if q.asker}
    assert askers == {"mentor", "mentee"}
