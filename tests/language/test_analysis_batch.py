"""Analysing several texts in one batch finds what analysing each alone finds."""

from __future__ import annotations

import pytest

from coach.language import analyzer, nlp, semantic

TEXTS = [
    "Your slides were a mess and you clearly didn't care.",
    "Thanks for walking me through the dashboard, it really helped.",
    "Honestly, the way you run retros is pointless.",
    "Please share the agenda a day before: I need time to prepare.",
]


def _fresh() -> None:
    nlp.forget_parses()
    analyzer.forget_analyses()
    semantic._SEEN.clear()


def test_a_batch_finds_what_each_text_alone_finds() -> None:
    _fresh()
    alone = [analyzer.analyze(t, "mentor_to_mentee") for t in TEXTS]
    _fresh()
    analyzer.inspect_many(TEXTS)
    kept = [analyzer._INSPECTED.get(t) for t in TEXTS]
    assert all(k is not None for k in kept)  # left for the per-text calls
    assert [analyzer.analyze(t, "mentor_to_mentee") for t in TEXTS] == alone
    assert any(issue for a in alone for issue in a.issues)  # the examples do flag something


def test_a_batch_embeds_each_step_once_for_all_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh()
    calls: list[int] = []
    real = semantic._matrix

    def counted(texts: list[str]) -> object:
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(semantic, "_matrix", counted)
    analyzer.inspect_many(TEXTS)
    # The injection step, the margins step, then the classifier step, each once for all four.
    assert 1 <= len(calls) <= 3
