"""Prompt templates are files, rendered with StrictUndefined and traced by a source hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from coach.llm.base import Message
from coach.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"
DATA_TAG = "user_data"


def as_data(text: object) -> str:
    """Wrap user text as delimited data; a closing tag inside it cannot end the block early."""
    body = str(text).replace(f"</{DATA_TAG}>", f"<\\/{DATA_TAG}>")
    return f"<{DATA_TAG}>\n{body}\n</{DATA_TAG}>"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(PROMPTS_DIR),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["data"] = as_data
    return env


@dataclass(frozen=True)
class RenderedPrompt:
    """Chat messages plus the template name and source hash that made them."""

    messages: list[Message]
    template: str
    hash: str


def template_hash(name: str) -> str:
    """sha256 (first 12 hex) over a generator's templates and the shared partials."""
    files = sorted((PROMPTS_DIR / name).glob("*.j2")) + sorted(PROMPTS_DIR.glob("_partials/*.j2"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def render(name: str, **context: Any) -> RenderedPrompt:
    """Render prompts/<name>/system.j2 and user.j2 into chat messages."""
    env = _env()
    system = env.get_template(f"{name}/system.j2").render(**context)
    user = env.get_template(f"{name}/user.j2").render(**context)
    messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
    return RenderedPrompt(messages=messages, template=f"{name}/user.j2", hash=template_hash(name))
