"""Reading knowledge files: YAML front matter validated, body kept as markdown."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from coach.errors import KnowledgeError
from coach.knowledge.models import FrontMatter
from coach.settings import PROJECT_ROOT

SKIPPED_NAMES = {"README.md"}
# Sections of example lines for the challenge matcher (coach.knowledge.labels), not guidance:
# search leaves them out, so a question about goals is not answered with a note's wording.
EXAMPLES_ONLY = ("How it sounds in session notes",)
_BULLET = re.compile(r"^\s*[-*]\s+(.*\S)\s*$", re.MULTILINE)
_BOLD = re.compile(r"\*\*(.+?)\*\*:?\s*")


def bullets(text: str) -> list[str]:
    """The bullet items of a markdown section, bold markers removed."""
    return [_BOLD.sub(lambda m: m.group(1) + ": ", b).strip() for b in _BULLET.findall(text)]


@dataclass(frozen=True)
class Document:
    """One knowledge file: its validated header, body, where it came from and a content hash."""

    meta: FrontMatter
    body: str
    source: str
    root: str
    file_hash: str


def display_path(path: Path) -> str:
    """A stable name for a file: relative to the project when inside it, else absolute."""
    path = path.resolve()
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def load_document(path: Path, root: Path) -> Document:
    """Parse one markdown file, naming the file and the field when the front matter is wrong."""
    source = display_path(path)
    raw = path.read_bytes()
    # Here, not at the top: the retriever imports this module for a constant, and a cold
    # `coach rephrase` or `coach agenda` parses no markdown (frontmatter and yaml: ~30 ms).
    import frontmatter
    import yaml

    try:
        post = frontmatter.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{source}: front matter is not valid YAML ({exc})") from None
    if not post.metadata:
        raise KnowledgeError(
            f"{source}: missing YAML front matter (id, title, kind, topics, audience)"
        )
    try:
        meta = FrontMatter.model_validate(post.metadata)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "front matter"
        raise KnowledgeError(f"{source}: field '{field}': {err['msg']}") from None
    if not post.content.strip():
        raise KnowledgeError(f"{source}: the file has front matter but no text")
    return Document(
        meta=meta,
        body=post.content,
        source=source,
        root=display_path(root),
        file_hash=hashlib.sha256(raw).hexdigest(),
    )


def iter_markdown(root: Path) -> list[Path]:
    """Markdown files under a folder (or the file itself), sorted for stable order."""
    if not root.exists():
        raise KnowledgeError(f"{display_path(root)}: no such file or folder")
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.md") if p.name not in SKIPPED_NAMES)


def load_documents(roots: list[Path]) -> list[Document]:
    """Every document under the given folders; ids must be unique across all of them."""
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for root in roots:
        for path in iter_markdown(root):
            doc = load_document(path, root)
            if doc.meta.id in seen:
                first = seen[doc.meta.id]
                raise KnowledgeError(
                    f"{doc.source}: field 'id': {doc.meta.id!r} is used by {first}"
                )
            seen[doc.meta.id] = doc.source
            docs.append(doc)
    return docs
