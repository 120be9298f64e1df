"""The one entry point the CLI, the API and the evals call: `Coach(settings)`."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from coach.knowledge.models import Passage, SearchFilters
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
    from coach.generators.pipeline import Pipeline
    from coach.knowledge.retrieval import Retriever


class Coach:
    """Generators, search and status over one knowledge index and one LLM provider."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Concurrent first requests must not each load the embedding model.
        self._lock = threading.Lock()
        self._retriever: Retriever | None = None
        self._pipeline: Pipeline | None = None

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
        from coach.llm.registry import build_provider

        retriever = self.retriever
        with self._lock:
            if self._pipeline is None:
                provider = build_provider(self.settings.llm)
                self._pipeline = Pipeline(self.settings, retriever, provider)
            return self._pipeline

    def warm(self) -> None:
        """Load the models and engines now, before requests arrive in parallel threads."""
        import contextlib

        import coach.generators.agenda
        import coach.generators.discussion
        import coach.generators.feedback
        import coach.generators.summary  # noqa: F401
        from coach.errors import CoachError
        from coach.privacy.engine import analyzer, anonymizer

        # spaCy's first import is not thread-safe (parallel first requests failed with
        # ImportError/KeyError), and it costs seconds that a first request should not wait.
        analyzer()
        anonymizer()
        with contextlib.suppress(CoachError):  # an empty index: /readyz says so
            _ = self.pipeline

    def search(
        self, query: str, k: int | None = None, filters: SearchFilters | None = None
    ) -> list[Passage]:
        """Passages of the knowledge base that answer a question."""
        return self.retriever.search(query, k, filters)

    def agenda(self, request: AgendaRequest) -> Agenda:
        """A time-boxed session agenda grounded in the knowledge base."""
        from coach.generators.agenda import AGENDA

        return self.pipeline.run(AGENDA, request)

    def prompts(self, request: PromptsRequest) -> DiscussionPrompts:
        """Open discussion questions on a topic, each with purpose and follow-up."""
        from coach.generators.discussion import PROMPTS

        return self.pipeline.run(PROMPTS, request)

    def rewrite_feedback(self, request: FeedbackRequest) -> FeedbackRewrite:
        """Blunt or vague feedback reworded as situation, behavior, impact and request."""
        from coach.generators.feedback import FEEDBACK

        return self.pipeline.run(FEEDBACK, request)

    def analyze_feedback(self, request: FeedbackRequest) -> FeedbackAnalysis:
        """The deterministic analyzer alone: no retrieval, no model."""
        from coach.language.analyzer import analyze

        return analyze(request.text, request.direction)

    def summarize(self, request: SummaryRequest) -> SessionSummary:
        """A private summary for the pair and an anonymized one for coordinators."""
        from coach.generators.summary import SUMMARY

        return self.pipeline.run(SUMMARY, request)

    def status(self) -> dict[str, Any]:
        """Whether the index is ready and which engine is in force."""
        from coach.errors import CoachError

        llm = self.settings.llm
        state: dict[str, Any] = {"provider": llm.resolved_provider, "model": self.model_name}
        try:
            state["indexed_chunks"] = len(self.retriever.chunks)
        except CoachError as exc:
            state["indexed_chunks"] = 0
            state["index_error"] = exc.detail
        return state

    @property
    def model_name(self) -> str:
        """The model that writes artifacts: the LLM's name, or the offline engine's."""
        if self.settings.llm.resolved_provider == "offline":
            return "coach-offline"
        return self.settings.llm.model
