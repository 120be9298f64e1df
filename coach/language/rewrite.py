"""Replace flagged spans clause by clause with observation-based, specific language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.language.analyzer import Clause, Hit, Sentence, Tone, inspect
from coach.language.grammar import (
    capitalize_first,
    carried,
    lower_first,
    polite_request,
    present_base,
    restore_subjects,
    starts_with_subject,
    tidy,
)
from coach.language.tone import content_words
from coach.language.words import GROUP, rx

_OBSERVED = "I've noticed several times recently that "
_CONJUNCTION = rx(r"^(but|and|so|however|although|whereas)\b,?\s*")
_GROUP_START = rx(rf"^{GROUP}")
_LIKE_PRONOUN = rx(r"\blike (you|him|her|them)$")
_SECOND_PERSON_GROUP = rx(
    r"^(?:(?:people|someone|somebody|anyone|folks|managers|colleagues) (?:(?:at|of|in) )?your"
    r" (?:age|level|seniority|stage|generation)|your (?:generation|age group|demographic)"
    r"|you(?: \w+)? (?:people|folks|ones|lot|guys|things)|you (?:kids|youngsters|millennials"
    r"|boomers|zoomers|gen[- ]?z(?:ers)?))$"
)
# A singular group noun ("your generation has") becomes a plural subject ("you have").
_SINGULAR_VERB = rx(r"^\s+(?P<verb>is|has|was|does|doesn't|isn't|wasn't|hasn't|[a-z]+[^s\W]s)\b")
_PLURAL_OF = {"is": "are", "has": "have", "was": "were", "does": "do", "doesn't": "don't"}
_PLURAL_OF |= {"isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}
_JUDGED_SUBJECT = rx(
    r"^(?:you|he|she|they)\b(?:'re|'s|'ve been| are| is| was| were| have been| has been)?"
)
_ABOUT = rx(r"^\s+(?:about|with|regarding|towards?)\b")
_WHERE = rx(r"^\s+(?:in|during|at|on|when|whenever)\b")
_HEDGED_REQUEST = rx(
    r"^(?:please\s+)?(?:you\s+(?:could|can|might|would)|could you|can you|would you)\s+(.+?)[.?!]*$"
)
_DISCOURSE = rx(r"^(?:also|plus|honestly|frankly|seriously|besides|again),?\s+")
_HAS_FREQUENCY = rx(r"\bseveral (?:recent|times)|\bin the last few\b")
_REPEATED_PLACEHOLDER = re.compile(r"(\b\w+ \[[^\]]+\])(?:,? and|,) \1")
_SUBJECT_PRONOUN = {"you": "you", "him": "he", "her": "she", "them": "they"}


@dataclass(frozen=True)
class Rewritten:
    """One sentence after rewriting, with what the composer needs to know about it."""

    text: str
    original: str
    tone: Tone
    changed: bool
    question: bool


def _judgement(span: str, after: str) -> tuple[str, int]:
    """Keep what a label was about ("you're sloppy with reviews" -> a concern about reviews)."""
    subject = _JUDGED_SUBJECT.match(span)
    if not subject:
        return "", 0
    about = _ABOUT.match(after)
    if about:
        return "I have a concern about", about.end()
    if _WHERE.match(after):
        return "I have a concern about what happens", 0
    # "You're lazy and never prepare": the predicate after the label keeps its subject.
    return carried(subject.group(0)), 0


def _stereotype(span: str, before: str, after: str) -> str:
    """Talk about the person, or about "some people", instead of their generation."""
    like = _LIKE_PRONOUN.search(span)
    if like:
        return _SUBJECT_PRONOUN[like.group(1).lower()]
    if _SECOND_PERSON_GROUP.match(span):
        return "you"
    at_start = not before.strip()
    if at_start and _GROUP_START.match(span) and not after.lstrip().startswith(","):
        return "" if re.search(r"\b(?:are|is)\b", span, re.I) else "some people"
    return ""


def _agree(subject: str, after: str) -> tuple[str, int]:
    """Put a plural subject in place of a group noun, with its verb made plural to match."""
    verb = _SINGULAR_VERB.match(after)
    if not verb:
        return subject, 0
    word = verb.group("verb").lower().replace("’", "'")
    plural = _PLURAL_OF.get(word) or present_base(verb.group("verb"))
    return f"{subject} {plural}", verb.end()


def _replacement(hit: Hit, before: str, after: str) -> tuple[str, int]:
    """The text that replaces one hit and how many following characters it absorbs."""
    rule = hit.rule
    span = hit.match.group(0)
    if callable(rule.replace):
        return rule.replace(hit.match, before, after)
    if rule.replace:
        return rule.replace, 0
    if rule.category in ("personal_label", "insult"):
        return _judgement(span, after)
    if rule.category == "stereotype":
        replacement = _stereotype(span, before, after)
        if replacement in ("you", "some people", "they"):
            return _agree(replacement, after)
        return (replacement, 0) if replacement else _judgement(span, after)
    return "", 0


def _edit(clause: Clause) -> tuple[str, bool]:
    """Apply every hit's replacement; also say whether anything meaningful is left."""
    seg = clause.segment
    hits = sorted(clause.hits, key=lambda h: h.start)
    edits: list[tuple[int, int, str]] = []
    residual = seg.text
    for i, hit in enumerate(hits):
        start, end = hit.start - seg.start, min(hit.end, seg.end) - seg.start
        limit = hits[i + 1].start - seg.start if i + 1 < len(hits) else len(seg.text)
        new, used = _replacement(hit, seg.text[:start], seg.text[end:limit])
        edits.append((start, end + used, new))
    out = seg.text
    for start, end, new in reversed(edits):
        out = out[:start] + new + out[end:]
    out = restore_subjects(out)
    for hit in reversed(hits):
        residual = residual[: hit.start - seg.start] + " " + residual[hit.end - seg.start :]
    keeps = any(h.rule.keeps_clause for h in hits)
    return out, bool(content_words(residual)) or (keeps and bool(content_words(out)))


def _frame(text: str, first: bool, question: bool) -> str:
    """Add "several times recently" where an absolute was removed."""
    text = _DISCOURSE.sub("", text)
    if not first:
        conj = _CONJUNCTION.match(text)
        if conj:
            return f"{conj.group(1)} several times recently {text[conj.end() :]}"
        return f"several times recently, {lower_first(text)}"
    if question:
        return f"Several times recently I've wondered: {lower_first(text)}"
    if starts_with_subject(text):
        return _OBSERVED + lower_first(text)
    return f"Several times recently, {lower_first(text)}"


def _ending(original: str, text: str) -> str:
    """Finish the sentence with the original's end mark, or a full stop."""
    if text and text[-1] in ".!?…":
        return text
    mark = original.rstrip()[-1:] if original.rstrip()[-1:] in ("?", "!") else "."
    return text + mark


def _rewrite_sentence(sentence: Sentence) -> Rewritten | None:
    """Rewrite one sentence, or return None when nothing usable is left of it."""
    original = sentence.segment.text
    if not any(c.hits for c in sentence.clauses):
        return Rewritten(original, original, sentence.tone, False, False)
    is_question = original.rstrip().endswith("?")
    parts: list[str] = []
    for clause in sentence.clauses:
        text, meaningful = _edit(clause) if clause.hits else (clause.segment.text, True)
        text = tidy(text, sentence_start=not parts)
        if not meaningful or not text:
            continue
        if clause.segment.text[-1] in ",;" and text[-1].isalnum():
            # Keep the clause boundary: "you do not send the agenda, so we missed it".
            text += clause.segment.text[-1]
        if any(h.rule.frequency for h in clause.hits) and not _HAS_FREQUENCY.search(text):
            text = _frame(text, not parts, is_question)
        parts.append(text)
    if not parts:
        return None
    text = capitalize_first(tidy(_REPEATED_PLACEHOLDER.sub(r"\1", " ".join(parts))))
    if any(h.rule.category == "over_hedging" for c in sentence.clauses for h in c.hits):
        request = _HEDGED_REQUEST.match(text)
        text = f"Could you {request.group(1)}?" if request else text
    question = any(h.rule.question for c in sentence.clauses for h in c.hits)
    return Rewritten(_ending(original, text), original, sentence.tone, True, question)


def as_request(sentence: Rewritten) -> Rewritten:
    """Ask instead of command: a bare imperative in a complaint becomes "Could you ...?"."""
    request = polite_request(sentence.text)
    if request is None or sentence.tone == "praise":
        return sentence
    return Rewritten(request, sentence.original, sentence.tone, True, sentence.question)


def rewrite_sentences(text: str, sentences: list[Sentence] | None = None) -> list[Rewritten]:
    """Rewrite every sentence; instructions aimed at a model and empty insults are left out."""
    out: list[Rewritten] = []
    for sentence in inspect(text) if sentences is None else sentences:
        if sentence.injected:
            continue
        rewritten = _rewrite_sentence(sentence)
        if rewritten is not None:
            out.append(rewritten)
    return out
