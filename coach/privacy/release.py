"""The one release pass over a coordinator's view, whichever engine wrote it."""

from __future__ import annotations

import re
from collections.abc import Callable

from coach.errors import PrivacyLeak
from coach.models import AnonymizedSummary, SummaryRequest
from coach.privacy.anonymizer import anonymize_all
from coach.privacy.leaks import Leak, describe, find_leaks, holds
from coach.privacy.roles import names_as_words
from coach.privacy.roster import Roster
from coach.privacy.vocabulary import (
    known_challenges,
    known_themes,
    known_topics,
    safe_terms,
)
from coach.text import split_sentences

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What a commitment says when its own words cannot be shown; the offline view says it too.
UNSAID_COMMITMENT = "a follow-up"
# Withholding a part can change how the recognizer reads the rest; past this, refuse instead.
MAX_WITHHOLD_ROUNDS = 3
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def restrict(side: AnonymizedSummary) -> AnonymizedSummary:
    """Keep only program vocabulary in the label fields; nothing else a model wrote survives."""
    topic = known_topics([side.topic] if side.topic else [])
    commitments = [
        c.model_copy(update={"due": c.due if c.due and _ISO.match(c.due) else None})
        for c in side.commitments
    ]
    return side.model_copy(
        update={
            "topic": topic[0] if topic else None,
            "topics": known_topics(side.topics),
            "themes": known_themes(side.themes),
            "challenges": known_challenges(side.challenges),
            "commitments": commitments,
        }
    )


def _without_words(text: str, avoid: frozenset[str]) -> str:
    """Drop lower-case words that are names elsewhere ("mark" for Mark); capitals are names."""
    if not avoid:
        return text
    kept = _LOWER_WORD.sub(lambda m: "" if m.group() in avoid else m.group(), text)
    return " ".join(kept.split())


def _free_texts(side: AnonymizedSummary, avoid: frozenset[str]) -> list[str]:
    """Return the free-text fields of a view in a fixed order; short fields lose `avoid`."""
    # Goals and commitments are plain phrases, where "mark the dates" for a Mark is a leak to
    # a reader who matches names in any case; the summary's own words are the engine's.
    return [
        side.summary,
        side.support_reason or "",
        *(_without_words(g.goal, avoid) for g in side.goal_progress),
        *(_without_words(c.what, avoid) for c in side.commitments),
    ]


def anonymize_side(
    side: AnonymizedSummary, roster: Roster, avoid: frozenset[str] = frozenset()
) -> AnonymizedSummary:
    """Restrict the labels, drop name words, anonymize every free-text field in one call."""
    side = restrict(side)
    texts = anonymize_all(_free_texts(side, avoid), roster, keep=safe_terms())
    summary, reason, rest = texts[0], texts[1], texts[2:]
    goals = [
        g.model_copy(update={"goal": t}) for g, t in zip(side.goal_progress, rest, strict=False)
    ]
    rest = rest[len(goals) :]
    commitments = [
        c.model_copy(update={"what": t}) for c, t in zip(side.commitments, rest, strict=True)
    ]
    return side.model_copy(
        update={
            "summary": summary,
            "support_reason": reason or None,
            "goal_progress": goals,
            "commitments": commitments,
        }
    )


def released_text(side: AnonymizedSummary) -> str:
    """Return every string a coordinator can see in a view, one per line."""
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(side.model_dump(mode="json"))
    return "\n".join(strings)


def view_leaks(side: AnonymizedSummary, request: SummaryRequest) -> list[Leak]:
    """Return what still identifies someone in a view that went through the release pass."""
    return find_leaks(released_text(side), Roster.from_request(request), request.notes)


def refuse_leaks(side: AnonymizedSummary, request: SummaryRequest) -> None:
    """Raise PrivacyLeak, naming the kinds and never a value, if a released view identifies."""
    leaks = view_leaks(side, request)
    if leaks:
        raise PrivacyLeak(
            f"The anonymized summary still contains identifying content: {describe(leaks)}.",
            errors=[{"kind": kind} for kind in sorted({leak.kind for leak in leaks})],
        )


def release(side: AnonymizedSummary, request: SummaryRequest) -> AnonymizedSummary:
    """Anonymize once, check once; raise PrivacyLeak (kinds only) if anything remains."""
    roster = Roster.from_request(request)
    released = anonymize_side(side, roster, names_as_words(request.notes, roster))
    refuse_leaks(released, request)
    return released


def _kept_sentence(sentence: str, held: Callable[[str], bool]) -> str:
    """A sentence without what identifies: "Goals: a (x); b (y)." keeps b when only a does."""
    if not held(sentence):
        return sentence
    label, colon, body = sentence.partition(": ")
    if not colon or held(label):
        return ""
    items = [i for i in body.rstrip(".").split("; ") if not held(i)]
    kept = f"{label}: {'; '.join(items)}." if items else ""
    # A value no single item holds (a run across two items) takes the whole sentence.
    return "" if kept and held(kept) else kept


def _withheld(side: AnonymizedSummary, leaks: list[Leak]) -> tuple[AnonymizedSummary, set[str]]:
    """Drop each sentence, item or label of a view that holds a leak; return the kinds dropped."""
    kinds: set[str] = set()

    def held(text: str) -> bool:
        found = {leak.kind for leak in leaks if holds(text, leak)}
        kinds.update(found)
        return bool(found)

    sentences = (_kept_sentence(s.text, held) for s in split_sentences(side.summary))
    commitments = [
        c.model_copy(update={"what": UNSAID_COMMITMENT}) if held(c.what) else c
        for c in side.commitments
    ]
    reason = side.support_reason
    update = {
        "summary": " ".join(s for s in sentences if s),
        "topic": None if side.topic and held(side.topic) else side.topic,
        "topics": [t for t in side.topics if not held(t)],
        "themes": [t for t in side.themes if not held(t)],
        "challenges": [c for c in side.challenges if not held(c)],
        "goal_progress": [g for g in side.goal_progress if not held(g.goal)],
        "commitments": commitments,
        "support_reason": None if reason and held(reason) else reason,
    }
    return side.model_copy(update=update), kinds


def withhold(
    side: AnonymizedSummary, request: SummaryRequest
) -> tuple[AnonymizedSummary, list[str]]:
    """Take the parts that still identify out of a released view; return it and their kinds."""
    # For the offline engine's own view only: a model's answer that identifies is re-asked or
    # refused whole. What cannot be located stays, and the release check then refuses the view.
    kinds: set[str] = set()
    for _ in range(MAX_WITHHOLD_ROUNDS):
        leaks = view_leaks(side, request)
        if not leaks:
            break
        side, dropped = _withheld(side, leaks)
        if not dropped:
            break
        kinds |= dropped
    return side, sorted(kinds)
