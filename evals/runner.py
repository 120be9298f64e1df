"""Run the deterministic suite: each task over its dataset, scored, with full provenance."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.datasets import Case, dataset_hash, dataset_path, load_cases
from evals.metrics.cost import percentile, token_count
from evals.results import CaseResult, Score, aggregate
from evals.tasks import TASKS, Context, Task
from evals.thresholds import THRESHOLDS, Check, check, load_thresholds

if TYPE_CHECKING:
    from coach.settings import Settings

OnCase = Callable[[str, CaseResult], None]


@dataclass
class TaskRun:
    """One task's cases, metric table and run statistics."""

    name: str
    cases: list[CaseResult]
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    def values(self) -> dict[str, float | None]:
        """What thresholds compare against: each metric's mean, and the numeric statistics."""
        out: dict[str, float | None] = {k: v["mean"] for k, v in self.metrics.items()}
        out.update({k: v for k, v in self.stats.items() if isinstance(v, int | float)})
        return out


def git_commit(cwd: Path | None = None) -> str:
    """HEAD's commit, or "unknown" outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=cwd, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "unknown"


def _error_text(exc: Exception) -> str:
    detail = getattr(exc, "detail", None) or str(exc)
    errors = getattr(exc, "errors", None)
    if isinstance(errors, list) and errors:
        detail += " " + "; ".join(str(e.get("message", e)) for e in errors[:3])
    return f"{type(exc).__name__}: {detail}"[:500]


def _output_dict(out: Any) -> Any:
    if isinstance(out, list):
        return [p.model_dump(mode="json") for p in out]
    return out.model_dump(mode="json")


def run_case(task: Task, ctx: Context, case: Case) -> CaseResult:
    """Call the generator on one case and score what it returns; a failure is recorded."""
    from coach.errors import ConfigError, NotIndexed

    result = CaseResult(case.id, {**case.fields, **case.labels})
    started = time.perf_counter()
    try:
        out = task.call(ctx.coach, case)
    except (NotIndexed, ConfigError):
        raise  # the whole run is meaningless; say so once rather than per case
    except Exception as exc:  # a generator failure is a measured outcome, not a crash
        result.error = _error_text(exc)
        result.scores = [Score("schema_valid", 0.0, False, result.error)]
        return result
    wall_ms = (time.perf_counter() - started) * 1000
    result.output = _output_dict(out)
    result.scores = task.score(ctx, case, out)
    meta = getattr(out, "meta", None)
    result.latency_ms = round(meta.latency_ms if meta and meta.latency_ms else wall_ms, 1)
    if meta is not None:
        usage = meta.usage.model_dump() if meta.usage else None
        texts = [json.dumps(case.fields), json.dumps(result.output)]
        result.tokens, result.token_source = token_count(usage, meta.engine, meta.model, texts)
    return result


def _meta(case: CaseResult) -> dict[str, Any] | None:
    """The output's meta, when the output is a generator result."""
    return case.output.get("meta") if isinstance(case.output, dict) else None


def _stats(cases: list[CaseResult]) -> dict[str, Any]:
    latencies = [c.latency_ms for c in cases if c.latency_ms is not None]
    tokens = [c.tokens for c in cases if c.tokens is not None]
    sources = sorted({c.token_source for c in cases if c.output is not None}) or ["n/a"]
    degraded = [bool(m.get("degraded")) for c in cases if (m := _meta(c))]
    return {
        "cases": len(cases),
        "errors": sum(c.error is not None for c in cases),
        "latency_p50_ms": percentile(latencies, 0.5),
        "latency_p95_ms": percentile(latencies, 0.95),
        "tokens_per_request": sum(tokens) / len(tokens) if tokens else "/".join(sources),
        "token_source": "/".join(sources),
        "degraded_rate": sum(degraded) / len(degraded) if degraded else None,
    }


def run_task(task: Task, ctx: Context, limit: int | None, on_case: OnCase | None) -> TaskRun:
    """Run one task over its dataset."""
    results = []
    for case in load_cases(task.name, limit):
        result = run_case(task, ctx, case)
        results.append(result)
        if on_case:
            on_case(task.name, result)
    return TaskRun(task.name, results, aggregate(results), _stats(results))


def _prompt_hashes(runs: list[TaskRun]) -> dict[str, str]:
    hashes = {}
    for run in runs:
        for c in run.cases:
            if meta := _meta(c):
                hashes[meta["prompt_template"]] = meta["prompt_hash"]
    return dict(sorted(hashes.items()))


def _models(runs: list[TaskRun]) -> list[str]:
    seen = {f"{m['engine']}:{m['model']}" for r in runs for c in r.cases if (m := _meta(c))}
    return sorted(seen)


def run_suite(
    settings: Settings,
    tasks: list[str],
    limit: int | None = None,
    thresholds: Path = THRESHOLDS,
    on_case: OnCase | None = None,
) -> dict[str, Any]:
    """Run the tasks and return the run record: provenance, metrics, cases, threshold checks."""
    from coach.service import Coach

    started = datetime.now(UTC)
    coach = Coach(settings)
    coach.search("warm-up")  # loads the embedding model, so the first case's latency is fair
    ctx = Context(coach)
    runs = [run_task(TASKS[name], ctx, limit, on_case) for name in tasks]
    table = load_thresholds(thresholds)
    checks: list[Check] = [
        c for r in runs for c in check(r.name, r.values(), table.get(r.name, {}))
    ]
    return {
        "suite": "deterministic",
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "provider": settings.llm.resolved_provider,
        "model": coach.model_name,
        "models_seen": _models(runs),
        "embedding": f"{settings.embedding.provider}:{settings.embedding.model}",
        "git_commit": git_commit(Path(__file__).resolve().parent),
        "limit": limit,
        "datasets": {
            name: {
                "path": str(dataset_path(name).relative_to(dataset_path(name).parents[2])),
                "sha256": dataset_hash(name),
                "cases_run": len(next(r for r in runs if r.name == name).cases),
            }
            for name in tasks
        },
        "prompt_hashes": _prompt_hashes(runs),
        "thresholds_file": str(thresholds),
        "checks": [c.to_dict() for c in checks],
        "passed": all(c.ok for c in checks),
        "tasks": {
            r.name: {
                "metrics": r.metrics,
                "stats": r.stats,
                "cases": [c.to_dict() for c in r.cases],
            }
            for r in runs
        },
    }


def write_run(record: dict[str, Any], out_dir: Path) -> Path:
    """Write results.json, the chart and report.md into out_dir; return the report's path."""
    from evals.report import write_report

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
    return write_report(record, out_dir)
