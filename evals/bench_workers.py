"""Benchmark: feedback-rewrite throughput of `coach serve` with 1 worker and with 2, same run.

Offline engine, loopback only: a throwaway PostgreSQL and Chroma server (the test suite's
helpers in tests/servers.py), the evals' feedback texts, a fixed number of requests at a
fixed concurrency. Prints one JSON object; nothing here decides a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from coach.settings import PROJECT_ROOT
from evals.bench_service import pct
from tests.servers import chroma_server, coach_serve, postgres_server

FEEDBACK = PROJECT_ROOT / "evals/datasets/feedback.jsonl"


def _texts() -> list[dict[str, str]]:
    cases = [json.loads(x) for x in FEEDBACK.read_text().splitlines() if x.strip()]
    return [{"text": c["text"], "direction": c["direction"]} for c in cases]


def _demo(env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "coach", "demo", "--json"],
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **env},
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
        timeout=300,
    ).stdout
    users = json.loads(out)["users"]
    return str(next(u["token"] for u in users if u["role"] == "mentor"))


def _load(base: str, token: str, bodies: list[dict[str, str]], concurrency: int) -> list[float]:
    """POST every body at the given concurrency, a new connection each; latencies in seconds."""

    def one(body: dict[str, str]) -> float:
        started = time.perf_counter()
        response = httpx.post(
            f"{base}/v1/feedback/rewrite",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
            timeout=120,
        )
        response.raise_for_status()
        return time.perf_counter() - started

    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(one, bodies))


def _run(env: dict[str, str], workers: int, token: str, args: argparse.Namespace) -> dict:
    texts = _texts()
    bodies = [texts[i % len(texts)] for i in range(args.requests)]
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log"
        with coach_serve(env, workers, log) as base:
            # Warm-up: every worker loads its models before the clock starts.
            _load(base, token, bodies[: 4 * args.concurrency], args.concurrency)
            started = time.perf_counter()
            latencies = _load(base, token, bodies, args.concurrency)
            elapsed = time.perf_counter() - started
        lines = [json.loads(x) for x in log.read_text().splitlines() if x.startswith("{")]
        served = Counter(x["pid"] for x in lines if x.get("route") == "/v1/feedback/rewrite")
    return {
        "workers": workers,
        "requests": len(bodies),
        "seconds": round(elapsed, 2),
        "throughput_rps": round(len(bodies) / elapsed, 2),
        "latency_p50_ms": round(statistics.median(latencies) * 1000, 1),
        "latency_p95_ms": round(pct(latencies, 95) * 1000, 1),
        "rewrites_per_worker": sorted(served.values()),
    }


def main() -> None:
    """Start the servers, measure 1 worker then 2 on the same database and index, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=96, help="measured requests per run")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, postgres_server() as pg, chroma_server() as ch:
        pg.admin("CREATE DATABASE bench")
        env = {
            "COACH_DATA_DIR": str(Path(tmp) / "data"),
            "COACH_DATABASE_URL": pg.url("bench"),
            "COACH_CHROMA__HOST": ch.host,
            "COACH_CHROMA__PORT": str(ch.port),
        }
        token = _demo(env)  # migrates the database; the first serve then ingests, once
        runs: list[dict[str, Any]] = [_run(env, workers, token, args) for workers in (1, 2)]
    ratio = runs[1]["throughput_rps"] / runs[0]["throughput_rps"]
    summary = {"concurrency": args.concurrency, "runs": runs, "ratio_2_vs_1": round(ratio, 2)}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
