"""`coach demo`, `coach users ...` and `coach serve`, on a temporary data directory."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_helpers import running_app
from typer.testing import CliRunner

from coach.accounts.redact import SecretPathFilter, redact
from coach.cli import app
from coach.cli.server import log_config
from coach.db.engine import make_engine
from coach.db.migrate import current_revision, head_revision
from coach.errors import Conflict, InvalidInput
from coach.settings import get_settings

PASSWORD = "correct horse battery"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n")
    return path


def _run(args: list[str], **kwargs: Any) -> Any:
    result = CliRunner().invoke(app, args, **kwargs)
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_accounts_sign_in_with_the_typed_password(data_dir: Path, password_file: Path) -> None:
    output = _run(["demo", "--password-file", str(password_file)])
    assert "TOKEN" not in output and "coach_" not in output and PASSWORD not in output
    emails = dict(line.split()[1].split("=") for line in output.splitlines() if "_EMAIL=" in line)
    assert set(emails) == {"MENTOR_EMAIL", "MENTEE_EMAIL", "COORDINATOR_EMAIL", "ADMIN_EMAIL"}
    with running_app(data_dir) as client:
        for variable, email in emails.items():
            signed = client.post("/v1/auth/sign-in", json={"email": email, "password": PASSWORD})
            assert signed.status_code == 200, signed.text
            assert signed.json()["user"]["role"] == variable.split("_")[0].lower()


def test_demo_reads_the_password_from_the_environment_and_refuses_a_rerun(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_PASSWORD", PASSWORD)
    demo = json.loads(_run(["demo", "--json"]))
    assert {u["role"] for u in demo["users"]} == {"mentor", "mentee", "coordinator", "admin"}
    assert all("token" not in u for u in demo["users"])
    again = CliRunner().invoke(app, ["demo"])
    assert isinstance(again.exception, Conflict)


def test_no_password_and_no_terminal_says_what_to_do(data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["demo"], input="")
    assert isinstance(result.exception, InvalidInput)
    assert "--password-file" in result.exception.detail


def test_users_create_then_sign_in(data_dir: Path, password_file: Path) -> None:
    created = json.loads(
        _run(
            [
                "users", "create", "--role", "admin", "--email", "Boss@Example.org",
                "--name", "Boss", "--password-file", str(password_file), "--json",
            ]
        )
    )  # fmt: skip
    assert created["email"] == "boss@example.org" and "token" not in created
    listed = _run(["users", "list"])
    assert "boss@example.org" in listed and PASSWORD not in listed
    with running_app(data_dir) as client:
        signed = client.post(
            "/v1/auth/sign-in", json={"email": "boss@example.org", "password": PASSWORD}
        )
        assert signed.json()["user"]["role"] == "admin"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--role", "mentor", "--email", "x@example.org", "--name", "X"], InvalidInput),
        (["--role", "mentor", "--email", "x@example.org", "--name", "X", "--pair", "1"], Conflict),
        (["--role", "wizard", "--email", "x@example.org", "--name", "X"], InvalidInput),
        (["--role", "admin", "--email", "maya.chen@example.org", "--name", "X"], Conflict),
        (["--role", "admin", "--email", "not-an-email", "--name", "X"], InvalidInput),
    ],
)
def test_users_create_refuses_bad_input(
    data_dir: Path, password_file: Path, args: list[str], error: type
) -> None:
    _run(["demo", "--password-file", str(password_file)])
    result = CliRunner().invoke(
        app, ["users", "create", *args, "--password-file", str(password_file)]
    )
    assert isinstance(result.exception, error)


def test_short_password_is_refused(data_dir: Path, tmp_path: Path) -> None:
    short = tmp_path / "short"
    short.write_text("abc\n")
    result = CliRunner().invoke(app, ["demo", "--password-file", str(short)])
    assert isinstance(result.exception, InvalidInput)
    assert "at least 10 characters" in result.exception.detail


def test_serve_ingests_migrates_then_runs(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    import uvicorn

    calls: list[Any] = []

    def child(args: list[str], check: bool) -> subprocess.CompletedProcess[str]:
        calls.append(args[1:])
        return subprocess.CompletedProcess(args, 0)

    # Ingestion runs in a child process, so chromadb never stays loaded in the server.
    monkeypatch.setattr(subprocess, "run", child)
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: calls.append((host, port)))
    result = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == [
        ["-c", "from coach.cli.server import ingest_once; ingest_once()"],
        ("127.0.0.1", 8123),
    ]
    engine = make_engine(get_settings())
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_serve_stops_when_ingestion_fails(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    import uvicorn

    monkeypatch.setattr(subprocess, "run", lambda args, check: subprocess.CompletedProcess(args, 2))
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("served without an index"))
    assert CliRunner().invoke(app, ["serve"]).exit_code == 2


def test_ingest_once_reports_what_it_indexed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from coach.cli.server import ingest_once
    from coach.knowledge import ingest
    from coach.knowledge.ingest import IngestReport

    monkeypatch.setattr(ingest, "ingest", lambda s: IngestReport(files=3, chunks_embedded=7))
    ingest_once()
    assert capsys.readouterr().out == "knowledge: 3 files, 7 chunks embedded\n"


def test_access_log_never_shows_link_secrets() -> None:
    assert redact('"GET /invitations/coachi_abc123 HTTP/1.1"') == '"GET /invitations/… HTTP/1.1"'
    assert redact("/reset/coachr_x?next=/") == "/reset/…?next=/"
    kept = "POST /v1/auth/invitations/accept, DELETE /v1/invitations/12"
    assert redact(kept) == kept
    assert redact("/v1/auth/oidc/callback?code=abc&state=def") == (
        "/v1/auth/oidc/callback?code=…&state=…"
    )
    record = logging.LogRecord(
        "uvicorn.access", 20, "", 0, '%s - "%s %s"', ("1.2.3.4", "GET", "/reset/coachr_zz"), None
    )
    SecretPathFilter().filter(record)
    assert "coachr_zz" not in record.getMessage()
    config = log_config()
    assert all("secrets" in h["filters"] for h in config["handlers"].values())
