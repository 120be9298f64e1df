"""Provider registry: one entry per provider; an unknown name fails listing the valid ones."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from coach.errors import ConfigError

if TYPE_CHECKING:
    from coach.llm.base import Provider
    from coach.settings import LLMSettings

OFFLINE = "offline"
# name -> "module:class"; imported only when chosen, so the SDK of an unused provider never
# loads. "offline" has no text provider: the pipeline composes offline itself.
PROVIDERS: dict[str, str | None] = {
    OFFLINE: None,
    "openai": "coach.llm.openai_provider:OpenAIProvider",
}


def check_provider(cfg: LLMSettings) -> str:
    """The provider name in force, or ConfigError saying what to set."""
    name = cfg.resolved_provider
    if name not in PROVIDERS:
        raise ConfigError(
            f"unknown LLM provider {name!r}: set COACH_LLM__PROVIDER to one of "
            + ", ".join(sorted(PROVIDERS))
        )
    return name


def build_provider(cfg: LLMSettings) -> Provider | None:
    """The provider for the settings (its `name` is its registry entry), or None for offline."""
    name = check_provider(cfg)
    target = PROVIDERS[name]
    if target is None:
        return None
    module, _, attr = target.partition(":")
    provider: Provider = getattr(import_module(module), attr)(cfg)
    provider.name = name
    return provider
