"""The Chroma index behind LangChain's vector-store integration: local folder or Chroma server."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from coach.knowledge.embeddings import Embedder, embedding_signature
from coach.knowledge.models import Chunk
from coach.settings import Settings

if TYPE_CHECKING:
    from langchain_chroma import Chroma

# Chroma compares with cosine distance because the embeddings are normalized.
SPACE = {"hnsw:space": "cosine"}


def chroma_client(settings: Settings) -> Any:
    """A persistent client in the data directory, or an HTTP client when a host is configured."""
    import chromadb
    from chromadb.config import Settings as ChromaConfig

    config = ChromaConfig(anonymized_telemetry=False)
    if settings.chroma.host:
        return chromadb.HttpClient(
            host=settings.chroma.host,
            port=settings.chroma.port,
            ssl=settings.chroma.ssl,
            settings=config,
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=config)


def collection_name(settings: Settings) -> str:
    """One collection per embedding model: vectors of different models cannot share one."""
    signature = embedding_signature(settings.embedding)
    return f"{settings.chroma.collection}-{hashlib.sha256(signature.encode()).hexdigest()[:8]}"


def open_store(settings: Settings, embeddings: Embedder | None) -> Chroma:
    """The knowledge collection as a LangChain vector store, for ingestion."""
    from langchain_chroma import Chroma

    return Chroma(
        collection_name=collection_name(settings),
        embedding_function=embeddings,  # type: ignore[arg-type]  # duck-typed: an Embedder
        client=chroma_client(settings),
        collection_metadata=SPACE,
    )


def chunk_metadata(chunk: Chunk, root: str) -> dict[str, str]:
    """Chroma metadata holds scalars only, so topics travel as a delimited string."""
    return {
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "heading": chunk.heading,
        "source": chunk.source,
        "root": root,
        "kind": chunk.kind,
        "topics": "|".join(chunk.topics),
        "audience": chunk.audience,
        "file_hash": chunk.file_hash,
    }


def chunk_from_record(chunk_id: str, document: str, meta: dict[str, Any]) -> Chunk:
    """Rebuild a Chunk from what Chroma returns, dropping the context line added for embedding."""
    text = document.split("\n", 1)[1] if "\n" in document else document
    return Chunk(
        id=chunk_id,
        doc_id=meta["doc_id"],
        title=meta["title"],
        heading=meta["heading"],
        source=meta["source"],
        kind=meta["kind"],
        topics=[t for t in str(meta["topics"]).split("|") if t],
        audience=meta["audience"],
        text=text,
        file_hash=meta["file_hash"],
    )


def read_index(settings: Settings) -> tuple[list[Chunk], list[Any]]:
    """Every chunk in the index with its stored embedding, in id order.

    Reads through chromadb alone: LangChain's vector store adds nothing to a bulk read, and
    importing it (tracers, langsmith) was a third of a search's cold start.
    """
    collection = chroma_client(settings).get_or_create_collection(
        collection_name(settings), metadata=SPACE
    )
    got = collection.get(include=["documents", "metadatas", "embeddings"])
    vectors = got["embeddings"] if got["embeddings"] is not None else []
    rows = sorted(
        zip(got["ids"], got["documents"], got["metadatas"], vectors, strict=True),
        key=lambda row: row[0],
    )
    return [chunk_from_record(i, d, m) for i, d, m, _ in rows], [v for *_, v in rows]


def stored_text(chunk: Chunk) -> str:
    """What gets embedded and stored: a one-line title and heading give a short section context."""
    return f"{chunk.title} > {chunk.heading}\n{chunk.text}"


def _raw_collection(settings: Settings, fresh: bool = False) -> Any:
    """The knowledge collection through chromadb itself; `fresh` drops it first."""
    client = chroma_client(settings)
    name = collection_name(settings)
    if fresh and name in {c.name for c in client.list_collections()}:
        client.delete_collection(name)
    return client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"})


def export_records(settings: Settings) -> list[dict[str, Any]]:
    """Every record of the index with its embedding, in id order, for a backup."""
    got = _raw_collection(settings).get(include=["embeddings", "documents", "metadatas"])
    records = [
        {"id": i, "embedding": [float(x) for x in e], "document": d, "metadata": m}
        for i, e, d, m in zip(
            got["ids"], got["embeddings"], got["documents"], got["metadatas"], strict=True
        )
    ]
    return sorted(records, key=lambda r: r["id"])


def import_records(settings: Settings, records: list[dict[str, Any]], batch: int = 500) -> None:
    """Replace the index's records with a backup's; nothing is embedded again."""
    collection = _raw_collection(settings, fresh=True)
    for start in range(0, len(records), batch):
        part = records[start : start + batch]
        collection.add(
            ids=[r["id"] for r in part],
            embeddings=[r["embedding"] for r in part],
            documents=[r["document"] for r in part],
            metadatas=[r["metadata"] for r in part],
        )
