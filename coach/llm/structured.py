"""Validate and re-ask: parse into a model, show it its errors, retry a bounded number of times.

Why not `instructor`: it wraps the SDK client and owns the retry loop (tenacity), but our loop
must (1) run the generator's own checks (minutes add up, cited ids exist, no leaks) inside
the re-ask, which instructor allows only through validators bound to the model class,
while our checks need the request and the retrieved passages; (2) share one deadline with the
transport's retries and back-off; (3) step down structured modes per endpoint (json_schema,
llama.cpp's json_object + schema, plain JSON mode) and count a 200 with a non-completion
body as a provider failure. That leaves instructor only the fence-stripping and re-ask
message below, about thirty lines, against a new dependency in the request path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from coach.errors import GenerationError
from coach.llm.base import Completion, Deadline, Message, Provider

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
Offload = Callable[..., Awaitable[Any]]
_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


# Keywords a model does not need to write valid output: labels and defaults. The prompt says
# what each field means; repeating it here cost a summary ~1,100 of its 2,000 tokens.
_NOISE = ("title", "description", "default")
# Marks a draft field no model is asked to write (derived after generation, or an extra of the
# offline engine's): the output schema leaves it out, so neither the grammar nor the context
# pays for it. Such a field needs a default, since a model's answer lacks it.
UNASKED_KEY = "x-unasked"
UNASKED: dict[str, Any] = {UNASKED_KEY: True}


def _unasked(node: Any) -> bool:
    return isinstance(node, dict) and node.get(UNASKED_KEY) is True


def _compact(node: Any, defs: dict[str, Any]) -> Any:
    """A schema node with $refs inlined, noise keywords dropped and `X | None` as a type list."""
    if isinstance(node, list):
        return [_compact(n, defs) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:  # pydantic's refs are all "#/$defs/Name"; our drafts are not recursive
        return _compact(defs[node["$ref"].rsplit("/", 1)[1]], defs)
    out = {
        key: {name: _compact(sub, defs) for name, sub in value.items() if not _unasked(sub)}
        if key == "properties"  # property names (e.g. a field called "title") are kept
        else _compact(value, defs)
        for key, value in node.items()
        if key not in _NOISE and key != "$defs"
    }
    # A type an enum or a properties list already settles: an enum's values are its type, and
    # grammar builders (llama.cpp, xgrammar, outlines) read "properties" as an object.
    if "enum" in out or ("properties" in out and out.get("type") == "object"):
        out.pop("type", None)
    variants = out.get("anyOf", [])
    if len(variants) == 2 and {"type": "null"} in variants:
        (other,) = [v for v in variants if v != {"type": "null"}]
        if set(other) == {"type"} and isinstance(other["type"], str):
            del out["anyOf"]
            out["type"] = [other["type"], "null"]
    return out


@lru_cache(maxsize=32)
def output_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema a model is asked to follow: pydantic's, inlined and without noise."""
    full = model.model_json_schema()
    return dict(_compact(full, full.get("$defs", {})))


def parse(text: str, model: type[T]) -> tuple[T | None, list[str]]:
    """The parsed model, or the errors that explain why it could not be parsed."""
    fenced = _FENCE.match(text.strip())
    raw = fenced.group(1) if fenced else text
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, [f"The answer is not valid JSON: {exc.msg} at position {exc.pos}."]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [
            f"{'.'.join(str(p) for p in e['loc']) or 'root'}: {e['msg']}" for e in exc.errors()
        ]


def reask_message(errors: list[str]) -> Message:
    """The follow-up that shows the model what was wrong."""
    listed = "\n".join(f"- {e}" for e in errors)
    return {
        "role": "user",
        "content": "Your previous answer was rejected:\n"
        f"{listed}\nReturn the whole corrected JSON object only, following the schema.",
    }


async def inline(fn: Callable[..., R], *args: Any) -> R:
    """Run fn here and now: the offload for callers without a CPU pool."""
    return fn(*args)


async def ask_structured(
    provider: Provider,
    messages: list[Message],
    model: type[T],
    vet: Callable[[T], tuple[T, list[str]]],
    max_reasks: int,
    deadline: Deadline,
    offload: Offload = inline,
    prefetch: Callable[[T], Awaitable[None]] | None = None,
) -> tuple[T, list[Completion]]:
    """The vetted draft of the first answer that parses and passes `vet`, else GenerationError."""
    schema = output_schema(model)
    completions: list[Completion] = []
    errors: list[str] = []
    for _ in range(max_reasks + 1):
        completion = await provider.complete(
            messages, schema=schema, schema_name=model.__name__, deadline=deadline
        )
        completions.append(completion)
        # Parsing a short JSON answer costs microseconds; vetting is CPU work (a summary's
        # checks run Presidio), offloaded after `prefetch` readies what it shares with others.
        vetted, errors = parse(completion.text, model)
        if vetted is not None:
            if prefetch is not None:
                await prefetch(vetted)
            vetted, errors = await offload(vet, vetted)
            if not errors:
                return vetted, completions
        messages = [
            *messages,
            {"role": "assistant", "content": completion.text},
            reask_message(errors),
        ]
    raise GenerationError(
        f"the model's answer was still invalid after {len(completions)} attempt(s): "
        + "; ".join(errors[:3]),
        last_completion=completions[-1].text,
        errors=[{"field": "output", "in": "output", "message": e} for e in errors],
    )
