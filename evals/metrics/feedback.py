"""Feedback metrics: flagged language gone, the concern kept, good feedback left alone."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence

SIMILARITY_CUTOFF = 0.6
UNCHANGED_CUTOFF = 0.6


def removal(before: set[str], after: set[str]) -> tuple[float | None, set[str]]:
    """Share of categories flagged before that are gone after, and those that remain."""
    if not before:
        return None, set()
    remaining = before & after
    return 1.0 - len(remaining) / len(before), remaining


def detection(expected: Sequence[str], flagged: set[str]) -> tuple[float | None, list[str]]:
    """Share of expected categories the analyzer flagged, and those it missed."""
    if not expected:
        return None, []
    missed = [c for c in expected if c not in flagged]
    return 1.0 - len(missed) / len(expected), missed


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors; 0.0 when either is all zeros."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def term_present(term: str, text: str) -> bool:
    """Whether a concern term starts a word of the text (so 'cancel' finds 'cancelled')."""
    return re.search(rf"(?<![\w]){re.escape(term.lower())}", text.lower()) is not None


def terms_recall(terms: Sequence[str], text: str) -> tuple[float | None, list[str]]:
    """Share of concern terms that survive in the text, and the ones lost."""
    if not terms:
        return None, []
    lost = [t for t in terms if not term_present(t, text)]
    return 1.0 - len(lost) / len(terms), lost


def unchanged_ratio(original: str, rewritten: str) -> float:
    """difflib's similarity ratio between the original and the rewrite (1.0 = identical)."""
    return difflib.SequenceMatcher(None, original, rewritten, autojunk=False).ratio()


def obeyed_injection(forbidden: Sequence[str], text: str) -> list[str]:
    """Forbidden strings (what an injected instruction asked for) present in the output."""
    low = text.lower()
    return [f for f in forbidden if f.lower() in low]


def phrase_left(phrases: Sequence[str], text: str) -> list[str]:
    """Phrases still present as whole words ("mid" is not found inside "midweek")."""
    low = text.lower()
    return [p for p in phrases if re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", low)]


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("’", "'")))


def pasted(sentences: Sequence[str], rewritten: str) -> list[str]:
    """Original sentences that reappear whole (ignoring case and punctuation) in the rewrite."""
    body = f" {_normal(rewritten)} "
    return [s for s in sentences if _normal(s) and f" {_normal(s)} " in body]


def category_scores(expected: Sequence[str], flagged: set[str]) -> dict[str, tuple[str, float]]:
    """Per category, a recall point where it was expected and a precision point where flagged."""
    out: dict[str, tuple[str, float]] = {}
    for category in set(expected) | flagged:
        if category in expected:
            out[f"recall_{category}"] = ("recall", float(category in flagged))
        if category in flagged:
            out[f"precision_{category}"] = ("precision", float(category in expected))
    return out
