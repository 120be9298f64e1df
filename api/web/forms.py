"""Form validation for the pages: the API's request models, errors keyed by field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from coach.errors import CoachError

M = TypeVar("M", bound=BaseModel)
FieldErrors = dict[str, str]

_MESSAGES = {
    "missing": "This is required.",
    "string_too_short": "This is too short.",
    "date_from_datetime_parsing": "Enter a date like 2026-12-01.",
    "date_parsing": "Enter a date like 2026-12-01.",
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
    return _MESSAGES.get(kind, str(err.get("msg", "This is not valid.")))


def validate(model: type[M], data: dict[str, Any]) -> tuple[M | None, FieldErrors]:
    """The model built from form data, or None and one message per field."""
    try:
        return model.model_validate(data), {}
    except ValidationError as exc:
        errors: FieldErrors = {}
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "form"
            errors.setdefault(field, _message(err))
        return None, errors


def coach_errors(exc: CoachError) -> FieldErrors:
    """Field messages from a core error, with its detail under "form"."""
    errors: FieldErrors = {"form": exc.detail}
    for err in exc.errors:
        if isinstance(err, dict) and "field" in err:
            errors.setdefault(str(err["field"]), str(err.get("message", "")))
    return errors


def lines(text: str | None) -> list[str]:
    """The non-blank lines of a textarea, stripped: goals, names."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
