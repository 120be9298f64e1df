"""The precomputed BM25 postings score exactly as rank_bm25's own get_scores."""

from __future__ import annotations

import numpy as np
from rank_bm25 import BM25Okapi

from coach.knowledge.bm25 import TermScores
from coach.text import tokenize

DOCS = [
    "Short-form video: hooks, captions and the first three seconds decide who keeps watching.",
    "A dashboard answers one question per page; a scorecard keeps the five numbers that matter.",
    "Anchor days give hybrid teams a reason to meet; days without a purpose breed resentment.",
    "Prompting an AI assistant: give it a role, the context, a clear task and an example.",
    "Video calls: cameras on is a choice, not a rule; the remote seat test shows who is left out.",
    "",
]
QUERIES = [
    "how do I write a prompt for the assistant with an example",
    "video video hooks",  # a repeated word counts twice, as in rank_bm25
    "nothing here matches zzz",
    "",
    "the the the days",
]


def test_scores_equal_rank_bm25_for_every_query() -> None:
    corpus = [tokenize(d) or ["-"] for d in DOCS]
    ours, theirs = TermScores(corpus), BM25Okapi(corpus)
    for query in QUERIES:
        words = tokenize(query)
        assert np.array_equal(ours.get_scores(words), theirs.get_scores(words)), query


def test_a_word_in_no_document_scores_nothing() -> None:
    scores = TermScores([tokenize(d) or ["-"] for d in DOCS]).get_scores(["qwertyuiop"])
    assert scores.shape == (len(DOCS),) and not scores.any()
