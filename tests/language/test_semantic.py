"""The semantic detector: clauses reduced to how something is judged, then compared by meaning."""

from __future__ import annotations

import pytest

from coach.language import semantic
from coach.language.analyzer import analyze, inspect
from coach.language.nlp import parse
from coach.language.semantic import plain_form
from coach.language.sentence import ironic


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("the template you sent is rubbish", "it is rubbish"),
        ("You interrupted Sam in the meeting", "You interrupted it"),
        ("Every slide was a wall of text", "it was a wall of text"),
        ("He is so lazy", "you is so lazy"),
        ("your awful report was late", "your awful report was late"),
    ],
)
def test_plain_noun_phrases_are_said_as_it_and_places_dropped(text: str, plain: str) -> None:
    assert plain_form(parse(text)) == plain


@pytest.mark.parametrize(
    ("text", "irony"),
    [
        ("Great job on the report, only three weeks late.", True),
        ("Thanks for showing up late again.", True),
        ("Great job, not.", True),
        ("Thanks for staying late to help me with the launch.", False),
        ("Great session, but we ran over by ten minutes.", False),
        ("Great session, we covered everything in only an hour.", False),
    ],
)
def test_praise_set_against_a_contrary_fact_reads_as_irony(text: str, irony: bool) -> None:
    assert ironic(parse(text)[:]) is irony


def test_irony_the_rules_do_not_list_is_found_by_meaning() -> None:
    text = "Really appreciate you reading my notes, oh wait, you didn't."
    assert "sarcasm" in {i.category for i in analyze(text, "mentor_to_mentee").issues}


def test_a_wording_no_list_holds_is_a_judgement_by_meaning() -> None:
    issues = analyze("The whole onboarding pack was a dog's breakfast.", "mentee_to_mentor").issues
    assert {"judgement", "vague"} & {i.category for i in issues}


def test_a_stereotype_by_meaning_needs_a_group() -> None:
    single = {i.category for i in analyze("You never listen to me.", "mentee_to_mentor").issues}
    group = analyze("People your age never listen to feedback.", "mentee_to_mentor").issues
    assert "stereotype" not in single
    assert "stereotype" in {i.category for i in group}


def test_plain_observations_and_questions_are_not_flagged() -> None:
    for text in (
        "The deadline was tight this month.",
        "You joined the call ten minutes late on Monday.",
        "Have you ever used this tool before?",
        "Look, the content is fine.",
    ):
        assert not analyze(text, "mentee_to_mentor").issues, text


def test_each_text_is_analysed_once() -> None:
    text = "Your slides were dull and you never send them on time."
    assert inspect(text)[0] is inspect(text)[0]


def test_bank_vectors_are_kept_on_disk_and_rebuilt_when_their_inputs_change(tmp_path, monkeypatch):
    """A second process loads the example banks instead of parsing and embedding them again."""
    import numpy as np

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = semantic._stored("probe", lambda: {"a": np.ones((2, 3), dtype=np.float32)})
    assert list((tmp_path / "coach" / "banks").glob("probe-*.npz"))

    def must_not_build() -> dict:
        raise AssertionError("the stored vectors were not used")

    again = semantic._stored("probe", must_not_build)
    assert np.array_equal(again["a"], built["a"])

    monkeypatch.setattr(semantic, "_bank_key", lambda: "changed-inputs")
    rebuilt = semantic._stored("probe", lambda: {"a": np.zeros((1, 3), dtype=np.float32)})
    assert rebuilt["a"].shape == (1, 3)


_CLAUSES = ["it was a total shambles", "you shrugged it off", "I loved how it went", "it is late"]


def test_clause_margins_match_each_bank_compared_on_its_own() -> None:
    """One product over the stacked banks gives what a product per bank gave."""
    import numpy as np

    semantic._SCORES.clear()
    bank, vectors = semantic._examples(), semantic.embed(_CLAUSES)
    neutral = semantic._near(bank["neutral"], vectors, semantic.CLAUSE_K)
    _, rows = semantic.margins(["sloppy"], _CLAUSES)
    for name in semantic.CATEGORIES:
        alone = semantic._near(bank[name], vectors, semantic.CLAUSE_K) - neutral
        assert np.allclose([row[name] for row in rows], alone, atol=1e-5), name
    rivals = [c for c in (*semantic.CATEGORIES, "neutral") if c != "sarcasm"]
    nearest = np.max([semantic._near(bank[c], vectors, semantic.CLAUSE_K) for c in rivals], axis=0)
    praise = semantic._near(bank["praise"], vectors, semantic.CLAUSE_K) - nearest
    assert np.allclose(semantic.praise_margins(_CLAUSES), praise, atol=1e-5)


def test_a_clause_is_compared_with_the_banks_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """praise_margins reuses what margins found for the same clauses: no second product."""
    semantic._SCORES.clear()
    first = semantic.margins([], _CLAUSES)
    monkeypatch.setattr(semantic, "_top_mean", lambda sims, k: pytest.fail("compared again"))
    assert semantic.margins([], _CLAUSES) == first
    assert len(semantic.praise_margins(list(reversed(_CLAUSES)))) == len(_CLAUSES)


def test_reloaded_banks_are_compared_afresh() -> None:
    """Scores belong to one load of the banks: a reload (new vectors) drops them."""
    semantic.margins([], _CLAUSES)
    semantic._examples.cache_clear()
    semantic.margins([], _CLAUSES)
    assert semantic._examples.cache_info().currsize == 1
    assert semantic._LOADED[0] is semantic._examples()
