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
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
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


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to the end from sync code, on this thread's own long-lived loop.

    One loop per thread (not asyncio.run each time) so clients bound to a loop, such as the
    model's HTTP connection pool, are reused by later calls from the same thread.
    """
    runner: asyncio.Runner | None = getattr(_local, "runner", None)
    if runner is None:
        runner = _local.runner = asyncio.Runner()
    return runner.run(coro)
