"""Offline feedback engine: a deterministic rewrite as situation, behavior, impact and request."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coach.knowledge.models import Passage
from coach.language import cues
from coach.language.analyzer import Sentence, inspect, is_instruction_to_ai, summarize
from coach.language.beside import MINDS
from coach.language.edits import Piece
from coach.language.feedback_checks import HARD_CATEGORIES, feedback_violations, key_terms
from coach.language.nlp import content_words, gerund, parse, valence
from coach.language.rewrite import SLOT, clause_pieces, reaction, rewrite
from coach.models import SBI, Direction, FeedbackDraft, FeedbackRequest
from coach.offline.phrases import join
from coach.text import stem, stem_words, words

if TYPE_CHECKING:
    from spacy.tokens import Span

    from coach.language.sentence import Finding

PLACEHOLDER_SITUATION = "In our recent sessions"
# Upward feedback stays candid; downward feedback asks for the other view, never lectures.
_CLOSING: dict[Direction, str] = {
    "mentor_to_mentee": "Could we talk about what would work better next time?",
    "mentee_to_mentor": "How do you see it? I'd be glad to work out together what would help.",
}
_NO_BEHAVIOR = f"I'd like to talk about {SLOT}."
# Said when the text names no effect, rather than repeating the behaviour in the Impact box.
_NO_IMPACT = "[what it changed for you: how it affected you or the work]"
# Said when text left unchanged asks for nothing, rather than repeating it in the Request box.
_NO_REQUEST = "[what you'd like next: one thing to keep doing or to change]"
_SITUATION = re.compile(
    r"\b(?:(?:in|during|at|after|before|on|for|since)\s+(?:the\s+|our\s+|my\s+|your\s+|this\s+"
    r"|that\s+|last\s+|yesterday's\s+|today's\s+|\w+'s\s+)?(?:[\w-]+\s+){0,3}?(?:sessions?|meetings?"
    r"|calls?|stand-?ups?|workshops?|reviews?|catch-?ups?|channel|chat|town ?hall|retro|demo"
    r"|presentation|panel|monday|tuesday|wednesday|thursday|friday|week|month)|(?:last|this)\s+"
    r"(?:week|month|friday|monday|tuesday|wednesday|thursday)|yesterday|today)\b",
    re.I,
)


def _situation(text: str, context: str | None) -> str:
    """The situation the text itself names, else the caller's context, else a placeholder."""
    cue = _SITUATION.search(text)
    if cue:
        found = cue.group(0)
        return found[0].upper() + found[1:]
    if context and not is_instruction_to_ai(context):
        clean = context.strip().rstrip(".")[:200]
        return clean[0].upper() + clean[1:]
    return PLACEHOLDER_SITUATION


def _body(sentences: list[Sentence]) -> tuple[list[Piece], bool]:
    pieces: list[Piece] = []
    grounded = False
    for sentence in sentences:
        out, says = rewrite(sentence)
        pieces.extend(p for p in out if p.role != "impact" or p not in pieces)
        grounded = grounded or says
    return pieces, grounded


def _sbi(pieces: list[Piece], situation: str, closing: str) -> SBI:
    def first(*roles: str) -> str:
        return next((p.text for p in pieces if p.role in roles), "")

    return SBI(
        situation=situation,
        behavior=first("behavior", "praise") or _NO_BEHAVIOR,
        impact=first("impact") or first("praise") or _NO_IMPACT,
        request=first("request") or closing or _NO_REQUEST,
    )


# Findings that name the person or pass a verdict; a noun phrase inside one is not restated.
_NAMING = frozenset({"insult", "personal_label", "judgement", "stereotype", "vague"})


_VERDICT_CUES = (cues.SARCASM, cues.STEREOTYPE, cues.INSULT, cues.SLANG, cues.CONDESCENSION)


def _phrase(text: str, start: int, end: int, proper: bool) -> str:
    """A noun phrase as written, quotation marks kept, lower-cased unless a name leads it."""
    if start > 0 and end < len(text) and text[start - 1] in "'‘\"“" and text[end] in "'’\"”":
        start, end = start - 1, end + 1
    phrase = text[start:end]
    return phrase if proper else phrase[:1].lower() + phrase[1:]


def _topics(sentences: list[Sentence]) -> list[str]:
    """Every noun phrase the verdicts leave untouched."""
    found: list[str] = []
    for sentence in sentences:
        if sentence.injected or reaction(sentence.span):
            continue
        verdicts = [f for f in sentence.findings if f.category in _NAMING]
        for chunk in sentence.span.noun_chunks:
            # A predicate noun ("I'm a kid", "it was a mess") is what something is called.
            # "you people", "you lot": the reader addressed as a group is a label, not a topic.
            if (
                chunk.root.pos_ == "PRON"
                or chunk[0].lower_ == "you"
                or chunk.root.dep_ == "attr"
                or any(f.start < chunk.end_char and chunk.start_char < f.end for f in verdicts)
            ):
                continue
            proper = chunk[0].pos_ == "PROPN"
            text = _phrase(chunk.doc.text, chunk.start_char, chunk.end_char, proper)
            text = _acted(chunk, text, verdicts)
            if any(p.search(text) for p in _VERDICT_CUES) or any(
                valence(t.text) >= 1.5 for t in chunk
            ):
                continue  # a praise word in a complaint's restatement is the sarcasm again
            if text not in found:
                found.append(text)
    return found


def _acted(chunk: Span, text: str, verdicts: list[Finding]) -> str:
    """A thing with the act done to it, the behaviour: "scheduling our session"."""
    act = chunk.root.head
    if chunk.root.dep_ != "dobj" or act.pos_ != "VERB" or act.lemma_ in MINDS:
        return text
    judged = any(f.start <= act.idx < f.end and not f.whole for f in verdicts)
    return text if judged else f"{gerund(act)} {text}"


def _plain(
    request: FeedbackRequest, sentences: list[Sentence], pieces: list[Piece], acts: bool = True
) -> str:
    """The fallback when a reworded sentence would still break a check: topics, impacts, a slot."""
    # A restated act that passes the checks on its own stays: a list of nouns says less.
    kept = [p.text for p in pieces if acts and p.role == "behavior" and "[" not in p.text]
    said_acts = [a for a in kept if _sound(a, sentences)]
    impacts = [p.text for p in pieces if p.role == "impact"]
    said = set(stem_words(content_words(" ".join(said_acts))))
    topics = [t for t in _topics(sentences) if not set(stem_words(content_words(t))) <= said]
    said |= set(stem_words(content_words(" ".join(topics + impacts))))
    # Any concern word no phrase carried (a mis-parsed noun) is named too, rather than lost.
    missing = [w for w in sorted(key_terms(request.text)) if stem(w) not in said]
    # Such a word was only ever quoted speech in the original (flags are not key terms).
    missing = [f"'{w}'" if any(p.search(w) for p in _VERDICT_CUES) else w for w in missing]
    named = topics + missing
    opening = f"I'd like to talk about {join(named)}." if named else ""
    slot = "" if said_acts else f"What I noticed was {SLOT}."
    parts = [opening, *said_acts, *impacts, slot, _CLOSING[request.direction]]
    return " ".join(p for p in parts if p)


def _sound(act: str, sentences: list[Sentence]) -> bool:
    """Whether an act is restated, not written as it was, in plain words with no verdict cue."""
    # The fallback runs because the checks found something: a sentence as written may hold the
    # verdict by its context, so only a restatement in plain words stays.
    body = f" {_words(act)} "
    if any(f" {_words(s.text)} " in body for s in sentences):
        return False
    loaded = any(abs(valence(w)) >= 1 for w in act.split())
    return not loaded and not any(p.search(act) for p in _VERDICT_CUES) and not _flagged(act)


def _words(text: str) -> str:
    """A sentence's words alone, to tell a restatement from the sentence as written."""
    return " ".join(words(text))


def compose_feedback(request: FeedbackRequest, passages: list[Passage]) -> FeedbackDraft:
    """Reword feedback offline; a rewrite that would fail the shared checks falls back to plain."""
    draft, sentences, pieces = _compose(request)
    if draft.issues and feedback_violations(request, draft):
        closing = _CLOSING[request.direction]
        sbi = _sbi(pieces, draft.sbi.situation, closing)
        # Built one at a time: each later try is needed only when the one before fails.
        for attempt in (True, False, None):
            if attempt is None:
                text = _bare(request)
            else:
                text = _scrub(_plain(request, sentences, pieces, attempt))
            draft = draft.model_copy(update={"rewritten": text, "sbi": sbi})
            if not feedback_violations(request, draft):
                break
    return draft


def _bare(request: FeedbackRequest) -> str:
    """The last resort: the concern's own nouns, a slot for what happened, and the closing."""
    terms = ", ".join(sorted(key_terms(request.text)))
    opening = f"I'd like to talk about {terms}." if terms else ""
    return " ".join([opening, f"What I noticed was {SLOT}.", _CLOSING[request.direction]]).strip()


def _flagged(text: str) -> list[tuple[int, int]]:
    """Spans of the text the analyzer still finds a hard verdict in."""
    return [
        (f.start, f.end) for s in inspect(text) for f in s.findings if f.category in HARD_CATEGORIES
    ]


def _scrub(text: str) -> str:
    """The fallback without the verdict words the analyzer would still flag in it."""
    spans = _flagged(text)
    if not spans:
        return text
    flagged = [
        t
        for t in parse(text)
        if any(s <= t.idx < e for s, e in spans)
        and t.pos_ not in ("VERB", "AUX")  # "I'd like to talk about": a verdict is no verb
        and (valence(t.text) != 0 or any(p.search(t.text) for p in _VERDICT_CUES))
    ]
    for tok in reversed(flagged):
        text = text[: tok.idx] + text[tok.idx + len(tok) :]
    return re.sub(r"\s+([,.?])", r"\1", re.sub(r"\s{2,}", " ", text))


def _compose(request: FeedbackRequest) -> tuple[FeedbackDraft, list[Sentence], list[Piece]]:
    """The sentence-by-sentence rewrite."""
    # Passages are accepted for parity with the LLM engine; the deterministic wording does not
    # depend on them, and the caller records them as sources.
    sentences = inspect(request.text)
    analysis = summarize(request.text, sentences, request.direction)
    situation = _situation(request.text, request.context)
    clean = not analysis.issues and not any(s.injected for s in sentences)
    if clean:
        pieces = [p for s in sentences for p in clause_pieces(s)]
        text = request.text.strip()
        closing = ""
    else:
        pieces, grounded = _body(sentences)
        if not grounded:
            # The place the text names stays with the slot: "what happened in our sessions".
            cue = _SITUATION.search(request.text)
            place = cue.group(0) if cue else ""
            if any(place.lower() in p.text.lower() for p in pieces):
                place = ""  # said already, with the impact
            said = f"I'd like to talk about what happened {place}: {SLOT}." if place else ""
            pieces.insert(0, Piece(said or _NO_BEHAVIOR, "behavior"))
        critical = analysis.tone in ("critical", "mixed", "neutral")
        has_request = any(p.role == "request" for p in pieces)
        closing = _CLOSING[request.direction] if critical and not has_request else ""
        text = " ".join([*(p.text for p in pieces), closing]).strip() or _NO_BEHAVIOR
    draft = FeedbackDraft(
        rewritten=text,
        sbi=_sbi(pieces, situation, closing),
        issues=analysis.issues,
        preserved_points=[f"{p.role.capitalize()}: {p.text}" for p in pieces],
    )
    return draft, sentences, pieces
