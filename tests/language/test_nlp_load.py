"""The shared parser loads without spaCy's command line or presidio's factory entry point."""

from __future__ import annotations

import subprocess
import sys

from coach.settings import PROJECT_ROOT

SCRIPT = """
import sys
from coach.language.nlp import pipeline

assert pipeline()("You interrupted me.")[1].dep_ == "ROOT"
light = [m for m in ("spacy.cli", "weasel", "presidio_analyzer") if m in sys.modules]
import spacy
from spacy.util import registry

assert registry._entry_point_factories.entry_points  # the scan is only skipped for our load
assert callable(spacy.cli.download)  # a later caller, even by attribute, gets the real CLI
assert "weasel" in sys.modules
print(light)
"""


def test_the_parser_loads_without_spacy_cli_or_presidio() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
