"""Offline feedback engine: deterministic rewording as situation-behavior-impact-request."""

from __future__ import annotations

from coach.generators.models import SBI, Direction, FeedbackDraft, FeedbackRequest
from coach.knowledge.models import Passage
from coach.language.analyzer import analyze, inspect, is_instruction_to_ai, summarize
from coach.language.grammar import capitalize_first
from coach.language.rewrite import Rewritten, rewrite_sentences
from coach.language.words import rx

PLACEHOLDER_SITUATION = "In our recent sessions"
PLACEHOLDER_BEHAVIOR = "[the specific behavior you observed]"

_SITUATION = rx(
    r"\b(?:in|during|at|after|before|on)\s+(?:the|our|my|your|this|last|today's|yesterday's"
    r"|this morning's|last week's|\w+day's)\s+(?:[\w-]+\s+){0,2}?(?:meeting|stand-?up|session"
    r"|call|review|demo|presentation|workshop|retro(?:spective)?|sync|1:1|one-on-one|planning"
    r"|town ?hall|offsite|interview|catch-?up|discussion|email|thread|chat|project|sprint)s?\b"
    r"|\b(?:yesterday|this (?:morning|afternoon|week)|last (?:week|month|time|night|\w+day)"
    r"|on \w+day)\b"
)
_IMPACT = rx(
    r"\b(?:made me|makes me|making me|I felt|I feel|I was left|left me|which meant|that meant"
    r"|it meant|this meant|as a result|so I (?:had|couldn't|could not|ended|was)|so we"
    r"|because of (?:this|that)|the team had to|we had to|I had to|we missed|I lost|slowed"
    r"|caused|means (?:that )?(?:I|we|the team)|I learn|helped me|helps me)\b"
)
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
    cue = _SITUATION.search(text)
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


def _sbi(body: list[Rewritten], situation: str, direction: Direction, praise: bool) -> SBI:
    """Pick the behavior, impact and request sentences, with neutral fallbacks."""
    concerns = [s for s in body if s.tone in ("critical", "mixed") and not _is_request(s)]
    praised = [s for s in body if s.tone == "praise"]
    main = concerns or praised or [s for s in body if not _is_request(s)]
    behavior = main[0].text if main else PLACEHOLDER_BEHAVIOR
    impact = next((s.text for s in body if _IMPACT.search(s.text)), "")
    request = next((s.text for s in body if _is_request(s)), "")
    return SBI(
        situation=situation,
        behavior=behavior,
        impact=impact or (_IMPACT_PRAISE if praise else _IMPACT_CRITICAL),
        request=request or (_REQUEST_PRAISE if praise else _REQUESTS[direction]),
    )


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
    where: str,
) -> str:
    """Opener, the reworded sentences, then any missing impact, question and request."""
    parts: list[str] = []
    upward = request.direction == "mentor_to_mentee"
    if critical and changed and not _OPENER.search(request.text):
        parts.append(_OPENERS[request.direction].format(where=where))
    elif critical and upward and not _OPENER.search(request.text):
        # Already-constructive upward feedback only gets a short permission question.
        parts.append(_ASK_PERMISSION)
    parts.extend(s.text for s in body)
    if not body:
        parts.append(f"I'd like to talk about {PLACEHOLDER_BEHAVIOR}.")
    if critical and changed:
        if not any(_IMPACT.search(s.text) for s in body):
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
    sbi = _sbi(body, situation, request.direction, praise)
    # The original's tone counts: a sentence reduced to a bare imperative was still a complaint.
    critical = analysis.tone in ("critical", "mixed") or not body
    where = _where(situation, in_text)
    changed = bool(analysis.issues) or any(s.changed for s in body) or not body
    rewritten = _compose_text(request, body, sbi, critical=critical, changed=changed, where=where)
    return FeedbackDraft(
        rewritten=rewritten,
        sbi=sbi,
        issues=analysis.issues,
        preserved_points=_preserved(body),
    )
