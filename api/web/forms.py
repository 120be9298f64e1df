"""Form validation for the pages: the API's request models, errors keyed by field."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from coach.errors import CoachError

M = TypeVar("M", bound=BaseModel)
FieldErrors = dict[str, str]

DATE_MESSAGE = "Enter a date like 2026-12-01."
_MESSAGES = {
    "missing": "This is required.",
    "string_too_short": "This is too short.",
    "date_from_datetime_parsing": DATE_MESSAGE,
    "date_parsing": DATE_MESSAGE,
    "int_parsing": "Enter a whole number.",
}


def _message(err: Any) -> str:
    ctx = err.get("ctx") or {}
    kind = err.get("type", "")
    if kind == "string_too_short":
        return f"Enter at least {ctx.get('min_length')} characters."
    if kind == "string_too_long":
        return f"Keep it to {ctx.get('max_length')} characters or fewer."
    if kind == "greater_than_equal":
        return f"Enter {ctx.get('ge')} or more."
    if kind == "less_than_equal":
        return f"Enter {ctx.get('le')} or less."
    if kind == "too_long":
        return f"Enter at most {ctx.get('max_length')} entries."
    if kind == "value_error" and ctx.get("error"):
        text = str(ctx["error"])  # a validator's own reason, without pydantic's "Value error, "
        return text[:1].upper() + text[1:].rstrip(".") + "."
    return _MESSAGES.get(kind, str(err.get("msg", "This is not valid.")))


def _is_date(model: type[BaseModel], loc: tuple[int | str, ...]) -> bool:
    """Whether the error sits on a date field (plain or optional), whatever its validator."""
    info = model.model_fields.get(str(loc[0])) if len(loc) == 1 else None
    return info is not None and (info.annotation is date or date in get_args(info.annotation))


def validate(model: type[M], data: dict[str, Any]) -> tuple[M | None, FieldErrors]:
    """The model built from form data, or None and one message per field."""
    try:
        return model.model_validate(data), {}
    except ValidationError as exc:
        errors: FieldErrors = {}
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "form"
            # The API's strict day check raises a value error; a person needs the example.
            message = DATE_MESSAGE if _is_date(model, err["loc"]) else _message(err)
            errors.setdefault(field, message)
        return None, errors


def coach_errors(exc: CoachError) -> FieldErrors:
    """Field messages from a core error, with its detail under "form"."""
    errors: FieldErrors = {"form": exc.detail}
    for err in exc.errors:
        if isinstance(err, dict) and "field" in err:
            errors.setdefault(str(err["field"]), str(err.get("message", "")))
    return errors


def generation_failed(exc: CoachError, what: str, kept: str) -> FieldErrors:
    """A generation refused or failed (a 5xx) as one message over the form, or its field errors.

    A member reads the busy case in plain words; the operator's setting that caps generations
    belongs in the API's problem detail and the logs, not on a mentor's page.
    """
    if exc.status < 500:
        return coach_errors(exc)
    wait = getattr(exc, "retry_after", None)
    if exc.status == 503 and wait is not None:
        reason = f"coach is busy with other requests; please try again in {wait} s."
    else:
        reason = exc.detail
    return {"form": f"{what} could not be written just now: {reason} {kept}"}


def lines(text: str | None) -> list[str]:
    """The non-blank lines of a textarea, stripped: goals, names."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
