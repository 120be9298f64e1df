"""Races SQLite hides, on PostgreSQL with real parallel connections: releases and summaries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier
from typing import Any

import pytest
from api_helpers import NOTES_TEXT, FakeCoach
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from coach.aio import run_sync
from coach.db import generation
from coach.db.auth import Principal, add_user, principal
from coach.db.engine import make_engine, session_factory
from coach.db.migrate import upgrade
from coach.db.models import AuditEntry, CoachingSession
from coach.db.programs import create_pair, create_program
from coach.db.sessions import create_session, set_release
from coach.settings import load_settings

ROUNDS = 8


@pytest.fixture
def engine(database_url: str | None, tmp_path: Any) -> Iterator[Engine]:
    if database_url is None:
        pytest.skip("SQLite serializes writers; these races need PostgreSQL's parallel writers")
    engine = make_engine(load_settings(data_dir=tmp_path))
    upgrade(engine)
    yield engine
    engine.dispose()


def _members(factory: sessionmaker[Session]) -> tuple[Principal, Principal]:
    with factory() as db:
        program = create_program(db, None, "P")
        pair = create_pair(db, None, program.id)
        people = [
            add_user(db, role, name, email=f"{role}@example.org", pair_id=pair.id)
            for role, name in (("mentor", "Maya Chen"), ("mentee", "Robert Miller"))
        ]
        db.commit()
        mentor, mentee = (principal(p) for p in people)
    return mentor, mentee


def _summarized(factory: sessionmaker[Session], mentor: Principal) -> int:
    """A session with notes and a first summary, released by nobody."""
    from datetime import date

    with factory() as db:
        row = create_session(db, mentor, mentor.pair_id or 0, date(2025, 11, 20), "ai", 60)
        row.notes = NOTES_TEXT
        db.commit()
        session_id = row.id
    run_sync(generation.summary(factory, FakeCoach(), mentor, session_id, []))  # type: ignore[arg-type]
    return session_id


def _at_once(factory: sessionmaker[Session], *acts: Callable[[Session, Barrier], None]) -> None:
    """Run each act on its own connection, all released from one barrier."""
    barrier = Barrier(len(acts), timeout=30)

    def run(act: Callable[[Session, Barrier], None]) -> None:
        with factory() as db:
            act(db, barrier)

    with ThreadPoolExecutor(len(acts)) as pool:
        for future in [pool.submit(run, act) for act in acts]:
            future.result(timeout=60)


def _releasing(who: Principal, session_id: int) -> Callable[[Session, Barrier], None]:
    """An act: the member releases the session's summary once the barrier opens."""

    def act(db: Session, barrier: Barrier) -> None:
        barrier.wait()
        set_release(db, who, session_id, True)

    return act


def _summarizing(who: Principal, session_id: int) -> Callable[[Session, Barrier], None]:
    """An act: a new summary whose write phase starts as the barrier opens."""

    def act(db: Session, barrier: Barrier) -> None:
        fake = FakeCoach()
        real = fake.summarize

        def in_step(request: Any) -> Any:
            barrier.wait()
            return real(request)

        fake.summarize = in_step  # type: ignore[method-assign]
        factory = sessionmaker(db.get_bind(), expire_on_commit=False)
        run_sync(generation.summary(factory, fake, who, session_id, []))  # type: ignore[arg-type]

    return act


def _entries(factory: sessionmaker[Session], session_id: int) -> list[AuditEntry]:
    with factory() as db:
        query = select(AuditEntry).where(AuditEntry.session_id == session_id)
        return list(db.scalars(query.order_by(AuditEntry.id)))


def test_two_members_releasing_at_once_both_count_and_one_sees_it_visible(engine: Engine) -> None:
    factory = session_factory(engine)
    mentor, mentee = _members(factory)
    for _ in range(ROUNDS):
        session_id = _summarized(factory, mentor)

        _at_once(factory, _releasing(mentor, session_id), _releasing(mentee, session_id))
        with factory() as db:
            row = db.get(CoachingSession, session_id)
            assert row is not None and row.released
        releases = [e for e in _entries(factory, session_id) if e.action == "summary.release"]
        assert len(releases) == 2
        # Without the row lock both read "not yet released by the other" and neither says so.
        assert [e.detail["visible_to_coordinator"] for e in releases] == [False, True]


def test_release_racing_a_new_summary_never_carries_consent_over(engine: Engine) -> None:
    factory = session_factory(engine)
    mentor, mentee = _members(factory)
    for _ in range(ROUNDS):
        session_id = _summarized(factory, mentor)
        _at_once(factory, _summarizing(mentor, session_id), _releasing(mentee, session_id))
        with factory() as db:
            row = db.get(CoachingSession, session_id)
            assert row is not None
            released = row.mentee_released_at is not None
        entries = _entries(factory, session_id)
        last_summary = max(e.id for e in entries if e.action == "session.summary.generate")
        last_release = max(e.id for e in entries if e.action == "summary.release")
        # A standing consent must have been given after the text it covers was written.
        assert not released or last_release > last_summary
