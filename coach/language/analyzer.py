"""Find feedback language that lands badly across a power gap, with exact character offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from coach.language.context_rules import SPECIFIC
from coach.language.fixes import BASE_SUGGESTION
from coach.language.lexicon import RULES
from coach.language.rule import Rule, When
from coach.language.segments import Segment, split_clauses, split_sentences
from coach.language.tone import CRITICAL, INJECTION, NEGATION_BEFORE, PRAISE
from coach.models import Direction, FeedbackAnalysis, FeedbackIssue

T = TypeVar("T")
Tone = Literal["praise", "critical", "mixed", "neutral"]

_WHY: dict[str, str] = {
    "personal_label": "It judges who the person is instead of what they did, which invites "
    "defensiveness rather than change.",
    "absolute": "Words like 'always' and 'never' are easy to disprove, so the listener argues "
    "with the exaggeration instead of hearing the concern.",
    "vague": "It names no observable behavior, so the listener cannot tell what to change.",
    "assumed_intent": "It claims to know the other person's motives; you can only observe "
    "behavior, and a wrong guess feels like an accusation.",
    "stereotype": "It puts the behavior down to age or group, which is exactly what reverse "
    "mentoring is meant to move past.",
    "sarcasm": "Sarcasm signals contempt and hides the actual point; the listener hears the "
    "tone, not the request.",
    "insult": "Insults and profanity end the conversation; nothing said after them is heard.",
    "over_hedging": "Stacked softeners bury the point, so the listener may not notice there is "
    "a request at all.",
}
_GAP: dict[str, str] = {
    "mentor_to_mentee": "Coming from the junior partner, it also makes the feedback easy to "
    "dismiss as disrespect.",
    "mentee_to_mentor": "Coming from the senior partner, it carries the weight of seniority and "
    "can stop the junior colleague from speaking up.",
}
_GAP_HEDGE: dict[str, str] = {
    "mentor_to_mentee": "Junior partners often over-soften upward feedback, and a busy senior "
    "colleague may read it as optional.",
    "mentee_to_mentor": "From the senior partner, heavy hedging can sound insincere or "
    "patronizing.",
}
_TONE_NEUTRAL_CATEGORIES = frozenset({"absolute", "over_hedging"})


@dataclass(frozen=True)
class Hit:
    """One rule matched at one place in the text."""

    rule: Rule
    start: int
    end: int
    match: re.Match[str]


@dataclass(frozen=True)
class Clause:
    """A clause, its tone and the hits that start inside it."""

    segment: Segment
    tone: Tone
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence, its clauses, its tone and whether it is an instruction aimed at a model."""

    segment: Segment
    clauses: tuple[Clause, ...]
    tone: Tone
    injected: bool


def combine(tones: Iterable[Tone]) -> Tone:
    """Merge tones: praise and criticism together make mixed."""
    found = set(tones)
    praise = bool(found & {"praise", "mixed"})
    critical = bool(found & {"critical", "mixed"})
    if praise and critical:
        return "mixed"
    return "praise" if praise else "critical" if critical else "neutral"


def _matches(text: str, whens: set[When]) -> list[Hit]:
    """Every non-empty match of every rule whose condition is in ``whens``."""
    return [
        Hit(rule, m.start(), m.end(), m)
        for rule in RULES
        if rule.when in whens
        for m in rule.pattern.finditer(text)
        if m.end() > m.start()
    ]


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits, then the earliest."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _clause_tone(text: str, seg: Segment, hits: list[Hit]) -> Tone:
    """Decide a clause's tone from praise and criticism cues; sarcasm is never praise."""
    masked = [(h.start, h.end) for h in hits if h.rule.category == "sarcasm"]
    praise_spans: list[tuple[int, int]] = []
    critical = any(h.rule.category not in _TONE_NEUTRAL_CATEGORIES for h in hits)
    for m in PRAISE.finditer(text, seg.start, seg.end):
        if any(s <= m.start() < e for s, e in masked):
            continue
        if NEGATION_BEFORE.search(text[seg.start : m.start()]):
            critical = True
        else:
            praise_spans.append((m.start(), m.end()))
    for m in CRITICAL.finditer(text, seg.start, seg.end):
        if not any(s <= m.start() < e for s, e in praise_spans + masked):
            critical = True
    if praise_spans:
        return "mixed" if critical else "praise"
    return "critical" if critical else "neutral"


def _locate(segments: list[Segment], starts: list[int], pos: int) -> int:
    """Index of the segment containing ``pos``, or -1."""
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < segments[i].end else -1


def _starting_in(items: list[T], starts: list[int], seg: Segment) -> list[T]:
    """The items (sorted by their ``starts``) that start inside ``seg``."""
    return items[bisect_left(starts, seg.start) : bisect_left(starts, seg.end)]


def _unexplained(hits: list[Hit], sentences: list[Segment]) -> list[Hit]:
    """The hits inside a sentence that gives no reason, example or count for its judgement."""
    starts = [s.start for s in sentences]
    kept: list[Hit] = []
    for hit in hits:
        index = _locate(sentences, starts, hit.start)
        sentence = sentences[index] if index >= 0 else None
        if sentence and hit.end <= sentence.end and not SPECIFIC.search(sentence.text):
            kept.append(hit)
    return kept


def _conditional(text: str, clauses: list[Clause], sentences: list[Segment]) -> list[Hit]:
    """Absolutes count only in critical clauses, weak hedges only when stacked."""
    clause_segs = [c.segment for c in clauses]
    clause_starts = [c.start for c in clause_segs]
    sentence_starts = [s.start for s in sentences]
    candidates = _matches(text, {"critical", "strong", "stacked"})
    candidates += _unexplained(_matches(text, {"critical_unexplained"}), sentences)
    hedges: dict[int, int] = {}
    for hit in candidates:
        if hit.rule.when in ("strong", "stacked"):
            index = _locate(sentences, sentence_starts, hit.start)
            hedges[index] = hedges.get(index, 0) + 1
    kept: list[Hit] = []
    for hit in candidates:
        if hit.rule.when in ("critical", "critical_unexplained"):
            index = _locate(clause_segs, clause_starts, hit.start)
            keep = index >= 0 and clauses[index].tone in ("critical", "mixed")
        else:
            index = _locate(sentences, sentence_starts, hit.start)
            keep = hit.rule.when == "strong" or hedges.get(index, 0) >= 2
        if keep:
            kept.append(hit)
    return kept


def inspect(text: str) -> list[Sentence]:
    """Segment the text and attach tone and issue hits to every clause."""
    always = _matches(text, {"always"})
    rough = split_sentences(text, [(h.start, h.end) for h in always])
    # An evaluative word counts as vague only where its sentence names no behavior.
    fixed = _resolve(always + _unexplained(_matches(text, {"unexplained"}), rough))
    fixed_starts = [h.start for h in fixed]
    protected = [(h.start, h.end) for h in fixed]
    sentences = split_sentences(text, protected)
    clauses = [
        Clause(c, _clause_tone(text, c, _starting_in(fixed, fixed_starts, c)), ())
        for s in sentences
        for c in split_clauses(text, s, protected)
    ]
    hits = _resolve(fixed + _conditional(text, clauses, sentences))
    hit_starts = [h.start for h in hits]
    clause_starts = [c.segment.start for c in clauses]
    result: list[Sentence] = []
    for sentence in sentences:
        own = [
            Clause(c.segment, c.tone, tuple(_starting_in(hits, hit_starts, c.segment)))
            for c in _starting_in(clauses, clause_starts, sentence)
        ]
        injected = bool(INJECTION.search(sentence.text))
        result.append(Sentence(sentence, tuple(own), combine(c.tone for c in own), injected))
    return result


def is_instruction_to_ai(sentence: str) -> bool:
    """Tell whether a sentence is an instruction aimed at a model rather than at a colleague."""
    return bool(INJECTION.search(sentence))


def _issue(hit: Hit, text: str, direction: Direction) -> FeedbackIssue:
    category = hit.rule.category
    gap = _GAP_HEDGE if category == "over_hedging" else _GAP
    return FeedbackIssue(
        category=category,
        span=text[hit.start : hit.end],
        start=hit.start,
        end=hit.end,
        explanation=f"{_WHY[category]} {gap[direction]}",
        suggestion=hit.rule.suggestion or BASE_SUGGESTION[category],
    )


def analyze(text: str, direction: Direction) -> FeedbackAnalysis:
    """Find issues with exact offsets and classify the overall tone of the feedback."""
    return summarize(text, inspect(text), direction)


def summarize(text: str, sentences: list[Sentence], direction: Direction) -> FeedbackAnalysis:
    """Turn already inspected sentences into the public analysis."""
    issues = [
        _issue(hit, text, direction)
        for sentence in sentences
        for clause in sentence.clauses
        for hit in clause.hits
    ]
    tone = combine(s.tone for s in sentences if not s.injected)
    return FeedbackAnalysis(issues=issues, is_praise=tone == "praise", tone=tone)
