"""Find feedback language that lands badly across a power gap, on a spaCy parse."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from coach.language import cues, meaning, semantic
from coach.language.beside import set_off
from coach.language.clauses import order_verb, subject_of
from coach.language.instructions import by_rules, is_instruction_to_ai, pending
from coach.language.nlp import keep_parses, parse, parse_many, valence
from coach.language.sentence import (
    CONTRAST,
    SELF,
    Finding,
    Sentence,
    Tone,
    contrary,
    in_ranges,
    intensifier,
    ironic,
    negated,
    praises,
    quoted,
    reported,
)
from coach.language.targets import drop_untargeted
from coach.language.verdicts import COPULAS, candidates, drop_described, evaluate
from coach.lru import Lru
from coach.models import Direction, FeedbackAnalysis, FeedbackIssue, IssueCategory

if TYPE_CHECKING:
    from collections.abc import Generator

    from spacy.tokens import Span, Token

# Categories that make a sentence critical in tone.
_CRITICAL = frozenset(meaning.CLAUSE_MARGIN) | {"imperative"}


def _segments(text: str) -> list[Span]:
    """spaCy sentences; an instruction to the tool before a colon is parsed as its own."""
    doc = parse(text)
    cuts = [
        tok.idx
        for sent in doc.sents
        for tok in sent
        if tok.text == ":" and by_rules(doc.text[sent.start_char : tok.idx])
    ]
    if cuts:
        # Same length, so every offset still points into the text as written.
        chars = list(text)
        for pos in cuts:
            chars[pos] = "."
        doc = parse("".join(chars))
    return [s for s in doc.sents if s.text.strip(" \n\t.")]


def _regex(sentence: Sentence, quotes: list[tuple[int, int]]) -> None:
    """The closed classes: absolutes, stereotypes, intent, sarcasm, hedges, curt orders."""
    base = sentence.span.start_char
    text = sentence.text
    table: list[tuple[IssueCategory, re.Pattern[str]]] = [
        ("stereotype", cues.STEREOTYPE),
        ("assumed_intent", cues.INTENT),
        ("sarcasm", cues.SARCASM),
        ("over_hedging", cues.SELF_DISMISSAL),
        ("imperative", cues.CURT),
        ("insult", cues.INSULT),
        ("vague", cues.VAGUE),
        ("personal_label", cues.CONDESCENSION),
    ]
    doc = sentence.span.doc
    for category, pattern in table:
        for m in pattern.finditer(text):
            words = doc.char_span(base + m.start(), base + m.end())
            if words is not None and len(words) == 1 and intensifier(words[0]):
                continue  # "stupidly easy": the word grades praise, it insults nobody
            if category == "stereotype" and words is not None and _described(words):
                continue
            if category == "sarcasm" and words is not None and _relief(words[0]):
                continue
            if m.end() > m.start() and not in_ranges(base + m.start(), quotes):
                sentence.findings.append(Finding(category, base + m.start(), base + m.end()))
    for m in [*cues.GENERATION.finditer(text), *cues.TYPICAL.finditer(text)]:
        # A generation or a type set off as a label beside what was said (", classic Gen Z",
        # ", typical manager") stereotypes.
        words = doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        side = set_off(sentence.span, words[-1]) if words is not None else []
        # ... or set off before a clause about the reader ("Typical manager, you only read ...");
        # "Typical Monday, the trains were late" labels no one.
        first = next((t for t in sentence.span if not t.is_punct), None)
        you = any(t.lower_ == "you" and t.dep_ == "nsubj" for t in sentence.span)
        if words is not None and first is not None and words.start == first.i and you:
            after = doc[words.end] if words.end < sentence.span.end else None
            side = [after, *words] if after is not None and after.text == "," else side
        if side and not in_ranges(base + m.start(), quotes):
            start, end = side[1].idx, side[-1].idx + len(side[-1])
            sentence.findings.append(Finding("stereotype", start, end))
    if ironic(sentence.span) and not in_ranges(base, quotes):
        sentence.findings.append(Finding("sarcasm", base, sentence.span.end_char))
    hedges = list(cues.HEDGE.finditer(text))
    if len(hedges) >= 3:
        for m in hedges:
            sentence.findings.append(Finding("over_hedging", base + m.start(), base + m.end()))


def _relief(tok: Token) -> bool:
    """A "finally" the writer feels ("it finally made sense to me"), not a dig at your delay."""
    subject = subject_of(tok.head)
    if tok.lower_ != "finally" or subject is None:
        return False
    owned = any(t.lower_ in ("you", "your", "u", "ur") for t in subject.subtree)
    return not owned and any(t.lower_ in SELF for t in tok.head.subtree)


def _described(words: Span) -> bool:
    """Counted people in a plain past event ("two of the younger interns spoke up")."""
    noun, sent = words.root, words.sent
    counted = any(c.like_num for c in noun.children)
    counted = counted or (noun.head.lower_ == "of" and noun.head.head.like_num)
    judged = cues.ABSOLUTE.search(sent.text) or any(
        t.dep_ == "neg" or (valence(t.text) <= -1.0 and not intensifier(t)) for t in sent
    )
    past = any(t.tag_ == "VBD" for t in sent)
    return words[0].pos_ == "ADJ" and counted and past and not judged


def _absolutes(sentence: Sentence, quotes: list[tuple[int, int]]) -> None:
    """Absolutes count in complaints and in statements about what "you" do, not in questions."""
    text = sentence.text
    contrasted = any(t.lower_ in CONTRAST for t in sentence.span)  # "useful, but you always"
    if text.rstrip().endswith("?") or (sentence.tone == "praise" and not contrasted):
        return
    about_you = any(t.lower_ in ("you", "your", "ur", "u") for t in sentence.span)
    if not (about_you or sentence.tone in ("critical", "mixed")):
        return
    base = sentence.span.start_char
    for m in cues.ABSOLUTE.finditer(text):
        if not in_ranges(base + m.start(), quotes) and not _aside(sentence.span, base + m.start()):
            sentence.findings.append(Finding("absolute", base + m.start(), base + m.end()))


def _aside(span: Span, start: int) -> bool:
    """An absolute about someone else in a side clause ("which the panel always asks about")."""
    tok = next((t for t in span if t.idx == start), None)
    verb = tok.head if tok is not None else None
    if verb is None or verb.dep_ not in ("relcl", "advcl"):
        return False
    subject = subject_of(verb)
    return (
        subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and not any(t.lower_ in ("you", "your", "ur", "u") for t in subject.subtree)
    )


def _imperative(sentence: Sentence) -> None:
    """A bare order: a base-form verb with no subject opening a sentence that is not praise."""
    verb = order_verb(sentence.span)
    if (
        verb is None
        or sentence.tone == "praise"
        or verb.lower_ in ("please", "thank", "let", "feel", "keep")
    ):
        return
    if any(f.category == "over_hedging" and f.start <= verb.idx < f.end for f in sentence.findings):
        return
    if _suggestion(verb) and not any(valence(t.text) <= -1.0 for t in sentence.span):
        return
    ends = [c.idx + len(c) for c in verb.children if c.dep_ in ("dobj", "xcomp", "prt")]
    start = sentence.span[0].idx
    sentence.findings.append(Finding("imperative", start, max([verb.idx + len(verb), *ends])))


# Verbs of changing a behaviour already going on: "stop interrupting" orders, it suggests nothing.
_ASPECTUAL = frozenset({"stop", "quit", "start", "begin", "keep", "continue"})


def _suggestion(verb: Token) -> bool:
    """A verb proposing an action ("Try sending ...") or tied to when ("... when you demo it")."""
    if verb.lemma_.lower() in _ASPECTUAL or any(c.dep_ == "neg" for c in verb.children):
        return False
    actions = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if verb.dep_ == "aux" and verb.head.tag_ == "VBG":
        actions.append(verb.head)  # the parser reads "Try circulating" as an auxiliary
    timed = [m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.tag_ == "WRB"]
    return bool(actions or timed)


def _tone(sentence: Sentence) -> Tone:
    """Praise and criticism cues of a sentence; sarcasm is never praise."""
    critical = any(f.category in _CRITICAL for f in sentence.findings)
    sarcastic = any(f.category == "sarcasm" for f in sentence.findings)
    praise = False
    for tok in sentence.span:
        if praises(tok) and not sarcastic:
            critical = critical or negated(tok)
            praise = praise or not negated(tok)
        elif valence(tok.text) <= -1.5 and tok.head.lower_ not in SELF and not intensifier(tok):
            critical = critical or not any(c.lower_ in SELF for c in tok.head.children)
    if praise and critical:
        return "mixed"
    return "praise" if praise else "critical" if critical else "neutral"


def _echoed_sarcasm(sentences: list[Sentence]) -> None:
    """A one-word "Genius." after a sarcastic sentence is more of the same sarcasm."""
    for before, sentence in pairwise(sentences):
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in sentence.span)
        if verbless and sentence.praise and any(f.category == "sarcasm" for f in before.findings):
            span = sentence.span
            sentence.findings.append(Finding("sarcasm", span.start_char, span.end_char))


def _vague(sentences: list[Sentence]) -> None:
    """A verdict in a text that names no behavior, number or name is also vague."""
    concrete = any(
        t.like_num or t.pos_ == "PROPN" or (t.pos_ == "VERB" and t.lemma_ not in COPULAS)
        for s in sentences
        for t in s.span  # a clause judged whole by meaning still names what it is about
        if not any(f.start <= t.idx < f.end and not f.whole for f in s.findings)
    )
    for sentence in sentences:
        have = {f.category for f in sentence.findings}
        for f in list(sentence.findings):
            if (
                not concrete
                and f.category in ("judgement", "personal_label")
                and "vague" not in have
            ):
                sentence.findings.append(Finding("vague", f.start, f.end, f.judged, f.topic))
                have.add("vague")


def inspect(text: str) -> list[Sentence]:
    """Sentences of the text with every finding, tone and injection flag attached.

    One home for the analysis of a text: the rewrite, its checks and the LLM path's validation
    ask about the same texts several times per request, so each text is analysed once.
    """
    return list(_inspect(text))


# Analyses kept for reuse; `inspect_many` leaves a batch's here for the per-text calls.
_INSPECTED: Lru[str, tuple[Sentence, ...]] = Lru(256)


def keep_analyses(count: int) -> None:
    """Keep at least `count` analyses and parses: a service sizes this to what is in flight.

    A generation's request is analysed before the model call and asked about again when its
    answer is checked; with more texts than kept analysed in between, the request's analysis
    was dropped and done twice (measured 2.56 analyses per rewrite at 200 in flight, not 2).
    """
    _INSPECTED.grow(count)
    keep_parses(count)


def forget_analyses() -> None:
    """Drop every kept analysis (tests that count first loads)."""
    _INSPECTED.clear()


def _inspect(text: str) -> tuple[Sentence, ...]:
    sentences = _INSPECTED.get(text)
    if sentences is None:
        sentences = _finish(_steps(text))
        _INSPECTED.put(text, sentences)
    return sentences


def inspect_many(texts: list[str]) -> None:
    """Analyse the texts not analysed yet together, for `inspect`: one spaCy batch for their
    parses and one embedder batch per step for what they embed (about half the CPU per text)."""
    missing = [t for t in dict.fromkeys(texts) if _INSPECTED.get(t) is None]
    if not missing:
        return
    parse_many(missing)
    runs = {text: _steps(text) for text in missing}
    while runs:
        wanted: list[str] = []
        for text, run in list(runs.items()):
            try:
                wanted.extend(next(run))
            except StopIteration as done:
                _INSPECTED.put(text, done.value)
                del runs[text]
        # The next step of each run finds its vectors made; in length order, padding is least.
        if wanted:
            semantic.embed(sorted(dict.fromkeys(wanted), key=len))


def _finish(run: Generator[list[str], None, tuple[Sentence, ...]]) -> tuple[Sentence, ...]:
    """Run an analysis to its end alone, each step embedding for itself."""
    while True:
        try:
            next(run)
        except StopIteration as done:
            return done.value


def _steps(text: str) -> Generator[list[str], None, tuple[Sentence, ...]]:
    """The analysis of a text; before each step that embeds, it yields the texts it will embed."""
    sentences = [Sentence(span) for span in _segments(text)]
    quotes = quoted(text) + [r for s in sentences for r in reported(s.span)]
    yield pending([s.text for s in sentences])
    for sentence in sentences:
        sentence.injected = is_instruction_to_ai(sentence.text)
    live = [s for s in sentences if not s.injected]
    found = candidates(live, quotes)
    read = [s for s in live if not s.praise or contrary(s.span)]  # sincere praise: irony only
    pieces = meaning.pieces(read, quotes)
    judged, plains = [c[3][2] for c in found], [meaning.frequency(p[1][2]) for p in pieces]
    yield semantic.margin_texts(judged, plains)
    words, clauses = semantic.margins(judged, plains)
    evaluate(found, words)
    for sentence in live:
        _regex(sentence, quotes)
    meaning.veto(pieces, clauses)
    pieces = meaning.by_examples(pieces, clauses)
    for sentence in live:
        sentence.tone = _tone(sentence)
        _absolutes(sentence, quotes)
        _imperative(sentence)
    yield meaning.classifier_texts(pieces)
    meaning.by_classifier(pieces)
    drop_described(live)
    drop_untargeted(live)
    _echoed_sarcasm(live)
    _vague(live)
    for sentence in live:
        sentence.findings = _dedupe(sentence.findings)
        sentence.tone = _tone(sentence)
    return tuple(sentences)


def clauses_of(text: str) -> list[tuple[Span, str, bool, bool]]:
    """Each clause as the analysis reads it: span, plain form, in praise, read at all (training)."""
    quotes = quoted(text)
    live = [Sentence(s) for s in _segments(text) if not is_instruction_to_ai(s.text)]
    candidates(live, quotes)  # marks the sentences of sincere praise
    return [
        (span, piece[2], s.praise, not s.praise or contrary(s.span))
        for s, piece, span in meaning.pieces(live, quotes)
    ]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per category and overlapping span, the longest kept."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start - f.end, f.start)):
        if not any(k.category == f.category and f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.category))


@lru_cache(maxsize=1)
def _texts() -> dict[str, dict[str, str]]:
    path = Path(__file__).resolve().parent / "data" / "explanations.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def combine(tones: list[Tone]) -> Tone:
    """Merge tones: praise and criticism together make mixed."""
    found = set(tones)
    praise = bool(found & {"praise", "mixed"})
    critical = bool(found & {"critical", "mixed"})
    if praise and critical:
        return "mixed"
    return "praise" if praise else "critical" if critical else "neutral"


def summarize(text: str, sentences: list[Sentence], direction: Direction) -> FeedbackAnalysis:
    """Turn inspected sentences into the public analysis."""
    texts = _texts()
    issues = []
    for f in (f for s in sentences for f in s.findings):
        gap = texts["gap_hedge" if f.category == "over_hedging" else "gap"][direction]
        issues.append(
            FeedbackIssue(
                category=f.category,
                span=text[f.start : f.end],
                start=f.start,
                end=f.end,
                explanation=f"{texts['why'][f.category]} {gap}",
                suggestion=texts["suggestion"][f.category],
            )
        )
    tone = combine([s.tone for s in sentences if not s.injected])
    return FeedbackAnalysis(issues=issues, is_praise=tone == "praise", tone=tone)


def analyze(text: str, direction: Direction) -> FeedbackAnalysis:
    """Find issues with exact offsets and classify the overall tone of the feedback."""
    return summarize(text, inspect(text), direction)
