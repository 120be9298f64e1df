"""Invariants every released session summary must hold, shared by the generators and the evals."""

from __future__ import annotations

from coach.models import CHALLENGES, SummaryDraft, SummaryRequest
from coach.privacy.leaks import describe
from coach.privacy.release import view_leaks


def summary_violations(request: SummaryRequest, draft: SummaryDraft) -> list[str]:
    """Return one short sentence per broken invariant; the sentences never quote a leak."""
    problems: list[str] = []
    leaks = view_leaks(draft.anonymized, request)
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
