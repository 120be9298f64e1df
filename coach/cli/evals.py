"""`coach eval`: the eval suite (deterministic metrics, or the opt-in judge suite)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from evals.names import TASK_NAMES

if TYPE_CHECKING:
    from coach.settings import Settings
    from evals.results import CaseResult


def _settings(provider: str | None) -> Settings:
    """The run's settings; --provider overrides COACH_LLM__PROVIDER and nothing else."""
    from coach.settings import get_settings, load_settings

    return load_settings(llm={"provider": provider}) if provider else get_settings()


def _tasks(names: list[str] | None, allowed: tuple[str, ...]) -> list[str]:
    from evals.datasets import dataset_path

    # "All tasks" skips a split whose file is not copied in yet (a frozen set arrives last).
    chosen = names or [n for n in allowed if dataset_path(n).is_file()]
    unknown = [n for n in chosen if n not in allowed]
    if unknown:
        raise typer.BadParameter(f"unknown task {unknown}; choose from {', '.join(allowed)}")
    return chosen


def eval_command(
    task: Annotated[
        list[str] | None, typer.Option("--task", help=f"One of {', '.join(TASK_NAMES)}; repeat.")
    ] = None,
    provider: Annotated[
        str | None, typer.Option(help="offline or openai; overrides COACH_LLM__PROVIDER.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Run folder; default <data_dir>/evals/<timestamp>/.")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="First N cases per task.")] = None,
    suite: Annotated[str, typer.Option(help="deterministic, or judge (needs a judge).")] = (
        "deterministic"
    ),
    judge_model: Annotated[
        str | None, typer.Option(help="Judge model; or COACH_EVAL_JUDGE__MODEL.")
    ] = None,
    judge_base_url: Annotated[
        str | None, typer.Option(help="Judge endpoint; or COACH_EVAL_JUDGE__BASE_URL.")
    ] = None,
    thresholds: Annotated[
        Path | None, typer.Option(help="Thresholds TOML; default evals/thresholds.toml.")
    ] = None,
) -> None:
    """Measure every generator on its dataset; exit 1 when a metric is below its threshold."""
    if suite not in ("deterministic", "judge"):
        raise typer.BadParameter("--suite must be deterministic or judge")
    settings = _settings(provider)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out_dir = out or settings.data_dir / "evals" / stamp
    if suite == "judge":
        _judge(settings, task, limit, out_dir, judge_model, judge_base_url)
        return
    from evals.runner import run_suite, write_run
    from evals.thresholds import THRESHOLDS

    def progress(name: str, result: CaseResult) -> None:
        typer.echo("F" if result.failures() else ".", nl=False)

    names = _tasks(task, TASK_NAMES)
    record = run_suite(settings, names, limit, thresholds or THRESHOLDS, on_case=progress)
    report = write_run(record, out_dir)
    typer.echo("")
    for name, data in record["tasks"].items():
        means = ", ".join(
            f"{m}={v['mean']:.3f}" for m, v in data["metrics"].items() if v["mean"] is not None
        )
        typer.echo(f"{name}: {means}")
    typer.echo(f"report: {report}")
    failed = [c for c in record["checks"] if not c["ok"]]
    for c in failed:
        typer.secho(
            f"below threshold: {c['task']}.{c['metric']} = {c['value']:.4g} "
            f"(needs {'<=' if c['bound'] == 'max' else '>='} {c['threshold']:g})",
            fg=typer.colors.RED,
            err=True,
        )
    if failed:
        raise typer.Exit(1)


def _judge(
    settings: Settings,
    task: list[str] | None,
    limit: int | None,
    out_dir: Path,
    model: str | None,
    base_url: str | None,
) -> None:
    from evals.judge import JUDGED, judge_settings, run_judge, write_judge_run

    config = judge_settings(settings, model, base_url)
    if config is None:
        typer.echo(
            "judge suite skipped: no judge model configured (set COACH_EVAL_JUDGE__BASE_URL and "
            "COACH_EVAL_JUDGE__MODEL, or pass --judge-model / --judge-base-url)"
        )
        return
    record = run_judge(settings, config, _tasks(task, JUDGED), limit)
    typer.echo(f"report: {write_judge_run(record, out_dir)}")
    if not record["passed"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `coach eval` to the app."""
    app.command("eval")(eval_command)
