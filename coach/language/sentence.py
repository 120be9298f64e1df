"""One analysed sentence, its findings, and the praise and quotation cues they depend on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from coach.language.nlp import valence
from coach.models import IssueCategory

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Tone = Literal["praise", "critical", "mixed", "neutral"]
SELF = frozenset({"i", "we", "me", "us"})
POSITIVE_VALENCE = 1.5
_PRAISE_POS = frozenset({"ADJ", "ADV", "INTJ", "NOUN"})
_PRAISE_VERBS = frozenset({"thank", "appreciate", "love", "enjoy", "impress", "admire", "praise"})
QUOTE = re.compile(r"(?<!\w)['‘\"“]((?:[^'’\"”\n]|(?<=\w)['’](?=\w)){1,80})['’\"”](?!\w)")
# Discourse words VADER scores as positive ("to be honest", "pretty rude") that praise nothing.
_NOT_PRAISE = frozenset(
    {
        "honest",
        "honestly",
        "frankly",
        "pretty",
        "like",
        "well",
        "ok",
        "okay",
        "sure",
        "please",
        "kind",
        "super",
        "real",
        "really",
        "clearly",
    }
)


@dataclass(frozen=True)
class Finding:
    """One problem at one place: category, character span, the judged words and their target."""

    category: IssueCategory
    start: int
    end: int
    judged: str = ""
    topic: str = ""


@dataclass
class Sentence:
    """A sentence of the parse with what was found in it."""

    span: Span
    findings: list[Finding] = field(default_factory=list)
    tone: Tone = "neutral"
    injected: bool = False
    praise: bool = False

    @property
    def text(self) -> str:
        """The sentence as written."""
        return self.span.text


def quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech: what someone said is reported, not the writer's view."""
    return [m.span() for m in QUOTE.finditer(text)]


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))


def praise_words(span: Span) -> bool:
    """Whether a span holds a sincere-looking praise word (VADER positive, not negated)."""
    return any(praises(t) and not negated(t) for t in span)


def praises(tok: Token) -> bool:
    """A positive word used as praise, not as an intensifier or a discourse marker."""
    if tok.lower_ in _NOT_PRAISE or valence(tok.text) < POSITIVE_VALENCE:
        return False
    return tok.pos_ in _PRAISE_POS or tok.lemma_ in _PRAISE_VERBS
