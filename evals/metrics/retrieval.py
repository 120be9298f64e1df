"""Doc-level retrieval metrics: a hit is a returned passage whose doc_id is relevant."""

from __future__ import annotations


def hit_at_k(returned: list[str], relevant: set[str], k: int) -> float:
    """1.0 when any of the first k returned doc ids is relevant."""
    return float(any(d in relevant for d in returned[:k]))


def recall_at_k(returned: list[str], relevant: set[str], k: int) -> float:
    """The share of relevant docs found among the first k returned doc ids."""
    if not relevant:
        return 1.0
    return len(relevant & set(returned[:k])) / len(relevant)


def reciprocal_rank(returned: list[str], relevant: set[str]) -> float:
    """1 / rank of the first relevant doc id; 0.0 when none is relevant."""
    for rank, doc in enumerate(returned, start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0
