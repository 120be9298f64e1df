"""What the private summary says was covered: the same list on every run, in plain phrases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from coach.offline.covered import noun_phrases
from coach.offline.keypoints import key_points, score_sentences
from coach.offline.notes import parse_notes

ROOT = Path(__file__).resolve().parents[2]
# Many sentences with overlapping words, so several scores sit close to each other.
NOTES = """Odile and I spent the hour on the shared planning board for the depot rota.
We moved the rota columns into the planning board and tagged each shift with a colour.
The depot supervisors still print the rota every Monday and pin it by the kettle.
Odile showed me how the planning board sends a reminder before each shift swap.
I had never used reminders on a shared board before, and the swap requests pile up.
The colour tags made the weekend shifts easy to spot on the board at a glance.
We tried the mobile view of the planning board in the yard with patchy signal.
The printed rota and the board disagreed twice, which is the whole problem really.
"""
_SCORES = (
    "import json, sys; from coach.offline.notes import parse_notes; "
    "from coach.offline.keypoints import score_sentences, key_points; "
    "s = parse_notes(sys.stdin.read()); "
    "print(json.dumps([[repr(x) for x in score_sentences(s)], key_points(s, 3)]))"
)


def _in_process_with_seed(seed: int) -> str:
    """Score the notes in a fresh interpreter whose string hashing uses `seed`."""
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _SCORES],
        input=NOTES,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return done.stdout


def test_key_points_do_not_depend_on_the_hash_seed() -> None:
    # A sum over a set adds in hash order; the last bits then differ and near-ties swap.
    runs = {_in_process_with_seed(seed) for seed in (1, 2, 3, 4, 5)}
    assert len(runs) == 1, runs
    scores, chosen = json.loads(runs.pop())
    assert len(scores) == len(parse_notes(NOTES)) and len(chosen) == 3


def test_key_points_twice_are_the_same_and_in_written_order() -> None:
    sentences = parse_notes(NOTES)
    first, second = key_points(sentences, 4), key_points(sentences, 4)
    assert first == second
    texts = [s.text for s in sentences]
    assert [texts.index(p) for p in first] == sorted(texts.index(p) for p in first)


def test_equal_scores_keep_the_earlier_sentence() -> None:
    notes = "We compared the pivot table filters today.\nWe compared today the pivot table filters."
    sentences = parse_notes(notes)
    low, high = score_sentences(sentences)
    assert low == high
    assert key_points(sentences, 1) == [sentences[0].text]


def test_people_talked_of_are_not_what_was_covered() -> None:
    texts = [
        "We looked at why the night-shift supervisors skip the safety briefing app.",
        "I described what it is like to be a newcomer among senior partners.",
        "The customer service team rebuilt the complaints tracker in SharePoint lists.",
    ]
    covered = noun_phrases(texts, limit=8)
    assert "the safety briefing app" in covered and "the complaints tracker" in covered
    assert not any(w in c for c in covered for w in ("newcomer", "partners", "team"))


def test_what_the_work_is_set_against_is_not_covered() -> None:
    texts = [
        "We moved the holiday requests into a shared form instead of the paper diary.",
        "Booking desks in the app is quicker than the reception spreadsheet.",
    ]
    covered = noun_phrases(texts, limit=8)
    assert "a shared form" in covered
    assert not any("diary" in c or "reception spreadsheet" in c for c in covered)


def test_what_someone_felt_about_is_not_covered_but_a_product_named_is() -> None:
    texts = [
        "She was anxious about the supplier updates, so we trimmed the alert rules.",
        "He is wary of Copilot and the tender documents.",
    ]
    covered = noun_phrases(texts, limit=8)
    assert "the alert rules" in covered and "Copilot" in covered
    assert not any("supplier updates" in c or "tender" in c for c in covered)
