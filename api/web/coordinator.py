"""The coordinator's pages: pairs (names and status), released summaries, insights."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import Db
from api.schemas import CoordinatorSummary, InsightsOut, PairStatusOut
from api.web import auth
from api.web.charts import bar_chart
from api.web.render import page
from coach.db import coordinator

router = APIRouter(include_in_schema=False)


@router.get("/coordinator")
def pairs(request: Request, db: Db, me: auth.CoordinatorUser) -> Response:
    """The program's pairs; what they discussed is never shown here."""
    found = [PairStatusOut.model_validate(p) for p in coordinator.program_pairs(db, me)]
    return page(request, "coordinator_pairs.html", pairs=[(p, _joined(p)) for p in found])


def _joined(pair: PairStatusOut) -> str:
    """Who a pair still waits for, in words."""
    missing = [role for role in ("mentor", "mentee") if getattr(pair, role) is None]
    if not missing:
        return "Both joined"
    return "Waiting for " + ("both members" if len(missing) == 2 else f"the {missing[0]}")


@router.get("/coordinator/summaries")
def summaries(request: Request, db: Db, me: auth.CoordinatorUser) -> Response:
    """Anonymized summaries both members released, newest first."""
    found = [CoordinatorSummary.of(s) for s in coordinator.released_summaries(db, me, 100, 0)]
    return page(request, "coordinator_summaries.html", summaries=found)


@router.get("/coordinator/insights")
def insights(request: Request, db: Db, me: auth.CoordinatorUser) -> Response:
    """Sessions over time, topics and challenges; a plain message when the group is too small."""
    found = InsightsOut.of(coordinator.insights(db, me), coordinator.MIN_GROUP_PAIRS)
    charts = []
    if not found.suppressed:
        charts = [
            bar_chart("Released sessions per month", found.months),
            bar_chart("Topics", [(b.name, b.sessions) for b in found.topics]),
            bar_chart("Challenges", [(b.name, b.sessions) for b in found.challenges]),
        ]
    return page(request, "coordinator_insights.html", i=found, charts=charts)
