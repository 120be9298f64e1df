"""Operations: JSON log lines, the request id they carry, and counting generations."""

from __future__ import annotations

import json
import logging
import sys
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

# Set by the web layer for the length of a request; log lines written meanwhile carry it.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def _metrics() -> ModuleType | None:
    # Counted only where metrics are kept: the server loads coach.metrics with the app. A CLI
    # command has nobody to read them, and importing prometheus_client cost it ~0.1 s.
    return sys.modules.get("coach.metrics")


def record_generation(generator: str, engine: str, degraded: bool) -> None:
    """Count one generated artifact."""
    if (metrics := _metrics()) is not None:
        metrics.GENERATIONS.labels(generator, engine, str(degraded).lower()).inc()


def record_provider_error(generator: str, kind: str) -> None:
    """Count one provider failure: unavailable (after retries) or invalid output."""
    if (metrics := _metrics()) is not None:
        metrics.PROVIDER_ERRORS.labels(generator, kind).inc()


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
