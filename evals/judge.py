"""The opt-in judge suite: a judge model grades each generator's output against a rubric."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.datasets import Case, dataset_hash, dataset_path, load_cases
from evals.results import CaseResult, Score, aggregate
from evals.runner import git_commit, write_run
from evals.tasks import TASKS
from evals.thresholds import THRESHOLDS, Check, check, load_thresholds

if TYPE_CHECKING:
    from coach.settings import Settings

JUDGED = ("agenda", "prompts", "feedback", "summary")
PASS_SCORE = 4
SYSTEM = "You are a strict, fair evaluator. Reply with one JSON object and nothing else."
Complete = Callable[[list[dict[str, str]]], str]


@dataclass(frozen=True)
class JudgeConfig:
    """The judge endpoint: a model on an OpenAI-compatible server."""

    model: str
    base_url: str | None = None
    api_key: str | None = None


def judge_config(model: str | None = None, base_url: str | None = None) -> JudgeConfig | None:
    """The judge from options or COACH_EVAL_JUDGE__* variables; None when none is configured."""
    model = model or os.environ.get("COACH_EVAL_JUDGE__MODEL")
    base_url = base_url or os.environ.get("COACH_EVAL_JUDGE__BASE_URL")
    api_key = os.environ.get("COACH_EVAL_JUDGE__API_KEY")
    if not model or not (base_url or api_key):
        return None
    return JudgeConfig(model, base_url, api_key)


def openai_judge(config: JudgeConfig) -> Complete:
    """A completion function over the OpenAI client, asking for a JSON object."""
    from openai import OpenAI

    client = OpenAI(base_url=config.base_url, api_key=config.api_key or "not-needed")

    def complete(messages: list[dict[str, str]]) -> str:
        response = client.chat.completions.create(  # type: ignore[call-overload]
            model=config.model,
            messages=messages,
            temperature=0,
            response_format={"type": "json_object"},
        )
        return response.choices[0].message.content or ""

    return complete


def _template(generator: str) -> tuple[Any, str]:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from coach.settings import PROJECT_ROOT

    folder = PROJECT_ROOT / "prompts" / "evals"
    env = Environment(loader=FileSystemLoader(folder), undefined=StrictUndefined)
    source = (folder / f"{generator}.j2").read_text(encoding="utf-8")
    return env.get_template(f"{generator}.j2"), hashlib.sha256(source.encode()).hexdigest()


def parse_verdict(text: str) -> tuple[int, str]:
    """The judge's score (1-5) and reason; raises ValueError on anything else."""
    match = re.search(r"\{.*\}", text, re.S)
    data = json.loads(match.group(0) if match else text)
    score = int(data["score"])
    if not 1 <= score <= 5:
        raise ValueError(f"score {score} outside 1-5")
    return score, str(data.get("reason", ""))


def judge_case(template: Any, case: Case, output: Any, complete: Complete) -> Score:
    """Render the rubric for one output and ask the judge."""
    prompt = template.render(
        request_json=json.dumps(case.fields, indent=2, ensure_ascii=False),
        output_json=output.model_dump_json(indent=2, exclude={"meta"}),
        audience=case.fields.get("audience", "mentee"),
        direction=case.fields.get("direction", ""),
    )
    try:
        score, reason = parse_verdict(
            complete([{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}])
        )
    except (ValueError, KeyError, TypeError) as exc:
        return Score("judge_score", None, None, f"unparseable verdict: {exc}")
    return Score("judge_score", float(score), score >= PASS_SCORE, reason)


def _judge_task(
    name: str, coach: Any, complete: Complete, limit: int | None
) -> tuple[list[CaseResult], str, str]:
    task = TASKS[name]
    template, digest = _template(str(task.generator))
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
            result.scores = [judge_case(template, case, output, complete)]
        results.append(result)
    return results, f"evals/{task.generator}.j2", digest


def run_judge(
    settings: Settings,
    config: JudgeConfig,
    tasks: list[str],
    limit: int | None = None,
    complete: Complete | None = None,
    thresholds: Path = THRESHOLDS,
) -> dict[str, Any]:
    """Run the judge suite and return a run record shaped like the deterministic one."""
    from coach.service import Coach

    started = datetime.now(UTC)
    coach = Coach(settings)
    complete = complete or openai_judge(config)
    table = load_thresholds(thresholds)
    record_tasks: dict[str, dict[str, Any]] = {}
    hashes: dict[str, str] = {}
    checks: list[Check] = []
    for name in tasks:
        cases, template, digest = _judge_task(name, coach, complete, limit)
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
