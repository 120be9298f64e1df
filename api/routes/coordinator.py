"""The coordinator view: released anonymized summaries and aggregates; every read is audited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Coordinator, Db
from api.routes.problems import AUTH
from api.schemas import CoordinatorSummaries, CoordinatorSummary, InsightsOut, PairStatusOut
from coach.db import coordinator

router = APIRouter(prefix="/v1/coordinator", tags=["coordinator"], responses=AUTH)


@router.get("/summaries")
def summaries(
    db: Db,
    me: Coordinator,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> CoordinatorSummaries:
    """Anonymized summaries of the caller's program that both members released."""
    found = coordinator.released_summaries(db, me, limit, offset)
    return CoordinatorSummaries(
        items=[CoordinatorSummary.of(s) for s in found], limit=limit, offset=offset
    )


@router.get("/pairs")
def pairs(db: Db, me: Coordinator) -> list[PairStatusOut]:
    """The program's pairs and who has joined them; nothing about what a pair did."""
    return [PairStatusOut.model_validate(p) for p in coordinator.program_pairs(db, me)]


@router.get("/insights")
def insights(db: Db, me: Coordinator) -> InsightsOut:
    """Sessions held, topics and challenges; nothing for fewer than 5 active pairs."""
    return InsightsOut.of(coordinator.insights(db, me), coordinator.MIN_GROUP_PAIRS)
