"""Settings: COACH_ prefix, nesting, provider resolution, errors that say what to set."""

from __future__ import annotations

import pytest

from coach.errors import ConfigError
from coach.service import Coach
from coach.settings import load_settings


def test_nested_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COACH_CHROMA__HOST", "chroma.internal")
    monkeypatch.setenv("COACH_RETRIEVAL__K", "7")
    settings = load_settings()
    assert settings.data_dir == tmp_path
    assert settings.chroma.host == "chroma.internal" and settings.retrieval.k == 7
    assert settings.db_url == f"sqlite:///{tmp_path / 'coach.db'}"


def test_provider_defaults_to_offline_and_follows_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().llm.resolved_provider == "offline"
    monkeypatch.setenv("COACH_LLM__BASE_URL", "http://localhost:8080/v1")
    assert load_settings().llm.resolved_provider == "openai"
    monkeypatch.setenv("COACH_LLM__PROVIDER", "offline")
    assert load_settings().llm.resolved_provider == "offline"


def test_unknown_provider_lists_the_valid_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_LLM__PROVIDER", "gpt-magic")
    settings = load_settings()  # settings do not know the providers; the registry does
    with pytest.raises(ConfigError, match=r"COACH_LLM__PROVIDER to one of offline, openai"):
        Coach(settings)


def test_wrong_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_RETRIEVAL__K", "lots")
    with pytest.raises(ConfigError, match=r"COACH_RETRIEVAL__K"):
        load_settings()


def test_openai_embeddings_need_an_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_EMBEDDING__PROVIDER", "openai")
    with pytest.raises(ConfigError, match=r"COACH_EMBEDDING__BASE_URL"):
        load_settings()
