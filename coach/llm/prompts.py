"""Prompt templates are files, rendered with StrictUndefined and traced by a source hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coach.llm.base import Message
from coach.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from jinja2 import Environment

PROMPTS_DIR = PROJECT_ROOT / "prompts"
DATA_TAG = "user_data"


# Any spelling a model might read as our tag: any case, spaces, tabs or line breaks, invisible
# characters (zero-width, soft hyphen, bidi marks), "user data" / "user-data", a slash before
# or after the name, attributes, or no ">" at all. Its "<" is escaped, so the data can neither
# end the block nor open a new one.
_GAP = "[\\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*"
_TAG = re.compile(
    "<"
    + _GAP
    + "/?"
    + _GAP
    + _GAP.join("user")
    + _GAP
    + "[_\\-]?"
    + _GAP
    + _GAP.join("data")
    + "(?![a-z0-9])(?:[^<>]{0,80}>)?",
    re.IGNORECASE,
)


def as_data(text: object) -> str:
    """Wrap user text as delimited data; no spelling of the tag inside it can end the block."""
    body = _TAG.sub(lambda m: "<\\" + m.group(0)[1:], str(text))
    return f"<{DATA_TAG}>\n{body}\n</{DATA_TAG}>"


@lru_cache(maxsize=1)
def _env() -> Environment:
    # Imported here: the offline engine renders no prompt, and every offline CLI command
    # would otherwise pay for jinja2's import at start-up.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # auto_reload off: a template is read once per process, not stat-ed on every render, so it
    # always matches its hash below (also taken once); an edited prompt takes a restart.
    env = Environment(
        loader=FileSystemLoader(PROMPTS_DIR),
        auto_reload=False,
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


@lru_cache(maxsize=64)
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


def render_file(name: str, **context: Any) -> tuple[str, str]:
    """One template under prompts/ rendered, and the sha256 (first 12 hex) of its source."""
    return _env().get_template(name).render(**context), _file_hash(name)


@lru_cache(maxsize=64)
def _file_hash(name: str) -> str:
    return hashlib.sha256((PROMPTS_DIR / name).read_bytes()).hexdigest()[:12]
