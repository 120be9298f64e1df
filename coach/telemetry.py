"""Operations: Prometheus metrics, JSON log lines and the request id they carry."""

from __future__ import annotations

import json
import logging
import os
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as prometheus_multiprocess

# Set by the web layer for the length of a request; log lines written meanwhile carry it.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

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


def record_generation(generator: str, engine: str, degraded: bool) -> None:
    """Count one generated artifact."""
    GENERATIONS.labels(generator, engine, str(degraded).lower()).inc()


def record_provider_error(generator: str, kind: str) -> None:
    """Count one provider failure: unavailable (after retries) or invalid output."""
    PROVIDER_ERRORS.labels(generator, kind).inc()


def metrics_text() -> bytes:
    """The exposition text; with several workers, the sum over every worker's files."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        prometheus_multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


class JsonFormatter(logging.Formatter):
    """One JSON object per line; an exception logs its type and frames, never its message."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id.get(),
            "pid": record.process,
        }
        line |= getattr(record, "fields", {})
        if record.exc_info and record.exc_info[0] is not None:
            # Exception messages can quote user input (pydantic echoes input values), so
            # only the type and where it happened are written.
            line["exception"] = record.exc_info[0].__name__
            frames = traceback.extract_tb(record.exc_info[2])
            line["frames"] = [f"{f.filename}:{f.lineno} {f.name}" for f in frames[-8:]]
        return json.dumps(line, default=str)


def log_config(level: str = "info") -> dict[str, Any]:
    """A logging.config dict: coach's and uvicorn's loggers write JSON lines to stderr."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    loggers = {
        name: {"handlers": ["json"], "level": level.upper(), "propagate": False}
        for name in ("coach", "uvicorn", "uvicorn.error")
    }
    # The access log would print query strings (a search query is user text); ours does not.
    loggers["uvicorn.access"] = {"handlers": [], "level": "WARNING", "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"json": handler},
        "loggers": loggers,
    }
