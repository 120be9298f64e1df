"""Schema validity: the output re-validates against the generator's result model."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError


def schema_errors(output: object, model: type[BaseModel]) -> list[str]:
    """Why an output does not round-trip through its result model; empty when it does."""
    if not isinstance(output, BaseModel):
        return [f"expected {model.__name__}, got {type(output).__name__}"]
    try:
        model.model_validate(output.model_dump(mode="json"))
    except ValidationError as exc:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    return []
