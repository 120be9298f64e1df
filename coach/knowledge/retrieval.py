"""Hybrid retrieval: dense search in Chroma plus BM25, fused by reciprocal rank."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property, lru_cache

import numpy as np

from coach.errors import NotIndexed
from coach.knowledge.bm25 import TermScores
from coach.knowledge.documents import EXAMPLES_ONLY
from coach.knowledge.embeddings import build_embeddings
from coach.knowledge.models import Chunk, Passage, SearchFilters
from coach.knowledge.snapshot import index_contents
from coach.settings import Settings
from coach.text import tokenize

MAX_PER_DOC = 2


def matches(chunk: Chunk, filters: SearchFilters | None) -> bool:
    """Whether a chunk passes every filter (audience "all" suits all); matcher examples never."""
    if chunk.heading.startswith(EXAMPLES_ONLY):
        return False
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
    """Searches one knowledge index; holds its chunks, vectors and BM25 statistics in memory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        chunks, vectors = index_contents(settings)
        self.chunks = {c.id: c for c in chunks}
        if not self.chunks:
            raise NotIndexed("The knowledge base is empty: run `coach ingest` first.")
        self._embeddings = build_embeddings(settings.embedding)
        # Exact search over a few thousand vectors in memory costs microseconds, filters apply
        # before ranking (no over-fetching), and a query needs no round trip through Chroma.
        self._ids = [c.id for c in chunks]
        matrix = np.asarray(vectors, dtype=np.float32)
        self._matrix = matrix / np.clip(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12, None)
        # The index is a snapshot held for this object's life, so a ranking never goes stale.
        self._cached = lru_cache(maxsize=settings.retrieval.cache_size)(self._ranked)

    @cached_property
    def _bm25(self) -> TermScores:
        self._bm25_ids = list(self.chunks)
        corpus = [tokenize(f"{c.title} {c.heading} {c.text}") for c in self.chunks.values()]
        return TermScores(corpus)

    def _sparse(self, query: str, filters: SearchFilters | None, n: int) -> list[str]:
        scores = self._bm25.get_scores(tokenize(query))
        ranked = sorted(zip(self._bm25_ids, scores, strict=True), key=lambda p: -p[1])
        hits = [i for i, s in ranked if s > 0 and matches(self.chunks[i], filters)]
        return hits[:n]

    def _dense(self, query: str, filters: SearchFilters | None, n: int) -> list[str]:
        vector = np.asarray(self._embeddings.embed_query(query), dtype=np.float32)
        scores = self._matrix @ (vector / max(float(np.linalg.norm(vector)), 1e-12))
        hits: list[str] = []
        for row in np.argsort(-scores, kind="stable"):
            chunk_id = self._ids[row]
            if matches(self.chunks[chunk_id], filters):
                hits.append(chunk_id)
                if len(hits) == n:
                    break
        return hits

    def search(
        self, query: str, k: int | None = None, filters: SearchFilters | None = None
    ) -> list[Passage]:
        """The k passages that best answer a query, best first."""
        k = k or self.settings.retrieval.k
        return list(self._cached(query, k, filters.model_dump_json() if filters else ""))

    def _ranked(self, query: str, k: int, filters_json: str) -> tuple[Passage, ...]:
        filters = SearchFilters.model_validate_json(filters_json) if filters_json else None
        n = max(self.settings.retrieval.candidates, k)
        fused = rrf(
            [self._dense(query, filters, n), self._sparse(query, filters, n)],
            self.settings.retrieval.rrf_k,
        )
        best = _diversify(sorted(fused.items(), key=lambda p: (-p[1], p[0])), self.chunks, k)
        return tuple(
            Passage(**self.chunks[i].model_dump(exclude={"file_hash"}), score=round(s, 6))
            for i, s in best
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for some texts, one row each, from the index's own embedder."""
        if not texts:
            return np.zeros((0, self._matrix.shape[1]), dtype=np.float32)
        # A batch pads to its longest text: embedding in length order wastes the least.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = self._embeddings.embed_documents([texts[i] for i in order])
        matrix = np.zeros((len(texts), len(vectors[0])), dtype=np.float32)
        matrix[order] = np.asarray(vectors, dtype=np.float32)
        return matrix / np.clip(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12, None)

    def document(self, doc_id: str) -> list[Chunk]:
        """Every chunk of one knowledge file, in id order."""
        return [c for c in self.chunks.values() if c.doc_id == doc_id]
