"""Split free-form session notes into sentences, remembering which heading each sits under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.offline.vocab import ACTION_HEADING
from coach.text import split_loose

_BULLET = re.compile(
    r"^\s*(?:(?:[-*•·–—+▪◦>→]|->|\d{1,2}[.)])\s+(?:\[[ xX✓]?\]\s*)?|\[[ xX✓]?\]\s*)"
)
# Markdown decoration around a heading: "## Actions", "**Next steps:**", "__Todo__".
_DECORATION = re.compile(r"^[#*_\s]+|[*_\s]+$")
_HEADING_END = re.compile(r"\s*(?::|\s[-–—]|[-–—]{2})\s*$")
# "Next steps: Katie will post" or "Actions - Priya to send": an action heading inline.
_INLINE_HEADING = re.compile(r"^\s*(?P<head>[^:.!?;]{2,40}?)\s*(?::|\s[-–—])\s+(?P<rest>\S.*)$")
MAX_HEADING_WORDS = 6
WRAP_WIDTH = 50


@dataclass(frozen=True)
class Sentence:
    """One sentence or bullet of the notes and the heading above it (lower case, or '')."""

    text: str
    section: str = ""
    # The notes' first line standing alone above a blank line: "Session 3 with Kim - 4 May".
    title: bool = False


_GOAL_HEADING = re.compile(r"^\W*(?:(?:my|our|the)\s+)?(?:goals?|aims?|objectives?)\b", re.I)


def is_action_heading(heading: str) -> bool:
    """Tell whether a heading announces work to do ("Next steps", "Katie's homework")."""
    # "Goal we agreed:" states where the pair wants to get, not who will do what.
    if _GOAL_HEADING.match(heading):
        return False
    return bool(heading) and ACTION_HEADING.search(heading) is not None


def _is_heading(line: str) -> str | None:
    """Return the heading text if a line is a short title like "Next steps:" or "## Actions"."""
    stripped = _BULLET.sub("", line).strip()
    bare = _HEADING_END.sub("", _DECORATION.sub("", stripped)).strip()
    if not bare or len(bare.split()) > MAX_HEADING_WORDS or bare[-1] in ".!?,;":
        return None
    marked = (
        _HEADING_END.search(stripped) is not None
        or stripped.startswith("#")
        or (stripped.startswith(("**", "__")) and stripped.endswith(("**", "__")))
        or (bare.isupper() and len(bare) > 2)
    )
    # A lone "todo" or "Actions" line is a heading even without a colon.
    if marked or (line.strip() == stripped and is_action_heading(bare)):
        return bare.lower()
    return None


def _continues(current: str, previous: str, line: str) -> bool:
    """Tell whether a line wraps the previous one rather than starting a new note."""
    stripped = line.strip()
    if not current or current.endswith((".", "!", "?", ":", ";")) or not stripped[:1].islower():
        return False
    # An indented line continues its bullet; a short line before it was a list item, not a wrap.
    return line[:1].isspace() or len(previous.strip()) >= WRAP_WIDTH


def _blocks(notes: str) -> list[tuple[str, str]]:
    """Return (text, section) for each bullet, line or paragraph; wrapped lines are joined."""
    blocks: list[tuple[str, str]] = []
    section, current, blank, filled, previous = "", "", False, False, ""
    for line in notes.splitlines():
        heading = _is_heading(line)
        plain = heading is None and line.strip() and not _BULLET.match(line)
        if plain and _continues(current, previous, line):
            current, previous = f"{current} {line.strip()}", line
            continue
        previous = line
        if current:
            blocks.append((current, section))
            filled = True
        # A new paragraph after a blank line leaves the list the heading introduced.
        if plain and blank and filled:
            section = ""
        if heading is not None:
            section, filled = heading, False
        current = "" if heading is not None else _BULLET.sub("", line).strip()
        blank = not line.strip()
    if current:
        blocks.append((current, section))
    return blocks


# "Next time: look at her notes": what to pick up next session, not work with a due date.
NEXT_TIME_HEADING = re.compile(r"^next\s+(?:time|session|meeting|call)$", re.IGNORECASE)


# "Next: Katie will post", "Plan: ..." : a one-word label says nothing of who does what, so it
# is taken off the sentence but does not make the rest of the block a list of actions.
_LABEL = re.compile(r"^(?:next|plan|then|after\s+that)$", re.IGNORECASE)


def _inline_heading(sentence: str, section: str) -> tuple[str, str] | None:
    """Split "Next steps: Katie will post" into ("next steps", "Katie will post")."""
    match = _INLINE_HEADING.match(sentence)
    if match and len(match["head"].split()) <= MAX_HEADING_WORDS:
        head = _DECORATION.sub("", match["head"]).strip()
        if is_action_heading(head) or NEXT_TIME_HEADING.match(head):
            return head.lower(), match["rest"].strip()
        if _LABEL.match(head):
            return section, match["rest"].strip()
    return None


def _sentences_of(block: str, section: str) -> list[Sentence]:
    """Return a block's sentences; an inline action heading governs the rest of the block."""
    result: list[Sentence] = []
    for text in (s.text for s in split_loose(" ".join(block.split()))):
        inline = _inline_heading(text, section)
        if inline:
            section, text = inline
        result.append(Sentence(text, section))
    return result


def parse_notes(notes: str) -> list[Sentence]:
    """Return the sentences of the notes in order, each with its heading."""
    sentences = [s for block, section in _blocks(notes) for s in _sentences_of(block, section)]
    lines = notes.strip().splitlines()
    first = lines[0].strip() if lines else ""
    # A first line on its own, not a bullet, with a blank line under it titles the notes.
    if len(lines) > 1 and not lines[1].strip() and not _BULLET.match(first) and sentences:
        titled = [s for s in sentences if s.text in first and not s.section]
        sentences = [
            Sentence(s.text, s.section, title=True) if s in titled else s for s in sentences
        ]
    return sentences
