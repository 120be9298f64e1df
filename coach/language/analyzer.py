"""Find feedback language that lands badly across a power gap, on a spaCy parse."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from coach.language import classifier, cues, semantic
from coach.language.clauses import clause_spans, order_verb
from coach.language.nlp import parse, valence
from coach.language.sentence import (
    SELF,
    Finding,
    Sentence,
    Tone,
    contrary,
    in_ranges,
    ironic,
    negated,
    praises,
    quoted,
)
from coach.language.verdicts import COPULAS, STRONG_VALENCE, candidates, evaluate, span_text
from coach.models import Direction, FeedbackAnalysis, FeedbackIssue, IssueCategory

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# MiniLM margins (nearer the category's examples than the neutral ones), set on the dev split.
CLAUSE_MARGIN = {
    "judgement": 0.08,
    "personal_label": 0.12,
    "insult": 0.20,
    "stereotype": 0.15,
    "sarcasm": 0.15,
    "assumed_intent": 0.15,
    "vague": 0.15,
}
_CRITICAL = frozenset(CLAUSE_MARGIN) | {"imperative"}
IRONY_BONUS = 0.20
# A clause this far nearer the neutral examples than any verdict's reads as an observation.
NEUTRAL_CLAUSE = -0.05


def _segments(text: str) -> list[Span]:
    """spaCy sentences; an instruction to the tool before a colon is parsed as its own."""
    doc = parse(text)
    cuts = [
        tok.idx
        for sent in doc.sents
        for tok in sent
        if tok.text == ":" and is_instruction_to_ai(doc.text[sent.start_char : tok.idx])
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
    for category, pattern in table:
        for m in pattern.finditer(text):
            if m.end() > m.start() and not in_ranges(base + m.start(), quotes):
                sentence.findings.append(Finding(category, base + m.start(), base + m.end()))
    if ironic(sentence.span) and not in_ranges(base, quotes):
        sentence.findings.append(Finding("sarcasm", base, sentence.span.end_char))
    hedges = list(cues.HEDGE.finditer(text))
    if len(hedges) >= 3:
        for m in hedges:
            sentence.findings.append(Finding("over_hedging", base + m.start(), base + m.end()))


def _absolutes(sentence: Sentence, quotes: list[tuple[int, int]]) -> None:
    """Absolutes count in complaints and in statements about what "you" do, not in questions."""
    text = sentence.text
    if text.rstrip().endswith("?") or sentence.tone == "praise":
        return
    about_you = any(t.lower_ in ("you", "your", "ur", "u") for t in sentence.span)
    if not (about_you or sentence.tone in ("critical", "mixed")):
        return
    base = sentence.span.start_char
    for m in cues.ABSOLUTE.finditer(text):
        if not in_ranges(base + m.start(), quotes):
            sentence.findings.append(Finding("absolute", base + m.start(), base + m.end()))


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
    ends = [c.idx + len(c) for c in verb.children if c.dep_ in ("dobj", "xcomp", "prt")]
    start = sentence.span[0].idx
    sentence.findings.append(Finding("imperative", start, max([verb.idx + len(verb), *ends])))


_EMPTY = frozenset({"it", "that", "this", "would", "will", "do", "does", "did", "so", "and", "but"})
_PERSONS = frozenset({"i", "we", "you", "it", "they", "he", "she"})


_WORDED = frozenset({"judgement", "personal_label", "stereotype", "insult"})


def _group(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a clause names a group or an age: a plural, a number, a generation word."""
    words = [t for t in sentence.span if start <= t.idx < end]
    text = sentence.span.doc.text[start:end]
    return any(t.tag_ in ("NNS", "NNPS") or t.like_num for t in words) or bool(
        cues.STEREOTYPE.search(text) or cues.GENERATION.search(text)
    )


def _veto(pieces: list[Clause], margins: list[dict[str, float]]) -> None:
    """A mild word in a clause that reads, as a whole, like a plain observation judges nothing.

    "The deadline was tight": "tight" leans negative on its own, but the clause sits nearer the
    neutral examples than any verdict's. A lexicon-strong word or a listed one still counts.
    """
    for (sentence, (start, end, _, _), _), scores in zip(pieces, margins, strict=True):
        if max(scores.values()) >= NEUTRAL_CLAUSE:
            continue
        sentence.findings = [
            f
            for f in sentence.findings
            if f.category not in ("judgement", "personal_label")
            or not (start <= f.start < end)
            or min(map(valence, f.judged.split()), default=0.0) <= STRONG_VALENCE
            or cues.SLANG.search(f.judged)
            or cues.INSULT.search(f.judged)
        ]


def _judgeable(text: str) -> bool:
    """Whether a reduced clause says enough, and asserts it, to be judged by meaning."""
    words = text.lower().split()
    if len(words) < 3 or len([w for w in words if w.isalpha() and w not in _EMPTY]) < 2:
        return False  # "it would too", "I think": too little left to judge by meaning
    return words[0] not in ("whether", "if")  # "(I wonder) whether you ...": asks, asserts nothing


def _votes(sentence: Sentence, margins: dict[str, float]) -> list[str]:
    """The categories the kNN margins vote a clause into."""
    knn = []
    for category, margin in margins.items():
        if sentence.praise and category != "sarcasm":
            continue  # praise is only ever read for irony
        # Irony is hard to tell by meaning alone: a near miss counts beside a contrary sign.
        bonus = IRONY_BONUS if sentence.praise else 0.0
        if margin + bonus >= CLAUSE_MARGIN[category]:
            knn.append(category)
    return knn


def _classified(pieces: list[Clause]) -> None:
    """A clause no rule, word or example found anything in, judged by the trained classifier."""
    open_ = [
        (sentence, piece, span)
        for sentence, piece, span in pieces
        if not any(f.start < span.end_char and span.start_char < f.end for f in sentence.findings)
    ]  # only these are embedded as written: the classifier adds nothing where a finding is
    probs = classifier.predict([p[2] for p in open_], [p[1][2] for p in open_])
    for (sentence, piece, _), prob in zip(open_, probs, strict=True):
        category = max(CLAUSE_MARGIN, key=lambda c: prob[c])
        if prob[classifier.ANY] < classifier.threshold():
            continue
        if not sentence.praise or category == "sarcasm":
            _add(sentence, category, piece, set())


def _semantic(pieces: list[Clause], margins: list[dict[str, float]]) -> None:
    """Categories by meaning, for wordings no rule or lexicon entry covers."""
    for (sentence, (start, end, text, topic), _), scores in zip(pieces, margins, strict=True):
        have: set[str] = {f.category for f in sentence.findings}
        words = text.lower().split()
        persons = [w for w in words if w in _PERSONS]
        first_person = bool(persons) and persons[0] in ("i", "we")
        # A verdict a word already carries in this clause is the same verdict, not a second one.
        worded = any(
            f.category in _WORDED and f.start < end and start < f.end for f in sentence.findings
        )
        for category in _votes(sentence, scores):
            if first_person and (category not in ("sarcasm", "stereotype") or len(words) < 4):
                continue  # the writer's own feeling is an impact, not a verdict
            if worded and category in ("judgement", "personal_label", "vague"):
                continue
            _add(sentence, category, (start, end, text, topic), have)


def _add(sentence: Sentence, category: str, piece: Piece, have: set[str]) -> None:
    """A whole-clause finding, unless the category does not fit what the clause says."""
    start, end, text, topic = piece
    if category == "personal_label" and "you" not in text.lower().split():
        category = "judgement"  # a label needs a person to be put on
    if category == "stereotype" and not _group(sentence, start, end):
        return  # "you never listen" is about one person, not a generation
    if category not in have:
        found = Finding(category, start, end, text, topic, whole=True)  # type: ignore[arg-type]
        sentence.findings.append(found)
        have.add(category)


def _tone(sentence: Sentence) -> Tone:
    """Praise and criticism cues of a sentence; sarcasm is never praise."""
    critical = any(f.category in _CRITICAL for f in sentence.findings)
    sarcastic = any(f.category == "sarcasm" for f in sentence.findings)
    praise = False
    for tok in sentence.span:
        if praises(tok) and not sarcastic:
            critical = critical or negated(tok)
            praise = praise or not negated(tok)
        elif valence(tok.text) <= -1.5 and tok.head.lower_ not in SELF:
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
        for t in s.span
        if not any(f.start <= t.idx < f.end for f in s.findings)
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


@lru_cache(maxsize=256)
def _inspect(text: str) -> tuple[Sentence, ...]:
    quotes = quoted(text)
    sentences = [Sentence(span) for span in _segments(text)]
    for sentence in sentences:
        sentence.injected = is_instruction_to_ai(sentence.text)
    live = [s for s in sentences if not s.injected]
    found = candidates(live, quotes)
    read = [s for s in live if not s.praise or contrary(s.span)]  # sincere praise: irony only
    pieces = _pieces(read, quotes)
    words, clauses = semantic.margins([c[3][2] for c in found], [p[1][2] for p in pieces])
    evaluate(found, words)
    for sentence in live:
        _regex(sentence, quotes)
    _veto(pieces, clauses)
    _semantic(pieces, clauses)
    for sentence in live:
        sentence.tone = _tone(sentence)
        _absolutes(sentence, quotes)
        _imperative(sentence)
    _classified(pieces)
    _echoed_sarcasm(live)
    _vague(live)
    for sentence in live:
        sentence.findings = _dedupe(sentence.findings)
        sentence.tone = _tone(sentence)
    return tuple(sentences)


Piece = tuple[int, int, str, str]


Clause = tuple[Sentence, Piece, "Span"]


def _pieces(sentences: list[Sentence], quotes: list[tuple[int, int]]) -> list[Clause]:
    """The clauses of the sentences worth judging by meaning: reduced, and as written."""
    pieces = [
        (s, _plain(s.span.doc, c, quotes), s.span.doc.char_span(c[0], c[1], "expand"))
        for s in sentences
        for c in clause_spans(s)
        if not in_ranges(c[0], quotes)
    ]
    return [(s, p, c) for s, p, c in pieces if c is not None and _judgeable(p[2])]


def clauses_of(text: str) -> list[tuple[Span, str, bool, bool]]:
    """Each clause as the analysis reads it: span, plain form, in praise, read at all (training)."""
    quotes = quoted(text)
    live = [Sentence(s) for s in _segments(text) if not is_instruction_to_ai(s.text)]
    candidates(live, quotes)  # marks the sentences of sincere praise
    return [
        (span, piece[2], s.praise, not s.praise or contrary(s.span))
        for s, piece, span in _pieces(live, quotes)
    ]


def _plain(doc: Doc, piece: tuple[int, int, str], quotes: list[tuple[int, int]]) -> Piece:
    """A clause reduced for the embedder: its verdict's stretch, its plain text, what it is about.

    Quoted speech is reported, so it is left out; so are the place phrases the rewrite keeps and
    the subject it names, which the rewrite restates as the topic.
    """
    span = doc.char_span(piece[0], piece[1], alignment_mode="expand")
    kept, phrases = semantic.reduce(t for t in span or [] if not in_ranges(t.idx, quotes))
    said = {p[0].i for p in phrases}
    core = [t for t, _ in kept if t.i not in said]
    if not core:
        return piece[0], piece[0], "", ""
    subject = next((p for p in phrases if p[0].i < core[0].i), [])
    text = " ".join(w for _, w in kept)
    if len(kept) < 3:  # an idiom reduced to nothing ("you talk a mile a minute"): judge as written
        text = " ".join(t.text for t in span or [] if not in_ranges(t.idx, quotes))
    return core[0].idx, core[-1].idx + len(core[-1]), text, span_text(subject)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per category and overlapping span, the longest kept."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start - f.end, f.start)):
        if not any(k.category == f.category and f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.category))


def is_instruction_to_ai(sentence: str) -> bool:
    """Tell whether a sentence is an instruction aimed at a model rather than at a colleague."""
    return bool(cues.INJECTION.search(sentence) or cues.INJECTION_EXTRA.search(sentence))


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
