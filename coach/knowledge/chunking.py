"""Header-aware splitting of knowledge documents into chunks with stable ids."""

from __future__ import annotations

import re
from collections import Counter

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from coach.knowledge.documents import Document
from coach.knowledge.models import Chunk

HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
MAX_CHARS = 1_500


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def split_document(doc: Document) -> list[Chunk]:
    """Split on headings, then long sections by size; ids are file + heading path + ordinal."""
    by_header = MarkdownHeaderTextSplitter(HEADERS, strip_headers=False)
    by_size = RecursiveCharacterTextSplitter(chunk_size=MAX_CHARS, chunk_overlap=150)
    ordinals: Counter[str] = Counter()
    chunks: list[Chunk] = []
    for section in by_size.split_documents(by_header.split_text(doc.body)):
        path = [
            section.metadata[key]
            for key, _ in ((k, m) for m, k in HEADERS)
            if key in section.metadata
        ]
        heading_path = [h for h in path if h != doc.meta.title] or [doc.meta.title]
        key = "/".join(_slug(h) for h in heading_path)
        chunk_id = f"{doc.source}#{key}#{ordinals[key]}"
        ordinals[key] += 1
        chunks.append(
            Chunk(
                id=chunk_id,
                doc_id=doc.meta.id,
                title=doc.meta.title,
                heading=" > ".join(heading_path),
                source=doc.source,
                kind=doc.meta.kind,
                topics=doc.meta.topics,
                audience=doc.meta.audience,
                text=section.page_content.strip(),
                file_hash=doc.file_hash,
            )
        )
    return [c for c in chunks if c.text]
