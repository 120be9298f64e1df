"""Generations are counted by engine and degraded; provider failures by kind."""

from __future__ import annotations

from pathlib import Path

import httpx
import respx
from prometheus_client import REGISTRY

import coach.metrics  # noqa: F401  (generations are counted where metrics are kept: the server)
from coach.service import Coach
from coach.settings import Settings
from tests.generators.conftest import settings_on_index
from tests.generators.test_openai_generators import AGENDA_REQ, BASE, URL


def _count(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@respx.mock
def test_degraded_generation_and_provider_error_are_counted(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    llm = {"base_url": BASE, "max_retries": 0, "timeout_s": 2}
    coach = Coach(settings_on_index(indexed_settings, tmp_path, llm=llm))
    degraded = {"generator": "agenda", "engine": "offline", "degraded": "true"}
    failures = {"generator": "agenda", "kind": "unavailable"}
    before = _count("coach_generations_total", **degraded)
    errors_before = _count("coach_provider_errors_total", **failures)
    respx.post(URL).mock(return_value=httpx.Response(503, json={"error": {"message": "down"}}))
    assert coach.agenda(AGENDA_REQ).meta.degraded
    assert _count("coach_generations_total", **degraded) == before + 1
    assert _count("coach_provider_errors_total", **failures) == errors_before + 1


def test_offline_generation_is_counted(indexed_settings: Settings) -> None:
    labels = {"generator": "agenda", "engine": "offline", "degraded": "false"}
    before = _count("coach_generations_total", **labels)
    Coach(indexed_settings).agenda(AGENDA_REQ)
    assert _count("coach_generations_total", **labels) == before + 1
