"""Prompt sizes per generator over the eval datasets: passages, instructions, schema, total.

Run: python -m evals.bench_prompts

Tokens are counted with the bundled MiniLM WordPiece tokenizer (coach.knowledge.budget).
"instructions" is every message token that is not a passage (the rules and the request's own
text); "schema" is the output schema as sent in response_format (coach.llm.structured), which
json_schema servers turn into a grammar or place in the model's context.
"""

from __future__ import annotations

import statistics
from typing import Any

from pydantic import BaseModel

from coach import models
from coach.generators.agenda import AGENDA
from coach.generators.budgets import PromptSize, budgeted, prompt_size
from coach.generators.discussion import PROMPTS
from coach.generators.feedback import FEEDBACK
from coach.generators.pipeline import Task
from coach.generators.summary import SUMMARY
from coach.service import Coach
from coach.settings import PromptSettings, get_settings
from evals.datasets import load_cases

DATASETS: dict[str, tuple[Task[Any, Any], type[BaseModel]]] = {
    "agenda": (AGENDA, models.AgendaRequest),
    "prompts": (PROMPTS, models.PromptsRequest),
    "feedback": (FEEDBACK, models.FeedbackRequest),
    "summary": (SUMMARY, models.SummaryRequest),
}
UNLIMITED = PromptSettings(
    agenda=100_000, discussion=100_000, feedback=100_000, summary=100_000, total=200_000
)


def _med(sizes: list[PromptSize], part: str) -> str:
    values = [getattr(s, part) for s in sizes]
    return f"{statistics.median(values):.0f}"


def main() -> None:
    """Print one row per generator: each part's median, the total's median and max."""
    settings = get_settings()
    coach = Coach(settings)
    print("| generator | cases | passage budget / ceiling | passages | instructions | schema | "
          "total median / max | over ceiling | unbudgeted total median |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for dataset, (task, request_model) in DATASETS.items():
        requests = [c.request(request_model) for c in load_cases(dataset)]
        fitted, whole = budgeted(task, settings.prompts), budgeted(task, UNLIMITED)
        sizes, before = [], []
        for request in requests:
            passages = task.retrieve(request, coach.retriever)
            sizes.append(prompt_size(fitted, request, passages))
            before.append(prompt_size(whole, request, passages))
        totals = [s.total for s in sizes]
        over = sum(t > settings.prompts.total for t in totals)
        print(
            f"| {task.name} | {len(requests)} | {getattr(settings.prompts, task.name)} / "
            f"{settings.prompts.total} | {_med(sizes, 'passages')} | "
            f"{_med(sizes, 'instructions')} | {_med(sizes, 'schema')} | "
            f"{statistics.median(totals):.0f} / {max(totals)} | {over} | {_med(before, 'total')} |"
        )


if __name__ == "__main__":
    main()
