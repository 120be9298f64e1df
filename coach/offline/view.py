"""The coordinator's view of a session, written from labels, roles and dates only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from coach.models import (
    CHALLENGE_GLOSSES,
    ActionItem,
    AnonymizedSummary,
    Commitment,
    GoalProgress,
    SummaryRequest,
)
from coach.offline.parse import mask_people, verb_object
from coach.offline.phrases import (
    action_core,
    ends_on_noun,
    join,
    plain_phrase,
    plain_words,
    shortenings,
    without_modifiers,
)
from coach.offline.support import support_reasons
from coach.privacy.leaks import copies
from coach.privacy.release import UNSAID_COMMITMENT
from coach.privacy.roles import role_spans

# A commitment said in fewer words than this falls back to the action's own plain words.
MIN_COMMITMENT_WORDS = 2
# The verb and its object are already cut to what the action is; what is asked runs longer.
MAX_COMMITMENT_WORDS = 10
_OWNER_WORDS = {
    "mentee": "the mentee",
    "mentor": "the mentor",
    "both": "both",
    "other": "someone outside the pair",
}


def commitments(actions: list[ActionItem], avoid: frozenset[str] = frozenset()) -> list[Commitment]:
    """The action items by role and due date, each said as its verb and object in plain words."""
    return [
        Commitment(owner=a.owner, what=coordinator_phrase(a.text, avoid), due=a.due)
        for a in actions
    ]


def coordinator_phrase(text: str, avoid: frozenset[str] = frozenset()) -> str:
    """One action as a coordinator reads it: "ask someone about the camera", no one named."""
    # People are masked on the whole sentence, where the parse sees who is asked or told;
    # the verb and its object are then read off the action without its owner and modal.
    masked = mask_people(text)
    said = _commitment_words(text, masked, avoid, compounds=True)
    # A compound can carry a role the masking did not see ("the co-founder"); the release gate
    # would refuse it, so the phrase is then said without its compounds.
    if role_spans(said):
        said = _commitment_words(text, masked, avoid, compounds=False)
    return said or UNSAID_COMMITMENT


def _commitment_words(text: str, masked: str, avoid: frozenset[str], compounds: bool) -> str:
    """The plain words of an action's verb and object, short of copying the notes."""
    core = verb_object(action_core(masked))
    said = plain_words(core, avoid, MAX_COMMITMENT_WORDS, compounds=compounds)
    # A longer phrase may not repeat the notes word for word: the release gate refuses that.
    limit = MAX_COMMITMENT_WORDS
    while limit > MIN_COMMITMENT_WORDS and copies(said, text):
        limit -= 1
        said = plain_words(said, avoid, limit, compounds=compounds)
    # A cut that ends on a noun still reads ("ask the team about the budget"); one that ends
    # mid-clause ("review whether the rebuild is") gives way to a reading without the tail.
    if said != plain_words(core, avoid, len(core), compounds=compounds) and not ends_on_noun(
        said, core
    ):
        readings = [core, *shortenings(core)]
        for reading in (r for whole in readings for r in (whole, without_modifiers(whole))):
            shorter = plain_words(reading, avoid, len(reading), compounds=compounds)
            words = len(shorter.split())
            if MIN_COMMITMENT_WORDS <= words <= MAX_COMMITMENT_WORDS and not copies(shorter, text):
                said = shorter
                break
    if len(said.split()) < MIN_COMMITMENT_WORDS:  # a verb alone ("check") says too little
        said = plain_phrase(masked, avoid)
    return said


def _commitment_line(items: list[Commitment]) -> str:
    """Describe the commitments by role, e.g. "2 for the mentee (next due 2026-03-20)"."""
    counts = Counter(c.owner for c in items)
    parts = []
    for owner in ("mentee", "mentor", "both", "other"):
        if counts[owner]:
            dues = sorted(c.due for c in items if c.owner == owner and c.due)
            due = f", next due {dues[0]}" if dues else ""
            parts.append(f"{counts[owner]} for {_OWNER_WORDS[owner]}{due}")
    return f"Commitments: {join(parts)}." if parts else "No commitments were recorded."


def _goal_lines(goals: list[GoalProgress]) -> list[str]:
    """One line naming each goal with its status: "Goals: <goal> (progressed); <goal> (...)"."""
    # The status follows the goal in brackets: said as "<goal> progressed" it ran on, and a line
    # opening "Goal progressed:" made spaCy's recognizer read "Goal" as a person's name.
    if not goals:
        return []
    return ["Goals: " + "; ".join(f"{g.goal} ({g.status})" for g in goals) + "."]


def write_view(
    request: SummaryRequest,
    topics: list[str],
    themes: list[str],
    challenges: Sequence[str],
    actions: list[ActionItem],
    goals: list[GoalProgress],
    avoid: frozenset[str] = frozenset(),
) -> AnonymizedSummary:
    """Assemble the coordinator's view; its summary is built from labels, never from the notes."""
    items = commitments(actions, avoid)
    reasons = support_reasons(request)
    lines = [f"Session on {topics[0]}." if topics else "Session on the pair's own goals."]
    if len(topics) > 1:
        lines.append(f"Also touched on {join(topics[1:])}.")
    if themes:
        lines.append(f"Themes: {join(themes)}.")
    if challenges:
        glosses = [f"{c.replace('-', ' ')} ({CHALLENGE_GLOSSES[c]})" for c in challenges]
        lines.append(f"What got in the way: {join(glosses)}.")
    lines += _goal_lines(goals)
    lines.append(_commitment_line(items))
    if reasons:
        lines.append(f"May need support: {join(reasons)}.")
    return AnonymizedSummary(
        summary=" ".join(lines),
        topic=topics[0] if topics else None,
        topics=topics,
        themes=themes,
        challenges=list(challenges),  # type: ignore[arg-type]
        goal_progress=goals,
        commitments=items,
        needs_support=bool(reasons),
        support_reason="; ".join(reasons) or None,
        action_item_count=len(actions),
    )
