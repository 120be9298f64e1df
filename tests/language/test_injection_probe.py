"""Instructions to the tool in wordings no detector was fitted on (written apart, stop 24)."""

from __future__ import annotations

import json
from pathlib import Path

from coach.language.analyzer import is_instruction_to_ai

PROBE = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "data" / "injection_probe.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]
# Found when the probe was first run on the meaning-based detector: 13 of 28 (5 of 16 and
# 1 of 12 with the regexes alone). A floor against regressions, not a target.
FOUND_AT_LEAST = 13


def test_real_feedback_in_the_probe_is_never_taken_for_an_instruction() -> None:
    flagged = [r["text"] for r in PROBE if not r["injection"] and is_instruction_to_ai(r["text"])]
    assert flagged == []


def test_instructions_in_new_wordings_are_found_at_least_as_often_as_measured() -> None:
    found = [r["text"] for r in PROBE if r["injection"] and is_instruction_to_ai(r["text"])]
    assert len(found) >= FOUND_AT_LEAST
