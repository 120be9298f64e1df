"""Cut a sentence of session notes into the clauses that may each hold someone's work.

A clause of work of its own starts after a join ("and", ";", ",") when someone commits in
it, or inside brackets ("Oliver to share it (Margaret will ask him on Monday)"): what the
aside says is the aside's own work, and it moves no owner in the clause around it.
"""

from __future__ import annotations

import re
from typing import Protocol

from coach.offline.action_cues import (
    BINDING_TO,
    MODAL,
    SPLIT,
    WORK_HEADING,
    named_first,
    outsider_commits,
    subject_known,
)
from coach.offline.notes import Sentence, is_action_heading
from coach.offline.people import People, lead_group_end
from coach.privacy.parses import parsed

ASIDE = re.compile(r"\s*\(([^()]{3,})\)")
_THAT = re.compile(r"that\s+", re.IGNORECASE)


class ClauseReader(Protocol):
    """What the splitter needs of the action reader: the people, and who commits."""

    people: People

    def opens_commitment(self, text: str) -> bool:
        """Tell whether a text opens with someone committing."""
        ...


def listed(section: str) -> bool:
    """Tell whether a heading introduces work: "Next steps", "Katie will:", "Mentor to:"."""
    return is_action_heading(section) or bool(WORK_HEADING.search(section))


def modal_in(text: str, people: People) -> bool:
    """Tell whether a text holds a modal that is not a name: "Will and Grace" holds none."""
    names = [m for m in people.find(text) if m.who in ("mentor", "mentee", "other")]
    return any(
        not any(n.start <= cue.start() < n.end for n in names) for cue in MODAL.finditer(text)
    )


def holds_clause(text: str) -> bool:
    """Tell whether bracketed words have a subject: "(legal said so)" does, "(Katie)" not."""
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in parsed(text))


def without_asides(text: str) -> str:
    """The text without the bracketed asides that are clauses of their own."""
    out = ASIDE.sub(lambda m: " " if holds_clause(m.group(1)) else m.group(0), text)
    return " ".join(out.split())


def _own_work(text: str, reader: ClauseReader) -> tuple[str, list[str]]:
    """Take out of a text the asides in which someone commits: they are clauses of their own."""
    found = [m for m in ASIDE.finditer(text) if reader.opens_commitment(m.group(1).strip())]
    for match in reversed(found):
        text = text[: match.start()] + text[match.end() :]
    return text, [m.group(1).strip() for m in found]


def _bracketed(text: str, at: int) -> bool:
    """Tell whether a position sits inside brackets: a join there is inside an aside."""
    return text.count("(", 0, at) > text.count(")", 0, at)


def split_clauses(sentence: Sentence, reader: ClauseReader) -> list[str]:
    """Split "Katie will post, and Priya will send the sheet" into one clause per owner.

    Two more joins hold a clause of work of its own: a semicolon before someone's commitment
    ("Daniel said his PA posts for him; Grace will keep scheduling them"), and a binding verb
    sharing the first clause's subject ("He drafted a post and decided to publish it on
    Thursday"), which is read with that subject put back ("He decided to publish it ...").
    """
    text, asides = _own_work(sentence.text, reader)
    parts: list[str] = []
    start = 0
    is_listed = listed(sentence.section)
    subject = ""
    for split in SPLIT.finditer(text):
        if _bracketed(text, split.start()):
            continue
        left, right = text[start : split.start()], text[split.end() :]
        # "She said she'd book it and that I would send the slides": the "that" after the join
        # opens a second reported clause; the work in it starts after the "that".
        that = _THAT.match(right)
        right = right[that.end() :] if that else right
        semicolon = ";" in split.group()
        shared = not semicolon and BINDING_TO.match(right)
        if (
            (is_listed and semicolon)
            or (semicolon and named_first(right, reader.people) and reader.opens_commitment(right))
            or (
                reader.opens_commitment(right)
                and (modal_in(left, reader.people) or re.search(r"\bto\s", left))
            )
            or outsider_commits(right, reader.people)
            or (
                shared
                and subject_known(left, reader.people)
                and (lead := lead_group_end(left, reader.people.find(left)))
            )
        ):
            parts.append(subject + left)
            subject = left[:lead].strip() + " " if shared else ""
            start = split.end() + (that.end() if that else 0)
    parts.append(subject + text[start:])
    return [p.strip() for p in [*parts, *asides] if p.strip()]
