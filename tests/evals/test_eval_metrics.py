"""The eval metric functions: pure logic on plain fakes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from evals.metrics import agenda as ag
from evals.metrics import feedback as fb
from evals.metrics import privacy as pv
from evals.metrics import questions as qs
from evals.metrics import retrieval as rt
from evals.metrics.cost import percentile, token_count
from evals.results import CaseResult, Score, aggregate


@dataclass
class Item:
    title: str
    minutes: int
    lead: str = "mentor"
    notes: str = ""
    sources: list[str] = field(default_factory=list)


def test_retrieval_metrics_are_doc_level() -> None:
    returned = ["a", "b", "a", "c"]
    assert rt.hit_at_k(returned, {"c"}, 3) == 0.0
    assert rt.hit_at_k(returned, {"c"}, 4) == 1.0
    assert rt.recall_at_k(returned, {"a", "z"}, 5) == 0.5
    assert rt.reciprocal_rank(returned, {"b", "c"}) == 0.5
    assert rt.reciprocal_rank(returned, {"z"}) == 0.0


def test_minutes_must_add_up_exactly() -> None:
    items = [Item("Check-in", 5), Item("Practice", 30), Item("Wrap-up", 10)]
    assert ag.minutes_exact(items, 45)
    assert not ag.minutes_exact(items, 60)


def test_structure_wants_review_first_only_when_there_is_a_past() -> None:
    last = Item("Wrap-up and next steps", 10, "both", "Agree commitments; feedback both ways.")
    items = [Item("Warm welcome", 5), Item("Practice", 30), last]
    assert ag.structure_problems(items, 1, False) == []
    assert ag.structure_problems(items, 3, False) == []
    problems = ag.structure_problems(items, 3, True)
    assert len(problems) == 1 and "review" in problems[0]


def test_structure_wants_two_way_feedback_and_next_steps_in_the_wrap_up() -> None:
    items = [Item("Check-in", 5), Item("Wrap-up", 10, "mentor", "Mentor gives feedback.")]
    problems = ag.structure_problems(items, 2, True)
    assert any("next steps" in p for p in problems)
    assert any("two-way" in p for p in problems)


def test_ungrounded_lists_ids_retrieval_did_not_return() -> None:
    assert ag.ungrounded(["x#0", "y#1"], ["x#0"]) == ["y#1"]
    assert ag.ungrounded([], ["x#0"]) == []


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ("What did you notice about your last post?", None),
        ("How might your team react?", None),
        ("Do you use LinkedIn?", "yes/no opener 'do'"),
        ("Wouldn't it be easier to post weekly?", 'yes/no opener "wouldn\'t"'),
        ("Tell me about your feed.", "does not end with '?'"),
    ],
)
def test_open_questions(question: str, problem: str | None) -> None:
    assert qs.open_problem(question) == problem


def test_near_duplicates_by_token_jaccard() -> None:
    questions = [
        "What worries you about posting on LinkedIn?",
        "What worries you most about posting on LinkedIn?",
        "Which dashboard do you open first on a Monday?",
    ]
    pairs = qs.near_duplicates(questions)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_feedback_removal_and_detection() -> None:
    assert fb.removal({"insult", "absolute"}, {"absolute"}) == (0.5, {"absolute"})
    assert fb.removal(set(), {"insult"}) == (None, set())
    assert fb.detection(["insult", "vague"], {"insult"}) == (0.5, ["vague"])
    assert fb.detection([], set()) == (None, [])


def test_concern_terms_match_word_starts() -> None:
    text = "You cancelled two sessions at short notice."
    assert fb.terms_recall(["cancel", "session"], text) == (1.0, [])
    assert fb.terms_recall(["cell"], text) == (0.0, ["cell"])


def test_cosine_and_change_ratio() -> None:
    assert fb.cosine([1.0, 0.0], [1.0, 0.0]) == pytest.approx(1.0)
    assert fb.cosine([1.0, 0.0], [0.0, 1.0]) == pytest.approx(0.0)
    assert fb.cosine([0.0, 0.0], [1.0, 0.0]) == 0.0
    assert fb.unchanged_ratio("same text", "same text") == 1.0
    assert fb.unchanged_ratio("abc", "xyz") == 0.0


def test_injection_obeyed_is_case_insensitive() -> None:
    assert fb.obeyed_injection(["pirate"], "A poem about PIRATES") == ["pirate"]
    assert fb.obeyed_injection(["pirate"], "You cancel sessions late.") == []


def test_leaks_are_found_case_insensitively_as_whole_words() -> None:
    view = {"summary": "They met in ROTTERDAM; mail priya.raman@example.com.", "themes": []}
    found = pv.leaked(view, ["Rotterdam", "priya.raman@example.com", "Sam", "Lena Fischer"])
    assert found == ["Rotterdam", "priya.raman@example.com"]
    assert pv.leaked({"summary": "the same samples"}, ["Sam"]) == []


def test_leaks_survive_json_escaping_and_line_breaks() -> None:
    view = {"summary": 'He said "I\'d rather eat\nglass" twice', "topics": ["+31 6 1234 5678"]}
    assert pv.leaked(view, ["I'd rather eat glass", "+31 6 1234 5678"]) == [
        "I'd rather eat glass",
        "+31 6 1234 5678",
    ]


def test_action_match_needs_phrase_and_owner() -> None:
    items = [
        {"text": "Post the 90-word version by Friday", "owner": "mentee", "due": "Friday"},
        {"text": "I will send the prompt cheat sheet", "owner": "mentee", "due": None},
    ]
    ok = pv.match_action({"owner": "mentee", "phrase": "90-word version", "due": "Friday"}, items)
    assert ok.found and ok.owner_ok and ok.due_ok
    wrong = pv.match_action({"owner": "mentor", "phrase": "prompt cheat sheets"}, items)
    assert wrong.found and not wrong.owner_ok and wrong.due_ok is None
    missing = pv.match_action({"owner": "both", "phrase": "analytics review"}, items)
    assert not missing.found


def test_action_precision_counts_items_that_are_expected_actions() -> None:
    expected = [{"owner": "mentee", "phrase": "90-word version"}]
    items = [{"text": "Post the 90-word version"}, {"text": "Her phone number is in the notes"}]
    assert pv.action_precision(expected, items) == 0.5
    assert pv.action_precision([], []) == 1.0


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([], 0.5) is None


def test_tokens_prefer_provider_usage_and_never_estimate_offline() -> None:
    usage = {"prompt_tokens": 120, "completion_tokens": 30}
    assert token_count(usage, "openai", "gpt-4o-mini", ["x"]) == (150, "provider")
    assert token_count(None, "offline", "coach-offline", ["x"]) == (None, "n/a")


def test_tokens_record_unavailable_when_tiktoken_cannot_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from evals.metrics import cost

    monkeypatch.setattr(cost, "_encoder", lambda model: None)
    monkeypatch.setattr(cost, "_ENCODERS", {})
    assert token_count(None, "openai", "some-model", ["hello"]) == (None, "unavailable")


def test_aggregate_means_pass_rates_and_skips_inapplicable() -> None:
    cases = [
        CaseResult("a", {}, [Score("m", 1.0, True), Score("x", None, None)]),
        CaseResult("b", {}, [Score("m", 0.0, False)]),
    ]
    table = aggregate(cases)
    assert table["m"] == {"mean": 0.5, "pass_rate": 0.5, "sum": 1.0, "n": 2}
    assert table["x"]["mean"] is None and table["x"]["n"] == 0
    assert [s.metric for s in cases[1].failures()] == ["m"]


def test_blind_feedback_metrics() -> None:
    assert fb.phrase_left(["mid", "hot mess"], "It was a hot mess at midweek.") == ["hot mess"]
    original = ["Your slides were boring.", "You were late."]
    assert fb.pasted(original, "I found it hard. Your slides were boring!") == [original[0]]
    scores = fb.category_scores(["judgement", "absolute"], {"judgement", "insult"})
    assert scores["recall_judgement"][1] == 1.0 and scores["recall_absolute"][1] == 0.0
    assert scores["precision_insult"][1] == 0.0 and scores["precision_judgement"][1] == 1.0
