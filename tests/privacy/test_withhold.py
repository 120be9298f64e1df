"""The release gate takes what identifies out of the offline engine's view and keeps the rest."""

from __future__ import annotations

from typing import Any

import pytest

from coach.models import AnonymizedSummary, Commitment, GoalProgress, SummaryRequest
from coach.privacy import release
from coach.privacy.leaks import Leak, holds
from coach.privacy.release import UNSAID_COMMITMENT, view_leaks, withhold

REQUEST = SummaryRequest(
    notes="Tomasz walked Ines through conditional formatting in the rota sheet.",
    mentor_name="Tomasz Wierzbicki",
    mentee_name="Ines Carvalho",
    other_names=["Hollis Brandt"],
    session_date="2026-04-02",
)
OPENING = "Session on data and dashboards."
CLOSING = "Commitments: 1 for the mentee, next due 2026-04-09."


def _view(**fields: Any) -> AnonymizedSummary:
    """A coordinator's view in the offline engine's shape, with the given fields replaced."""
    base: dict[str, Any] = {
        "summary": f"{OPENING} Themes: hands-on practice. {CLOSING}",
        "topic": "data and dashboards",
        "topics": ["data and dashboards"],
        "themes": ["hands-on practice"],
        "goal_progress": [GoalProgress(goal="read a pivot table", status="progressed")],
        "commitments": [Commitment(owner="mentee", what="colour the rota", due="2026-04-09")],
        "action_item_count": 1,
    }
    return AnonymizedSummary(**{**base, **fields})


def _shown(side: AnonymizedSummary) -> str:
    return side.model_dump_json().lower()


def test_a_clean_view_is_left_as_it_is() -> None:
    side = _view()
    assert withhold(side, REQUEST) == (side, [])


def test_a_sentence_naming_someone_is_dropped_and_the_rest_kept() -> None:
    side = _view(summary=f"{OPENING} Ines led the demo for Hollis Brandt. {CLOSING}")
    kept, kinds = withhold(side, REQUEST)
    assert kept.summary == f"{OPENING} {CLOSING}"
    assert "name" in kinds and not view_leaks(kept, REQUEST)
    assert "ines" not in _shown(kept) and "hollis" not in _shown(kept)
    assert kept.topic == "data and dashboards" and kept.commitments == side.commitments


def test_one_goal_that_identifies_leaves_the_other_goals() -> None:
    goals = [
        GoalProgress(goal="present the rota to Hollis Brandt", status="discussed"),
        GoalProgress(goal="read a pivot table", status="progressed"),
    ]
    line = "Goals: present the rota to Hollis Brandt (discussed); read a pivot table (progressed)."
    kept, kinds = withhold(
        _view(summary=f"{OPENING} {line} {CLOSING}", goal_progress=goals), REQUEST
    )
    assert kept.summary == f"{OPENING} Goals: read a pivot table (progressed). {CLOSING}"
    assert kept.goal_progress == goals[1:]
    assert "name" in kinds


def test_a_commitment_that_identifies_keeps_its_owner_and_date() -> None:
    side = _view(commitments=[Commitment(owner="mentee", what="email ines", due="2026-04-09")])
    kept, kinds = withhold(side, REQUEST)
    assert kept.commitments == [
        Commitment(owner="mentee", what=UNSAID_COMMITMENT, due="2026-04-09")
    ]
    assert kinds == ["name"]


def test_a_support_reason_that_identifies_goes_and_the_signal_stays() -> None:
    reason = "Hollis Brandt keeps cancelling their sessions"
    summary = f"{OPENING} {CLOSING} May need support: {reason}."
    side = _view(summary=summary, needs_support=True, support_reason=reason)
    kept, kinds = withhold(side, REQUEST)
    assert kept.needs_support and kept.support_reason is None
    assert kept.summary == f"{OPENING} {CLOSING}" and "name" in kinds


def test_kinds_are_named_and_values_never() -> None:
    summary = f"{OPENING} Reach the trainer on +44 20 7946 0321 or at ops@rotaworks.example. "
    kept, kinds = withhold(_view(summary=summary + CLOSING), REQUEST)
    assert {"email", "phone"} <= set(kinds)
    assert not any("7946" in k or "rotaworks" in k for k in kinds)
    assert kept.summary == f"{OPENING} {CLOSING}"


def test_what_cannot_be_located_is_left_for_the_check_to_refuse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A finding whose value is in no single part (say, a run across two fields) is not guessed at.
    monkeypatch.setattr(release, "view_leaks", lambda side, request: [Leak("quote", "x y z")])
    side = _view()
    assert withhold(side, REQUEST) == (side, [])


@pytest.mark.parametrize(
    ("text", "value", "held"),
    [
        ("Goal progressed: read a pivot table.", "Goal", True),
        ("Goals: read a pivot table (progressed).", "Goal", False),
        ("The mentor met Siobhán.", "Siobhan", True),
        ("They read the same eight words of the notes again.", "same eight words", True),
    ],
)
def test_a_leak_is_held_as_written_folded_or_as_words(text: str, value: str, held: bool) -> None:
    assert holds(text, Leak("name", value)) is held
