"""`coach demo`, `coach users create` and `coach serve`, on a temporary data directory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_helpers import bearer, running_app
from typer.testing import CliRunner

from coach.cli import app
from coach.db.engine import make_engine
from coach.db.migrate import current_revision, head_revision
from coach.errors import Conflict, InvalidInput
from coach.settings import get_settings


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def _json(args: list[str]) -> Any:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_demo_tokens_work_for_every_role(data_dir: Path) -> None:
    demo = _json(["demo"])
    assert {u["role"] for u in demo["users"]} == {"mentor", "mentee", "coordinator", "admin"}
    with running_app(data_dir) as client:
        for user in demo["users"]:
            me = client.get("/v1/me", headers=bearer(user["token"])).json()
            assert (me["role"], me["name"]) == (user["role"], user["name"])


def test_users_create_prints_a_working_token_once(data_dir: Path) -> None:
    demo = _json(["demo"])
    coordinator = _json(
        ["users", "create", "--role", "coordinator", "--name", "Kim", "--program", "1"]
    )
    assert coordinator["program_id"] == demo["program_id"]
    with running_app(data_dir) as client:
        me = client.get("/v1/me", headers=bearer(coordinator["token"]))
        assert me.json()["role"] == "coordinator"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--role", "mentor", "--name", "X"], InvalidInput),
        (["--role", "mentor", "--name", "X", "--pair", "1"], Conflict),
        (["--role", "wizard", "--name", "X"], InvalidInput),
    ],
)
def test_users_create_refuses_bad_placement(data_dir: Path, args: list[str], error: type) -> None:
    _json(["demo"])
    result = CliRunner().invoke(app, ["users", "create", *args])
    assert isinstance(result.exception, error)


def test_serve_ingests_migrates_then_runs(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from coach.knowledge import ingest
    from coach.knowledge.ingest import IngestReport

    calls: list[Any] = []
    monkeypatch.setattr(ingest, "ingest", lambda s: calls.append("ingest") or IngestReport(files=0))
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: calls.append((host, port)))
    result = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == ["ingest", ("127.0.0.1", 8123)]
    engine = make_engine(get_settings())
    assert current_revision(engine) == head_revision()
    engine.dispose()
