"""The CPU pool's batcher: concurrent requests' items go through one call."""

from __future__ import annotations

import asyncio

import pytest

from coach.aio import Batcher, CpuPool


def test_concurrent_items_share_batches_and_a_lone_one_runs_at_once() -> None:
    seen: list[list[str]] = []
    batcher = Batcher(seen.append, CpuPool(1), max_batch=4)

    async def main() -> None:
        await batcher(["alone"])
        assert seen == [["alone"]]
        # Ten callers at once: the first starts a batch, the rest queue behind it.
        await asyncio.gather(*(batcher([f"t{i}"]) for i in range(10)))

    asyncio.run(main())
    assert seen[1] == ["t0"]
    assert [len(batch) for batch in seen[2:]] == [4, 4, 1]
    assert sorted(t for batch in seen[1:] for t in batch) == sorted(f"t{i}" for i in range(10))


def test_every_caller_of_a_failed_batch_hears_the_error() -> None:
    def fail(items: list[str]) -> None:
        raise ValueError(f"cannot take {len(items)}")

    batcher = Batcher(fail, CpuPool(1))

    async def main() -> list[BaseException | None]:
        results = await asyncio.gather(batcher(["a"]), batcher(["b"]), return_exceptions=True)
        return [r if isinstance(r, BaseException) else None for r in results]

    errors = asyncio.run(main())
    assert all(isinstance(e, ValueError) for e in errors)


def test_a_batcher_serves_several_event_loops() -> None:
    seen: list[list[int]] = []
    batcher = Batcher(seen.append, CpuPool(1))
    for n in range(3):  # the CLI and the evals: a new loop per asyncio.run
        asyncio.run(batcher([n, n + 10]))
    assert seen == [[0, 10], [1, 11], [2, 12]]


def test_no_items_never_calls() -> None:
    batcher = Batcher(pytest.fail, CpuPool(1))
    asyncio.run(batcher([]))
