"""API test helpers: an app over a temporary data directory, a fake Coach, a seeded world."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import count
from pathlib import Path
from typing import Any

from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from api.deps import get_coach
from coach.accounts.browser import start_session
from coach.accounts.tokens import create_api_token, revoke_api_token
from coach.db.auth import add_user, principal
from coach.db.models import BrowserSession, User, utcnow
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
from tests.servers import PostgresServer

_numbers = count(1)


class Backend:
    """A database backend: `fresh_url()` is a new empty database (None: SQLite's default)."""

    def __init__(self, name: str, server: PostgresServer | None = None) -> None:
        self.name, self.server = name, server

    def fresh_url(self) -> str | None:
        """A new empty database on this backend (SQLite: the data directory's own file)."""
        if self.server is None:
            return None
        name = f"test_{next(_numbers)}"
        self.server.admin(f"CREATE DATABASE {name}")
        return self.server.url(name)

    def drop(self, url: str) -> None:
        """Drop a database fresh_url() made, closing what a test left connected."""
        assert self.server is not None
        self.server.admin(f"DROP DATABASE {url.rsplit('/', 1)[1]} WITH (FORCE)")


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

    # The API awaits these; each runs the sync method in a worker thread (as the real Coach
    # keeps the event loop free), so a subclass or a test overrides the sync one only.
    async def aagenda(self, request: AgendaRequest) -> Agenda:
        return await to_thread.run_sync(self.agenda, request)

    async def aprompts(self, request: PromptsRequest) -> DiscussionPrompts:
        return await to_thread.run_sync(self.prompts, request)

    async def arewrite_feedback(self, request: FeedbackRequest) -> FeedbackRewrite:
        return await to_thread.run_sync(self.rewrite_feedback, request)

    async def aanalyze_feedback(self, request: FeedbackRequest) -> FeedbackAnalysis:
        return await to_thread.run_sync(self.analyze_feedback, request)

    async def asummarize(self, request: SummaryRequest) -> SessionSummary:
        return await to_thread.run_sync(self.summarize, request)

    async def astatus(self) -> dict[str, Any]:
        return await to_thread.run_sync(self.status)


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


def cookie(secret: str, csrf: str | None = None) -> dict[str, str]:
    """The headers of a browser session: its cookie and, when given, its CSRF token."""
    headers = {"Cookie": f"coach_session={secret}"}
    return headers | ({"X-CSRF-Token": csrf} if csrf else {})


# Who is seeded: (name, role, email, where) with where naming a pair or program key of World.ids.
PEOPLE = (
    ("mentor", "Maya Chen", "pair"),
    ("mentee", "Robert Miller", "pair"),
    ("mentor_pair2", "Priya Shah", "pair2"),
    ("mentee_pair2", "Tom Baker", "pair2"),
    ("coordinator", "Cora Diaz", "program"),
    ("mentor_other", "Ann Other", "pair_other"),
    ("mentee_other", "Bob Other", "pair_other"),
    ("coordinator_other", "Cora Other", "program_other"),
    ("admin", "Ada Admin", None),
)


@dataclass
class World:
    """Program A (two pairs, a coordinator), program B (a pair, a coordinator), and an admin."""

    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)

    def as_(self, who: str) -> dict[str, str]:
        """Bearer headers of one of the seeded people; "anonymous" sends none."""
        return {} if who == "anonymous" else bearer(self.tokens[who])

    def session(self, who: str, *, expired: bool = False) -> tuple[str, str]:
        """A fresh browser session of one of the seeded people: (secret, csrf token)."""
        with self.client.app.state.sessions() as db:  # type: ignore[attr-defined]
            user = db.get(User, self.users[who])
            assert user is not None
            secret, csrf = start_session(db, user)
            if expired:
                row = db.scalars(select(BrowserSession).order_by(BrowserSession.id.desc())).first()
                assert row is not None
                row.expires_at = utcnow() - timedelta(minutes=1)
            db.commit()
        return secret, csrf

    def with_session(self, who: str, *, expired: bool = False) -> dict[str, str]:
        """Cookie and CSRF headers of a fresh session; "anonymous" sends none."""
        return {} if who == "anonymous" else cookie(*self.session(who, expired=expired))

    def revoked_token(self, who: str) -> dict[str, str]:
        """Bearer headers of a token of theirs that was just revoked."""
        if who == "anonymous":
            return {}
        with self.client.app.state.sessions() as db:  # type: ignore[attr-defined]
            me = principal(db.get(User, self.users[who]))  # type: ignore[arg-type]
            new = create_api_token(db, me, "revoked", 30)
            revoke_api_token(db, me, new.info.id)
        return bearer(new.secret)


def seed(client: TestClient) -> World:
    """Fill a fresh app's database with the people above, each with an API token."""
    world = World(client)
    with client.app.state.sessions() as db:  # type: ignore[attr-defined]
        for suffix in ("", "_other"):
            program = create_program(db, None, f"Program{suffix or ' A'}")
            world.ids[f"program{suffix}"] = program.id
            world.ids[f"pair{suffix}"] = create_pair(db, None, program.id).id
        world.ids["pair2"] = create_pair(db, None, world.ids["program"]).id
        for who, name, where in PEOPLE:
            role = who.split("_")[0]
            place = world.ids.get(where) if where else None
            user = add_user(
                db,
                role,
                name,
                email=f"{who}@example.org",
                pair_id=place if where and where.startswith("pair") else None,
                program_id=place if where and where.startswith("program") else None,
            )
            world.users[who] = user.id
            world.tokens[who] = create_api_token(db, principal(user), "tests", 30).secret
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
