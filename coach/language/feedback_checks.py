"""Invariants every reworded feedback must meet; the generators and the evals share them."""

from __future__ import annotations

from coach.language.analyzer import analyze, inspect
from coach.language.tone import CONDESCENSION, INJECTION, content_words
from coach.models import FeedbackDraft, FeedbackRequest
from coach.text import stem

# Categories that must never survive a rewrite. Vagueness and hedging may legitimately remain
# as placeholders or a single softener; absolutes are only flagged in critical clauses.
HARD_CATEGORIES = frozenset(
    {"insult", "personal_label", "stereotype", "sarcasm", "assumed_intent", "absolute"}
)
CONCERN_THRESHOLD = 0.7


def key_terms(text: str) -> set[str]:
    """Content words of the concern, leaving out flagged spans and instructions to a model."""
    kept: list[str] = []
    for sentence in inspect(text):
        if sentence.injected:
            continue
        seg = sentence.segment
        chars = list(seg.text)
        for clause in sentence.clauses:
            for hit in clause.hits:
                for i in range(max(hit.start, seg.start), min(hit.end, seg.end)):
                    chars[i - seg.start] = " "
        kept.append("".join(chars))
    return set(content_words(" ".join(kept)))


def concern_preserved(original: str, rewritten: str) -> float:
    """Recall of the original's key terms in the rewrite, compared by stem; 1.0 if none."""
    terms = key_terms(original)
    if not terms:
        return 1.0
    present = {stem(w) for w in content_words(rewritten)}
    return sum(stem(t) in present for t in terms) / len(terms)


def _missing_terms(original: str, rewritten: str) -> list[str]:
    present = {stem(w) for w in content_words(rewritten)}
    return sorted(t for t in key_terms(original) if stem(t) not in present)


def feedback_violations(request: FeedbackRequest, draft: FeedbackDraft) -> list[str]:
    """Every invariant the draft breaks, each as one short sentence; empty when it is sound."""
    problems: list[str] = []
    after = analyze(draft.rewritten, request.direction)
    for issue in after.issues:
        if issue.category in HARD_CATEGORIES:
            problems.append(
                f"The rewrite still contains {issue.category} language: '{issue.span}'."
            )
    for field in ("situation", "behavior", "impact", "request"):
        if not getattr(draft.sbi, field).strip():
            problems.append(f"The SBI {field} is empty.")
    before = analyze(request.text, request.direction)
    if before.tone == "praise" and after.tone not in ("praise", "mixed"):
        problems.append(f"The original is praise but the rewrite reads as {after.tone}.")
    if request.direction == "mentee_to_mentor":
        for match in CONDESCENSION.finditer(draft.rewritten):
            problems.append(f"The rewrite sounds condescending: '{match.group(0).strip(' ,')}'.")
    if any(INJECTION.search(s.segment.text) for s in inspect(draft.rewritten)):
        problems.append("The rewrite repeats an instruction aimed at a model.")
    if concern_preserved(request.text, draft.rewritten) < CONCERN_THRESHOLD:
        missing = ", ".join(_missing_terms(request.text, draft.rewritten)[:8])
        problems.append(f"The rewrite drops key terms of the concern: {missing}.")
    return problems
