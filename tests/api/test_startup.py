"""The service loads what summaries need at start-up, not on the first request."""

from __future__ import annotations

from pathlib import Path

from api_helpers import running_app

from coach.privacy import engine


def test_presidio_is_loaded_when_the_app_starts(tmp_path: Path) -> None:
    engine._analyzer.cache_clear()
    engine._anonymizer.cache_clear()
    with running_app(tmp_path):
        # No request has been made yet: the lifespan did the loading.
        assert engine._analyzer.cache_info().currsize == 1
        assert engine._anonymizer.cache_info().currsize == 1
