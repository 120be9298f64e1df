"""Embeddings from an OpenAI-compatible endpoint, faked at the HTTP layer with respx."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import httpx
import respx

from coach.knowledge.ingest import ingest
from coach.knowledge.retrieval import Retriever
from tests.conftest import KNOWLEDGE, make_settings

URL = "http://embeddings.test/v1/embeddings"


def vector(text: str) -> list[float]:
    """A deterministic 16-dimensional stand-in for a real embedding."""
    digest = hashlib.sha256(text.encode()).digest()
    return [b / 255 for b in digest[:16]]


def answer(request: httpx.Request) -> httpx.Response:
    inputs = json.loads(request.content)["input"]
    data = [
        {"object": "embedding", "index": i, "embedding": vector(str(t))}
        for i, t in enumerate(inputs)
    ]
    return httpx.Response(
        200,
        json={
            "object": "list",
            "data": data,
            "model": "emb-test",
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        },
    )


@respx.mock
def test_ingest_and_search_through_an_openai_compatible_endpoint(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(KNOWLEDGE / "challenges/lack-of-time.md", kb / "lack-of-time.md")
    route = respx.post(URL).mock(side_effect=answer)
    settings = make_settings(
        tmp_path / "data",
        knowledge_dirs=[kb],
        embedding={
            "provider": "openai",
            "base_url": "http://embeddings.test/v1",
            "model": "emb-test",
        },
    )
    report = ingest(settings)
    sent = json.loads(route.calls[0].request.content)
    assert sent["model"] == "emb-test"
    assert any("Lack of time" in str(text) for text in sent["input"])
    assert report.chunks_embedded > 0
    hits = Retriever(settings).search("no time for sessions", k=2)
    assert hits and hits[0].doc_id == "challenge-lack-of-time"
    assert route.call_count >= 2  # the query was embedded by the endpoint too


@respx.mock
def test_switching_embedding_model_reembeds_into_its_own_collection(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(KNOWLEDGE / "challenges/lack-of-time.md", kb / "lack-of-time.md")
    respx.post(URL).mock(side_effect=answer)
    local = make_settings(tmp_path / "data", knowledge_dirs=[kb])
    remote = make_settings(
        tmp_path / "data",
        knowledge_dirs=[kb],
        embedding={
            "provider": "openai",
            "base_url": "http://embeddings.test/v1",
            "model": "emb-test",
        },
    )
    assert ingest(local).chunks_embedded > 0
    switched = ingest(remote)  # 384 dimensions before, 16 now: a shared collection would fail
    assert switched.added and switched.chunks_embedded > 0
    assert ingest(local).chunks_embedded == 0  # the first model's index is still intact
