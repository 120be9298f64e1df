"""Session items from a guideline or challenge file, for sessions about the relationship itself.

A topic file has hands-on exercises; a guideline ("giving feedback", "closing the relationship")
or a challenge ("power dynamics", "lack of time") has sections instead. Each section the pair can
use becomes one item: what the section says, and, where it lists options, the few closest to the
goals for the pair to choose from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.knowledge.models import Passage
from coach.models import AgendaItem
from coach.offline.topics import body
from coach.text import in_sentence, leading_sentences, mid_sentence, split_sentences, tokenize

# The challenge files share one template; these sections address coordinators reading notes,
# not the pair in a session.
_NOT_FOR_THE_PAIR = frozenset({"For coordinators", "How it sounds in session notes"})
# The template's own order (retrieval returns sections by id, not by their place in the file),
# and how each section reads as a session item.
_CHALLENGE_ITEMS = {
    "Signs": "{title}: which signs do we see?",
    "Why it happens": "{title}: why it happens",
    "Remedies": "{title}: choose a remedy to try",
}
_LIST_TEXT = re.compile(r"^\s*([-*]|\d+\.) .*$", re.MULTILINE)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LABEL = re.compile(r"^\s*[-*] \*\*(.+?)\*\*", re.MULTILINE)
# How a section's list reads after its lead: options to choose from, signs to look for, points.
_LIST_LEAD = {"Remedies": "Pick one to try", "Signs": "Look for"}


def _overlap(text: str, wanted: set[str]) -> int:
    return len(set(tokenize(text)) & wanted)


def _notes(heading: str, text: str, wanted: set[str]) -> str:
    """The section's prose, then up to three of its labelled points closest to the goals.

    Only "**Label**: text" items count as points (the knowledge base's convention for options);
    a list of other shapes (questions, numbered steps) stays in the prose as written.
    """
    labels = [m.group(1).rstrip(".:") for m in _LABEL.finditer(text)]
    if not labels:
        return leading_sentences(_BOLD.sub(r"\1", body(text)), 400)
    # The sentence that introduces the list ("...protect time for mentoring:") is replaced by it.
    prose = [
        s.text
        for s in split_sentences(" ".join(_LIST_TEXT.sub("", body(text)).split()))
        if not s.text.endswith(":")
    ]
    lead = leading_sentences(" ".join(prose), 220) if prose else ""
    ranked = sorted(labels, key=lambda o: -_overlap(o, wanted))[:3]
    listed = "; ".join(mid_sentence(o) for o in ranked)
    return f"{lead} {_LIST_LEAD.get(heading, 'Points to cover')}: {listed}.".strip()


def guide_items(chunks: Sequence[Passage], goals: list[str], topic: str) -> list[AgendaItem]:
    """Up to three items from one guideline or challenge file, most related to the goals first."""
    if not chunks:
        return []
    title = chunks[0].title
    wanted = set(tokenize(" ".join([topic, *goals])))
    usable = [
        c
        for c in chunks
        if c.heading not in _NOT_FOR_THE_PAIR and c.heading != title and body(c.text)
    ]
    if chunks[0].kind == "challenge":
        order = list(_CHALLENGE_ITEMS)
        usable = sorted(
            (c for c in usable if c.heading in _CHALLENGE_ITEMS),
            key=lambda c: order.index(c.heading),
        )
        heads = {c.id: _CHALLENGE_ITEMS[c.heading].format(title=title) for c in usable}
    else:
        usable = sorted(usable, key=lambda c: -_overlap(f"{c.heading} {c.text}", wanted))[:3]
        heads = {c.id: f"Talk it through: {in_sentence(c.heading)}" for c in usable}
    return [
        AgendaItem(
            title=heads[c.id],
            minutes=15,
            lead="both",
            notes=_notes(c.heading, c.text, wanted),
            sources=[c.id],
        )
        for c in usable
    ]
