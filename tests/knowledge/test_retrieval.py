"""Retrieval quality on a labelled set, and the filters."""

from __future__ import annotations

import json
import subprocess
import sys

from coach.knowledge.models import SearchFilters
from coach.knowledge.retrieval import Retriever, rrf
from coach.settings import Settings
from tests.conftest import PROJECT_ROOT

LABELS = PROJECT_ROOT / "tests/data/retrieval_labels.jsonl"


def load_labels() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]


def test_labelled_set_is_large_enough_and_points_at_real_documents(retriever: Retriever) -> None:
    labels = load_labels()
    docs = {c.doc_id for c in retriever.chunks.values()}
    assert len(labels) >= 30
    assert all(set(case["relevant"]) <= docs for case in labels)


def test_recall_at_5_is_at_least_0_9(retriever: Retriever) -> None:
    labels = load_labels()
    hits, misses = 0, []
    for case in labels:
        found = {p.doc_id for p in retriever.search(case["question"], k=5)}
        if found & set(case["relevant"]):
            hits += 1
        else:
            misses.append(case["question"])
    recall = hits / len(labels)
    assert recall >= 0.9, f"recall@5 = {recall:.3f}; missed: {misses}"


def test_passages_carry_what_callers_cite(retriever: Retriever) -> None:
    passage = retriever.search("how to give feedback to a senior leader", k=1)[0]
    assert passage.id in retriever.chunks
    assert passage.title and passage.heading and passage.text and passage.score > 0
    assert passage.source.startswith("knowledge/")


def test_kind_filter(retriever: Retriever) -> None:
    hits = retriever.search("feedback", k=8, filters=SearchFilters(kinds=["challenge"]))
    assert hits and all(p.kind == "challenge" for p in hits)


def test_topic_filter(retriever: Retriever) -> None:
    hits = retriever.search("exercises", k=8, filters=SearchFilters(topics=["social-media"]))
    assert hits and all("social-media" in p.topics for p in hits)


def test_audience_filter_keeps_all_audience_documents(retriever: Retriever) -> None:
    hits = retriever.search("matching pairs", k=10, filters=SearchFilters(audience="mentee"))
    assert hits and all(p.audience in ("mentee", "all") for p in hits)
    coordinator = retriever.search(
        "matching pairs", k=10, filters=SearchFilters(audience="coordinator")
    )
    assert any(p.audience == "coordinator" for p in coordinator)


def test_filters_that_match_nothing_return_nothing(retriever: Retriever) -> None:
    assert retriever.search("feedback", filters=SearchFilters(topics=["no-such-tag"])) == []


def test_rrf_rewards_agreement() -> None:
    scores = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert max(scores, key=scores.__getitem__) in {"a", "b"}
    assert scores["a"] == scores["b"] > scores["c"] > 0


def test_chroma_server_returns_what_the_local_folder_returns(
    retriever: Retriever, server_indexed_settings: Settings
) -> None:
    server = Retriever(server_indexed_settings)
    assert server.chunks.keys() == retriever.chunks.keys()
    questions = [case["question"] for case in load_labels()]
    for question in questions:
        local = [p.id for p in retriever.search(question, k=5)]
        remote = [p.id for p in server.search(question, k=5)]
        assert remote == local, question
    filters = SearchFilters(kinds=["topic"])
    for question in questions[:10]:
        local = [p.id for p in retriever.search(question, k=5, filters=filters)]
        assert [p.id for p in server.search(question, k=5, filters=filters)] == local


def test_searching_imports_no_markdown_parser() -> None:
    code = (
        "import sys; import coach.knowledge.retrieval; "
        "print([m for m in ('frontmatter', 'yaml') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
