"""Templates: one autoescaping jinja2 environment; Markdown only through the nh3 sanitizer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import nh3
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from coach.models import Meta

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Raw HTML in Markdown is off, and nh3 still cleans the output: knowledge files are data too.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})
_ALLOWED_LINKS = {"http", "https", "mailto"}


def markdown(text: str) -> Markup:
    """Markdown rendered to HTML that nh3 sanitized; the only way HTML enters a page."""
    html = nh3.clean(_markdown.render(text or ""), url_schemes=_ALLOWED_LINKS)
    return Markup(html)  # safe: nh3 just sanitized it


def day(value: date | str | None, long: bool = False) -> str:
    """A date as people read it: "Fri 18 Jan 2030" (long: "Friday 18 January 2030").

    Anything that is not a date (a model's free text) is shown as it is.
    """
    if value is None:
        return ""
    try:
        found = value if isinstance(value, date) else date.fromisoformat(value)
    except ValueError:
        return str(value)
    return found.strftime(f"%A {found.day} %B %Y" if long else f"%a {found.day} %b %Y")


def month(value: str) -> str:
    """A YYYY-MM month as people read it ("January 2030"); anything else as it is."""
    try:
        return date.fromisoformat(f"{value}-01").strftime("%B %Y")
    except ValueError:
        return value


def source_label(chunk_id: str) -> str:
    """A chunk id as a reader says it: "hybrid work › question bank › ..." (part 2 when split)."""
    path, _, rest = chunk_id.removeprefix("knowledge/").partition("#")
    heading, _, ordinal = rest.rpartition("#")
    parts = [Path(path).stem, *heading.split("/")] if heading else [Path(path).stem]
    label = " › ".join(p.replace("-", " ") for p in parts if p)
    return label + (f" (part {int(ordinal) + 1})" if ordinal.isdigit() and int(ordinal) else "")


def engine_label(meta: Meta | dict[str, Any] | None) -> dict[str, str]:
    """What made a generated result, as a short label and a sentence."""
    if meta is None:
        return {"label": "", "sentence": "", "kind": "none"}
    m = meta if isinstance(meta, Meta) else Meta.model_validate(meta)
    if m.degraded:
        return {
            "label": "Offline engine (model unavailable)",
            "sentence": "The model could not be reached, so the offline engine wrote this. "
            "Check it carefully, or try again later.",
            "kind": "degraded",
        }
    if m.engine == "offline":
        return {
            "label": "Offline engine",
            "sentence": "Written by the built-in offline engine from the program's material.",
            "kind": "offline",
        }
    return {
        "label": f"Model: {m.model}",
        "sentence": f"Written by the model {m.model}; check it before you use it.",
        "kind": "model",
    }


_NAV = {
    "mentor": [
        ("/", "Sessions"),
        ("/prompts", "Discussion prompts"),
        ("/feedback", "Feedback coach"),
    ],
    "mentee": [
        ("/", "Sessions"),
        ("/prompts", "Discussion prompts"),
        ("/feedback", "Feedback coach"),
    ],
    "coordinator": [
        ("/coordinator", "Pairs"),
        ("/coordinator/summaries", "Summaries"),
        ("/coordinator/insights", "Insights"),
        ("/admin", "People"),
    ],
    "admin": [("/admin", "Programs")],
}


def nav(principal: Any, path: str) -> list[tuple[str, str, bool]]:
    """The main navigation for a role: (href, label, current); the longest matching href wins."""
    links = _NAV.get(principal.role, [])
    matches = [h for h, _ in links if path == h or (h != "/" and path.startswith(h + "/"))]
    if not matches and any(h == "/" for h, _ in links) and path.startswith("/sessions"):
        matches = ["/"]
    current = max(matches, key=len, default=None)
    return [(h, label, h == current) for h, label in links]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = markdown
    env.filters["source_label"] = source_label
    env.filters["day"] = day
    env.filters["month"] = month
    env.globals["engine_label"] = engine_label
    env.globals["nav"] = nav
    return env


ENV = _environment()


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the signed-in user and their CSRF token in its context."""
    base = {
        "request": request,
        "me": getattr(request.state, "principal", None),
        "csrf": getattr(request.state, "csrf", ""),
        "path": request.url.path,
    }
    html = ENV.get_template(name).render({**base, **context})
    return HTMLResponse(html, status_code=status)
