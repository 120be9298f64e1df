"""Dependencies, as Annotated aliases: the database, the Coach, and who is calling."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from api.errors import Forbidden, Unauthorized
from coach.db.auth import Principal, Role, authenticate
from coach.service import Coach

_bearer = HTTPBearer(auto_error=False, description="A token from `coach users create`.")


def get_coach(request: Request) -> Coach:
    """The app's one Coach; tests override this to fake or break generation."""
    coach: Coach = request.app.state.coach
    return coach


def get_db(request: Request) -> Iterator[Session]:
    """A database session per request; writes commit in the coach.db functions."""
    with request.app.state.sessions() as db:
        yield db


CoachDep = Annotated[Coach, Depends(get_coach)]
Db = Annotated[Session, Depends(get_db)]


def get_principal(
    db: Db, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    """The caller behind the bearer token."""
    if credentials is None:
        raise Unauthorized("send a bearer token: Authorization: Bearer <token>")
    principal = authenticate(db, credentials.credentials)
    if principal is None:
        raise Unauthorized("the bearer token is not recognised")
    return principal


def require(*roles: Role) -> Callable[[Principal], Principal]:
    """A dependency that lets only the given roles through (403 for the others)."""

    def check(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
        if principal.role not in roles:
            raise Forbidden(
                f"the {principal.role} role may not do this; allowed: {', '.join(roles)}"
            )
        return principal

    return check


AnyUser = Annotated[Principal, Depends(get_principal)]
PairMember = Annotated[Principal, Depends(require("mentor", "mentee"))]
Coordinator = Annotated[Principal, Depends(require("coordinator"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Manager = Annotated[Principal, Depends(require("admin", "coordinator"))]

Id = Annotated[int, Path(ge=1, le=2**31 - 1, description="A numeric id.")]
