"""What admins read to run the system: the audit log (ids and actions, never content)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Admin, Db
from api.routes.problems import AUTH
from api.schemas import AuditOut
from coach.db import audit

router = APIRouter(prefix="/v1/admin", tags=["admin"], responses=AUTH)


@router.get("/audit")
def audit_log(
    db: Db,
    _: Admin,
    action: Annotated[str | None, Query(max_length=60)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AuditOut]:
    """Audit entries, newest first."""
    return [AuditOut.of(e) for e in audit.entries(db, action=action, limit=limit, offset=offset)]
