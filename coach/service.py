"""The one entry point the CLI, the API and the evals call: `Coach(settings)`.

Generation is async (`await coach.aagenda(...)`: the API); the plain methods (`coach.agenda`)
run the same coroutine to the end for the CLI and the evals.
"""

from __future__ import annotations

import asyncio
import threading
from time import perf_counter
from typing import TYPE_CHECKING, Any

from coach.aio import Batcher, CpuPool, run_sync
from coach.knowledge.models import Chunk, Passage, SearchFilters
from coach.models import (
    Agenda,
    AgendaRequest,
    DiscussionPrompts,
    FeedbackAnalysis,
    FeedbackRequest,
    FeedbackRewrite,
    PromptsRequest,
    SessionSummary,
    SummaryRequest,
)
from coach.settings import Settings

if TYPE_CHECKING:
    from coach.generators.pipeline import Pipeline, Task
    from coach.knowledge.retrieval import Retriever
    from coach.llm.base import Provider


def _analyse_many(texts: list[str]) -> None:
    from coach.language.analyzer import inspect_many

    inspect_many(texts)


class Coach:
    """Generators, search and status over one knowledge index and one LLM provider."""

    def __init__(self, settings: Settings) -> None:
        from coach.llm.registry import check_provider

        check_provider(settings.llm)  # a wrong provider name stops start-up, not a request
        self.settings = settings
        # Concurrent first requests must not each load the embedding model.
        self._lock = threading.Lock()
        self._retriever: Retriever | None = None
        self._pipeline: Pipeline | None = None
        self._provider: Provider | None = None
        self._provider_built = False
        self.cpu = CpuPool(settings.service.cpu_threads)
        self._analyses = Batcher(_analyse_many, self.cpu)

    @property
    def retriever(self) -> Retriever:
        """The hybrid retriever, opened on first use (loads the embedding model)."""
        from coach.knowledge.retrieval import Retriever

        with self._lock:
            if self._retriever is None:
                self._retriever = Retriever(self.settings)
            return self._retriever

    @property
    def pipeline(self) -> Pipeline:
        """Retrieval, prompt, engine and validation, shared by the four generators."""
        from coach.generators.pipeline import Pipeline

        retriever = self.retriever
        provider = self.provider
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(
                    self.settings, retriever, provider, self.cpu.run, self._analyses
                )
            return self._pipeline

    async def _run(self, task: Task[Any, Any], request: Any) -> Any:
        """One generation; meta.latency_ms covers all of it, first-use loading included."""
        from coach.generators.budgets import budgeted

        started = perf_counter()
        # Built once; the first build loads the index and embedder, so it runs in the pool.
        pipeline, passages = self._pipeline, None
        if pipeline is None:
            (pipeline, passages), _ = await asyncio.gather(
                self.cpu.run(self._first_build, task, request), self._first_analyses(task, request)
            )
        result = await pipeline.run(budgeted(task, self.settings.prompts), request, passages)
        took = round((perf_counter() - started) * 1000, 1)
        return result.model_copy(
            update={"meta": result.meta.model_copy(update={"latency_ms": took})}
        )

    def _first_build(self, task: Task[Any, Any], request: Any) -> tuple[Pipeline, list[Passage]]:
        """The pipeline, loaded, and this request's passages, on the same trip to the pool."""
        pipeline = self.pipeline
        return pipeline, task.retrieve(request, pipeline.retriever)

    async def _first_analyses(self, task: Task[Any, Any], request: Any) -> None:
        """The request's analysis while the first pipeline loads: spaCy on the other worker.

        A cold CLI rewrite waited for the embedder and its retrieval, then for spaCy (~0.3 s
        of its 1.6 s); pipeline.run then finds the analysis made. Not when the embedder needs
        torch, which spaCy's loading hides from imports meanwhile (coach.language.nlp).
        """
        from coach.knowledge.embeddings import loads_without_torch

        if loads_without_torch(self.settings.embedding):
            await self._analyses(task.request_texts(request))

    def warm(self) -> bool:
        """Load what the first generation would (Presidio, index, embedder, provider) now.

        Presidio and spaCy load always; the index part is skipped, returning False, when there
        is no local index yet: a fresh data directory must still start (`coach ingest` fills it).
        """
        from coach.memory import release_freed_memory

        try:
            return self._load_models()
        finally:
            # Last, after the challenge examples' batch too: loading and that batch free tens
            # of MiB that glibc would otherwise keep mapped for the server's whole life.
            release_freed_memory()

    def _load_models(self) -> bool:
        """Load every model and table a first generation would; False without a local index."""
        import coach.generators.agenda
        import coach.generators.discussion
        import coach.generators.feedback
        import coach.generators.summary  # noqa: F401  # imported for their load time only
        from coach.errors import NotIndexed
        from coach.knowledge.labels import challenge_matches
        from coach.language.analyzer import keep_analyses
        from coach.offline.dates import resolve_due
        from coach.offline.vocab import topic_patterns
        from coach.privacy.engine import warm

        # Each generation in flight keeps its request's and its answer's analyses until checked.
        service = self.settings.service
        keep_analyses(2 * (service.max_generations + service.max_offline_generations))
        # What a first summary would otherwise wait for: Presidio, spaCy, date parsing.
        warm()
        # And a first rewrite: the parser, VADER, the semantic example and impact banks, and
        # lemminflect's tables (which this text does not reach on its own).
        from coach.language.nlp import inflect
        from coach.offline.feedback import compose_feedback

        compose_feedback(FeedbackRequest(text="You always interrupt me, it's so rude."), [])
        inflect("interrupt", "VBG")
        resolve_due("Friday", "2026-01-05")
        topic_patterns()  # reads every topic file's tags and key concepts (~40 ms)
        if self.settings.llm.resolved_provider == "openai":
            import openai.resources  # noqa: F401  # the SDK loads these on first use: ~1 s
        if not self.settings.chroma.host and not self.settings.chroma_path.is_dir():
            return False
        try:
            self.pipeline.retriever.search("session structure", k=1)  # BM25 and the embedder
            challenge_matches(self.pipeline.retriever, [])  # embeds the challenge examples once
        except NotIndexed:
            return False
        return True

    @property
    def provider(self) -> Provider | None:
        """The LLM provider from the registry, built once (None: the offline engine)."""
        from coach.llm.registry import build_provider

        with self._lock:
            if not self._provider_built:
                self._provider = build_provider(self.settings.llm)
                self._provider_built = True
            return self._provider

    def search(
        self, query: str, k: int | None = None, filters: SearchFilters | None = None
    ) -> list[Passage]:
        """Passages of the knowledge base that answer a question."""
        return self.retriever.search(query, k, filters)

    def passage(self, chunk_id: str) -> Chunk:
        """One indexed section by its id, so a citation can be opened."""
        from coach.errors import NotFound

        chunk = self.retriever.chunks.get(chunk_id)
        if chunk is None:
            raise NotFound(f"no passage {chunk_id!r} in the knowledge base")
        return chunk

    def topics(self) -> list[str]:
        """The titles of the topic files, sorted: the suggested topics for a session."""
        return sorted({c.title for c in self.retriever.chunks.values() if c.kind == "topic"})

    async def aagenda(self, request: AgendaRequest) -> Agenda:
        """A time-boxed session agenda grounded in the knowledge base."""
        from coach.generators.agenda import AGENDA

        result: Agenda = await self._run(AGENDA, request)
        return result

    async def aprompts(self, request: PromptsRequest) -> DiscussionPrompts:
        """Open discussion questions on a topic, each with purpose and follow-up."""
        from coach.generators.discussion import PROMPTS

        result: DiscussionPrompts = await self._run(PROMPTS, request)
        return result

    async def arewrite_feedback(self, request: FeedbackRequest) -> FeedbackRewrite:
        """Blunt or vague feedback reworded as situation, behavior, impact and request."""
        from coach.generators.feedback import FEEDBACK

        result: FeedbackRewrite = await self._run(FEEDBACK, request)
        return result

    async def asummarize(self, request: SummaryRequest) -> SessionSummary:
        """A private summary for the pair and an anonymized one for coordinators."""
        from coach.generators.summary import SUMMARY

        result: SessionSummary = await self._run(SUMMARY, request)
        return result

    async def aanalyze_feedback(self, request: FeedbackRequest) -> FeedbackAnalysis:
        """The deterministic analyzer alone, in the CPU pool: no retrieval, no model."""
        return await self.cpu.run(self.analyze_feedback, request)

    def agenda(self, request: AgendaRequest) -> Agenda:
        """aagenda, run to the end (the CLI and the evals)."""
        return run_sync(self.aagenda(request))

    def prompts(self, request: PromptsRequest) -> DiscussionPrompts:
        """aprompts, run to the end."""
        return run_sync(self.aprompts(request))

    def rewrite_feedback(self, request: FeedbackRequest) -> FeedbackRewrite:
        """arewrite_feedback, run to the end."""
        return run_sync(self.arewrite_feedback(request))

    def summarize(self, request: SummaryRequest) -> SessionSummary:
        """asummarize, run to the end."""
        return run_sync(self.asummarize(request))

    def analyze_feedback(self, request: FeedbackRequest) -> FeedbackAnalysis:
        """The deterministic analyzer alone: no retrieval, no model."""
        from coach.language.analyzer import analyze

        return analyze(request.text, request.direction)

    def status(self) -> dict[str, Any]:
        """astatus, run to the end (the CLI)."""
        return run_sync(self.astatus())

    async def astatus(self) -> dict[str, Any]:
        """Whether the index is ready, which engine is in force and whether its endpoint answers."""
        from coach.errors import CoachError

        llm = self.settings.llm
        state: dict[str, Any] = {"provider": llm.resolved_provider, "model": self.model_name}
        try:
            # The first use opens the index (seconds): in the pool, not on the event loop.
            state["indexed_chunks"] = await self.cpu.run(lambda: len(self.retriever.chunks))
        except CoachError as exc:
            state["indexed_chunks"] = 0
            state["index_error"] = exc.detail
        state["provider_ok"], state["provider_detail"] = await self.probe_provider()
        return state

    async def probe_provider(self) -> tuple[bool, str]:
        """Whether the LLM endpoint answers a cheap request (the offline engine always does)."""
        provider = self.provider
        if provider is None:
            return True, "the offline engine needs no endpoint"
        probe = await provider.probe()
        return probe.ok, probe.detail

    @property
    def model_name(self) -> str:
        """The model that writes artifacts: the LLM's name, or the offline engine's."""
        if self.settings.llm.resolved_provider == "offline":
            return "coach-offline"
        return self.settings.llm.model
