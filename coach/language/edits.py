"""Edits within a sentence: absolutes to frequencies, orders to requests, hedges dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from coach.language import cues
from coach.language.clauses import clause_tokens, order_verb
from coach.language.nlp import finite, gerund, plural_noun, plural_verb
from coach.language.sentence import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Role = Literal["behavior", "impact", "request", "praise", "context"]
Edit = tuple[int, int, str]
_LEADING = re.compile(r"^(?:\s|[,;:.!?…—–-]|\b(?:and|but|so|which|or|then|because)\b)+", re.I)
_TRAILING = re.compile(r"(?:\s|[,;:—–-]|\b(?:and|but|so|or|which|because)\b)+$", re.I)
_DOUBLED = re.compile(r"\b(\w+)(\s+\1\b)+", re.I)


@dataclass(frozen=True)
class Piece:
    """One sentence of the rewrite and its part in situation-behavior-impact-request."""

    text: str
    role: Role


def tidy(text: str) -> str:
    """Whitespace, punctuation, doubled words and the first capital put right."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]\s*([.!?])", r"\1", text)
    text = _DOUBLED.sub(r"\1", text)
    text = re.sub(r"(?<=\s)['‘’](?=[\s.,!?]|$)|^['‘’]\s", "", text)
    text = _LEADING.sub("", text)
    asks = re.match(
        r"^\W*(?:could|can|would|will|is|are|do|does|did|should) (?:you|we|it|I)\b",
        _LEADING.sub("", re.split(r"(?<=[.!?])\s+", text)[-1]),  # the last sentence's mark
        re.I,
    )
    end = "?" if text.rstrip().endswith("?") or asks else "."
    text = _TRAILING.sub("", text.rstrip(" .!?…"))
    if not text:
        return ""
    return text[0].upper() + text[1:] + end


def apply(text: str, base: int, edits: list[Edit]) -> str:
    """Apply non-overlapping character edits (offsets into the document) to a sentence."""
    # A word inside a deleted clause is not replaced: "never" -> "rarely" in a clause that goes
    # would leave "Rarely, so I doubt ..." behind.
    gone = [(s, e) for s, e, new in edits if not new and e > s]
    edits = [
        (s, e, new)
        for s, e, new in edits
        if not (new and e > s and any(a < e and s < b for a, b in gone))
    ]
    out, cursor = [], base
    for start, end, new in sorted(edits):
        if start < cursor:
            if new or end <= cursor:
                continue
            start = cursor  # a deletion reaching past an earlier edit still deletes the rest
        out.append(text[cursor - base : start - base])
        out.append(new)
        cursor = end
    out.append(text[cursor - base :])
    return "".join(out)


def token_at(sentence: Sentence, pos: int) -> Token | None:
    return next((t for t in sentence.span if t.idx <= pos < t.idx + len(t)), None)


def absolute_edits(sentence: Sentence) -> list[Edit]:
    """Absolutes become frequencies, with the noun and verb made to agree."""
    edits: list[Edit] = []
    spots = [f for f in sentence.findings if f.category == "absolute"]
    for f in spots:
        word = sentence.span.doc.text[f.start : f.end].lower()
        new = cues.ABSOLUTES.get(word, "often")
        edits.append((f.start, f.end, new))
        tok = token_at(sentence, f.end - 1)
        if tok is None:
            continue
        if new.endswith("most") and tok.i + 1 < len(tok.doc):
            # The noun "every" determines, past a compound ("every stand-up" -> "stand-ups").
            noun = tok.head if tok.dep_ == "det" and tok.head.i > tok.i else tok.doc[tok.i + 1]
            edits.append((noun.idx, noun.idx + len(noun), plural_noun(noun)))
            # "in every single meeting" -> "in most meetings": "single" only stressed "every".
            between = tok.doc[tok.i + 1 : noun.i]
            edits += [
                (t.idx, t.idx + len(t.text_with_ws), "") for t in between if t.lower_ == "single"
            ]
            tok = noun
        if new in ("most", "some people") and tok.dep_ == "nsubj":
            verb = finite(tok.head)
            edits.append((verb.idx, verb.idx + len(verb), plural_verb(verb)))
        if new == "not everyone" and tok.dep_ == "nsubj":
            # "nobody gets anything" -> "not everyone gets much"; the " ever" goes with its space.
            words = [t for t in tok.head.subtree if t.lower_ in _NEGATIVE_ONLY]
            edits += [
                (t.idx - (t.lower_ == "ever"), t.idx + len(t), _NEGATIVE_ONLY[t.lower_])
                for t in words
            ]
    return edits


# Words only a negative licenses: a closed class of English grammar, so listed.
_NEGATIVE_ONLY = {"anything": "much", "ever": ""}


def request_edits(sentence: Sentence) -> list[Edit]:
    """A bare order becomes a question: "Stop X-ing" -> "Could you avoid X-ing?"."""
    span = sentence.span
    verb = order_verb(span)
    if verb is None:
        return []
    negated = any(
        t.dep_ == "neg" or t.lower_ in ("don't", "never") for t in span[: verb.i - span.start + 1]
    )
    after = [t for t in span[verb.i - span.start + 1 :] if not t.is_punct]
    if verb.lower_ in ("stop", "quit") and not after:
        # "Just stop." names nothing to avoid: ask for the conversation instead.
        lead = "Could we talk about what would work better"
    elif verb.lower_ in ("stop", "quit"):
        lead = "Could you avoid"
    elif negated:
        lead = f"Could you avoid {gerund(verb)}"
    else:
        lead = f"Could you {verb.lower_}"
    edits: list[Edit] = [(span[0].idx, verb.idx + len(verb), lead)]
    for conj in verb.conjuncts:
        if conj.lower_ in ("stop", "quit"):
            edits.append((conj.idx, conj.idx + len(conj), "avoid"))
    for tok in span[verb.i - span.start + 1 :]:
        # "Don't ever ... again": the words before the verb went with the opening already.
        if tok.lower_ in ("ever", "again") and tok.head.i == verb.i and negated:
            edits.append((tok.idx - 1, tok.idx + len(tok), ""))
    last = span[-1]
    stop = last.idx + len(last)
    end = last.idx if last.is_punct else stop
    aside = _aside(span, verb)
    if not aside:
        return [*edits, (end, stop, "?")]
    comma, first = aside[0], aside[1]
    if all(t.pos_ in ("ADV", "INTJ") for t in aside[1:]):  # ", seriously": a tone, not a point
        return [*edits, (comma.idx, stop, "?")]
    # ", I get it" is a sentence of its own: "Could you avoid ...? I get it." (never ", I get it?")
    word = first.text if first.text == "I" or first.pos_ == "PROPN" else first.text.capitalize()
    return [*edits, (comma.idx, first.idx + len(first), f"? {word}"), (end, stop, ".")]


def _aside(span: Span, verb: Token) -> list[Token]:
    """What follows the order's last comma when none of it is the order's ("..., I get it")."""
    words = [t for t in span if not (t.is_punct and t.i == span.end - 1)]
    comma = next((t for t in reversed(words) if t.text == "," and t.i > verb.i), None)
    if comma is None or comma.i + 1 >= span.end - (1 if span[-1].is_punct else 0):
        return []
    tail = words[comma.i - span.start :]
    if any(t.lower_ in ("please", "if", "so", "and", "or", "but") for t in tail[1:2]):
        return []  # ", please" and a joined clause belong to the request
    if any(t.dep_ in ("dobj", "pobj", "prep") and t.head.i in range(verb.i, comma.i) for t in tail):
        return []
    return tail


def request_piece(sentence: Sentence, deleted: list[Edit], edits: list[Edit]) -> list[Piece]:
    """The order's own clause as a request, when a verdict elsewhere rebuilds the sentence."""
    verb = order_verb(sentence.span)
    if verb is None:
        return []
    own = next((own for head, own in clause_tokens(sentence.span) if head.i == verb.i), [])
    if not own or any(s <= verb.idx < e for s, e, _ in deleted):
        return []
    start, end = own[0].idx, own[-1].idx + len(own[-1])
    tail = [e for e in request_edits(sentence) if e[2] != "?"]
    body = apply(sentence.span.doc.text[start:end], start, [*tail, *edits])
    deleted.append((start, end, ""))
    return [Piece(tidy(body.rstrip(" ,.;!") + "?"), "request")]


def hedge_edits(sentence: Sentence) -> list[Edit]:
    """Drop self-dismissals and softeners, with the comma that set them off."""
    text = sentence.span.doc.text
    edits: list[Edit] = []
    for f in sentence.findings:
        words = text[f.start : f.end]
        if f.category != "over_hedging" or not (
            cues.HEDGE_DROP.match(words) or cues.SELF_DISMISSAL.search(words)
        ):
            continue
        start, end = f.start, f.end
        after = re.match(r"\s*[,!]", text[end:])
        if after:
            end += after.end()
        elif text[:start].rstrip().endswith(","):
            start = len(text[:start].rstrip()) - 1
        edits.append((start, end, ""))
    return edits
