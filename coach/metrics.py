"""Prometheus metrics: what the server counts and exposes at /metrics.

Imported by the web app, not by the CLI: prometheus_client's import (its exposition server
pulls in urllib and http.server) would cost every command ~0.1 s for counts nobody reads.
coach.telemetry counts generations here once this module is loaded.
"""

from __future__ import annotations

import os

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as prometheus_multiprocess

REQUESTS = Counter("coach_http_requests", "HTTP requests answered.", ["method", "route", "status"])
LATENCY = Histogram(
    "coach_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
IN_FLIGHT = Gauge(
    "coach_http_in_flight",
    "Requests being handled now (the queue depth in front of the workers).",
    multiprocess_mode="livesum",
)
GENERATIONS = Counter(
    "coach_generations", "Artifacts generated.", ["generator", "engine", "degraded"]
)
PROVIDER_ERRORS = Counter(
    "coach_provider_errors", "LLM provider failures, by kind.", ["generator", "kind"]
)


def metrics_text() -> bytes:
    """The exposition text; with several workers, the sum over every worker's files."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        prometheus_multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)
