"""Latency percentiles and tokens per request, from meta when the provider reports them."""

from __future__ import annotations

from typing import Any


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def _encoder(model: str) -> Any:
    """A tiktoken encoding for the model, or None when its BPE file cannot be had (offline)."""
    try:
        import tiktoken

        try:
            return tiktoken.encoding_for_model(model)
        except KeyError:
            return tiktoken.get_encoding("o200k_base")
    except Exception:  # tiktoken fetches its BPE files on first use; offline that fails
        return None


_ENCODERS: dict[str, Any] = {}


def token_count(
    usage: dict[str, int] | None, engine: str, model: str, texts: list[str]
) -> tuple[int | None, str]:
    """Tokens of one request and their source: provider, tiktoken, n/a or unavailable."""
    if usage:
        return usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0), "provider"
    if engine == "offline":
        return None, "n/a"
    if model not in _ENCODERS:
        _ENCODERS[model] = _encoder(model)
    enc = _ENCODERS[model]
    if enc is None:
        return None, "unavailable"
    return sum(len(enc.encode(t)) for t in texts), "tiktoken-estimate"
