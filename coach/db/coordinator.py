"""What coordinators may read: released anonymized summaries and k-anonymous aggregates."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from coach.db import audit
from coach.db.auth import Principal
from coach.db.models import CoachingSession, Pair, User
from coach.errors import NotFound

# An aggregate over fewer pairs than this could point at one pair; it is not shown.
MIN_GROUP_PAIRS = 5


@dataclass(frozen=True)
class ReleasedSummary:
    """An anonymized summary both members released; month, not day, so it cannot be dated."""

    session_id: int
    month: str
    summary: dict[str, Any]


@dataclass(frozen=True)
class Bucket:
    """How many sessions and distinct pairs share one topic or challenge."""

    name: str
    sessions: int
    pairs: int


@dataclass
class Insights:
    """Aggregates of released summaries; all but the pair counts are empty when suppressed.

    active_pairs counts pairs that released a summary; sessions_held counts released sessions.
    """

    program_id: int
    pairs: int
    active_pairs: int
    suppressed: bool
    sessions_held: int | None = None
    released_summaries: int | None = None
    topics: list[Bucket] = field(default_factory=list)
    challenges: list[Bucket] = field(default_factory=list)
    hidden_buckets: int = 0
    # Released sessions per month (YYYY-MM), oldest first; shown only above the group size.
    months: list[tuple[str, int]] = field(default_factory=list)


def _released(program_id: int) -> Select[Any]:
    return (
        select(CoachingSession)
        .join(Pair, Pair.id == CoachingSession.pair_id)
        .where(
            Pair.program_id == program_id,
            CoachingSession.anonymized_summary.is_not(None),
            CoachingSession.mentor_released_at.is_not(None),
            CoachingSession.mentee_released_at.is_not(None),
        )
    )


def released_summaries(
    db: Session, actor: Principal, limit: int = 50, offset: int = 0
) -> list[ReleasedSummary]:
    """The coordinator's program's released summaries, newest first; the read is audited."""
    program_id = _program_of(actor)
    query = _released(program_id).order_by(CoachingSession.date.desc(), CoachingSession.id.desc())
    rows = db.scalars(query.limit(limit).offset(offset)).all()
    found = [
        ReleasedSummary(r.id, r.date.strftime("%Y-%m"), dict(r.anonymized_summary or {}))
        for r in rows
    ]
    audit.record(
        db,
        actor,
        "coordinator.summaries.read",
        program_id=program_id,
        session_ids=[s.session_id for s in found],
    )
    db.commit()
    return found


def insights(db: Session, actor: Principal, today: date | None = None) -> Insights:
    """Aggregates of released summaries only; nothing unless 5+ pairs released one.

    Everything is computed from what pairs released, never from their unreleased sessions, so
    nothing a coordinator arranges (pairs of their own, backdated sessions, repeated reads)
    shows more about a pair than it released.
    """
    program_id = _program_of(actor)
    today = today or date.today()
    pairs = db.scalar(select(func.count()).where(Pair.program_id == program_id)) or 0
    released = [r for r in db.scalars(_released(program_id)) if r.date <= today]
    sharing = {r.pair_id for r in released}
    result = Insights(program_id, pairs, len(sharing), suppressed=len(sharing) < MIN_GROUP_PAIRS)
    if not result.suppressed:
        _fill(result, released)
    audit.record(
        db, actor, "coordinator.insights.read", program_id=program_id, suppressed=result.suppressed
    )
    db.commit()
    return result


def _fill(result: Insights, released: Sequence[CoachingSession]) -> None:
    result.sessions_held = result.released_summaries = len(released)
    result.topics, hidden_topics = _buckets(released, "topics")
    result.challenges, hidden_challenges = _buckets(released, "challenges")
    result.hidden_buckets = hidden_topics + hidden_challenges
    result.months = sorted(Counter(r.date.strftime("%Y-%m") for r in released).items())


def _buckets(rows: Any, key: str) -> tuple[list[Bucket], int]:
    """Count sessions and pairs per label; a label seen in fewer than 5 pairs is only counted."""
    sessions: Counter[str] = Counter()
    pairs: defaultdict[str, set[int]] = defaultdict(set)
    for row in rows:
        for label in set((row.anonymized_summary or {}).get(key, [])):
            sessions[label] += 1
            pairs[label].add(row.pair_id)
    shown = [
        Bucket(label, n, len(pairs[label]))
        for label, n in sessions.most_common()
        if len(pairs[label]) >= MIN_GROUP_PAIRS
    ]
    return shown, len(sessions) - len(shown)


def _program_of(actor: Principal) -> int:
    if actor.role != "coordinator" or actor.program_id is None:
        raise NotFound("only a program's coordinator reads its summaries")
    return actor.program_id


@dataclass(frozen=True)
class PairStatus:
    """A pair as its coordinator sees it: who has joined; no content and no activity."""

    pair_id: int
    mentor: str | None
    mentee: str | None


def program_pairs(db: Session, actor: Principal) -> list[PairStatus]:
    """The coordinator's pairs and who has joined each; nothing about what they did."""
    # Not even per-pair release counts: with the month-dated summaries they would tie an
    # anonymized summary to a named pair. Activity stays the pair's business.
    program_id = _program_of(actor)
    pairs = db.scalars(select(Pair).where(Pair.program_id == program_id).order_by(Pair.id)).all()
    names: defaultdict[int, dict[str, str]] = defaultdict(dict)
    for pair_id, role, name in db.execute(
        select(User.pair_id, User.role, User.name).where(User.pair_id.in_([p.id for p in pairs]))
    ):
        if pair_id is not None:
            names[pair_id][role] = name
    audit.record(db, actor, "coordinator.pairs.read", program_id=program_id)
    db.commit()
    return [PairStatus(p.id, names[p.id].get("mentor"), names[p.id].get("mentee")) for p in pairs]
