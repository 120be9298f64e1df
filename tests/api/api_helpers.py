"""API test helpers: an app over a temporary data directory, a fake Coach, a seeded world."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_coach
from coach.db.auth import add_user
from coach.db.programs import create_pair, create_program
from coach.knowledge.models import Passage, SearchFilters
from coach.models import (
    SBI,
    ActionItem,
    Agenda,
    AgendaItem,
    AgendaRequest,
    AnonymizedSummary,
    DiscussionPrompts,
    DiscussionQuestion,
    FeedbackAnalysis,
    FeedbackRequest,
    FeedbackRewrite,
    Meta,
    PrivateSummary,
    PromptsRequest,
    SessionSummary,
    SummaryRequest,
)
from coach.settings import load_settings

META = Meta(engine="offline", model="fake", prompt_template="fake", prompt_hash="0")


class FakeCoach:
    """A Coach stand-in that answers instantly and records every request it was sent."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def agenda(self, request: AgendaRequest) -> Agenda:
        self.calls.append(("agenda", request))
        items = [AgendaItem(title=f"Block {i}", minutes=10, lead="both") for i in range(3)]
        return Agenda(title="Fake agenda", objectives=["learn"], items=items, meta=META)

    def prompts(self, request: PromptsRequest) -> DiscussionPrompts:
        self.calls.append(("prompts", request))
        question = DiscussionQuestion(
            question="What surprised you?",
            purpose="open",
            follow_up="What made it so?",
            sources=["x"],
        )
        return DiscussionPrompts(questions=[question], meta=META)

    def rewrite_feedback(self, request: FeedbackRequest) -> FeedbackRewrite:
        self.calls.append(("rewrite", request))
        sbi = SBI(situation="s", behavior="b", impact="i", request="r")
        return FeedbackRewrite(rewritten="Kinder words.", sbi=sbi, meta=META)

    def analyze_feedback(self, request: FeedbackRequest) -> FeedbackAnalysis:
        self.calls.append(("analyze", request))
        return FeedbackAnalysis(issues=[], is_praise=False, tone="neutral")

    def summarize(self, request: SummaryRequest) -> SessionSummary:
        self.calls.append(("summarize", request))
        private = PrivateSummary(
            summary=f"{request.mentor_name} and {request.mentee_name} met.",
            action_items=[ActionItem(text="Post twice a week", owner="mentee")],
        )
        anonymized = AnonymizedSummary(
            summary="The mentor and the mentee met.",
            topics=["social-media"],
            challenges=["lack-of-time"],
            action_item_count=1,
        )
        return SessionSummary(private=private, anonymized=anonymized, meta=META)

    def search(
        self, query: str, k: int | None = None, filters: SearchFilters | None = None
    ) -> list[Passage]:
        self.calls.append(("search", (query, k, filters)))
        return []

    def status(self) -> dict[str, Any]:
        return {"provider": "offline", "model": "fake", "indexed_chunks": 1, "provider_ok": True}


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


@dataclass
class World:
    """Two programs, each with a pair and a coordinator, and one admin; tokens by role name."""

    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)

    def as_(self, who: str) -> dict[str, str]:
        """Headers of one of the seeded people; "anonymous" sends none."""
        return {} if who == "anonymous" else bearer(self.tokens[who])


def seed(client: TestClient) -> World:
    """Fill a fresh app's database: program A (pair, coordinator), program B (same), admin."""
    world = World(client)
    with client.app.state.sessions() as db:  # type: ignore[attr-defined]
        for suffix, names in (("", ("Maya Chen", "Robert Miller")), ("_other", ("Ann", "Bob"))):
            program = create_program(db, None, f"Program{suffix or ' A'}")
            pair = create_pair(db, None, program.id, *names)
            _, token = add_user(db, "coordinator", f"Cora{suffix}", program_id=program.id)
            world.tokens |= {
                f"mentor{suffix}": pair.mentor.token,
                f"mentee{suffix}": pair.mentee.token,
                f"coordinator{suffix}": token,
            }
            world.ids |= {f"program{suffix}": program.id, f"pair{suffix}": pair.id}
        _, world.tokens["admin"] = add_user(db, "admin", "Ada")
        db.commit()
    return world


@contextmanager
def running_app(data_dir: Path, coach: Any = None, **overrides: object) -> Iterator[TestClient]:
    """A started app over a data directory, optionally with a Coach substitute."""
    app = create_app(load_settings(data_dir=data_dir, **overrides))
    if coach is not None:
        app.dependency_overrides[get_coach] = lambda: coach
    with TestClient(app) as client:
        yield client


NOTES_TEXT = "Maya showed Robert how to schedule posts; Robert will post twice a week."
