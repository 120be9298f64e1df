"""The CLI starts without loading any model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli import app
from coach.settings import Settings

HEAVY = ("torch", "sentence_transformers", "chromadb", "langchain_huggingface", "spacy")


def test_help_loads_no_model() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from coach.cli import app; "
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_command_has_help() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "search", "agenda", "prompts", "rephrase", "summarize"):
        assert command in result.output


# Each costs seconds and hundreds of MiB, and none is needed once the ONNX export exists.
TORCH_STACK = ("torch", "transformers", "sentence_transformers")
# Metrics nobody reads in a one-shot process; importing prometheus_client costs ~0.1 s.
NOT_FOR_A_COMMAND = (*TORCH_STACK, "prometheus_client")
NOTES = "Maya showed Robert how to schedule posts. Robert will post twice a week by Friday."
COMMANDS = {
    "agenda": ["agenda", "--topic", "social media", "--duration", "45"],
    "prompts": ["prompts", "--topic", "hybrid work", "--count", "3"],
    "rephrase": ["rephrase", "Your slides were a mess and you rushed the demo again."],
    "summarize": ["summarize", "{notes}", "--mentor", "Maya Chen", "--mentee", "Robert Miller"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_generating_commands_import_no_torch_and_no_metrics(
    indexed_settings: Settings, tmp_path: Path, command: str
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES)
    args = [a.replace("{notes}", str(notes)) for a in COMMANDS[command]]
    code = (
        "import sys; from typer.testing import CliRunner; from coach.cli import app; "
        f"r = CliRunner().invoke(app, {args!r}); assert r.exit_code == 0, r.output; "
        f"print([m for m in {NOT_FOR_A_COMMAND!r} if m in sys.modules])"
    )
    env = {**os.environ, "COACH_DATA_DIR": str(indexed_settings.data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
