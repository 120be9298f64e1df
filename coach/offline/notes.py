"""Split free-form session notes into sentences, remembering which heading each sits under."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)]|\[[ xX]?\])\s+")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s*)?([A-Za-z][\w /&'-]{0,40}):?\s*$")
# Split after ., ! or ? when the next sentence starts like one; keeps "e.g. this" together.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]?\s+(?=[\"“(\[]?[A-Z0-9@])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "prof.", "approx.")


@dataclass(frozen=True)
class Sentence:
    """One sentence or bullet of the notes and the heading above it (lower case, or '')."""

    text: str
    section: str = ""


def _is_heading(line: str) -> str | None:
    """Return the heading text if a line is a short title like "Next steps:" or "## Actions"."""
    stripped = line.strip()
    if not (stripped.endswith(":") or stripped.startswith("#")):
        return None
    match = _HEADING.match(stripped)
    if match and len(match.group(1).split()) <= 5:
        return match.group(1).strip().lower()
    return None


def _split_sentences(block: str) -> list[str]:
    """Split a paragraph or bullet into sentences, not breaking after common abbreviations."""
    pieces: list[str] = []
    for part in _SENTENCE_END.split(block):
        if pieces and pieces[-1].lower().endswith(_ABBREVIATIONS):
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    return [p.strip() for p in pieces if p.strip()]


def _continues(current: str, line: str) -> bool:
    """Tell whether a line wraps the previous one rather than starting a new note."""
    stripped = line.strip()
    return (
        bool(current) and not current.endswith((".", "!", "?", ":", ";")) and stripped[:1].islower()
    )


def _blocks(notes: str) -> list[tuple[str, str]]:
    """Return (text, section) for each bullet, line or paragraph; wrapped lines are joined."""
    blocks: list[tuple[str, str]] = []
    section, current = "", ""
    for line in notes.splitlines():
        heading = _is_heading(line)
        plain = heading is None and line.strip() and not _BULLET.match(line)
        if plain and _continues(current, line):
            current = f"{current} {line.strip()}"
            continue
        if current:
            blocks.append((current, section))
        current = "" if heading is not None else _BULLET.sub("", line).strip()
        section = heading if heading is not None else section
    if current:
        blocks.append((current, section))
    return blocks


def parse_notes(notes: str) -> list[Sentence]:
    """Return the sentences of the notes in order, each with its heading."""
    return [
        Sentence(sentence, section)
        for block, section in _blocks(notes)
        for sentence in _split_sentences(" ".join(block.split()))
    ]


def words(text: str) -> list[str]:
    """Return the lower-case words of a text."""
    return re.findall(r"[a-z0-9][a-z0-9'\-]*", text.lower())
