"""Coordinators read only released summaries of their program, aggregates only over 5+ pairs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db import coordinator
from coach.db.auth import Principal, add_user, principal
from coach.db.engine import make_engine, session_factory
from coach.db.migrate import upgrade
from coach.db.models import AuditEntry, CoachingSession, utcnow
from coach.db.programs import create_pair, create_program
from coach.settings import load_settings


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(load_settings(data_dir=tmp_path))
    upgrade(engine)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def _program(db: Session, pairs: int, topic_in: int, released: int) -> Principal:
    """A program whose pairs each hold one summarized session; the first `released` released it."""
    program = create_program(db, None, "P")
    for i in range(pairs):
        pair = create_pair(db, None, program.id)
        summary = {
            "summary": "The mentor and the mentee met.",
            "topics": ["social-media"] + (["ai"] if i < topic_in else []),
            "challenges": ["lack-of-time"],
            "action_item_count": 0,
        }
        stamp = utcnow() if i < released else None
        db.add(
            CoachingSession(
                pair_id=pair.id,
                number=1,
                date=date(2025, 11, 1),
                topic="t",
                anonymized_summary=summary,
                private_summary={"summary": "private"},
                mentor_released_at=stamp,
                mentee_released_at=stamp,
            )
        )
    user = add_user(db, "coordinator", "C", program_id=program.id)
    db.commit()
    return principal(user)


def test_fewer_than_five_pairs_show_nothing(db: Session) -> None:
    me = _program(db, pairs=4, topic_in=4, released=4)
    found = coordinator.insights(db, me, today=date(2025, 12, 1))
    assert found.suppressed and found.active_pairs == 4
    assert found.sessions_held is None and found.topics == [] and found.challenges == []


def test_buckets_seen_in_fewer_than_five_pairs_are_hidden(db: Session) -> None:
    me = _program(db, pairs=6, topic_in=3, released=6)
    found = coordinator.insights(db, me, today=date(2025, 12, 1))
    assert not found.suppressed and found.sessions_held == 6
    assert [(b.name, b.pairs) for b in found.topics] == [("social-media", 6)]
    assert [b.name for b in found.challenges] == ["lack-of-time"]
    assert found.hidden_buckets == 1


def test_future_sessions_are_not_held(db: Session) -> None:
    me = _program(db, pairs=6, topic_in=0, released=6)
    assert coordinator.insights(db, me, today=date(2025, 10, 1)).suppressed


def test_only_released_summaries_are_listed_and_reads_are_audited(db: Session) -> None:
    me = _program(db, pairs=5, topic_in=0, released=2)
    _program(db, pairs=5, topic_in=0, released=5)  # another program's coordinator's data
    found = coordinator.released_summaries(db, me)
    assert len(found) == 2
    assert {s.month for s in found} == {"2025-11"}
    entry = db.scalars(select(AuditEntry).where(AuditEntry.actor_id == me.id)).one()
    assert entry.action == "coordinator.summaries.read"
    assert sorted(entry.detail["session_ids"]) == sorted(s.session_id for s in found)
