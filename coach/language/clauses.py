"""Clauses and orders on the parse: which verb heads a clause, which tokens it owns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.language import cues
from coach.language.nlp import lemminflect
from coach.language.sentence import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or the noun a relative clause hangs on."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and subj.lower_ in ("that", "who") and verb.dep_ == "relcl":
        return verb.head
    return subj


_OPENING = frozenset({"just", "so", "now", "and", "then", "ok", "okay", "also", "seriously"})


# Directives that put an order in the second person: "you need to", "make sure you".
_DIRECTIVE = cues.rx(
    r"^\W*(?:(?:just |so )?you (?:need|have|must|'ve got|gotta|better|'d better) (?:to )?"
    r"|make sure (?:that )?(?:you )?|never )"
)


def order_verb(span: Span) -> Token | None:
    """The verb of a bare order opening the sentence ("Just fix ...", "Don't ever ..."), if any."""
    directive = _DIRECTIVE.match(span.text)
    skip = span.start_char + directive.end() if directive else span.start_char
    words = [t for t in span if not t.is_punct and t.lower_ not in _OPENING and t.idx >= skip]
    if not words or span.text.rstrip().endswith("?"):
        return None
    first = words[0]
    if first.lower_ in ("do", "don't") and len(words) > 1:
        rest = [t for t in words[1:] if t.dep_ not in ("neg", "advmod")]
        first = rest[0] if rest else first
    if first.lemma_.lower() in ("stop", "quit") or first.lower_ in ("stop", "quit"):
        return first
    if directive and (first.lower_ == "be" or (first.lower_ == "have" and first.dep_ == "aux")):
        return None  # "you must be blind", "you must have slept through it" infer, not order
    if first.tag_ != "VB" or not lemminflect().getAllLemmas(first.lower_, "VERB"):
        return None
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if after is not None and after.text == "," and not list(first.children)[1:]:
        return None  # "Look, ..." and "Listen, ..." open a sentence, they order nothing
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "aux")
        and c.idx >= skip
        and c.lower_ not in ("do", "don't")
        for c in first.children
    ):
        return None
    return first


def likening(head: Token) -> bool:
    """A clause comparing the act it hangs on: "like I'm a child", "as if I knew nothing"."""
    marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
    return head.dep_ == "advcl" and (marks == {"like"} or {"as", "if"} <= marks)


CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "advcl", "parataxis")


def clause_tokens(span: Span) -> list[tuple[Token, list[Token]]]:
    """Each clause head of a sentence with the tokens it owns (nested clauses left out)."""
    heads = [
        t
        for t in span
        if (t.dep_ in CLAUSE_DEPS and (t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT"))
        or (t.dep_ == "relcl" and any(c.lower_ == "which" for c in t.children))
    ]
    ids = {h.i for h in heads}
    out = [(h, [t for t in h.subtree if _owner(t, ids) == h.i]) for h in heads]
    return [(h, own) for h, own in out if any(not t.is_punct for t in own)]


def _run(head: Token, own: list[Token]) -> list[Token]:
    """The unbroken stretch of a clause's own tokens around its head."""
    ids = {t.i for t in own}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in head.doc[lo : hi + 1] if not t.is_punct] or [head]


def clause_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Character span and text of each clause's core; the whole sentence when there is one."""
    pieces: list[tuple[int, int, str]] = []
    for head, own in clause_tokens(sentence.span):
        words = _run(head, own)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        pieces.append((start, end, sentence.span.doc.text[start:end]))
    return pieces or [(sentence.span.start_char, sentence.span.end_char, sentence.text)]


def _owner(tok: Token, heads: set[int]) -> int:
    while tok.i not in heads and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def group_subject(verb: Token) -> list[Token]:
    """A subject naming the reader as a group ("you kids", "you people in finance"), or []."""
    # The parser may split it in two subjects ("You | kids") or hang "you" on the noun.
    words = sorted(
        (t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree),
        key=lambda t: t.i,
    )
    nouns = [t for t in words[1:] if t.dep_ not in ("amod", "compound", "advmod")]
    addressed = bool(words) and words[0].lower_ == "you" and bool(nouns)
    return words if addressed and (nouns[0].tag_ == "NNS" or nouns[0].lower_ == "lot") else []


# Words for people an age is put on ("anyone under thirty"); a closed class of pronouns.
_ANYONE = frozenset({"anyone", "anybody", "someone", "people", "those", "everyone", "folks"})


def age_of(span: Span) -> list[tuple[Token, Token]]:
    """People named by an age ("anyone under thirty"): the people word and the number."""
    return [
        (tok.doc[tok.i - 1], num)
        for tok in span
        if tok.lower_ in ("under", "over", "above", "below")
        and tok.i > span.start
        and tok.doc[tok.i - 1].lower_ in _ANYONE
        for num in tok.children
        if num.dep_ == "pobj" and num.like_num and not list(num.children)
    ]
