"""Summary latency on the offline engine: cold start, first request after warm-up, warm p50.

Run: PYTHONPATH=$PWD python -m evals.bench_summary [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from coach.models import SummaryRequest
from coach.service import Coach
from coach.settings import get_settings
from evals.datasets import load_cases


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def main() -> None:
    """Time the summary generator on the dev notes and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="Passes over the dev notes.")
    args = parser.parse_args()
    requests = [c.request(SummaryRequest) for c in load_cases("summary_blind_dev")]
    coach = Coach(get_settings())
    started = time.perf_counter()
    coach.warm()
    coach.retriever  # noqa: B018 - the start-up the service pays before its first request
    startup = _ms(started)
    started = time.perf_counter()
    coach.summarize(requests[0])
    first = _ms(started)
    timings: list[float] = []
    for _ in range(args.runs):
        for request in requests:
            started = time.perf_counter()
            coach.summarize(request)
            timings.append(_ms(started))
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"start-up (warm + index open): {startup} ms")
    print(f"first request after start-up: {first} ms")
    print(f"warm: n={len(timings)} p50={statistics.median(timings)} ms p95={p95} ms")


if __name__ == "__main__":
    main()
