"""Datasets, thresholds and the judge switch; and the runner end to end on the embedded default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.settings import LLMSettings, Settings
from evals.datasets import REQUESTS, dataset_hash, load_cases
from evals.thresholds import check, load_thresholds

MINIMUM = {
    "retrieval": 40,
    "agenda": 30,
    "prompts": 30,
    "feedback": 60,
    "feedback_blind_dev": 100,
    "feedback_blind_test": 60,
    "feedback_blind2_dev": 90,
    "feedback_blind3_dev": 50,
    "feedback_blind3_test": 80,
    "feedback_blind4_dev": 40,
    "feedback_blind4_test": 80,
    "summary": 30,
    "summary_blind2_dev": 19,
    "summary_blind3_dev": 8,
    "summary_blind3_test": 18,
    "summary_blind4_dev": 18,
    "summary_blind4_test": 18,
    "summary_blind5_dev": 8,
    "summary_blind5_test": 16,
}


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_datasets_are_big_enough_and_valid_requests(name: str) -> None:
    cases = load_cases(name)
    assert len(cases) >= MINIMUM[name]
    assert len({c.id for c in cases}) == len(cases)
    assert len(dataset_hash(name)) == 64
    model = REQUESTS[name]
    for case in cases:
        if model is not None:
            case.request(model)


def test_feedback_cases_carry_their_labels() -> None:
    kinds = set()
    for case in load_cases("feedback"):
        assert {"kind", "expect_categories", "concern_terms", "already_good"} <= set(case.labels)
        kinds.add(case.labels["kind"])
    assert {"insult", "stereotype", "absolute", "vague", "assumed_intent"} <= kinds
    assert {"over_hedging", "praise", "constructive", "long", "injection"} <= kinds


@pytest.mark.parametrize(
    "name",
    ["feedback_blind_dev", "feedback_blind_test", "feedback_blind2_dev", "feedback_blind3_dev"],
)
def test_blind_feedback_splits_carry_the_labels_their_metrics_read(name: str) -> None:
    needed = {"must_remove", "concern_terms", "already_good", "is_praise", "forbidden"}
    assert all(needed <= set(case.labels) for case in load_cases(name))


def test_planted_identifiers_appear_in_the_notes() -> None:
    for case in load_cases("summary"):
        words = len(case.fields["notes"].split())
        assert 150 <= words <= 600, case.id
        for planted in case.labels["planted"]:
            assert planted["value"].lower() in case.fields["notes"].lower(), case.id
        assert case.labels["expected_actions"]


def test_thresholds_bound_below_and_above(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(
        "[agenda]\nstructure = 0.9\nlatency_p95_ms_max = 100\n[judge.agenda]\njudge_score = 4\n"
    )
    table = load_thresholds(path)
    assert table["judge.agenda"] == {"judge_score": 4.0}
    checks = check("agenda", {"structure": 0.8, "latency_p95_ms": 50.0}, table["agenda"])
    assert [(c.metric, c.ok) for c in checks] == [("structure", False), ("latency_p95_ms", True)]


def test_judge_suite_without_a_judge_says_so_and_exits_0() -> None:
    result = CliRunner().invoke(app, ["eval", "--suite", "judge"])
    assert result.exit_code == 0
    assert "no judge model configured" in result.output


def test_runner_end_to_end_on_the_embedded_default(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    from evals.runner import run_suite, write_run

    tasks = list(MINIMUM)
    record = run_suite(indexed_settings, tasks, limit=2)
    report = write_run(record, tmp_path)
    saved = json.loads((tmp_path / "results.json").read_text())
    assert saved["provider"] == "offline" and saved["git_commit"]
    assert set(saved["tasks"]) == set(tasks)
    assert all(len(saved["tasks"][t]["cases"]) == 2 for t in tasks)
    assert all(saved["datasets"][t]["sha256"] == dataset_hash(t) for t in tasks)
    assert saved["prompt_hashes"]
    assert (tmp_path / "pass_rates.png").stat().st_size > 0
    text = report.read_text()
    assert "pass_rates.png" in text and "## summary" in text


def test_judge_grades_through_the_provider_and_reasks_a_bad_verdict(
    indexed_settings: Settings,
) -> None:
    from evals import stub_llm
    from evals.judge import judge_settings, run_judge

    stub = stub_llm.start(answers={"Verdict": {"score": 3, "reason": "generic"}})
    try:
        settings = indexed_settings.model_copy(
            update={"eval_judge": LLMSettings(model="fake-judge", base_url=stub.base_url)}
        )
        config = judge_settings(settings)
        assert config is not None and config.temperature == 0
        record = run_judge(settings, config, ["feedback"], 1)
        calls = stub.state.calls
        stub.state.configure(answers={"Verdict": {"score": 9}})  # outside 1-5, every re-ask
        bad = run_judge(settings, config, ["feedback"], 1)
    finally:
        stub.stop()
    metric = record["tasks"]["feedback"]["metrics"]["judge_score"]
    assert metric["mean"] == 3.0 and metric["pass_rate"] == 0.0 and calls == 1
    assert "evals/feedback.j2" in record["prompt_hashes"]
    score = bad["tasks"]["feedback"]["cases"][0]["scores"][0]
    assert score["value"] is None and "no verdict" in score["detail"]


def test_every_task_name_has_a_request_model_and_a_task() -> None:
    from coach.cli.evals import TASK_NAMES
    from evals.tasks import TASKS

    assert set(TASK_NAMES) == set(REQUESTS) == set(TASKS)
    assert TASKS["summary_blind4_test"].score is TASKS["summary_blind_dev"].score


def test_both_blind_feedback_sets_are_tasks_scored_alike() -> None:
    from coach.cli.evals import TASK_NAMES
    from evals.tasks import TASKS

    for name in ("feedback_blind2_dev", "feedback_blind2_test", "feedback_blind3_dev"):
        assert name in TASK_NAMES and name in REQUESTS
        assert TASKS[name].score is TASKS["feedback_blind_dev"].score
