"""Knowledge base: documents, ingestion into Chroma, hybrid retrieval."""
