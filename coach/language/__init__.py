"""Deterministic feedback language tools: the analyzer, the rewriter and the shared checks."""
