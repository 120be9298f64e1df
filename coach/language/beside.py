"""Verdicts beside the clause: a stereotype in a side phrase, a tacked-on verdict, a motive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.language.edits import Edit, token_at
from coach.language.sentence import Finding, Sentence, overlaps
from coach.language.verdicts import DISCOURSE, tacked_on

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Dependents that hang a noun phrase beside the clause (", typical boomer") rather than in it.
_SIDE = frozenset({"appos", "npadvmod", "dep"})
_CORE = frozenset({"ROOT", "nsubj", "nsubjpass", "dobj", "attr", "acomp", "ccomp", "xcomp"})


def set_off(span: Span, tok: Token) -> list[Token]:
    """A noun phrase a comma sets off at the end of the sentence (", typical boomer"), or []."""
    while tok.dep_ in ("amod", "compound") and tok.head.i != tok.i:
        tok = tok.head
    words = [t for t in span if not t.is_punct]
    edge = next(t for t in tok.subtree if not t.is_punct)
    if tok.pos_ not in ("NOUN", "PROPN") or not words or tok.right_edge.i < words[-1].i:
        return []
    before = tok.doc[edge.i - 1] if edge.i > span.start else None
    if before is None or before.text != ",":
        return []
    # Whatever the parser calls it ("keep talking over me, typical X" as a predicate).
    return [before, *(t for t in span if edge.i <= t.i <= words[-1].i)]


def _side_phrase(span: Span, finding: Finding) -> list[Token]:
    """The side phrase a stereotype sits in, with its comma; [] when it is part of the clause."""
    tok: Token | None = next((t for t in reversed(span) if t.idx < finding.end), None)
    if tok is not None and set_off(span, tok):
        return set_off(span, tok)
    # A bare noun the parser takes for a clause ("Typical millennial, you ...") hangs beside too.
    while tok is not None and not (
        tok.dep_ in _SIDE or (tok.dep_ == "advcl" and tok.pos_ in ("NOUN", "PROPN"))
    ):
        if tok.dep_ in _CORE or tok.head.i == tok.i:
            return []
        tok = tok.head
    if tok is None or tok.head.dep_ in ("nsubj", "nsubjpass"):
        return []  # "You young ones all want ...": the label is the subject, not beside it
    phrase = sorted({*tok.subtree, *(t for t in span if finding.start <= t.idx < finding.end)})
    before = tok.doc[phrase[0].i - 1] if phrase[0].i > span.start else None
    return ([before] if before is not None and before.is_punct else []) + phrase


def beside(
    sentence: Sentence, findings: list[Finding]
) -> tuple[list[Edit], list[str], list[Finding]]:
    """Cut verdicts beside the clause, which stays as the behaviour; the words impacts answer."""
    # A stereotype (", typical boomer") has no impact; ", very unprofessional" becomes the impact.
    edits: list[Edit] = []
    judged: list[str] = []
    for f in [f for f in findings if f.category == "stereotype"]:
        side = _side_phrase(sentence.span, f)
        if side:
            edits.extend((t.idx, t.idx + len(t.text), "") for t in side)
            findings = [g for g in findings if g is not f]
    for f in [f for f in findings if f.category in ("judgement", "personal_label")]:
        tok = token_at(sentence, f.end - 1)
        if tok is not None and tacked_on(tok) and f.start > sentence.span.start_char:
            comma = sentence.span.doc.text.rfind(",", sentence.span.start_char, f.start)
            edits.append((comma if comma >= 0 else f.start, _fillers_after(sentence, f.end), ""))
            findings = [g for g in findings if not overlaps(g, f.start, f.end)]
            judged.append(f.judged)
    for f in [f for f in findings if f.category == "assumed_intent" and not f.whole]:
        side = _motive(sentence, f)
        if side:
            edits.extend((t.idx, t.idx + len(t.text), "") for t in side)
            findings = [g for g in findings if g is not f]
            if not judged:  # one motive, one impact: "clearly only ... to look good" is one
                judged.append(f.judged or sentence.span.doc.text[f.start : f.end])
    return edits, judged, findings


def _fillers_after(sentence: Sentence, end: int) -> int:
    """The end of the discourse fillers trailing a verdict (", pretty rude tbh")."""
    for tok in sentence.span:
        if tok.idx < end or tok.is_punct:
            continue
        if tok.lower_ not in DISCOURSE:
            break
        end = tok.idx + len(tok)
    return end


_MOTIVE_DEPS = frozenset({"advmod", "advcl", "xcomp", "npadvmod", "prep"})


def _motive(sentence: Sentence, finding: Finding) -> list[Token]:
    """A motive read into an action ("clearly", "to look good"), cut so the action stays."""
    inside = [t for t in sentence.span if finding.start <= t.idx < finding.end]
    tops = [t for t in inside if not finding.start <= t.head.idx < finding.end]
    if (
        not inside
        or not tops
        or any(
            t.dep_ not in _MOTIVE_DEPS or t.head.pos_ != "VERB" or t.head.lemma_ in MINDS
            for t in tops
        )
    ):
        return []
    # Where it happened ("in your review") stays with the action; only the motive goes.
    kept = {
        w.i
        for t in tops
        for c in t.subtree
        if c.dep_ == "prep" and c not in inside
        for w in c.subtree
    }
    return sorted({w for t in tops for w in t.subtree if w.i not in kept}, key=lambda t: t.i)


# Verbs whose object is the mind-reading itself ("you want to look good"): the clause goes whole.
MINDS = frozenset({"want", "try", "care", "like", "love", "need", "think", "mean", "enjoy"})
