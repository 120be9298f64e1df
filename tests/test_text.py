"""The shared text primitives: sentences with offsets, words, stems, question rules."""

from __future__ import annotations

from coach.text import (
    in_sentence,
    leading_sentences,
    mid_sentence,
    near_duplicates,
    open_problem,
    similarity,
    split_sentences,
    tokenize,
    words,
)


def test_sentences_keep_offsets() -> None:
    text = "  Great job... not. You came late!\nNext time?"
    for seg in split_sentences(text):
        assert text[seg.start : seg.end] == seg.text
    assert [s.text for s in split_sentences(text)] == [
        "Great job... not.",
        "You came late!",
        "Next time?",
    ]


def test_leading_sentences_fit_the_limit_but_keep_one() -> None:
    assert leading_sentences("One two.  Three four. Five.", 20) == "One two. Three four."
    assert leading_sentences("A very long first sentence.", 3) == "A very long first sentence."


def test_words_keep_inner_apostrophes() -> None:
    assert words("Don’t stop, it's Maya's turn") == ["don't", "stop", "it's", "maya's", "turn"]
    assert tokenize("Maya's posts") == ["maya", "post"]


def test_one_rule_for_questions() -> None:
    assert open_problem("Wouldn’t it be easier?") == 'yes/no opener "wouldn\'t"'
    assert open_problem("How might it go?") is None
    assert similarity("???", "???") == 1.0 and similarity("???", "!!!") == 0.0
    questions = [
        "What worries you about posting?",
        "What worries you most about posting?",
        "Where to start?",
    ]
    pairs = near_duplicates(questions)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_loose_split_ends_lower_case_sentences_but_not_abbreviations_or_quotes() -> None:
    from coach.text import split_loose

    text = 'set up tabs. honestly i was lost, e.g. on pins. she asked "why?" and laughed... ok'
    assert [s.text for s in split_loose(text)] == [
        "set up tabs.",
        "honestly i was lost, e.g. on pins.",
        'she asked "why?" and laughed... ok',
    ]


def test_a_heading_inside_a_sentence_keeps_acronyms_and_names() -> None:
    assert in_sentence("Generative AI at work") == "generative AI at work"
    assert mid_sentence("Giving feedback to my Director") == "giving feedback to my Director"
    assert mid_sentence("TikTok for B2B") == "TikTok for B2B"
    assert mid_sentence("AI") == "AI"
    assert in_sentence("Inclusion and DEI") == "inclusion and DEI"
    assert in_sentence("Posting on LinkedIn") == "posting on LinkedIn"
    assert in_sentence("KPI") == "KPI"
