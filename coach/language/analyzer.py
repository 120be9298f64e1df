"""Find feedback language that lands badly across a power gap, on a spaCy parse."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lemminflect import getAllLemmas

from coach.language import cues, semantic
from coach.language.nlp import parse, valence
from coach.models import Direction, FeedbackAnalysis, FeedbackIssue, IssueCategory

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Tone = Literal["praise", "critical", "mixed", "neutral"]
COPULAS = frozenset({"be", "seem", "look", "sound", "feel", "get", "become", "come"})
SELF = frozenset({"i", "we", "me", "us"})
NEGATIVE_VALENCE = -1.0
POSITIVE_VALENCE = 1.5
# MiniLM margins (nearer the category's examples than the neutral ones), set on the dev split.
WORD_MARGIN = 0.045
MODIFIER_MARGIN = 0.10
CLAUSE_MARGIN = {
    "judgement": 0.10,
    "personal_label": 0.15,
    "insult": 0.25,
    "stereotype": 0.27,
    "sarcasm": 0.15,
    "assumed_intent": 0.14,
    "vague": 0.25,
}
_CRITICAL = frozenset(CLAUSE_MARGIN) | {"imperative"}
_PRAISE_POS = frozenset({"ADJ", "ADV", "INTJ", "NOUN"})
_PRAISE_VERBS = frozenset({"thank", "appreciate", "love", "enjoy", "impress", "admire", "praise"})
_QUOTE = re.compile(r"(?<!\w)['‘\"“]((?:[^'’\"”\n]|(?<=\w)['’](?=\w)){1,80})['’\"”](?!\w)")
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


def _quoted(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech: what someone said is reported, not the writer's view."""
    return [m.span() for m in _QUOTE.finditer(text)]


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


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or the noun a relative clause hangs on."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and subj.lower_ in ("that", "who") and verb.dep_ == "relcl":
        return verb.head
    return subj


def _predicates(sent: Span) -> list[tuple[Token, Token | None]]:
    """(evaluative head, subject) pairs: copula complements, modifiers and fragments."""
    found: list[tuple[Token, Token | None]] = []
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
    for tok in sent:
        head = tok.head
        if tok.dep_ in ("acomp", "attr", "oprd") and head.lemma_ in COPULAS:
            found.append((tok, _subject(head)))
        elif tok.dep_ == "pobj" and head.lower_ in ("as", "like") and head.head.lemma_ in COPULAS:
            found.append((tok, _subject(head.head)))
        elif _modifier(tok) or (not has_verb and tok.pos_ in _HEADS and tok.dep_ == "ROOT"):
            found.append((tok, None))
    return found


_HEADS = frozenset({"ADJ", "NOUN", "PROPN", "INTJ"})


def _modifier(tok: Token) -> bool:
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))


def _phrase(tok: Token) -> tuple[int, int, str]:
    """Character span and text of an evaluative head with its modifiers (not clauses)."""
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "advcl", "ccomp", "prep")]
    if tok.dep_ in ("amod", "compound"):
        words = [tok, *[c for c in tok.children if c.dep_ == "advmod"]]
    words = [w for w in words if not w.is_punct] or [tok]
    words.sort(key=lambda w: w.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return start, end, tok.doc.text[start:end]


# Discourse openers a judged noun phrase should not carry into an impact sentence.
DISCOURSE = frozenset(
    {"ngl", "honestly", "tbh", "so", "ok", "okay", "look", "bro", "well", "frankly", "lol", "mate"}
)


def _topic(subject: Token | None, head: Token) -> str:
    """What was judged, as written ("the shared drive you set up"), or empty for a person."""
    target = head.head if head.dep_ in ("amod", "compound") else subject
    if target is None or target.lower_ in ("you", "it", "that", "this", "which", *SELF):
        return ""
    if cues.STEREOTYPE.search(target.text):
        return ""
    words = [t for t in target.subtree if not (head.i <= t.i <= head.right_edge.i)]
    while words and (words[0].lower_ in DISCOURSE or words[0].is_punct):
        words.pop(0)
    while words and words[-1].is_punct and not words[-1].is_quote:
        words.pop()
    if not words:
        return ""
    text = head.doc.text[words[0].idx : words[-1].idx + len(words[-1])]
    return text if words[0].pos_ == "PROPN" else text[:1].lower() + text[1:]


Candidate = tuple["Sentence", "Token", "Token | None", tuple[int, int, str]]


def _candidates(sentences: list[Sentence], quotes: list[tuple[int, int]]) -> list[Candidate]:
    """Evaluative phrases applied to the person or their work (not the writer's own feelings)."""
    found: list[Candidate] = []
    for sentence in sentences:
        base = sentence.span.start_char
        hedged = [
            (base + m.start(), base + m.end()) for m in cues.SELF_DISMISSAL.finditer(sentence.text)
        ]
        praise = _praise_words(sentence.span) and not cues.SARCASM.search(sentence.text)
        sentence.praise = praise
        for head, subject in _predicates(sentence.span):
            if (subject is not None and subject.lower_ in SELF) or _in(head.idx, quotes + hedged):
                continue
            if head.pos_ == "PROPN" or (valence(head.text) >= 0.5 and not _negated(head)):
                continue
            found.append((sentence, head, subject, _phrase(head)))
    return found


def _praise_words(span: Span) -> bool:
    """Whether a span holds a sincere-looking praise word (VADER positive, not negated)."""
    return any(_praises(t) and not _negated(t) for t in span)


def _praises(tok: Token) -> bool:
    """A positive word used as praise, not as an intensifier or a discourse marker."""
    if tok.lower_ in _NOT_PRAISE or valence(tok.text) < POSITIVE_VALENCE:
        return False
    return tok.pos_ in _PRAISE_POS or tok.lemma_ in _PRAISE_VERBS


def _evaluate(candidates: list[Candidate], margins: list[float]) -> None:
    """Judgements and labels: candidates the lexicon, the curated list or MiniLM find negative."""
    for (sentence, head, subject, (start, end, text)), margin in zip(
        candidates, margins, strict=True
    ):
        lex = min((valence(t.text) for t in head.subtree), default=0.0)
        negated = _negated(head)
        negated_praise = negated and valence(head.text) >= 1.0
        insult = bool(cues.INSULT.search(text))
        modifier = head.dep_ in ("amod", "compound")
        if sentence.praise and lex > NEGATIVE_VALENCE and not insult:
            continue  # in sincere praise only a lexicon verdict counts
        needed = MODIFIER_MARGIN if modifier else WORD_MARGIN
        slang = bool(cues.SLANG.search(text))
        if not (lex <= NEGATIVE_VALENCE or negated_praise or insult or slang or margin >= needed):
            continue
        if negated and not negated_praise:
            continue  # "it's not a criticism": a negated verdict is not one
        person = subject is not None and subject.lower_ == "you"
        kind: IssueCategory = "personal_label" if person else "judgement"
        topic = _topic(subject, head)
        sentence.findings.append(Finding(kind, start, end, text, topic))
        if insult:
            sentence.findings.append(Finding("insult", start, end, text, topic))


def _in(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


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
            if m.end() > m.start() and not _in(base + m.start(), quotes):
                sentence.findings.append(Finding(category, base + m.start(), base + m.end()))
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
        if not _in(base + m.start(), quotes):
            sentence.findings.append(Finding("absolute", base + m.start(), base + m.end()))


_OPENING = frozenset({"just", "so", "now", "and", "then", "ok", "okay", "also", "seriously"})


def order_verb(span: Span) -> Token | None:
    """The verb of a bare order opening the sentence ("Just fix ...", "Don't ever ..."), if any."""
    words = [t for t in span if not t.is_punct and t.lower_ not in _OPENING]
    if not words or span.text.rstrip().endswith("?"):
        return None
    first = words[0]
    if first.lower_ in ("do", "don't") and len(words) > 1:
        rest = [t for t in words[1:] if t.dep_ not in ("neg", "advmod")]
        first = rest[0] if rest else first
    if first.lemma_.lower() in ("stop", "quit") or first.lower_ in ("stop", "quit"):
        return first
    if first.tag_ != "VB" or not getAllLemmas(first.lower_, "VERB"):
        return None
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if after is not None and after.text == "," and not list(first.children)[1:]:
        return None  # "Look, ..." and "Listen, ..." open a sentence, they order nothing
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") and c.lower_ not in ("do", "don't")
        for c in first.children
    ):
        return None
    return first


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


def _clauses(sentence: Sentence) -> list[tuple[int, int, str]]:
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


def _semantic(
    pieces: list[tuple[Sentence, tuple[int, int, str]]], margins: list[dict[str, float]]
) -> None:
    """Categories by meaning, for wordings no rule or lexicon entry covers."""
    for (sentence, (start, end, text)), scores in zip(pieces, margins, strict=True):
        have = {f.category for f in sentence.findings}
        first_person = text.split(" ", 1)[0].lower() in ("i", "i'd", "i've", "i'm", "we")
        for category, margin in scores.items():
            if first_person and category not in ("sarcasm", "stereotype"):
                continue  # the writer's own feeling is an impact, not a verdict
            if margin >= CLAUSE_MARGIN[category] and category not in have:
                sentence.findings.append(Finding(category, start, end))  # type: ignore[arg-type]


def _tone(sentence: Sentence) -> Tone:
    """Praise and criticism cues of a sentence; sarcasm is never praise."""
    critical = any(f.category in _CRITICAL for f in sentence.findings)
    sarcastic = any(f.category == "sarcasm" for f in sentence.findings)
    praise = False
    for tok in sentence.span:
        if _praises(tok) and not sarcastic:
            critical = critical or _negated(tok)
            praise = praise or not _negated(tok)
        elif valence(tok.text) <= -1.5 and tok.head.lower_ not in SELF:
            critical = critical or not any(c.lower_ in SELF for c in tok.head.children)
    if praise and critical:
        return "mixed"
    return "praise" if praise else "critical" if critical else "neutral"


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
    """Sentences of the text with every finding, tone and injection flag attached."""
    quotes = _quoted(text)
    sentences = [Sentence(span) for span in _segments(text)]
    for sentence in sentences:
        sentence.injected = is_instruction_to_ai(sentence.text)
    live = [s for s in sentences if not s.injected]
    candidates = _candidates(live, quotes)
    pieces = [
        (s, c)
        for s in live
        if not (_praise_words(s.span) and not cues.SARCASM.search(s.text))
        for c in _clauses(s)
    ]
    pieces = [
        p
        for p in pieces
        if not _in(p[1][0], quotes) and not any(f.category == "over_hedging" for f in p[0].findings)
    ]
    texts = [_QUOTE.sub("that", p[1][2]) for p in pieces]
    words, clauses = semantic.margins([c[3][2] for c in candidates], texts)
    _evaluate(candidates, words)
    for sentence in live:
        _regex(sentence, quotes)
    _semantic(pieces, clauses)
    for sentence in live:
        sentence.tone = _tone(sentence)
        _absolutes(sentence, quotes)
        _imperative(sentence)
    _vague(live)
    for sentence in live:
        sentence.findings = _dedupe(sentence.findings)
        sentence.tone = _tone(sentence)
    return sentences


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
