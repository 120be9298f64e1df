"""Offline feedback engine: deterministic rewording as situation-behavior-impact-request."""

from __future__ import annotations

from coach.knowledge.models import Passage
from coach.language.analyzer import analyze, inspect, is_instruction_to_ai, summarize
from coach.language.grammar import capitalize_first
from coach.language.rewrite import Rewritten, as_request, rewrite_sentences
from coach.language.sbi import (
    IMPACT,
    SITUATION,
    leads_with_impact,
    split_impact,
    strip_situation,
)
from coach.language.words import rx
from coach.models import SBI, Direction, FeedbackDraft, FeedbackRequest

PLACEHOLDER_SITUATION = "In our recent sessions"
PLACEHOLDER_BEHAVIOR = "[the specific behavior you observed]"

_REQUEST = rx(
    r"\b(?:could you|can you|would you|will you|please|I'd like|I would like|next time"
    r"|in (?:the )?future|going forward|from now on|I need you to|you need to|you should"
    r"|try to|let's|could we|can we|would it be possible|do \[)"
)
_OPENER = rx(
    r"^\W*(?:can I|could I|may I|I'd like to|I would like to|I want to|I wanted to)"
    r"\s+(?:give|share|offer|mention|raise|tell)"
)
_OPENERS: dict[Direction, str] = {
    "mentor_to_mentee": "I'd like to share an observation{where}, because I think it would "
    "help us work even better together.",
    "mentee_to_mentor": "I'd like to share something I noticed{where}, because I value how we "
    "work together.",
}
_REQUESTS: dict[Direction, str] = {
    "mentor_to_mentee": "Would you be open to talking about what could work differently next time?",
    "mentee_to_mentor": "Could we agree together on what would work better next time?",
}
_ASK_PERMISSION = "Can I share an observation?"
_QUESTION = "I'd like to hear how you see it."
_IMPACT_CRITICAL = "It matters to me because it affects our work."
_IMPACT_PRAISE = "It made a real difference to me."
_REQUEST_PRAISE = "Please keep doing this."


def _situation(text: str, context: str | None) -> tuple[str, bool]:
    """Situation from the text's own time or meeting cue, else the context; True if in the text."""
    cue = SITUATION.search(text)
    if cue:
        return capitalize_first(cue.group(0)), True
    if (
        context
        and not is_instruction_to_ai(context)
        and not analyze(context, "mentee_to_mentor").issues
    ):
        clean = context.strip().rstrip(".")[:200]
        first = clean.split(" ", 1)[0].lower()
        starts_situated = first in ("in", "during", "at", "after", "before", "on", "when")
        return (capitalize_first(clean) if starts_situated else f"During {clean}"), False
    return PLACEHOLDER_SITUATION, False


def _where(situation: str, in_text: bool) -> str:
    """The situation as a phrase inside the opener, when the body does not already say it."""
    if in_text:
        return ""
    words = situation.split(" ", 1)
    rest = (
        words[1]
        if len(words) > 1 and words[0].lower() in ("in", "during", "at", "on")
        else situation
    )
    return f" about {rest[:1].lower()}{rest[1:]}"


def _is_request(sentence: Rewritten) -> bool:
    return bool(_REQUEST.search(sentence.text))


def _impact(body: list[Rewritten], behavior: Rewritten | None) -> str:
    """The consequence the text itself states: a joined clause, else a sentence of its own."""
    if behavior is not None:
        joined = split_impact(behavior.text)[1]
        if joined:
            return joined
    for sentence in body:
        if sentence is behavior or _is_request(sentence) or not IMPACT.search(sentence.text):
            continue
        return split_impact(sentence.text)[1] or sentence.text
    return ""


def _sbi(
    body: list[Rewritten], situation: str, in_text: bool, direction: Direction, praise: bool
) -> tuple[SBI, bool]:
    """Split behavior, impact and request out of the text, with neutral fallbacks."""
    concerns = [s for s in body if s.tone in ("critical", "mixed") and not _is_request(s)]
    praised = [s for s in body if s.tone == "praise"]
    neutral = [s for s in body if s.tone == "neutral" and not _is_request(s)]
    main = concerns or praised or neutral
    # A sentence that only states the consequence is the impact, not the behavior.
    first = next((s for s in main + neutral if not leads_with_impact(s.text)), None)
    behavior = split_impact(first.text)[0] if first else PLACEHOLDER_BEHAVIOR
    if first and in_text:
        behavior = strip_situation(behavior, situation)
    impact = _impact(body, first)
    request = next((s.text for s in body if _is_request(s)), "")
    sbi = SBI(
        situation=situation,
        behavior=behavior,
        impact=impact or (_IMPACT_PRAISE if praise else _IMPACT_CRITICAL),
        request=request or (_REQUEST_PRAISE if praise else _REQUESTS[direction]),
    )
    return sbi, bool(impact)


def _preserved(body: list[Rewritten]) -> list[str]:
    """Name each kept point by its role, so a reviewer can see nothing was lost."""
    points: list[str] = []
    for sentence in body:
        if _is_request(sentence):
            role = "Request"
        elif sentence.tone == "praise":
            role = "Praise"
        elif sentence.tone in ("critical", "mixed"):
            role = "Concern"
        else:
            role = "Context"
        points.append(f"{role}: {sentence.text}")
    return points


def _compose_text(
    request: FeedbackRequest,
    body: list[Rewritten],
    sbi: SBI,
    *,
    critical: bool,
    changed: bool,
    stated_impact: bool,
    where: str,
) -> str:
    """Opener, the reworded sentences, then any missing behavior, impact, question, request."""
    parts: list[str] = []
    upward = request.direction == "mentor_to_mentee"
    if critical and changed and not _OPENER.search(request.text):
        parts.append(_OPENERS[request.direction].format(where=where))
    elif critical and upward and not _OPENER.search(request.text):
        # Already-constructive upward feedback only gets a short permission question.
        parts.append(_ASK_PERMISSION)
    unnamed = sbi.behavior == PLACEHOLDER_BEHAVIOR
    if not body or (critical and changed and unnamed and not all(map(_is_request, body))):
        # Only a label or only a consequence was left: ask the writer for the behavior itself.
        parts.append(f"I'd like to talk about {PLACEHOLDER_BEHAVIOR}.")
    parts.extend(s.text for s in body)
    if critical and changed:
        if not stated_impact:
            parts.append(sbi.impact)
        if any(s.question for s in body):
            parts.append(_QUESTION)
        if not any(_is_request(s) for s in body):
            parts.append(sbi.request)
    return " ".join(parts)


def compose_feedback(request: FeedbackRequest, passages: list[Passage]) -> FeedbackDraft:
    """Reword feedback offline: drop or replace every flagged span and keep the concern."""
    # Passages are accepted for parity with the LLM engine; the deterministic wording does not
    # depend on them, and the caller records them as sources.
    sentences = inspect(request.text)
    analysis = summarize(request.text, sentences, request.direction)
    body = rewrite_sentences(request.text, sentences)
    praise = analysis.tone == "praise"
    situation, in_text = _situation(request.text, request.context)
    # The original's tone counts: a sentence reduced to a bare imperative was still a complaint.
    critical = analysis.tone in ("critical", "mixed") or not body
    changed = bool(analysis.issues) or any(s.changed for s in body) or not body
    if critical:
        body = [as_request(s) for s in body]
    sbi, stated_impact = _sbi(body, situation, in_text, request.direction, praise)
    rewritten = _compose_text(
        request,
        body,
        sbi,
        critical=critical,
        changed=changed,
        stated_impact=stated_impact,
        where=_where(situation, in_text),
    )
    return FeedbackDraft(
        rewritten=rewritten,
        sbi=sbi,
        issues=analysis.issues,
        preserved_points=_preserved(body),
    )
