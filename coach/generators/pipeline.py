"""One path for every generator: retrieve, render, ask the engine, validate, attach meta."""

from __future__ import annotations

import hashlib
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from coach.errors import CoachError, GenerationError, ProviderUnavailable
from coach.knowledge.models import Passage
from coach.knowledge.retrieval import Retriever
from coach.llm.base import Completion, Deadline, Provider, Usage
from coach.llm.prompts import RenderedPrompt, render
from coach.llm.registry import OFFLINE
from coach.llm.structured import Offload, ask_structured, inline
from coach.models import Meta
from coach.settings import Settings
from coach.telemetry import record_generation, record_provider_error

log = logging.getLogger("coach.pipeline")
Req = TypeVar("Req", bound=BaseModel)
Draft = TypeVar("Draft", bound=BaseModel)


def _same(request: Any, draft: Any) -> Any:
    return draft


def plain_context(request: Any, passages: list[Passage]) -> dict[str, Any]:
    """Prompt variables most generators need: the request and the passages."""
    return {"request": request, "passages": passages}


def withheld_notice(kinds: list[str]) -> str:
    """Tell the reader that part of the coordinator's view was left out, and of what kind."""
    return (
        "Part of the coordinator's view was left out because it read as identifying "
        f"({', '.join(kinds)})."
    )


def invented_sources(label: str, sources: list[str], passages: list[Passage]) -> list[str]:
    """A problem sentence when something cites ids that retrieval did not return."""
    known = {p.id for p in passages}
    unknown = [s for s in sources if s not in known]
    return [f"{label} cites ids retrieval did not return: {unknown}"] if unknown else []


def _no_notices(request: Any, passages: list[Passage]) -> list[str]:
    return []


def _no_refusal(request: Any, draft: Any) -> None:
    return None


def _nothing_withheld(request: Any, draft: Any) -> tuple[Any, list[str]]:
    return draft, []


def _no_texts(value: Any) -> list[str]:
    return []


async def _no_prefetch(texts: list[str]) -> None:
    return None


@dataclass(frozen=True)
class Task(Generic[Req, Draft]):
    """What makes one generator: its models, retrieval, offline composer, checks and prompt."""

    name: str
    draft: type[Draft]
    result: type[BaseModel]
    retrieve: Callable[[Req, Retriever], list[Passage]]
    offline: Callable[[Req, list[Passage]], Draft]
    check: Callable[[Req, Draft, list[Passage]], list[str]]
    context: Callable[[Req, list[Passage]], dict[str, Any]] = field(default=plain_context)
    # Applied to every draft before its checks, e.g. enforcing anonymization.
    finalize: Callable[[Req, Draft], Draft] = field(default=_same)
    # What the offline engine wants the reader to know, e.g. that the knowledge was thin.
    offline_notices: Callable[[Req, list[Passage]], list[str]] = field(default=_no_notices)
    # Raises the task's own error for a draft that must not go out at all (a summary that
    # identifies someone), so the caller hears "refused", not "the engine failed".
    refuse: Callable[[Req, Draft], None] = field(default=_no_refusal)
    # Takes out of an offline draft that failed its checks the parts the engine wrote that
    # identify someone (a line the recognizer misreads), returning the kinds taken out; the
    # rest is checked again and released. A model's draft is re-asked or refused instead.
    withhold: Callable[[Req, Draft], tuple[Draft, list[str]]] = field(default=_nothing_withheld)
    # The texts the prompt context and the checks analyse, of the request and of a draft: the
    # pipeline analyses them beforehand in one batch with other requests' (see Pipeline).
    request_texts: Callable[[Req], list[str]] = field(default=_no_texts)
    draft_texts: Callable[[Draft], list[str]] = field(default=_no_texts)


def offline_hash(task: Task[Any, Any]) -> str:
    """The offline engine's 'prompt' is its code: hash the composer's module source."""
    return _source_hash(inspect.getfile(task.offline))


@lru_cache(maxsize=16)
def _source_hash(path: str) -> str:
    # Once per process, like the code it hashes: the module is not re-imported either.
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def _usage(completions: list[Completion]) -> Usage | None:
    known = [c.usage for c in completions if c.usage]
    if not known:
        return None
    return Usage(
        prompt_tokens=sum(u.prompt_tokens for u in known),
        completion_tokens=sum(u.completion_tokens for u in known),
    )


class Pipeline:
    """Runs tasks against one retriever and one provider (None: the offline engine)."""

    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        provider: Provider | None,
        offload: Offload = inline,
        prefetch: Callable[[list[str]], Awaitable[None]] = _no_prefetch,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.provider = provider
        # Runs the CPU-bound steps (retrieval, prompt, checks, the offline engine) off the
        # event loop; the model call itself is awaited and holds no thread.
        self.offload = offload
        # Analyses texts ahead of the step that needs them, batched across concurrent requests
        # (coach.aio.Batcher): spaCy and the embedder cost about half as much per text in a
        # batch of eight as one at a time.
        self.prefetch = prefetch

    def _prepare(
        self, task: Task[Req, Draft], request: Req, passages: list[Passage] | None
    ) -> tuple[list[Passage], RenderedPrompt | None]:
        """The passages, and the prompt when a model will be asked: one trip to the pool."""
        if passages is None:
            passages = task.retrieve(request, self.retriever)
        if self.provider is None:
            return passages, None
        return passages, render(task.name, **task.context(request, passages))

    async def _llm(
        self,
        task: Task[Req, Draft],
        prompt: RenderedPrompt,
        vet: Callable[[Draft], tuple[Draft, list[str]]],
    ) -> tuple[Draft, dict[str, Any]]:
        assert self.provider is not None
        deadline = Deadline(self.settings.llm.deadline_s)
        draft, completions = await ask_structured(
            self.provider,
            prompt.messages,
            task.draft,
            vet,
            self.settings.llm.max_reasks,
            deadline,
            self.offload,
            lambda draft: self.prefetch(task.draft_texts(draft)),
        )
        meta = {
            "engine": self.provider.name,
            "model": completions[-1].model,
            "prompt_template": prompt.template,
            "prompt_hash": prompt.hash,
            "usage": _usage(completions),
            "attempts": len(completions),
        }
        return draft, meta

    def _offline(
        self,
        task: Task[Req, Draft],
        request: Req,
        passages: list[Passage],
        reason: str | None,
        vet: Callable[[Draft], tuple[Draft, list[str]]],
    ) -> tuple[Draft, dict[str, Any]]:
        """The offline engine's checked draft; its failing a check is a bug, never the caller's."""
        notices = list(task.offline_notices(request, passages))
        meta: dict[str, Any] = {
            "engine": OFFLINE,
            "model": "coach-offline",
            "prompt_template": f"offline/{task.name}",
            "prompt_hash": offline_hash(task),
            "degraded": reason is not None,
            "degraded_reason": reason,
            "notices": notices,
        }
        draft, problems = vet(task.offline(request, passages))
        if problems:
            draft, withheld = task.withhold(request, draft)
            if withheld:
                problems = task.check(request, draft, passages)
                meta["redacted"] = withheld
                notices.append(withheld_notice(withheld))
        if problems:  # a bug in the offline engine, never the caller's fault
            task.refuse(request, draft)
            raise GenerationError(
                f"The offline engine produced a {task.name} that failed its checks.",
                errors=[{"field": "output", "in": "output", "message": p} for p in problems],
            )
        return draft, meta

    def _fallback(self, exc: CoachError) -> str:
        """The reason to degrade to the offline engine, or re-raise when fallback is off."""
        if not self.settings.llm.fallback_offline:
            raise exc
        log.warning("degrading to the offline engine: %s", exc.detail)
        return exc.detail

    async def run(
        self, task: Task[Req, Draft], request: Req, passages: list[Passage] | None = None
    ) -> Any:
        """A finalized, checked result with meta; the offline engine answers if the model fails.

        `passages`, when given, are what `task.retrieve` returned for this request already.
        """
        started = time.perf_counter()
        await self.prefetch(task.request_texts(request))
        passages, prompt = await self.offload(self._prepare, task, request, passages)

        def vet(draft: Draft) -> tuple[Draft, list[str]]:
            final = task.finalize(request, draft)
            return final, task.check(request, final, passages)

        draft: Draft | None = None
        reason: str | None = None
        if prompt is not None:
            try:
                draft, meta = await self._llm(task, prompt, vet)
            except (ProviderUnavailable, GenerationError) as exc:
                unavailable = isinstance(exc, ProviderUnavailable)
                record_provider_error(task.name, "unavailable" if unavailable else "invalid_output")
                reason = self._fallback(exc)
        if draft is None:
            draft, meta = await self.offload(self._offline, task, request, passages, reason, vet)
        record_generation(task.name, meta["engine"], bool(meta.get("degraded")))
        meta["source_ids"] = [p.id for p in passages]
        meta["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return task.result(**draft.model_dump(), meta=Meta(**meta))
