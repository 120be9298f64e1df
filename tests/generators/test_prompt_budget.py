"""Every generator's prompt, schema included, stays within its budget on a typical request."""

from __future__ import annotations

from typing import Any

import pytest

from coach import models
from coach.generators.agenda import AGENDA
from coach.generators.budgets import budgeted, prompt_size
from coach.generators.discussion import PROMPTS
from coach.generators.feedback import FEEDBACK
from coach.generators.pipeline import Task
from coach.generators.summary import SUMMARY
from coach.service import Coach
from coach.settings import PromptSettings

NOTES = """Session 4 on LinkedIn and short-form video, 45 minutes.
- Check-in: Robert posted his first article last week and got 40 reactions; he felt exposed.
- We looked at his profile headline and rewrote it around the terminal's night shift team.
- He still worries what the communications team thinks of leaders who post often.
- Tried a 30-second video script; he prefers writing to being on camera for now.
- Robert will post a 90-word update by Friday. Priya will send three examples of operations
  leaders who post well by Monday. Both will review the analytics next session.
- Feedback: he found the pace right; she asked him to say sooner when something is unclear.
"""
TYPICAL: list[tuple[Task[Any, Any], Any]] = [
    (AGENDA, models.AgendaRequest(
        topic="social media", duration_minutes=60, session_number=3,
        goals=["post on LinkedIn with confidence", "understand the algorithm"],
        previous_summary="They rewrote the profile headline; Robert will draft a first post.",
    )),
    (PROMPTS, models.PromptsRequest(topic="generative AI", count=5, goals=["use it safely"])),
    (FEEDBACK, models.FeedbackRequest(
        text="Your slides are always a mess and you clearly didn't prepare. Just fix it.",
        direction="mentee_to_mentor", context="After Tuesday's session on dashboards.",
    )),
    (SUMMARY, models.SummaryRequest(
        notes=NOTES, mentor_name="Priya Raman", mentee_name="Robert Hale",
        other_names=["Lena Fischer"], session_date="2024-03-12",
        goals=["post monthly on LinkedIn"], note_taker="mentor",
    )),
]  # fmt: skip
IDS = [task.name for task, _ in TYPICAL]


@pytest.mark.parametrize(("task", "request_"), TYPICAL, ids=IDS)
def test_prompt_and_schema_fit_the_ceiling_and_passages_their_budget(
    offline_coach: Coach, task: Task[Any, Any], request_: Any
) -> None:
    budgets = PromptSettings()
    passages = task.retrieve(request_, offline_coach.retriever)
    size = prompt_size(budgeted(task, budgets), request_, passages)
    assert size.total <= budgets.total <= 2_000
    assert 0 < size.passages <= getattr(budgets, task.name)
    assert size.schema > 0 and size.instructions > 0


def test_a_long_request_shrinks_the_passages_to_stay_under_the_ceiling(
    offline_coach: Coach,
) -> None:
    request = models.FeedbackRequest(text="You interrupt me in every meeting. " * 40)
    passages = FEEDBACK.retrieve(request, offline_coach.retriever)
    roomy = prompt_size(budgeted(FEEDBACK, PromptSettings(total=50_000)), request, passages)
    tight = PromptSettings(total=roomy.total - 200)
    fitted = prompt_size(budgeted(FEEDBACK, tight), request, passages)
    assert fitted.total <= tight.total
    assert 0 < fitted.passages < roomy.passages
    assert fitted.instructions == roomy.instructions  # the request itself is never cut
