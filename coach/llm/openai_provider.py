"""Any OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp) via the openai SDK."""

from __future__ import annotations

from typing import Any

import openai

from coach.errors import ProviderUnavailable
from coach.generators.models import Usage
from coach.llm.base import Completion, Message
from coach.settings import LLMSettings

# Raised by the SDK only after its own retries with backoff are spent.
_DOWN = (
    openai.APIConnectionError,
    openai.APITimeoutError,
    openai.RateLimitError,
    openai.InternalServerError,
)


class OpenAIProvider:
    """Chat completions with JSON-schema output, falling back to JSON mode when unsupported."""

    name = "openai"

    def __init__(self, cfg: LLMSettings) -> None:
        self.cfg = cfg
        self.model = cfg.model
        self.mode = cfg.structured
        self.client = openai.OpenAI(
            base_url=cfg.base_url,
            api_key=cfg.api_key.get_secret_value() if cfg.api_key else "not-needed",
            timeout=cfg.timeout_s,
            max_retries=cfg.max_retries,
        )

    def _response_format(self, schema: dict[str, Any], schema_name: str) -> dict[str, Any]:
        if self.mode == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": schema, "strict": False},
            }
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
            try:
                response = self._create(messages, schema, schema_name)
            except openai.BadRequestError:
                if self.mode != "json_schema":
                    raise
                self.mode = "json_object"  # the endpoint has no JSON-schema support
                response = self._create(messages, schema, schema_name)
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
