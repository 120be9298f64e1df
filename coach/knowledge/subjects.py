"""Which topic files a whole set of notes is about: retrieval over every part, not the opening."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from coach.knowledge.bm25 import TermScores
from coach.knowledge.models import Passage, SearchFilters
from coach.knowledge.retrieval import Retriever
from coach.text import tokenize

# Sentences are searched a few at a time: one line is too little for the embedder to place
# ("we agreed a round-robin"), a whole page blurs every subject into the opening one.
WINDOW_SENTENCES = 3
# Each window votes for the two topic files it ranks highest, the first counting double.
WINDOW_HITS = 2
# The pair's goals say what the pairing is for; their top few topic files get a vote.
GOAL_HITS = 4
_TOPICS = SearchFilters(kinds=["topic"])


@lru_cache(maxsize=4)
def _files(retriever: Retriever) -> tuple[tuple[str, ...], TermScores]:
    """Every topic file as one BM25 document, built once per retriever."""
    docs = tuple(sorted({c.doc_id for c in retriever.chunks.values() if c.kind == "topic"}))
    corpus = [
        tokenize(" ".join(f"{c.title} {c.heading} {c.text}" for c in retriever.document(d)))
        for d in docs
    ]
    return docs, TermScores(corpus)


def _share(votes: dict[str, float]) -> dict[str, float]:
    """Votes as fractions of their total."""
    total = sum(votes.values())
    return {d: v / total for d, v in votes.items()} if total else {}


def _window_votes(
    retriever: Retriever, sentences: Sequence[str]
) -> tuple[dict[str, float], dict[str, Passage]]:
    """Votes of every few sentences for the topic files they read like, and each file's best."""
    votes: dict[str, float] = defaultdict(float)
    best: dict[str, Passage] = {}
    for start in range(0, len(sentences), WINDOW_SENTENCES):
        window = " ".join(sentences[start : start + WINDOW_SENTENCES])
        for rank, hit in enumerate(retriever.search(window, k=WINDOW_HITS, filters=_TOPICS)):
            votes[hit.doc_id] += (WINDOW_HITS - rank) / WINDOW_HITS
            best.setdefault(hit.doc_id, hit)
    return votes, best


def _word_votes(retriever: Retriever, text: str) -> dict[str, float]:
    """Each topic file's BM25 score for all of a text's words, as a fraction of the best."""
    docs, bm25 = _files(retriever)
    scores = [float(s) for s in bm25.get_scores(tokenize(text))] if docs else []
    top = max(scores, default=0.0)
    return {d: float(s / top) for d, s in zip(docs, scores, strict=True)} if top > 0 else {}


def _goal_votes(retriever: Retriever, goals: Sequence[str]) -> dict[str, float]:
    """Votes of the pair's goals, read together, for the topic files they rank highest."""
    if not goals:
        return {}
    votes: dict[str, float] = defaultdict(float)
    for rank, hit in enumerate(retriever.search(" ".join(goals), k=GOAL_HITS, filters=_TOPICS)):
        votes[hit.doc_id] += (GOAL_HITS - rank) / GOAL_HITS  # two sections of one file add up
    return _share(votes)


def topic_evidence(
    retriever: Retriever, sentences: Sequence[str], goals: Sequence[str] = (), k: int = 4
) -> list[Passage]:
    """The k topic files the notes are most about, each as its best section scored 0 to 1.

    Three readings vote with equal weight: every few sentences retrieved on their own, all the
    notes' words against each whole file, and the pair's goals. Each alone misses subjects
    the others find (notes about "who speaks in the Monday meeting" that never say inclusion;
    a file's words spread over a page no one window holds).
    """
    windows, best = _window_votes(retriever, sentences)
    readings = [_share(windows), _word_votes(retriever, " ".join([*sentences, *goals]))]
    if goals:
        readings.append(_goal_votes(retriever, goals))
    score: dict[str, float] = defaultdict(float)
    for reading in readings:
        for doc_id, value in reading.items():
            score[doc_id] += value / len(readings)
    ranked = sorted((d for d in score if score[d] > 0), key=lambda d: (-score[d], d))[:k]
    return [_as_passage(retriever, d, best.get(d), score[d]) for d in ranked]


def _as_passage(retriever: Retriever, doc_id: str, hit: Passage | None, score: float) -> Passage:
    """A file's best-matching section (its first when no window found it) with the file's score."""
    if hit is None:
        chunk = retriever.document(doc_id)[0]
        return Passage(**chunk.model_dump(exclude={"file_hash"}), score=round(float(score), 4))
    return hit.model_copy(update={"score": round(float(score), 4)})
