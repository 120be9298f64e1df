"""Async plumbing for the core: a bounded pool for CPU-bound work, and a loop for sync callers.

Generation is async so that waiting on a model holds no thread; what burns CPU (embedding a
query, the offline engine, Presidio, the checks) runs in a pool sized to the cores, so a
burst of requests queues for CPU instead of spawning a thread each. The CLI and the evals
call the sync methods, which run the same coroutines on one event loop per thread.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import os
import threading
import weakref
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K")
_local = threading.local()


def cores() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class CpuPool:
    """A thread pool of `size` workers (0: one per core) that coroutines await work on."""

    # Never shut down: an app may start and stop around one Coach several times (tests, the
    # lifespan), and idle workers cost nothing; the interpreter joins them at exit.

    def __init__(self, size: int = 0) -> None:
        self.size = size or cores()
        self._pool = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="coach-cpu")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args) on a pool thread, with the caller's context (request id, telemetry)."""
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)


class Batcher(Generic[K]):
    """Gathers the items concurrent coroutines await into one call of `fn(batch)` on a pool.

    spaCy and ONNX cost about half as much per text in a batch of eight as one at a time, but
    a pool thread only ever sees its own request. Here the event loop queues every awaiting
    request's items; one batch runs at a time and, when it ends, the next takes everything
    queued meanwhile. A lone request (concurrency 1) runs at once, waiting for nobody.
    """

    def __init__(self, fn: Callable[[list[K]], Any], pool: CpuPool, max_batch: int = 32) -> None:
        self.fn = fn
        self.pool = pool
        self.max_batch = max_batch
        # Futures belong to one loop; the CLI and the evals run a loop per thread.
        self._queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue[K]] = (
            weakref.WeakKeyDictionary()
        )

    async def __call__(self, items: Sequence[K]) -> None:
        """Return once fn has run over these items (in one batch or several)."""
        if not items:
            return
        loop = asyncio.get_running_loop()
        queue = self._queues.setdefault(loop, _Queue())
        done = [loop.create_future() for _ in items]
        queue.pending.extend(zip(items, done, strict=True))
        self._start(queue)
        await asyncio.gather(*done)

    def _start(self, queue: _Queue[K]) -> None:
        if queue.running or not queue.pending:
            return
        batch, queue.pending = queue.pending[: self.max_batch], queue.pending[self.max_batch :]
        queue.running = asyncio.ensure_future(self._run(queue, batch))

    async def _run(self, queue: _Queue[K], batch: list[tuple[K, asyncio.Future[None]]]) -> None:
        try:
            await self.pool.run(self.fn, [item for item, _ in batch])
        except Exception as exc:  # every waiter hears it, as it would have alone
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
        else:
            for _, future in batch:
                if not future.done():
                    future.set_result(None)
        finally:
            queue.running = None
            self._start(queue)


class _Queue(Generic[K]):
    """One loop's waiting items and its batch in flight."""

    def __init__(self) -> None:
        self.pending: list[tuple[K, asyncio.Future[None]]] = []
        self.running: asyncio.Future[None] | None = None


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to the end from sync code, on this thread's own long-lived loop.

    One loop per thread (not asyncio.run each time) so clients bound to a loop, such as the
    model's HTTP connection pool, are reused by later calls from the same thread.
    """
    runner: asyncio.Runner | None = getattr(_local, "runner", None)
    if runner is None:
        runner = _local.runner = asyncio.Runner()
    return runner.run(coro)
