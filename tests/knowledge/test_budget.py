"""Passages fit a prompt's token budget: whole when they can, trimmed at sentences, then cut."""

from __future__ import annotations

from coach.knowledge.budget import (
    MIN_PASSAGE_TOKENS,
    WRAPPER_TOKENS,
    count_lines,
    count_tokens,
    fit,
    trim,
)
from coach.knowledge.models import Passage

SENTENCE = "Mentors listen first and ask open questions before they give advice. "


def passage(i: int, sentences: int) -> Passage:
    return Passage(
        id=f"doc-{i}#s", doc_id=f"doc-{i}", title="T", heading="H", source="k/t.md",
        kind="guideline", topics=["t"], audience="all", text=SENTENCE * sentences, score=0.0,
    )  # fmt: skip


def cost(passages: list[Passage]) -> int:
    return sum(count_tokens(p.text) + WRAPPER_TOKENS for p in passages)


def test_count_tokens_uses_a_real_tokenizer() -> None:
    assert count_tokens("") == 0
    assert 10 <= count_tokens(SENTENCE) <= 16
    assert count_tokens(SENTENCE * 4) == 4 * count_tokens(SENTENCE)


def test_trim_keeps_whole_leading_sentences() -> None:
    text = SENTENCE * 10
    cut = trim(text, 3 * count_tokens(SENTENCE) + 2)
    assert cut == (SENTENCE * 3).strip()
    assert trim("Short.", 100) == "Short."
    assert trim(text, 1) == SENTENCE.strip()  # never empty: one sentence at least


def test_passages_that_fit_are_left_alone() -> None:
    passages = [passage(i, 2) for i in range(3)]
    assert fit(passages, 10_000) == passages


def test_short_passages_stay_whole_and_long_ones_share_the_rest() -> None:
    passages = [passage(0, 2), passage(1, 40), passage(2, 40)]
    fitted = fit(passages, 900)
    assert [p.id for p in fitted] == [p.id for p in passages]
    assert fitted[0].text == passages[0].text
    assert cost(fitted) <= 900
    assert all(len(p.text) < len(passages[1].text) for p in fitted[1:])


def test_lowest_ranked_passages_go_when_shares_would_be_too_small() -> None:
    passages = [passage(i, 20) for i in range(30)]
    budget = 600
    fitted = fit(passages, budget)
    assert [p.id for p in fitted] == [p.id for p in passages[: len(fitted)]]
    assert 1 <= len(fitted) <= budget // (MIN_PASSAGE_TOKENS + WRAPPER_TOKENS)
    assert cost(fitted) <= budget
    assert fit([], 100) == []


def test_counting_line_by_line_gives_the_whole_texts_count() -> None:
    text = (
        "Reword the feedback below.\n\n- judgement: 'a mess'\n  Feedback:\n"
        "Thé café demo, you know—it ran long!!\n\tNaïve question:\r\nwhy 1,000 slides?\n"
    )
    assert count_lines(text) == count_tokens(text)
    assert count_lines("") == count_tokens("") == 0
