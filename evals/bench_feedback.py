"""Benchmark: offline feedback rewrite latency p50/p95 on a warm process. Prints figures."""

from __future__ import annotations

import argparse
import json
import time

from coach.models import FeedbackRequest
from coach.offline.feedback import compose_feedback
from coach.settings import PROJECT_ROOT
from evals.metrics.cost import percentile

# The split one may look at; the frozen test split is only ever scored by `coach eval`.
DATASET = PROJECT_ROOT / "evals/datasets/feedback_blind_dev.jsonl"


def main() -> None:
    """Warm up once, then time every statement of the dev split, fresh texts each pass."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the statements")
    args = parser.parse_args()
    rows = [json.loads(x) for x in DATASET.read_text(encoding="utf-8").splitlines() if x]
    started = time.perf_counter()
    compose_feedback(
        FeedbackRequest(text="Your slides were boring.", direction="mentor_to_mentee"), []
    )
    print(f"first_rewrite_s={time.perf_counter() - started:.2f} (loads spaCy and MiniLM)")
    latencies = []
    for n in range(args.repeat):
        for row in rows:
            # A suffix makes every pass a new text, so caches keyed on the text do not help.
            text = f"{row['text']} (pass {n})" if n else row["text"]
            request = FeedbackRequest(text=text, direction=row["direction"])
            t0 = time.perf_counter()
            compose_feedback(request, [])
            latencies.append((time.perf_counter() - t0) * 1000)
    print(
        f"offline_rewrite_ms n={len(latencies)} p50={percentile(latencies, 0.5):.1f} "
        f"p95={percentile(latencies, 0.95):.1f} max={max(latencies):.1f}"
    )


if __name__ == "__main__":
    main()
