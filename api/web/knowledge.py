"""A cited passage of the knowledge base, opened from any source link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import CoachDep
from api.web import auth
from api.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/knowledge/passage")
def passage(
    request: Request,
    coach: CoachDep,
    _: auth.Person,
    id: Annotated[str, Query(min_length=3, max_length=500)],
) -> Response:
    """The passage a source id names, rendered from its Markdown through the sanitizer."""
    return page(request, "passage.html", p=coach.passage(id))
