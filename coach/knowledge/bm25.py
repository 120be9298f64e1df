"""BM25 scores with rank_bm25's statistics and formula, each word's postings computed once."""

from __future__ import annotations

from collections import defaultdict

import numpy as np


class TermScores:
    """A BM25Okapi index whose scores come from per-word postings, equal to its get_scores."""

    # rank_bm25 holds the statistics (idf, lengths) and defines the scoring, but its
    # get_scores walks every document in Python for every query word: ~3 ms for a 40-word
    # window over 300 sections, most of a summary's topic reading. Each word's share of the
    # score is the same expression, so it is computed once here, for the documents holding it.
    def __init__(self, corpus: list[list[str]]) -> None:
        from rank_bm25 import BM25Okapi

        bm25 = BM25Okapi(corpus)
        doc_len = np.array(bm25.doc_len)
        norm = bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)
        rows: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, freqs in enumerate(bm25.doc_freqs):
            for word, freq in freqs.items():
                rows[word].append((index, freq))
        self.size = bm25.corpus_size
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for word, pairs in rows.items():
            docs = np.array([i for i, _ in pairs])
            freq = np.array([f for _, f in pairs])
            share = (bm25.idf.get(word) or 0) * (freq * (bm25.k1 + 1) / (freq + norm[docs]))
            self._postings[word] = (docs, share)

    def get_scores(self, query: list[str]) -> np.ndarray:
        """Every document's BM25 score for the query words (a repeated word counts again)."""
        score = np.zeros(self.size)
        for word in query:
            posting = self._postings.get(word)
            if posting is not None:
                score[posting[0]] += posting[1]
        return score
