"""Deterministic eval metrics, one module per family; pure functions over plain values."""
