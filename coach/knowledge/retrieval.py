"""Hybrid retrieval: dense search in Chroma plus BM25, fused by reciprocal rank."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from coach.errors import NotIndexed
from coach.knowledge.embeddings import build_embeddings
from coach.knowledge.models import Chunk, Passage, SearchFilters
from coach.knowledge.store import all_chunks, open_store
from coach.settings import Settings
from coach.text import tokenize

MAX_PER_DOC = 2


def matches(chunk: Chunk, filters: SearchFilters | None) -> bool:
    """Whether a chunk passes every filter set; audience 'all' suits every reader."""
    if filters is None:
        return True
    if filters.kinds and chunk.kind not in filters.kinds:
        return False
    if filters.topics and not set(filters.topics) & set(chunk.topics):
        return False
    return not (filters.audience and chunk.audience not in (filters.audience, "all"))


def rrf(rankings: list[list[str]], k: int) -> dict[str, float]:
    """Reciprocal rank fusion; four lines, so no library is pulled in for it."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking, start=1):
            scores[chunk_id] += 1.0 / (k + rank)
    return scores


def _diversify(
    ranked: list[tuple[str, float]], chunks: dict[str, Chunk], k: int
) -> list[tuple[str, float]]:
    """Keep at most MAX_PER_DOC sections of one file, so k passages span several sources."""
    taken: dict[str, int] = defaultdict(int)
    kept = []
    for chunk_id, score in ranked:
        doc = chunks[chunk_id].doc_id
        if taken[doc] < MAX_PER_DOC:
            taken[doc] += 1
            kept.append((chunk_id, score))
    return kept[:k]


class Retriever:
    """Searches one knowledge index; holds its chunks and BM25 statistics in memory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store = open_store(settings, build_embeddings(settings.embedding))
        self.chunks = {c.id: c for c in all_chunks(self._store)}
        if not self.chunks:
            raise NotIndexed("The knowledge base is empty: run `coach ingest` first.")

    @cached_property
    def _bm25(self) -> Any:
        from rank_bm25 import BM25Okapi

        self._bm25_ids = list(self.chunks)
        corpus = [tokenize(f"{c.title} {c.heading} {c.text}") for c in self.chunks.values()]
        return BM25Okapi(corpus)

    def _sparse(self, query: str, filters: SearchFilters | None, n: int) -> list[str]:
        scores = self._bm25.get_scores(tokenize(query))
        ranked = sorted(zip(self._bm25_ids, scores, strict=True), key=lambda p: -p[1])
        hits = [i for i, s in ranked if s > 0 and matches(self.chunks[i], filters)]
        return hits[:n]

    def _dense(self, query: str, filters: SearchFilters | None, n: int) -> list[str]:
        where: Any = {"kind": {"$in": list(filters.kinds)}} if filters and filters.kinds else None
        # Over-fetch: topic and audience filters apply after Chroma returns.
        found = self._store.similarity_search_with_score(query, k=n * 3, filter=where)
        ids = [doc.id for doc, _ in found if doc.id in self.chunks]
        return [i for i in ids if matches(self.chunks[i], filters)][:n]

    def search(
        self, query: str, k: int | None = None, filters: SearchFilters | None = None
    ) -> list[Passage]:
        """The k passages that best answer a query, best first."""
        k = k or self.settings.retrieval.k
        n = max(self.settings.retrieval.candidates, k)
        fused = rrf(
            [self._dense(query, filters, n), self._sparse(query, filters, n)],
            self.settings.retrieval.rrf_k,
        )
        best = _diversify(sorted(fused.items(), key=lambda p: (-p[1], p[0])), self.chunks, k)
        return [
            Passage(**self.chunks[i].model_dump(exclude={"file_hash"}), score=round(s, 6))
            for i, s in best
        ]

    def document(self, doc_id: str) -> list[Chunk]:
        """Every chunk of one knowledge file, in id order."""
        return [c for c in self.chunks.values() if c.doc_id == doc_id]
