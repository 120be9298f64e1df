"""The small contract every text-generating provider meets, and the deadline it works within."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel

from coach.errors import DeadlineExceeded

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


@dataclass
class Deadline:
    """One time budget for a whole generation: every attempt, retry, back-off and re-ask."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        """Seconds left; never negative."""
        return max(0.0, self.seconds - (time.monotonic() - self.started))

    def check(self, doing: str) -> float:
        """The seconds left, or DeadlineExceeded naming what was under way."""
        left = self.remaining()
        if left <= 0:
            raise DeadlineExceeded(
                f"the LLM did not finish within the {self.seconds:g} s deadline ({doing}); "
                "raise COACH_LLM__DEADLINE_S if the model is just slow"
            )
        return left


@dataclass(frozen=True)
class Probe:
    """What a readiness probe found out about the endpoint."""

    ok: bool
    detail: str


class Provider(Protocol):
    """Turns chat messages into a completion, asked to follow a JSON schema (async: no thread)."""

    name: str
    model: str

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any],
        schema_name: str,
        deadline: Deadline,
    ) -> Completion:
        """One answer; ProviderUnavailable once retries or the deadline are spent."""
        ...

    async def probe(self) -> Probe:
        """A cheap check that the endpoint answers (may be cached briefly)."""
        ...
