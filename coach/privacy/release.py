"""Preparing the coordinators' side of a summary for release, whoever wrote it."""

from __future__ import annotations

from coach.models import AnonymizedSummary, SummaryRequest
from coach.privacy.anonymizer import anonymize
from coach.privacy.leaks import assert_no_leaks
from coach.privacy.roster import Roster


def anonymize_side(side: AnonymizedSummary, roster: Roster) -> AnonymizedSummary:
    """Pass every free-text field through the anonymizer, keeping the fixed label vocabulary."""
    vocabulary = [*side.themes, *side.topics, *(c.replace("-", " ") for c in side.challenges)]
    return side.model_copy(
        update={
            "summary": anonymize(side.summary, roster, keep=vocabulary),
            "themes": [anonymize(t, roster, keep=vocabulary) for t in side.themes],
            "topics": [anonymize(t, roster, keep=vocabulary) for t in side.topics],
        }
    )


def release(side: AnonymizedSummary, request: SummaryRequest) -> AnonymizedSummary:
    """Anonymize, then refuse (PrivacyLeak) if the final leak check still finds anything."""
    roster = Roster.from_request(request)
    released = anonymize_side(side, roster)
    text = "\n".join([released.summary, *released.themes, *released.topics])
    assert_no_leaks(text, roster, source_notes=request.notes)
    return released
