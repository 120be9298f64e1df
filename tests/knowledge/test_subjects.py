"""The topic a whole set of notes is about, found past an opening of logistics and small talk."""

from __future__ import annotations

from coach.generators.summary import retrieve
from coach.knowledge.retrieval import Retriever
from coach.knowledge.subjects import topic_evidence
from coach.models import SummaryRequest
from coach.offline.summary import compose_summary
from coach.offline.vocab import topics_of
from coach.text import split_sentences


def _main(retriever: Retriever, notes: str, goals: tuple[str, ...] = ()) -> str | None:
    sentences = [s.text for s in split_sentences(notes)]
    found = topics_of(notes, topic_evidence(retriever, sentences, goals))
    return found[0] if found else None


def test_the_subject_is_found_after_an_opening_about_dates_and_rooms(
    retriever: Retriever,
) -> None:
    notes = (
        "We met in the small room on the third floor because the usual one was booked. "
        "She was ten minutes late from a board call, so we started at twenty past. "
        "We agreed to keep Thursdays for now and review the slot in March. "
        "Then the real topic: the warehouse burns far more electricity than anyone thought. "
        "We looked at how the company reports its emissions and which figures investors ask for. "
        "She wants the annual report to stop calling the new vans eco without any numbers."
    )
    assert _main(retriever, notes) == "sustainability"


def test_notes_that_never_name_their_subject_get_the_topic_their_content_is_about(
    retriever: Retriever,
) -> None:
    # No cue word of any topic occurs here: the subject is who gets a say in meetings.
    notes = (
        "We replayed his last project review. Three people did nearly all of the talking. "
        "The two newest analysts said nothing for an hour, and one idea from them was later "
        "repeated by a director and credited to him. We tried a rule: everyone speaks once "
        "before anyone speaks twice. He will ask the newest analyst to open the next review."
    )
    assert _main(retriever, notes) == "inclusion"


def test_the_goals_settle_notes_that_are_vague_about_their_subject(retriever: Retriever) -> None:
    notes = (
        "Short one today. We talked about last month and what felt off. "
        "I showed her what I had tried at home and she tried it on her phone. "
        "She will have another go before we next meet."
    )
    goals = ("Record and post a thirty-second clip about the graduate scheme",)
    assert _main(retriever, notes, goals) == "short-form video"


def test_each_topic_file_is_scored_once_between_zero_and_one(retriever: Retriever) -> None:
    sentences = ["We built a chart of weekly sales by region.", "He shared it with the team."]
    found = topic_evidence(retriever, sentences, ("read a dashboard",))
    assert found and all(p.kind == "topic" for p in found)
    assert len({p.doc_id for p in found}) == len(found) <= 4
    assert all(0 < p.score <= 1 for p in found)
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)


def test_the_summary_names_the_subject_read_over_the_whole_notes(retriever: Retriever) -> None:
    request = SummaryRequest(
        notes=(
            "Quick catch-up on dates first: we moved June to the 12th. "
            "Most of the hour was on prompting: she asked the assistant to draft her team "
            "update, then we rewrote the prompt twice until it kept her tone."
        ),
        mentor_name="Ada Obi",
        mentee_name="Ruth Kerr",
    )
    draft = compose_summary(request, retrieve(request, retriever))
    assert draft.anonymized.topic == "generative AI"
