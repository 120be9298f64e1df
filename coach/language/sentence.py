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
    "honest honestly frankly pretty like well ok okay sure please kind super real really"
    " clearly".split()
)


@dataclass(frozen=True)
class Finding:
    """One problem at one place: category, character span, the judged words and their target."""

    category: IssueCategory
    start: int
    end: int
    judged: str = ""
    topic: str = ""
    whole: bool = False  # a clause judged by meaning: no single word in it is the verdict


def overlaps(f: Finding, start: int, end: int) -> bool:
    """Whether a finding shares a character with the range."""
    return f.start < end and start < f.end


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


_SPEECH = frozenset({"say", "call", "tell", "write", "claim", "describe"})
_VALUE = frozenset({"value", "appreciate", "admire", "respect"})


def reported(span: Span) -> list[tuple[int, int]]:
    """Character ranges of what another person is reported to have said, as for quotations."""
    # "you said my idea was naive": the writer reports the word, not passes it as a verdict.
    out = []
    for tok in span:
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        mine = subjects[0].lower_ in SELF
        # What the writer says they value ("I value how honest you are about what isn't working")
        # is praise of it, whatever words describe it.
        if (tok.lemma_ in _SPEECH and not mine) or (tok.lemma_ in _VALUE and mine):
            deps = ("ccomp", "oprd", "xcomp") + (("dobj",) if mine else ())
        else:
            continue
        for child in tok.children:
            if child.dep_ in deps:
                sub = list(child.subtree)
                # A comment tacked on after it (", which, sure, very inclusive") is the writer's.
                cut = next((t for t in sub if t.i > child.i and t.lower_ in (",", "which")), None)
                end = sub[-1] if cut is None else tok.doc[cut.i - 1]
                out.append((sub[0].idx, end.idx + len(end)))
    return out


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))


# What praise is set against in irony: a delay, a repeat, a grudging "finally", a "not".
_LATE = frozenset(
    "late again finally eventually overdue later over behind third fourth fifth umpteenth".split()
)
_TIME = frozenset(
    {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months"}
)
CONTRAST = frozenset({"but", "though", "although", "however", "yet", "while"})
_OPENERS = frozenset({"oh", "wow", "sure", "gee", "yeah", "ah", "ooh", "cool"})


def ironic(span: Span) -> bool:
    """Praise set against a contrary fact in one breath: "Great job, only three weeks late."

    Each sign alone is common in sincere praise ("thanks for staying late to help"); two
    together, with no "but" marking a real contrast, are how praise is turned into a complaint.
    """
    words = [t for t in span if not t.is_punct]
    if not words or any(t.lower_ in CONTRAST for t in words) or not any(map(praises, words)):
        return False
    low = [t.lower_ for t in words]
    if low[-1] == "not" or "for nothing" in span.text.lower():
        return True
    if "wait" in low and any(t.dep_ == "neg" for t in words):
        return True  # "oh wait, you didn't"
    late = sum(w in _LATE for w in low) + ("for once" in span.text.lower())
    timed = (
        late > 0
        and any(t.like_num or t.lower_ in ("an", "a", "whole") for t in words)
        and any(w in _TIME for w in low)
    )
    signs = [
        late > 0,
        late > 1 or timed,
        "only" in low or "even" in low,
        low[0] in _OPENERS,
        any(t.pos_ == "VERB" and valence(t.text) <= -1.5 for t in words),  # "managed to crash it"
    ]
    return sum(signs) >= 2


_NONE = frozenset({"nothing", "nobody", "empty", "none", "zero", "no", "never"})


def contrary(span: Span) -> bool:
    """A sign that praise may be ironic: an emptiness, a delay or a negative word."""
    return any(
        t.lower_ in _NONE or t.lower_ in _LATE or (valence(t.text) <= -1.0 and not intensifier(t))
        for t in span
    )


def intensifier(tok: Token) -> bool:
    """An adverb VADER rates negative that only grades a praise word ("wickedly clever")."""
    head = tok.head
    return (
        tok.dep_ == "advmod"
        and head.pos_ in ("ADJ", "ADV")
        and valence(head.text) >= POSITIVE_VALENCE
        and not negated(head)
    )


def sincere_praise(span: Span) -> bool:
    """Praise meant as praise: a praise word, and no sarcasm cue or irony around it."""
    from coach.language.cues import SARCASM

    words = any(praises(t) and not negated(t) for t in span)
    return words and not SARCASM.search(span.text) and not ironic(span)


def praises(tok: Token) -> bool:
    """A positive word used as praise, not as an intensifier or a discourse marker."""
    if tok.lower_ in _NOT_PRAISE or valence(tok.text) < POSITIVE_VALENCE:
        return False
    return tok.pos_ in _PRAISE_POS or tok.lemma_ in _PRAISE_VERBS
