"""The opt-in judge suite: a judge model grades each generator's output against a rubric."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from coach.errors import CoachError, ConfigError
from coach.settings import PROJECT_ROOT
from evals.datasets import Case, dataset_hash, dataset_path, load_cases
from evals.results import CaseResult, Score, aggregate
from evals.runner import git_commit, write_run
from evals.tasks import TASKS
from evals.thresholds import THRESHOLDS, Check, check, load_thresholds

if TYPE_CHECKING:
    from coach.llm.base import Provider
    from coach.settings import LLMSettings, Settings

JUDGED = ("agenda", "prompts", "feedback", "summary")
PASS_SCORE = 4
SYSTEM = "You are a strict, fair evaluator. Reply with one JSON object and nothing else."


class Verdict(BaseModel):
    """A judge's grade of one output."""

    score: int = Field(ge=1, le=5)
    reason: str = ""


def judge_settings(
    settings: Settings, model: str | None = None, base_url: str | None = None
) -> LLMSettings | None:
    """The judge endpoint from options or COACH_EVAL_JUDGE__*; None when none is configured."""
    from coach.settings import LLMSettings

    chosen = {k: v for k, v in {"model": model, "base_url": base_url}.items() if v}
    if settings.eval_judge is None and not chosen:
        return None
    base = settings.eval_judge or LLMSettings()
    cfg = base.model_copy(update={**chosen, "temperature": 0.0, "fallback_offline": False})
    named = "model" in chosen or "model" in base.model_fields_set
    if not named or not (cfg.base_url or cfg.api_key):
        return None
    return cfg


def judge_case(template: str, case: Case, output: Any, judge: Judge) -> Score:
    """Render the rubric for one output and ask the judge through the structured-output path."""
    from coach.llm.prompts import render_file

    prompt, _ = render_file(
        template,
        request_json=json.dumps(case.fields, indent=2, ensure_ascii=False),
        output_json=output.model_dump_json(indent=2, exclude={"meta"}),
        audience=case.fields.get("audience", "mentee"),
        direction=case.fields.get("direction", ""),
    )
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}]
    try:
        verdict = judge.grade(messages)
    except CoachError as exc:  # no usable verdict: recorded, not raised
        return Score("judge_score", None, None, f"no verdict: {exc.detail}"[:300])
    return Score("judge_score", float(verdict.score), verdict.score >= PASS_SCORE, verdict.reason)


@dataclass(frozen=True)
class Judge:
    """A judge model behind the same provider registry and re-asking parser the generators use."""

    provider: Provider
    cfg: LLMSettings

    def grade(self, messages: list[dict[str, str]]) -> Verdict:
        """One verdict, re-asked while it does not parse; GenerationError or ProviderUnavailable."""
        from coach.aio import run_sync
        from coach.llm.base import Deadline
        from coach.llm.structured import ask_structured

        verdict, _ = run_sync(
            ask_structured(
                self.provider,
                messages,
                Verdict,
                lambda v: (v, []),
                self.cfg.max_reasks,
                Deadline(self.cfg.deadline_s),
            )
        )
        return verdict


def make_judge(cfg: LLMSettings) -> Judge:
    """The judge for the settings; ConfigError when they name no model provider."""
    from coach.llm.registry import build_provider

    provider = build_provider(cfg)
    if provider is None:
        raise ConfigError("the judge needs a model: set COACH_EVAL_JUDGE__BASE_URL or __API_KEY")
    return Judge(provider, cfg)


def _judge_task(
    name: str, coach: Any, judge: Judge, limit: int | None
) -> tuple[list[CaseResult], str, str]:
    task = TASKS[name]
    template = f"evals/{task.generator}.j2"
    digest = hashlib.sha256((PROJECT_ROOT / "prompts" / template).read_bytes()).hexdigest()[:12]
    results = []
    for case in load_cases(name, limit):
        result = CaseResult(case.id, {**case.fields, **case.labels})
        try:
            output = task.call(coach, case)
        except Exception as exc:  # a generator failure is graded as such, not raised
            result.error = f"{type(exc).__name__}: {exc}"[:300]
            result.scores = [Score("judge_score", 1.0, False, result.error)]
        else:
            result.output = output.model_dump(mode="json")
            result.scores = [judge_case(template, case, output, judge)]
        results.append(result)
    return results, template, digest


def run_judge(
    settings: Settings,
    config: LLMSettings,
    tasks: list[str],
    limit: int | None = None,
    thresholds: Path = THRESHOLDS,
) -> dict[str, Any]:
    """Run the judge suite and return a run record shaped like the deterministic one."""
    from coach.service import Coach

    started = datetime.now(UTC)
    coach = Coach(settings)
    judge = make_judge(config)
    table = load_thresholds(thresholds)
    record_tasks: dict[str, dict[str, Any]] = {}
    hashes: dict[str, str] = {}
    checks: list[Check] = []
    for name in tasks:
        cases, template, digest = _judge_task(name, coach, judge, limit)
        hashes[template] = digest
        metrics = aggregate(cases)
        values = {k: v["mean"] for k, v in metrics.items()}
        checks += check(f"judge.{name}", values, table.get(f"judge.{name}", {}))
        stats = {
            "cases": len(cases),
            "errors": sum(c.error is not None for c in cases),
            "tokens_per_request": "n/a",
            "token_source": "n/a",
            "degraded_rate": None,
        }
        record_tasks[name] = {
            "metrics": metrics,
            "stats": stats,
            "cases": [c.to_dict() for c in cases],
        }
    return {
        "suite": "judge",
        "judge_model": config.model,
        "judge_base_url": config.base_url,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "provider": settings.llm.resolved_provider,
        "model": coach.model_name,
        "models_seen": [],
        "embedding": f"{settings.embedding.provider}:{settings.embedding.model}",
        "git_commit": git_commit(Path(__file__).resolve().parent),
        "limit": limit,
        "datasets": {
            n: {
                "path": f"evals/datasets/{dataset_path(n).name}",
                "sha256": dataset_hash(n),
                "cases_run": len(record_tasks[n]["cases"]),
            }
            for n in tasks
        },
        "prompt_hashes": hashes,
        "thresholds_file": str(thresholds),
        "checks": [c.to_dict() for c in checks],
        "passed": all(c.ok for c in checks),
        "tasks": record_tasks,
    }


def write_judge_run(record: dict[str, Any], out_dir: Path) -> Path:
    """Write the judge run like any other run."""
    return write_run(record, out_dir)
