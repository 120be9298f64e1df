"""Fixtures for generator tests: a Coach on the offline engine over the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.service import Coach
from coach.settings import Settings
from tests.conftest import make_settings


def settings_on_index(indexed: Settings, tmp: Path, **overrides: object) -> Settings:
    """Settings sharing the session's ingested index, with their own data folder."""
    return make_settings(tmp, chroma={"path": indexed.chroma_path}, **overrides)


@pytest.fixture(scope="session")
def offline_coach(indexed_settings: Settings) -> Coach:
    """The embedded default engine over the real knowledge base."""
    return Coach(indexed_settings)
