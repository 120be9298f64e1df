"""What a clause's main verb says about it, read from a spaCy dependency parse."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from coach.privacy.engine import nlp

# Verbs that report what someone said or thought: "Anil said people should come in".
REPORTING = frozenset(
    "say tell think joke mention admit point laugh suggest reckon feel believe claim argue "
    "complain worry wonder note explain warn add reply answer insist grumble tease".split()
)
# Past-tense verbs that still bind their subject to future work: "Kate agreed to try".
BINDING = frozenset("agree promise commit volunteer offer decide plan pledge".split())
_MODALS = frozenset("will shall 'll ’ll must should".split())
Reading = Literal["reported", "past", "main"]


@lru_cache(maxsize=1024)
def read_clause(text: str) -> Reading:
    """Say whether a clause reports speech, tells what happened, or states work to do."""
    doc = nlp()(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return "main"
    children = list(root.children)
    if root.lemma_.lower() in REPORTING and any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return "reported"
    modal = any(c.dep_ == "aux" and c.text.lower() in _MODALS for c in children)
    if root.tag_ == "VBD" and not modal and root.lemma_.lower() not in BINDING:
        return "past"
    return "main"
