"""The offline coordinator view: a line the gate reads as identifying goes, the rest stays."""

from __future__ import annotations

import re
from typing import Any

import pytest

import coach.offline.summary as offline_summary
from coach.errors import PrivacyLeak
from coach.models import AnonymizedSummary, SummaryRequest
from coach.privacy import leaks
from coach.service import Coach

REQUEST = SummaryRequest(
    notes=(
        "Anselm showed Wren how to filter the depot rota by shift in the planning board.\n"
        "Wren will colour-code the weekend shifts by Friday."
    ),
    mentor_name="Anselm Okafor",
    mentee_name="Wren Haldane",
    goals=["plan the rota in the shared board"],
    session_date="2026-05-04",
)
MISREAD = "Goal progressed: plan the rota in the shared board."


@pytest.fixture
def misread_goal_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine line the recognizer takes for a person's name, as spaCy once read "Goal"."""
    real_view, real_ner = offline_summary.write_view, leaks._ner_leaks

    def with_line(request: SummaryRequest, *args: Any) -> AnonymizedSummary:
        side = real_view(request, *args)
        opening, _, rest = side.summary.partition(". ")
        return side.model_copy(update={"summary": f"{opening}. {MISREAD} {rest}"})

    def misreading(text: str) -> list[leaks.Leak]:
        found = real_ner(text)
        return found + [leaks.Leak("person", "Goal")] * bool(re.search(r"\bGoal\b", text))

    monkeypatch.setattr(offline_summary, "write_view", with_line)
    monkeypatch.setattr(leaks, "_ner_leaks", misreading)


@pytest.mark.usefixtures("misread_goal_line")
def test_the_misread_line_is_withheld_and_the_view_released(offline_coach: Coach) -> None:
    result = offline_coach.summarize(REQUEST)
    side = result.anonymized
    assert MISREAD not in side.summary and "Goal progressed" not in side.summary
    assert (
        side.summary.startswith("Session on ") and "Commitments: 1 for the mentee" in side.summary
    )
    assert side.commitments and side.commitments[0].due == "2026-05-08"
    assert result.meta.redacted == ["person"]
    assert result.meta.notices[-1].endswith("(person).")
    assert "Wren" in result.private.summary  # the pair's own summary is not the gate's


def test_a_clean_view_reports_nothing_withheld(offline_coach: Coach) -> None:
    result = offline_coach.summarize(REQUEST)
    assert result.meta.redacted == []
    assert not any("left out" in n for n in result.meta.notices)


@pytest.mark.usefixtures("misread_goal_line")
def test_what_the_gate_cannot_take_out_is_refused(
    offline_coach: Coach, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.generators.summary as summary_task

    monkeypatch.setattr(summary_task, "withhold", lambda side, request: (side, []))
    with pytest.raises(PrivacyLeak) as caught:
        offline_coach.summarize(REQUEST)
    assert caught.value.errors == [{"kind": "person"}]
    assert "Goal" not in caught.value.detail
