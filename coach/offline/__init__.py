"""Offline engine: composes each artifact from retrieved knowledge and deterministic checks."""
