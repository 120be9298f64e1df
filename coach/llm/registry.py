"""Provider registry: a name picks the engine; an unknown name fails listing the valid ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.errors import ConfigError

if TYPE_CHECKING:
    from coach.llm.base import Provider
    from coach.settings import LLMSettings

# "offline" has no text provider: the generators compose offline themselves.
PROVIDERS = ("offline", "openai")


def build_provider(cfg: LLMSettings) -> Provider | None:
    """The provider for the settings, or None for the offline engine."""
    name = cfg.resolved_provider
    if name == "offline":
        return None
    if name == "openai":
        from coach.llm.openai_provider import OpenAIProvider

        return OpenAIProvider(cfg)
    raise ConfigError(
        f"unknown LLM provider {name!r}: set COACH_LLM__PROVIDER to one of {', '.join(PROVIDERS)}"
    )
