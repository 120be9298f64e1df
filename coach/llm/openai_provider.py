"""Any OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp) via the openai SDK."""

from __future__ import annotations

from typing import Any

import openai

from coach.errors import ProviderUnavailable
from coach.llm.base import Completion, Message, Usage
from coach.settings import LLMSettings

# Raised by the SDK only after its own retries with backoff are spent.
_DOWN = (
    openai.APIConnectionError,
    openai.APITimeoutError,
    openai.RateLimitError,
    openai.InternalServerError,
)


MODES = ["json_schema", "json_object_schema", "json_object"]


def _format_refused(exc: openai.APIStatusError) -> bool:
    """Whether the endpoint rejected our response_format (llama.cpp answers that with a 500)."""
    return exc.status_code in (400, 422, 500) and "response_format" in str(exc.message)


class OpenAIProvider:
    """Chat completions with JSON-schema output, falling back to JSON mode when unsupported."""

    name = "openai"

    def __init__(self, cfg: LLMSettings) -> None:
        self.cfg = cfg
        self.model = cfg.model
        # Tried in order until the endpoint accepts one; the one that worked is kept.
        self.modes = list(MODES[MODES.index(cfg.structured) :])
        self.client = openai.OpenAI(
            base_url=cfg.base_url,
            api_key=cfg.api_key.get_secret_value() if cfg.api_key else "not-needed",
            timeout=cfg.timeout_s,
            max_retries=cfg.max_retries,
        )

    def _response_format(self, schema: dict[str, Any], schema_name: str) -> dict[str, Any]:
        mode = self.modes[0]
        if mode == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": schema, "strict": False},
            }
        if mode == "json_object_schema":  # llama.cpp's server turns this into a grammar
            return {"type": "json_object", "schema": schema}
        return {"type": "json_object"}

    def _create(self, messages: list[Message], schema: dict[str, Any], name: str) -> Any:
        create: Any = self.client.chat.completions.create  # the SDK's overloads want TypedDicts
        return create(
            model=self.model,
            messages=messages,
            temperature=self.cfg.temperature,
            response_format=self._response_format(schema, name),
        )

    def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion:
        """One structured request; ProviderUnavailable once the SDK's retries are spent."""
        try:
            while True:
                try:
                    response = self._create(messages, schema, schema_name)
                    break
                except openai.APIStatusError as exc:
                    if not (_format_refused(exc) and len(self.modes) > 1):
                        raise
                    self.modes.pop(0)  # this endpoint lacks that kind of structured output
        except _DOWN as exc:
            raise ProviderUnavailable(f"LLM endpoint unavailable: {type(exc).__name__}") from exc
        except openai.APIStatusError as exc:
            raise ProviderUnavailable(
                f"LLM endpoint refused the request ({exc.status_code})"
            ) from exc
        usage = response.usage
        return Completion(
            text=response.choices[0].message.content or "",
            model=response.model or self.model,
            usage=Usage(
                prompt_tokens=usage.prompt_tokens, completion_tokens=usage.completion_tokens
            )
            if usage
            else None,
        )
