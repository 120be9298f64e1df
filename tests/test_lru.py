"""The shared LRU map: eviction order, and growing to what a service keeps in flight."""

from __future__ import annotations

from coach.language import analyzer, nlp
from coach.lru import Lru


def test_least_recently_used_goes_first() -> None:
    cache: Lru[str, int] = Lru(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the oldest
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_grow_keeps_more_and_never_shrinks() -> None:
    cache: Lru[int, int] = Lru(2)
    cache.grow(4)
    cache.grow(3)
    for i in range(4):
        cache.put(i, i)
    assert [cache.get(i) for i in range(4)] == [0, 1, 2, 3]
    cache.put(4, 4)
    assert cache.get(0) is None


def test_keep_analyses_sizes_the_analysis_and_parse_caches() -> None:
    sizes = analyzer._INSPECTED.size, nlp._PARSED.size
    try:
        analyzer.keep_analyses(2_000)
        assert (analyzer._INSPECTED.size, nlp._PARSED.size) == (2_000, 2_000)
    finally:
        analyzer._INSPECTED.size, nlp._PARSED.size = sizes
