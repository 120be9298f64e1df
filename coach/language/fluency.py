"""Sentence-level fluency: fragments, capitals after commas, doubled words, agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.language.nlp import finite, parse

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i", "these", "those"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "this", "that", "everyone", "nobody", "someone"})
# "that that" and "had had" are grammatical repeats.
_SINGLE_DET = frozenset({"a", "an", "each", "every", "this", "that"})
_REPEATABLE = frozenset({"that", "had", "is"})


def _fragment(sent: Span) -> bool:
    """No verb at all, once a bracketed slot for the writer is set aside."""
    words = [t for t in sent if t.is_alpha]
    if not words or "[" in sent.text:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _disagrees(subject: Token) -> bool:
    """A plural subject with "-s", or a plainly singular one without it."""
    verb = finite(subject.head)
    low = subject.lower_
    if verb.tag_ == "VBZ":
        return subject.tag_ == "NNS" or low in _PLURAL_PRONOUNS
    if verb.tag_ == "VBP":
        single = any(c.lower_ in _SINGLE_DET for c in subject.children)
        return low in _SINGULAR_PRONOUNS or (subject.tag_ == "NN" and single)
    return False


def fluency_problems(text: str, original: str = "") -> list[str]:
    """Every fluency problem the rewrite brought in; sentences kept verbatim are the writer's."""
    doc = parse(text)
    problems: list[str] = []
    for sent in doc.sents:
        if original and sent.text.strip() in original:
            continue
        if _fragment(sent):
            problems.append(f"Fragment: '{sent.text.strip()}'.")
        for tok in sent:
            prev = doc[tok.i - 1] if tok.i > sent.start else None
            if prev is None:
                continue
            capital = tok.text[:1].isupper() and tok.text != "I" and not tok.text.isupper()
            if prev.text == "," and capital and tok.pos_ != "PROPN":
                problems.append(f"Capital after a comma: '{prev.text} {tok.text}'.")
            if tok.is_alpha and tok.lower_ == prev.lower_ and tok.lower_ not in _REPEATABLE:
                problems.append(f"Doubled word: '{prev.text} {tok.text}'.")
            if tok.dep_ == "nsubj" and _disagrees(tok):
                problems.append(f"Agreement: '{tok.text} ... {tok.head.text}'.")
    return problems
