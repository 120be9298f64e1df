"""Commands that write nothing end without the interpreter's teardown, their output complete."""

from __future__ import annotations

import os
import subprocess
import sys

from coach.settings import Settings

# Runs `coach ...` through the real entry point with an atexit hook that only a normal
# interpreter exit runs.
SCRIPT = """
import atexit, sys
atexit.register(lambda: print("TEARDOWN", file=sys.stderr))
sys.argv = ["coach", *sys.argv[1:]]
from coach.cli import main
main()
"""


def _coach(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COACH_DATA_DIR": str(settings.data_dir)}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_a_rephrase_skips_teardown_and_its_piped_output_is_whole(
    indexed_settings: Settings,
) -> None:
    out = _coach(indexed_settings, "rephrase", "You never listen.", "--json")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "TEARDOWN" not in out.stderr
    assert out.stdout.rstrip().endswith("}")  # the JSON reached the pipe before the exit
    assert '"rewritten"' in out.stdout


def test_the_exit_code_of_a_usage_error_is_kept(indexed_settings: Settings) -> None:
    out = _coach(indexed_settings, "rephrase")  # the text is missing
    assert out.returncode == 2
    assert "Missing argument" in out.stderr
    assert "TEARDOWN" not in out.stderr


def test_other_commands_exit_normally(indexed_settings: Settings) -> None:
    out = _coach(indexed_settings, "--help")
    assert out.returncode == 0
    assert "TEARDOWN" in out.stderr
