"""Prompt sizes per generator over the eval datasets, with and without the token budgets.

Run: python -m evals.bench_prompts

Tokens are counted with the bundled MiniLM WordPiece tokenizer (coach.knowledge.budget), over
the rendered system and user messages; the JSON schema sent as response_format is counted
apart, since json_schema-capable servers take it outside the messages.
"""

from __future__ import annotations

import json
import statistics
from typing import Any

from pydantic import BaseModel

from coach import models
from coach.generators.agenda import AGENDA
from coach.generators.budgets import budgeted
from coach.generators.discussion import PROMPTS
from coach.generators.feedback import FEEDBACK
from coach.generators.pipeline import Task
from coach.generators.summary import SUMMARY
from coach.knowledge.budget import count_tokens
from coach.llm.prompts import render
from coach.service import Coach
from coach.settings import PromptSettings, get_settings
from evals.datasets import load_cases

DATASETS: dict[str, tuple[Task[Any, Any], type[BaseModel]]] = {
    "agenda": (AGENDA, models.AgendaRequest),
    "prompts": (PROMPTS, models.PromptsRequest),
    "feedback": (FEEDBACK, models.FeedbackRequest),
    "summary": (SUMMARY, models.SummaryRequest),
}
UNLIMITED = PromptSettings(agenda=100_000, discussion=100_000, feedback=100_000, summary=100_000)


def prompt_tokens(task: Task[Any, Any], request: object, coach: Coach) -> tuple[int, int]:
    """Tokens of the rendered messages, and the number of passages they carry."""
    passages = task.retrieve(request, coach.retriever)
    context = task.context(request, passages)
    prompt = render(task.name, **context)
    return sum(count_tokens(m["content"]) for m in prompt.messages), len(context["passages"])


def main() -> None:
    """Print one row per generator: median and max tokens, before and after the budget."""
    settings = get_settings()
    coach = Coach(settings)
    print("| generator | budget | cases | tokens median / max, unbudgeted | budgeted | passages "
          "unbudgeted / budgeted (median) | schema tokens |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for dataset, (task, request_model) in DATASETS.items():
        cases = [c.request(request_model) for c in load_cases(dataset)]
        before = [prompt_tokens(budgeted(task, UNLIMITED), r, coach) for r in cases]
        after = [prompt_tokens(budgeted(task, settings.prompts), r, coach) for r in cases]
        schema = count_tokens(json.dumps(task.draft.model_json_schema()))
        b, a = [t for t, _ in before], [t for t, _ in after]
        print(
            f"| {task.name} | {getattr(settings.prompts, task.name)} | {len(cases)} | "
            f"{statistics.median(b):.0f} / {max(b)} | {statistics.median(a):.0f} / {max(a)} | "
            f"{statistics.median([n for _, n in before]):.0f} / "
            f"{statistics.median([n for _, n in after]):.0f} | {schema} |"
        )


if __name__ == "__main__":
    main()
