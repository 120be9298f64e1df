"""Warming the service loads everything a first rewrite would otherwise wait for."""

from __future__ import annotations

from pathlib import Path

from coach.language import analyzer, feedback_checks, nlp, semantic
from coach.privacy import engine
from coach.service import Coach
from coach.settings import Settings
from tests.generators.conftest import settings_on_index


def test_warm_loads_the_parser_and_the_semantic_banks(
    indexed_settings: Settings, tmp_path: Path
) -> None:
    # Parses and analyses are cached too: an earlier test's analysis of the warm-up text would
    # skip the loaders.
    nlp.forget_parses()
    analyzer.forget_analyses()
    loaded = (nlp.full_pipeline, nlp.lemminflect, semantic._examples, semantic._impacts)
    for cached in (*loaded, nlp._light_pipeline):
        cached.cache_clear()
    feedback_checks.key_terms.cache_clear()
    engine._analyzer.cache_clear()
    Coach(settings_on_index(indexed_settings, tmp_path)).warm()
    for cached in loaded:
        assert cached.cache_info().currsize == 1, cached
    # One copy of the spaCy model serves Presidio and every parse.
    assert nlp._light_pipeline.cache_info().currsize == 0
    assert engine.nlp() is nlp.pipeline() is nlp.full_pipeline()
