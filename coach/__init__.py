"""LLM-assisted coaching for reverse mentoring programs."""

__version__ = "0.1.0"
