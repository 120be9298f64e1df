"""Challenge categories from what a pair's sentences resemble, and the topic always named."""

from __future__ import annotations

from coach.generators.summary import retrieve
from coach.knowledge.labels import MIN_WORDS, challenge_matches
from coach.knowledge.retrieval import Retriever
from coach.models import SummaryRequest
from coach.offline.summary import compose_summary


def _docs(retriever: Retriever, sentences: list[str]) -> list[str]:
    return [p.doc_id for p in challenge_matches(retriever, sentences)]


def test_a_sentence_like_a_challenges_examples_names_it_without_its_cue_words(
    retriever: Retriever,
) -> None:
    # No keyword of coach.offline.vocab's cue lists occurs here.
    line = "Our session got moved again because of her travel."
    assert _docs(retriever, [line]) == ["challenge-scheduling-conflicts"]
    line = "He keeps printing every report and says email works fine for his team."
    assert _docs(retriever, [line]) == ["challenge-resistance-to-change"]


def test_topic_talk_and_short_lines_name_no_challenge(retriever: Retriever) -> None:
    lines = [
        "We built a bar chart of weekly sales by region in the dashboard.",
        "The session went well.",
        "Agenda",
    ]
    assert _docs(retriever, lines) == []
    assert all(len(s.split()) < MIN_WORDS for s in lines[1:])


def test_notes_that_name_no_topic_still_get_the_closest_knowledge_topic(
    retriever: Retriever,
) -> None:
    request = SummaryRequest(
        # Every passage of a mixed topic-and-challenge search is a challenge for these notes.
        notes="Our sessions keep getting cancelled and moved. Her diary is packed and I find it "
        "hard to push back because she is so senior.",
        mentor_name="Ana Ruiz",
        mentee_name="Claire Moss",
    )
    draft = compose_summary(request, retrieve(request, retriever))
    assert draft.anonymized.topic is not None
    assert draft.anonymized.topics and draft.anonymized.topic == draft.anonymized.topics[0]


def test_search_leaves_out_the_challenge_matchers_example_lines(retriever: Retriever) -> None:
    from coach.knowledge.documents import EXAMPLES_ONLY

    assert any(c.heading.startswith(EXAMPLES_ONLY) for c in retriever.chunks.values())
    found = retriever.search("How it sounds in session notes: our session got moved again", k=40)
    assert found and not any(p.heading.startswith(EXAMPLES_ONLY) for p in found)
