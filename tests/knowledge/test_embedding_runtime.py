"""The onnx runtime gives the torch path's vectors, keeps torch off the request path, caches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from coach.knowledge.embeddings import (
    CachedQueries,
    build_embeddings,
    embedding_signature,
    loads_without_torch,
)
from coach.knowledge.snapshot import index_contents
from coach.settings import EmbeddingSettings, Settings

SAMPLES = [
    "How do I give feedback to a senior leader without sounding rude?",
    "Session structure: check-in, review commitments, wrap-up with next steps.",
    "Generative AI at work: where does it help, and where does it mislead? " * 30,  # truncated
    "ok",
]


def test_onnx_and_torch_runtimes_give_the_same_vectors() -> None:
    onnx = build_embeddings(EmbeddingSettings(runtime="onnx"))
    torch = build_embeddings(EmbeddingSettings(runtime="torch"))
    a = np.array(onnx.embed_documents(SAMPLES))
    b = np.array(torch.embed_documents(SAMPLES))
    cosines = (a * b).sum(axis=1)
    assert cosines.min() > 0.9999, cosines
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    query = np.array(onnx.embed_query(SAMPLES[0]))
    assert float(query @ b[0]) > 0.9999


def test_the_runtime_is_not_part_of_the_index_signature() -> None:
    onnx, torch = EmbeddingSettings(runtime="onnx"), EmbeddingSettings(runtime="torch")
    assert embedding_signature(onnx) == embedding_signature(torch)


class Counting(Embeddings):
    """Records every text it embeds."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.seen += texts
        return [[float(len(t)), 1.0] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.seen.append(text)
        return [float(len(text)), 1.0]


def test_query_vectors_are_cached_per_text_and_bounded() -> None:
    inner = Counting()
    cached = CachedQueries(inner, "local:m", size=2)
    first = cached.embed_query("a question")
    first.append(99.0)  # a caller changing its copy must not change the cache
    assert cached.embed_query("a question") == [10.0, 1.0]
    assert inner.seen == ["a question"]
    cached.embed_query("b")
    cached.embed_query("c")  # evicts "a question"
    cached.embed_query("a question")
    assert inner.seen == ["a question", "b", "c", "a question"]
    cached.embed_documents(["d", "d"])
    assert inner.seen[-2:] == ["d", "d"]  # documents are never cached


CLI_RUNS = {
    "search": ["search", "feedback to a senior leader"],
    "rephrase": ["rephrase", "You always interrupt me."],
}


@pytest.mark.parametrize("command", sorted(CLI_RUNS))
def test_the_cli_request_path_imports_neither_torch_nor_chromadb(
    indexed_settings: Settings, command: str
) -> None:
    index_contents(indexed_settings)  # refreshes the snapshot if another test opened the index
    code = (
        "import sys; from coach.cli import app; from typer.testing import CliRunner; "
        f"r = CliRunner().invoke(app, {CLI_RUNS[command]!r}); assert r.exit_code == 0, r.output; "
        "print([m for m in ('torch', 'sentence_transformers', 'transformers', 'chromadb', "
        "'langchain_core') if m in sys.modules])"
    )
    env = {**os.environ, "COACH_DATA_DIR": str(indexed_settings.data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_only_an_embedder_that_imports_no_torch_may_load_beside_spacy(tmp_path: Path) -> None:
    assert loads_without_torch(EmbeddingSettings(runtime="onnx"))  # the export exists here
    assert not loads_without_torch(EmbeddingSettings(runtime="torch"))
    assert not loads_without_torch(EmbeddingSettings(runtime="onnx", onnx_dir=tmp_path))
    assert loads_without_torch(EmbeddingSettings(provider="openai"))
