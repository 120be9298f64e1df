"""Benchmark: ingest time (cold and unchanged) and query latency p50/p95. Prints figures."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from coach.knowledge.ingest import ingest
from coach.knowledge.retrieval import Retriever
from coach.settings import PROJECT_ROOT, load_settings
from evals.metrics.cost import percentile

QUESTIONS = PROJECT_ROOT / "evals/datasets/retrieval.jsonl"


def main() -> None:
    """Run the benchmark and print one line per figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="cold ingests to take the median of")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the question set")
    args = parser.parse_args()
    questions = [json.loads(x)["question"] for x in QUESTIONS.read_text().splitlines() if x]
    cold, noop = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            settings = load_settings(data_dir=Path(tmp))
            report = ingest(settings)
            cold.append(report.seconds)
            noop.append(ingest(settings).seconds)
    print(f"files={report.files} chunks={report.chunks_embedded}")
    print(f"ingest_cold_s median={statistics.median(cold):.2f} runs={cold}")
    print(f"ingest_unchanged_s median={statistics.median(noop):.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(data_dir=Path(tmp))
        ingest(settings)
        started = time.perf_counter()
        retriever = Retriever(settings)
        retriever.search("warm-up")
        print(f"retriever_open_s={time.perf_counter() - started:.2f}")
        latencies = []
        for _ in range(args.repeat):
            for q in questions:
                t0 = time.perf_counter()
                retriever.search(q, k=5)
                latencies.append((time.perf_counter() - t0) * 1000)
    print(
        f"query_ms n={len(latencies)} p50={percentile(latencies, 0.5):.1f} "
        f"p95={percentile(latencies, 0.95):.1f}"
    )


if __name__ == "__main__":
    main()
