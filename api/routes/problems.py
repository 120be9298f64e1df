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
LINK: dict[int | str, dict[str, Any]] = {
    **BY_ID,
    404: _doc("The link's secret matches no invitation or reset: copy the whole link."),
    410: _doc("The link was used, withdrawn or replaced, or it expired: ask for a new one."),
}
SIGN_ON: dict[int | str, dict[str, Any]] = {
    401: _doc("The sign-on provider did not sign the person in."),
    404: _doc("Single sign-on is not configured."),
    403: _doc("The signed-on person has no usable account here."),
    422: _doc("The sign-on was not started in this browser, or a parameter is wrong."),
}
# An operation that works with or without a caller: sign-out when already signed out.
OPTIONAL_CALLER: dict[str, Any] = {"security": [{}]}
GENERATION: dict[int | str, dict[str, Any]] = {
    502: _doc("The model kept returning invalid output."),
    503: _doc(
        "The knowledge base is not indexed, the LLM provider is down, or too many generations "
        "are in flight (then `Retry-After` says when to try again)."
    ),
    504: _doc("The LLM did not answer within COACH_LLM__DEADLINE_S (fallback off)."),
}
