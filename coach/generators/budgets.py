"""Prompts sized on purpose: a task whose prompt sees its passages fitted to a token budget."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from coach.generators.pipeline import Task
from coach.knowledge.budget import fit
from coach.knowledge.models import Passage
from coach.settings import PromptSettings


def budgeted(task: Task[Any, Any], budgets: PromptSettings) -> Task[Any, Any]:
    """The task with its prompt's passages fitted to the generator's budget.

    Only the prompt is fitted: the offline engine and the checks still see every retrieved
    passage (the offline composers quote whole topic files; trimming them loses questions).
    """
    tokens: int = getattr(budgets, task.name)
    inner = task.context

    def context(request: Any, passages: list[Passage]) -> dict[str, Any]:
        return inner(request, fit(passages, tokens))

    return replace(task, context=context)
