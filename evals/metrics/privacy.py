"""Summary metrics: identifiers in the anonymized view, and action items recalled."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coach.text import stem, tokenize

# Words every action item shares ("by next session", "his", "their time"): no signal for
# telling one action from another, on top of the shared stop words.
_GENERIC = frozenset(stem(w) for w in "his her their its next session time".split())


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _pattern(value: str) -> re.Pattern[str]:
    """Case-insensitive, whitespace-tolerant, whole-word at word-character edges."""
    body = r"\s+".join(re.escape(part) for part in value.split())
    left = r"(?<!\w)" if value[:1].isalnum() else ""
    right = r"(?!\w)" if value[-1:].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def leaked(anonymized: dict[str, Any], values: Sequence[str]) -> list[str]:
    """The values found in the serialized anonymized view or any of its strings."""
    haystacks = [json.dumps(anonymized, ensure_ascii=False), "\n".join(_strings(anonymized))]
    return [v for v in values if v.strip() and any(_pattern(v).search(h) for h in haystacks)]


def key_stems(text: str) -> set[str]:
    """Stemmed content words."""
    return set(tokenize(text)) - _GENERIC


@dataclass(frozen=True)
class ActionMatch:
    """How one expected action fared: phrase found, owner right, due right."""

    phrase: str
    owner: str
    found: bool
    owner_ok: bool
    due_ok: bool | None


def match_action(expected: dict[str, str], items: Sequence[dict[str, Any]]) -> ActionMatch:
    """Find the expected action among the items by key phrase, then check its owner and due."""
    want = key_stems(expected["phrase"])
    hits = [i for i in items if want <= key_stems(f"{i.get('text', '')} {i.get('due') or ''}")]
    owned = [i for i in hits if i.get("owner") == expected["owner"]]
    due_ok = None
    if expected.get("due") and hits:
        due = key_stems(expected["due"])
        due_ok = any(due <= key_stems(f"{i.get('due') or ''} {i.get('text', '')}") for i in hits)
    return ActionMatch(expected["phrase"], expected["owner"], bool(hits), bool(owned), due_ok)


def action_precision(expected: Sequence[dict[str, str]], items: Sequence[dict[str, Any]]) -> float:
    """Share of listed action items that are one of the expected actions (by key phrase)."""
    if not items:
        return 1.0 if not expected else 0.0
    wants = [key_stems(e["phrase"]) for e in expected]
    real = [i for i in items if any(w <= key_stems(i.get("text", "")) for w in wants)]
    return len(real) / len(items)
