"""The offline session summary: extract structure from the notes, then write both sides."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from coach.knowledge.models import Passage
from coach.models import (
    CHALLENGES,
    ActionItem,
    AnonymizedSummary,
    Challenge,
    PrivateSummary,
    SummaryDraft,
    SummaryRequest,
)
from coach.offline.actions import extract_actions, is_action, note_author
from coach.offline.keypoints import key_points
from coach.offline.notes import Sentence, parse_notes
from coach.offline.vocab import CHALLENGE_PATTERNS, THEMES, TOPICS, matching, passage_topics
from coach.privacy.release import release
from coach.privacy.roster import Roster

_COMMITMENT = re.compile(
    r"\b(?:commit(?:s|ted|ment)?|agreed|promised?|pledged?|from now on|going forward|"
    r"every (?:week|day|month)|each (?:week|session)|will keep|will continue)\b",
    re.IGNORECASE,
)
_OWNER_WORDS = {"mentee": "the mentee", "mentor": "the mentor", "both": "both of them"}


def _join(items: list[str]) -> str:
    """Join labels as English: "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _plural(n: int, word: str) -> str:
    """Return "1 action item" / "3 action items"."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _owner_split(items: list[ActionItem]) -> str:
    """Describe how many actions each side owns, e.g. "2 for the mentee and 1 for both"."""
    counts = Counter(item.owner for item in items)
    parts = [
        f"{counts[o]} for {_OWNER_WORDS[o]}" for o in ("mentee", "mentor", "both") if counts[o]
    ]
    return _join(parts)


def _anonymized_text(
    topics: list[str], themes: list[str], challenges: Sequence[str], actions: list[ActionItem]
) -> str:
    """Write the coordinator's summary from labels and counts only, never from the notes."""
    about = _join(topics) if topics else "the goals of their reverse-mentoring pairing"
    lines = [f"The pair met and discussed {about}."]
    if themes:
        lines.append(f"The session centred on {_join(themes)}.")
    if challenges:
        labels = [c.replace("-", " ") for c in challenges]
        lines.append(f"Program challenges raised: {_join(labels)}.")
    else:
        lines.append("No program challenges were raised.")
    if actions:
        lines.append(
            f"They agreed on {_plural(len(actions), 'action item')}: {_owner_split(actions)}."
        )
    else:
        lines.append("No action items were recorded.")
    return " ".join(lines)


def _private_text(
    request: SummaryRequest, topics: list[str], points: list[str], actions: list[ActionItem]
) -> str:
    """Write the pair's own summary, which may name them and quote their notes."""
    when = f" on {request.session_date}" if request.session_date else ""
    about = _join(topics) if topics else "their goals"
    pair = f"{request.mentor_name} (mentor) and {request.mentee_name} (mentee)"
    lines = [f"Session{when} between {pair} on {about}."]
    if points:
        lines.append(f"Main point: {points[0]}")
    lines.append(f"{_plural(len(actions), 'action item')} agreed.")
    return " ".join(lines)


def _challenges(notes: str) -> list[Challenge]:
    """Map the notes onto the fixed challenge taxonomy by keyword cues, in taxonomy order."""
    found = matching(CHALLENGE_PATTERNS, notes)
    return [c for c in CHALLENGES if c in found]  # type: ignore[misc]


def compose_summary(request: SummaryRequest, passages: list[Passage]) -> SummaryDraft:
    """Summarise session notes deterministically; raise PrivacyLeak if the release is unsafe."""
    roster = Roster.from_request(request)
    sentences: list[Sentence] = parse_notes(request.notes)
    author = note_author(request.notes, roster)
    actions = extract_actions(sentences, roster, author)
    discussion = [s for s in sentences if not is_action(s, roster, author)] or sentences
    points = key_points(discussion)
    topics = matching(TOPICS, request.notes)
    topics += [t for t in passage_topics(passages, request.notes) if t not in topics]
    themes = matching(THEMES, request.notes)
    if actions:
        themes.append("follow-up planning")
    challenges = _challenges(request.notes)
    private = PrivateSummary(
        summary=_private_text(request, topics, points, actions),
        key_points=points,
        action_items=actions,
        topics=topics,
        commitments=[s.text for s in sentences if _COMMITMENT.search(s.text)],
    )
    anonymized = AnonymizedSummary(
        summary=_anonymized_text(topics, themes, challenges, actions),
        themes=themes,
        challenges=challenges,
        topics=topics,
        action_item_count=len(actions),
    )
    return SummaryDraft(private=private, anonymized=release(anonymized, request))
