"""What the Coach facade adds around a generation: the prompt budget and the whole latency."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coach import service
from coach.generators.budgets import budgeted
from coach.generators.discussion import PROMPTS
from coach.knowledge.budget import WRAPPER_TOKENS, count_tokens
from coach.models import FeedbackRequest, PromptsRequest
from coach.service import Coach
from coach.settings import PromptSettings, Settings
from tests.generators.conftest import settings_on_index


def test_meta_latency_covers_the_whole_call_first_load_included(
    indexed_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticks: Iterator[float] = iter([100.0, 102.5])
    monkeypatch.setattr(service, "perf_counter", lambda: next(ticks))
    fresh = Coach(settings_on_index(indexed_settings, tmp_path))  # nothing loaded yet
    result = fresh.rewrite_feedback(FeedbackRequest(text="You always interrupt me."))
    assert result.meta.latency_ms == 2500.0


def test_the_prompt_sees_passages_within_budget_and_the_checks_see_all(
    offline_coach: Coach,
) -> None:
    request = PromptsRequest(topic="social media", count=5)
    passages = PROMPTS.retrieve(request, offline_coach.retriever)
    whole = sum(count_tokens(p.text) + WRAPPER_TOKENS for p in passages)
    budget = whole // 3
    task = budgeted(PROMPTS, PromptSettings(discussion=budget))
    shown = task.context(request, passages)["passages"]
    assert sum(count_tokens(p.text) + WRAPPER_TOKENS for p in shown) <= budget
    assert shown and {p.id for p in shown} <= {p.id for p in passages}
    assert task.retrieve is PROMPTS.retrieve and task.offline is PROMPTS.offline


def test_warm_loads_the_index_before_any_request(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    fresh = Coach(settings_on_index(indexed_settings, tmp_path))
    assert fresh.warm() is True
    assert fresh._retriever is not None and fresh._pipeline is not None


def test_warm_skips_a_data_directory_with_no_index(tmp_path: Path) -> None:
    from tests.conftest import make_settings

    empty = Coach(make_settings(tmp_path / "fresh"))
    assert empty.warm() is False
    assert empty._retriever is None
    assert not (tmp_path / "fresh" / "chroma").exists()
