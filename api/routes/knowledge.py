"""Search over the program's knowledge base."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AnyUser, CoachDep
from api.routes.problems import AUTH, GENERATION
from api.schemas import SearchOut
from coach.knowledge.models import Audience, Chunk, Kind, SearchFilters

router = APIRouter(prefix="/v1/knowledge", tags=["knowledge"], responses={**AUTH, **GENERATION})


@router.get("/search")
def search(
    coach: CoachDep,
    _: AnyUser,
    q: Annotated[str, Query(min_length=2, max_length=500, examples=["exec cancels sessions"])],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
    kind: Annotated[list[Kind] | None, Query()] = None,
    topic: Annotated[list[str] | None, Query(max_length=10)] = None,
    audience: Audience | None = None,
) -> SearchOut:
    """Passages that answer a question (dense + BM25, fused by reciprocal rank)."""
    filters = SearchFilters(kinds=kind, topics=topic, audience=audience)
    return SearchOut(query=q, passages=coach.search(q, k, filters))


@router.get("/topics")
def topics(coach: CoachDep, _: AnyUser) -> list[str]:
    """The topics the knowledge base has material for."""
    return coach.topics()


@router.get("/passages/{chunk_id:path}", responses={404: {"description": "No such passage."}})
def passage(chunk_id: str, coach: CoachDep, _: AnyUser) -> Chunk:
    """One cited passage, by the id an agenda or question gave as its source."""
    return coach.passage(chunk_id)
