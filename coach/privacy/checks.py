"""Invariants every session summary must hold, shared by the generators and the evals."""

from __future__ import annotations

from coach.models import CHALLENGES, SummaryDraft, SummaryRequest
from coach.privacy.leaks import describe, find_leaks
from coach.privacy.roster import Roster


def released_text(draft: SummaryDraft) -> str:
    """Return every free-text field of the anonymized side, one per line."""
    side = draft.anonymized
    return "\n".join([side.summary, *side.themes, *side.topics])


def summary_violations(request: SummaryRequest, draft: SummaryDraft) -> list[str]:
    """Return one short sentence per broken invariant; the sentences never quote a leak."""
    problems: list[str] = []
    leaks = find_leaks(released_text(draft), Roster.from_request(request), request.notes)
    if leaks:
        problems.append(
            f"The anonymized summary still contains identifying content: {describe(leaks)}."
        )
    expected = len(draft.private.action_items)
    if draft.anonymized.action_item_count != expected:
        problems.append(
            f"The anonymized action item count is {draft.anonymized.action_item_count}, "
            f"but the private summary lists {expected} action items."
        )
    unknown = [c for c in draft.anonymized.challenges if c not in CHALLENGES]
    if unknown:
        problems.append(f"{len(unknown)} challenge(s) are outside the fixed taxonomy.")
    if not draft.private.summary.strip():
        problems.append("The private summary is empty.")
    return problems
