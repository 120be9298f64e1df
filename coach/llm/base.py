"""The small contract every text-generating provider meets."""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel

Message = dict[str, str]


class Usage(BaseModel):
    """Token counts reported by the provider."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


class Completion(BaseModel):
    """One answer from a provider, with what it cost."""

    text: str
    model: str
    usage: Usage | None = None


class Provider(Protocol):
    """Turns chat messages into a completion, asked to follow a JSON schema."""

    name: str
    model: str

    def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion:
        """One request; raises ProviderUnavailable when the endpoint fails after its retries."""
        ...
