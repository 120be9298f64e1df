"""Any OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp) via the openai SDK."""

from __future__ import annotations

import asyncio
import functools
import json
import ssl
import threading
import time
import weakref
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import openai
from pydantic import BaseModel, Field, ValidationError

from coach.errors import DeadlineExceeded, ProviderUnavailable
from coach.llm.base import Completion, Deadline, Message, Probe, Usage
from coach.settings import LLMSettings

MODES = ("json_schema", "json_object_schema", "json_object")
MAX_ANSWER_BYTES = 4 * 1024 * 1024  # a chat answer is kilobytes; more is a broken endpoint
PROBE_TIMEOUT_S = 2.0
PROBE_TTL_S = 15.0  # /readyz is polled often; the endpoint is asked at most this often
_RETRIABLE = {408, 409, 429}
# httpcore's pool looks at every one of its connections (a poll syscall for each idle one)
# whenever a request starts or ends, so one pool of n connections costs O(n) per request:
# ~10 ms of CPU at 128 in flight. A pool takes at most PER_POOL requests at once; past that
# another client (with its own pool) is opened, so a quiet service keeps one. Measured per
# call at 32 and 128 in flight: ~2.2 ms of CPU with pools of 16, ~1.2-1.6 ms with pools of 4.
PER_POOL = 4


class Malformed(Exception):
    """A 2xx answer whose body is not a chat completion: a provider failure, retried."""


class _Message(BaseModel):
    content: str


class _Choice(BaseModel):
    message: _Message


class _Body(BaseModel):
    """The part of a chat.completion body we read; anything else in it is ignored."""

    choices: list[_Choice] = Field(min_length=1)
    model: str | None = None
    usage: Usage | None = None


def _describe(raw: bytes) -> str:
    text = raw.strip()
    if not text:
        return "an empty body"
    if text[:1] == b"<":
        return "an HTML or XML page, not JSON"
    if text[:1] not in (b"{", b"["):
        return "a body that is not JSON"
    return "JSON that is not a chat completion (no choices[0].message.content)"


def parse_completion(raw: bytes, model: str) -> Completion:
    """The completion in a response body, or Malformed saying what the body was instead."""
    try:
        body = _Body.model_validate_json(raw)
    except ValidationError:
        raise Malformed(_describe(raw)) from None
    return Completion(
        text=body.choices[0].message.content, model=body.model or model, usage=body.usage
    )


def response_format(mode: str, schema: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """The response_format for one structured-output mode."""
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": schema_name, "schema": schema, "strict": False},
        }
    if mode == "json_object_schema":  # llama.cpp's server turns this into a grammar
        return {"type": "json_object", "schema": schema}
    return {"type": "json_object"}


def schema_in_prompt(messages: list[Message], schema: dict[str, Any]) -> list[Message]:
    """The messages with the schema appended to the system message, for plain JSON mode."""
    # Plain json_object carries no schema, yet the prompt says "follows the given schema": so
    # the model is given it here, compact (output_schema has already dropped the noise).
    text = "The JSON schema of the answer: " + json.dumps(schema, separators=(",", ":"))
    if messages and messages[0]["role"] == "system":
        first = {**messages[0], "content": f"{messages[0]['content'].rstrip()}\n\n{text}"}
        return [first, *messages[1:]]
    return [{"role": "system", "content": text}, *messages]


def format_refused(exc: openai.APIStatusError) -> bool:
    """Whether the endpoint rejected our response_format (llama.cpp answers that with a 500)."""
    return exc.status_code in (400, 422, 500) and "response_format" in str(exc.message)


def retry_after(headers: httpx.Headers) -> float | None:
    """The wait a 429 or 503 asks for (retry-after-ms, or Retry-After in seconds or as a date)."""
    if (ms := headers.get("retry-after-ms")) and ms.replace(".", "", 1).isdigit():
        return float(ms) / 1000
    value = headers.get("retry-after")
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def backoff(attempt: int) -> float:
    """Exponential back-off between tries: 0.5 s, 1 s, 2 s ... capped at 8 s."""
    return float(min(8.0, 0.5 * 2**attempt))


@dataclass
class _Pool:
    """One client (and its connection pool), with the requests it carries now."""

    client: openai.AsyncOpenAI
    busy: int = 0


async def _read(response: httpx.Response, deadline: Deadline) -> bytes:
    """The body chunk by chunk, so a slow drip meets the deadline and a flood the cap."""
    raw = bytearray()
    async for chunk in response.aiter_bytes():
        raw += chunk
        deadline.check("reading a slow answer")
        if len(raw) > MAX_ANSWER_BYTES:
            raise Malformed(f"a body over {MAX_ANSWER_BYTES} bytes")
    return bytes(raw)


class OpenAIProvider:
    """Chat completions with JSON-schema output, falling back to JSON mode when unsupported."""

    name = "openai"

    def __init__(self, cfg: LLMSettings) -> None:
        self.cfg = cfg
        self.model = cfg.model
        # The first structured mode worth trying; it only moves down, under the lock, so
        # concurrent calls never skip a mode on one another's behalf.
        self._first_mode = MODES.index(cfg.structured)
        self._lock = threading.Lock()
        self._probed: tuple[float, Probe] | None = None
        # An async client is bound to the event loop it first ran on: pools per loop (the
        # server has one loop; each sync caller's thread has its own, see coach.aio.run_sync).
        self._pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, list[_Pool]]
        self._pools = weakref.WeakKeyDictionary()

    @functools.cached_property
    def _tls(self) -> ssl.SSLContext:
        # Shared by the clients: building one loads the CA bundle (~10 ms of CPU each).
        return httpx.create_ssl_context()

    def _client(self) -> openai.AsyncOpenAI:
        """openai.AsyncOpenAI(...) with a connection pool of its own."""
        limits = httpx.Limits(max_connections=PER_POOL, max_keepalive_connections=PER_POOL)
        http = openai.DefaultAsyncHttpxClient(limits=limits, verify=self._tls)
        return openai.AsyncOpenAI(
            base_url=self.cfg.base_url,
            api_key=self.cfg.api_key.get_secret_value() if self.cfg.api_key else "not-needed",
            timeout=self.cfg.timeout_s,
            max_retries=0,  # retries are ours (see complete): the SDK's would each get a timeout
            http_client=http,
        )

    def _lease(self) -> _Pool:
        """The first of this loop's pools with room, a new one when all are full."""
        loop = asyncio.get_running_loop()
        with self._lock:
            pools = self._pools.setdefault(loop, [])
        pool = next((p for p in pools if p.busy < PER_POOL), None)
        if pool is None:
            pool = _Pool(self._client())
            pools.append(pool)
        pool.busy += 1  # only this loop touches its pools: no lock needed
        return pool

    @property
    def client(self) -> openai.AsyncOpenAI:
        """This loop's first client (the probe's)."""
        pool = self._lease()
        pool.busy -= 1
        return pool.client

    async def _post(
        self, messages: list[Message], fmt: dict[str, Any], deadline: Deadline
    ) -> Completion:
        """One HTTP request; the body is read chunk by chunk so a slow drip meets the deadline."""
        per_try = min(self.cfg.timeout_s, deadline.check("sending a request"))
        body = {
            "model": self.model,
            "messages": messages,
            "temperature": self.cfg.temperature,
            "response_format": fmt,
        }
        # The SDK's own POST (its auth, headers and status errors) with the body sent as is:
        # chat.completions.create would walk every message and the whole schema through its
        # typed-params transform first, ~1 ms of CPU per call for an identical body.
        pool = self._lease()
        try:
            post: Any = pool.client.post
            response: httpx.Response = await post(
                "/chat/completions",
                cast_to=httpx.Response,
                body=body,
                options={"timeout": httpx.Timeout(per_try, connect=min(per_try, 10))},
                stream=True,
            )
            try:
                raw = await _read(response, deadline)
            finally:
                await response.aclose()
        finally:
            pool.busy -= 1
        return parse_completion(raw, self.model)

    async def _try_modes(
        self, messages: list[Message], schema: dict[str, Any], name: str, deadline: Deadline
    ) -> Completion:
        """One attempt, stepping down the structured modes while the endpoint refuses them."""
        index = self._first_mode
        while True:
            try:
                mode = MODES[index]
                sent = schema_in_prompt(messages, schema) if mode == "json_object" else messages
                completion = await self._post(sent, response_format(mode, schema, name), deadline)
            except openai.APIStatusError as exc:
                if not (format_refused(exc) and index + 1 < len(MODES)):
                    raise
                index += 1  # this endpoint lacks that kind of structured output
                continue
            with self._lock:
                self._first_mode = max(self._first_mode, index)
            return completion

    def _failure(self, exc: Exception) -> tuple[str, float | None]:
        """Why an attempt failed, and the wait it asks for; ProviderUnavailable when final."""
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            if status not in _RETRIABLE and status < 500:
                raise ProviderUnavailable(
                    f"the LLM endpoint refused the request ({status}): {str(exc.message)[:200]}"
                ) from exc
            return f"the LLM endpoint answered {status}", retry_after(exc.response.headers)
        if isinstance(exc, Malformed):
            return f"the LLM endpoint answered 2xx with {exc}", None
        if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException):
            return "the LLM endpoint did not answer in time", None
        return f"the LLM endpoint is unreachable ({type(exc).__name__})", None

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any],
        schema_name: str,
        deadline: Deadline,
    ) -> Completion:
        """One structured answer; ProviderUnavailable once retries or the deadline are spent."""
        reason = ""
        for attempt in range(self.cfg.max_retries + 1):
            try:
                return await self._try_modes(messages, schema, schema_name, deadline)
            except (openai.APIError, httpx.TransportError, Malformed) as exc:
                reason, asked = self._failure(exc)
            if attempt == self.cfg.max_retries:
                break
            wait = backoff(attempt) if asked is None else asked
            if wait >= deadline.remaining():
                raise DeadlineExceeded(
                    f"{reason}; the next try (in {wait:g} s) would pass the "
                    f"{deadline.seconds:g} s deadline"
                )
            await asyncio.sleep(wait)
        tries = self.cfg.max_retries + 1
        raise ProviderUnavailable(f"{reason} (after {tries} attempt{'s' * (tries > 1)})")

    async def probe(self) -> Probe:
        """GET /models, asked at most every PROBE_TTL_S seconds."""
        with self._lock:
            if self._probed and time.monotonic() - self._probed[0] < PROBE_TTL_S:
                return self._probed[1]
        result = await self._probe_now()
        with self._lock:
            self._probed = (time.monotonic(), result)
        return result

    async def _probe_now(self) -> Probe:
        where = f"{self.client.base_url}models"
        try:
            await self.client.models.list(timeout=PROBE_TIMEOUT_S)
        except openai.APIStatusError as exc:
            if exc.status_code in (404, 405):  # reachable, just no model listing
                return Probe(True, f"GET {where} answered {exc.status_code}")
            return Probe(False, f"GET {where} answered {exc.status_code}")
        except (openai.APIError, httpx.HTTPError) as exc:
            return Probe(False, f"GET {where} failed: {type(exc).__name__}")
        return Probe(True, f"GET {where} answered")
