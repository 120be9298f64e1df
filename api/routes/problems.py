"""The error responses every protected route documents."""

from __future__ import annotations

from typing import Any

from api.errors import PROBLEM_JSON
from api.schemas import Problem


def _doc(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description, "content": {PROBLEM_JSON: {}}}


AUTH: dict[int | str, dict[str, Any]] = {
    401: _doc("No session cookie or bearer token, or one that is unknown, expired or revoked."),
    403: _doc("The caller's role may never do this, or a session change lacks its CSRF token."),
    422: _doc("A field is wrong; `errors` says which and why."),
}
BY_ID: dict[int | str, dict[str, Any]] = {
    **AUTH,
    404: _doc("No such id, or one the caller may not see."),
    409: _doc("The request clashes with the stored state."),
}
THROTTLED: dict[int | str, dict[str, Any]] = {
    429: _doc("Too many failed sign-ins; the Retry-After header says when to try again."),
}
GENERATION: dict[int | str, dict[str, Any]] = {
    502: _doc("The model kept returning invalid output."),
    503: _doc("The knowledge base is not indexed, or the LLM provider is down."),
}
