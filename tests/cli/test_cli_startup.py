"""The CLI starts without loading any model."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from coach.cli import app

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
