"""Whether a clause judges the reader: a verdict needs a target and a negative reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.language import cues
from coach.language.nlp import valence
from coach.language.sentence import SELF, Finding, Sentence, negated

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_YOURS = frozenset({"you", "your", "ur", "u", "yours", "yourself"})
_WRITER = SELF | {"'s", "’s"}  # "let's" plans what the writer will do
# Clauses that hang from another one; a request's own content ("stop wasting ...") is its xcomp.
_NESTED = frozenset({"ccomp", "advcl", "xcomp", "relcl", "acl", "conj"})
_BACKGROUND = frozenset({"ccomp", "advcl"})
# VADER valence of a word that praises plainly ("clearly" 1.7, "useful" 1.9; "fresh" 1.3 is not).
PRAISE_WORD = 1.5
_WHEN = frozenset({"when", "while", "after", "before", "as", "once", "since", "until"})


def asks(aux: Token) -> bool:
    """A request's modal: "could we", "can you", "I'd like" (not "even I could tell")."""
    if aux.dep_ != "aux" or aux.lower_ not in ("could", "can", "would", "will", "'d", "’d"):
        return False
    subjects = [c for c in aux.head.children if c.dep_ == "nsubj"]
    inverted = any(s.lower_ in ("we", "you") and s.i > aux.i for s in subjects)
    return inverted or aux.head.lemma_ in ("like", "love", "prefer", "appreciate")


def experienced(tok: Token) -> bool:
    """A word said of the writer's own experience: "frustrating for me", "hardest part for us"."""
    # "for me" names who felt it; "to me" is left out, as it also names the target ("rude to me").
    owners = [tok, *(c for c in tok.children if c.dep_ == "amod")]
    # "it was hard for me to follow": the parser hangs "for me to ..." on the copula.
    after = [c for c in tok.head.children if c.dep_ == "advcl"] if tok.dep_ == "acomp" else []
    return any(w.pos_ == "ADJ" for w in owners) and any(
        c.dep_ in ("prep", "mark") and c.lower_ == "for" and _self_follows(c)
        for c in (*tok.children, *(m for a in after for m in a.children))
    )


def _self_follows(word: Token) -> bool:
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return any(t.lower_ in SELF for t in word.subtree) or (nxt is not None and nxt.lower_ in SELF)


def _clause_head(span: Span, start: int, end: int) -> Token | None:
    """The word a clause hangs from: the first in the range whose head lies outside it."""
    words = [t for t in span if start <= t.idx < end]
    return next((t for t in words if t.head == t or not start <= t.head.idx < end), None)


def _request(verb: Token) -> bool:
    """A verb that asks: "please ...", "could you ...", or a bare order with no subject."""
    bare = (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )
    return bare or any(asks(c) or c.lower_ == "please" for c in verb.children)


def _requested(head: Token) -> bool:
    """A clause said beside a request ("please say where things stand", "while it's fresh")."""
    return head.dep_ in _BACKGROUND and any(map(_request, head.ancestors))


def _own_words(head: Token) -> list[Token]:
    """A clause's words without the clauses hanging from it."""
    nested = {t.i for c in head.children if c.dep_ in _NESTED for t in c.subtree}
    return [t for t in head.subtree if t.i not in nested]


def _positive(words: list[Token]) -> bool:
    """Some praise word and no negative one ("you've clearly put a lot of work into it")."""
    # "feels like you're ...": VADER rates "like" as liking, here it only compares.
    rated = [valence(t.text) for t in words if t.lower_ != "like"]
    text = " ".join(t.text for t in words)
    slang = cues.SLANG.search(text) or cues.INSULT.search(text)  # "sick", "genius" turn either way
    return max(rated, default=0.0) >= PRAISE_WORD and min(rated, default=0.0) >= 0 and not slang


def unjudged(span: Span, finding: Finding) -> bool:
    """A clause found by meaning that judges no one: the writer's own, asked for, or praise.

    A judgement needs a target (the reader or their work) and a negative reading: a clause whose
    subject is the writer, one the writer feels ("for me"), a step beside a request that names
    no "you", or a clause with praise words and no negative one says nothing against the reader.
    """
    head = _clause_head(span, finding.start, finding.end)
    if head is None:
        return False
    clause = _own_words(head)
    inside = [t for t in span if finding.start <= t.idx < finding.end]
    yours = any(t.lower_ in _YOURS for t in clause)
    writer = [t for t in inside if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _WRITER]
    # "(you speak to me) like I'm a toddler": a likening of how the reader treats the writer.
    likened = any(c.dep_ == "mark" and c.lower_ in ("like", "if", "though") for c in head.children)
    writer = [] if likened else writer
    return (
        (bool(writer) and not any(t.lower_ in _YOURS for t in inside))
        or (not yours and any(map(experienced, head.subtree)))
        or (not yours and _requested(head))
        or (_positive(clause) and not negated(head))
    )


def _circumstance(span: Span, finding: Finding) -> bool:
    """A "when the printer broke" in thanks: the moment praised, not irony about the reader."""
    head = _clause_head(span, finding.start, finding.end)
    if head is None or head.dep_ != "advcl":
        return False
    marked = any(c.lower_ in _WHEN and c.dep_ in ("mark", "advmod") for c in head.children)
    return marked and not any(t.lower_ in _YOURS for t in head.subtree)


def drop_untargeted(sentences: list[Sentence]) -> None:
    """Clause findings (by meaning) that judge no one, and irony read into a praised moment."""
    for sentence in sentences:
        span = sentence.span
        sentence.findings = [
            f
            for f in sentence.findings
            if not f.whole
            or not (
                (f.category in ("judgement", "vague") and unjudged(span, f))
                or (f.category == "sarcasm" and sentence.praise and _circumstance(span, f))
            )
        ]
