"""Reads a topic file's sections (objectives, exercises, question bank ...) from its chunks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.knowledge.documents import bullets
from coach.knowledge.models import Chunk, Passage

_MINUTES = re.compile(r"\((\d{1,3})\s*min\)\s*$")
_HEADING = re.compile(r"^#{1,6} .*$", re.MULTILINE)


@dataclass(frozen=True)
class Sourced:
    """A piece of text and the chunk id it came from (for a bank's question, who asks it)."""

    text: str
    source: str
    asker: str = ""


@dataclass(frozen=True)
class Exercise:
    """A hands-on exercise: name, nominal minutes, what the pair does."""

    name: str
    minutes: int
    text: str
    source: str


@dataclass
class TopicMaterial:
    """What the offline engine can build a session from."""

    doc_id: str
    title: str
    objectives: list[Sourced] = field(default_factory=list)
    concepts: list[Sourced] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    # The question bank by who asks: the mentor asks the mentee, or the mentee asks the mentor.
    questions: list[Sourced] = field(default_factory=list)
    mentee_questions: list[Sourced] = field(default_factory=list)
    pitfalls: list[Sourced] = field(default_factory=list)

    def questions_for(self, audience: str) -> list[Sourced]:
        """The bank's questions for whoever answers them ("both": the two lists interleaved)."""
        if audience == "mentee":
            return list(self.questions)
        if audience == "mentor":
            return list(self.mentee_questions)
        return interleave(self.questions, self.mentee_questions)


def interleave(first: Sequence[Sourced], second: Sequence[Sourced]) -> list[Sourced]:
    """One from each list in turn, then the rest of the longer one."""
    merged = [q for pair in zip(first, second, strict=False) for q in pair]
    return merged + list(first[len(second) :]) + list(second[len(first) :])


def asker_for(audience: str) -> str | None:
    """Who asks the questions an audience answers; None for "both"."""
    return {"mentee": "mentor", "mentor": "mentee"}.get(audience)


def asked_by(heading: str) -> str:
    """Who asks a question bank's questions, from its heading ("... the mentee asks ...")."""
    return "mentee" if "mentee asks" in heading.lower() else "mentor"


def body(text: str) -> str:
    """A section's text without its heading lines."""
    return _HEADING.sub("", text).strip()


def _section(material: TopicMaterial, chunk: Chunk | Passage) -> None:
    top, _, sub = chunk.heading.partition(" > ")
    items = [Sourced(b, chunk.id) for b in bullets(chunk.text)]
    if top == "Learning objectives":
        material.objectives += items
    elif top == "Key concepts":
        material.concepts += items
    elif top == "Question bank":
        asker = asked_by(sub)
        asked = [Sourced(q.text, q.source, asker) for q in items if q.text.endswith("?")]
        if asker == "mentee":
            material.mentee_questions += asked
        else:
            material.questions += asked
    elif top == "Common pitfalls":
        material.pitfalls += items
    elif top == "Hands-on exercises" and sub:
        found = _MINUTES.search(sub)
        name = _MINUTES.sub("", sub).strip()
        minutes = int(found.group(1)) if found else 15
        material.exercises.append(Exercise(name, minutes, body(chunk.text), chunk.id))


def read_topic(chunks: Sequence[Chunk | Passage]) -> TopicMaterial | None:
    """Parse the chunks of one topic file; None when they are not a topic."""
    if not chunks or chunks[0].kind != "topic":
        return None
    material = TopicMaterial(doc_id=chunks[0].doc_id, title=chunks[0].title)
    for chunk in sorted(chunks, key=lambda c: c.id):
        _section(material, chunk)
    return material
