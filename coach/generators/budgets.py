"""Prompts sized on purpose: passages fitted to a token budget, the whole prompt to a ceiling."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from coach.generators.pipeline import Task
from coach.knowledge.budget import (
    MIN_PASSAGE_TOKENS,
    WRAPPER_TOKENS,
    count_lines,
    count_tokens,
    fit,
)
from coach.knowledge.models import Passage
from coach.llm.prompts import RenderedPrompt, render
from coach.llm.structured import output_schema
from coach.settings import PromptSettings

# However long the request, the prompt keeps one short passage to cite.
MIN_ROOM = MIN_PASSAGE_TOKENS + WRAPPER_TOKENS


@dataclass(frozen=True)
class PromptSize:
    """Tokens of what one generation sends: passages, the rest of the messages, the schema."""

    passages: int
    instructions: int
    schema: int

    @property
    def total(self) -> int:
        """Everything the model reads."""
        return self.passages + self.instructions + self.schema


def schema_tokens(model: type[BaseModel]) -> int:
    """Tokens of the output schema as sent (response_format, or a grammar built from it)."""
    return count_tokens(json.dumps(output_schema(model)))


def message_tokens(prompt: RenderedPrompt) -> int:
    """Tokens of a rendered prompt's messages."""
    return sum(count_lines(m["content"]) for m in prompt.messages)


def _fixed(task: Task[Any, Any], context: dict[str, Any]) -> int:
    """Tokens of the prompt without its passages, plus the schema."""
    bare = render(task.name, **{**context, "passages": []})
    return message_tokens(bare) + schema_tokens(task.draft)


def budgeted(task: Task[Any, Any], budgets: PromptSettings) -> Task[Any, Any]:
    """The task with its prompt's passages fitted to the generator's budget and the ceiling.

    Only the prompt is fitted: the offline engine and the checks still see every retrieved
    passage (the offline composers quote whole topic files; trimming them loses questions).
    """
    tokens: int = getattr(budgets, task.name)
    inner = task.context

    def context(request: Any, passages: list[Passage]) -> dict[str, Any]:
        full = inner(request, passages)
        room = max(MIN_ROOM, min(tokens, budgets.total - _fixed(task, full)))
        return {**full, "passages": fit(passages, room)}

    return replace(task, context=context)


def prompt_size(task: Task[Any, Any], request: Any, passages: list[Passage]) -> PromptSize:
    """What a task's prompt for this request costs, part by part."""
    context = task.context(request, passages)
    whole = message_tokens(render(task.name, **context))
    bare = message_tokens(render(task.name, **{**context, "passages": []}))
    return PromptSize(whole - bare, bare, schema_tokens(task.draft))
