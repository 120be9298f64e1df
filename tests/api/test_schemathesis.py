"""Schemathesis against the real app (offline engine, real index) with a token of every role.

Both of its phases run: the examples in the OpenAPI document, then generated (fuzzed) cases.
Every response must be no server error, match its documented schema, and have a documented
status and content type. The run is bounded twice: MAX_EXAMPLES per operation, and a time
budget after which the remaining generated cases are counted but not sent.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from api_helpers import World, seed
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings

from api.app import create_app
from coach.knowledge.retrieval import Retriever
from coach.settings import load_settings

ROLES = ("mentor", "mentee", "coordinator", "admin")
MAX_EXAMPLES = 6
BUDGET_S = 150.0
FIGURES: dict[str, Any] = {"cases": 0, "calls": 0, "skipped": 0, "started": None}


# Built at import: schemathesis' fixture-based loader does not work with pytest 9. The app
# writes only its SQLite database, into this folder, removed at the end of the module.
DATA_DIR = Path(tempfile.mkdtemp(prefix="coach-schemathesis-"))
APP = create_app(load_settings(data_dir=DATA_DIR, llm={"provider": "offline"}))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def seeded(retriever: Retriever) -> Iterator[World]:
    APP.state.coach._retriever = retriever  # the session's real index, loaded once
    with TestClient(APP, raise_server_exceptions=False) as client:
        yield seed(client)  # tokens come from coach.db.auth, one per role


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same cases on every run: CI failures reproduce
    database=None,
)
def test_every_role_gets_documented_answers(case: Any, seeded: World) -> None:
    FIGURES["cases"] += 1
    FIGURES["started"] = FIGURES["started"] or time.monotonic()
    if time.monotonic() - FIGURES["started"] > BUDGET_S:
        FIGURES["skipped"] += 1
        return
    for role in ROLES:
        FIGURES["calls"] += 1
        case.call_and_validate(headers=seeded.as_(role))


def teardown_module() -> None:
    """Remove the data folder; print what ran (seen with -s)."""
    shutil.rmtree(DATA_DIR, ignore_errors=True)
    print(
        f"schemathesis: {FIGURES['cases']} cases, {FIGURES['calls']} calls "
        f"({len(ROLES)} roles), {FIGURES['skipped']} cases past the {BUDGET_S:g} s budget"
    )
