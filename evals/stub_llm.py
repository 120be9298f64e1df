"""An OpenAI-compatible stub server with fixed latency and fault modes, for fault tests and load.

    python -m evals.stub_llm --port 8099 --latency-ms 300 [--fault hang] [--answers a.json]

It serves POST /v1/chat/completions and GET /v1/models. The answer's content is looked up by
the schema name the client asks for (`response_format.json_schema.name`, e.g. AgendaDraft) in
the answers map, else "{}"; an entry that is a list of {"match", "answer"} answers with the
first whose match occurs in the last message. POST /_stub/config with {"fault", "latency_ms",
"retry_after", "answers", "gate"} changes the behaviour of a running stub; GET /_stub/calls
counts the requests. With gate=N, chat requests wait until N of them are waiting at once (then
all are answered), which proves N generations were in flight together; `peak` records the most.
Async (aiohttp): a waiting request is a sleeping coroutine, not a thread, so the stub alone
reaches its ideal throughput at hundreds of concurrent requests and never limits a benchmark.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

FAULTS = ("none", "hang", "drip", "429", "500", "foo", "html", "empty", "bad_json", "close")
MAX_HANG_S = 120.0  # a hung request is released at the latest after this, or at shutdown
GATE_S = 20.0  # a gate that never fills releases its requests after this
DRIP_INTERVAL_S = 0.25


@dataclass
class StubState:
    """What the stub does next; changed from any thread, read by the handlers."""

    fault: str = "none"
    latency_ms: float = 0.0
    retry_after: float = 1.0
    answers: dict[str, Any] = field(default_factory=dict)
    calls: int = 0
    gate: int = 0
    waiting: int = 0  # chat requests held at the gate now
    peak: int = 0  # the most held at once
    # In-process tests only: called on the stub's loop the moment the gate fills.
    on_gate: Callable[[], None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Set on the stub's loop when it stops: releases hung and dripping requests.
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    opened: asyncio.Event = field(default_factory=asyncio.Event)

    def configure(self, **changes: Any) -> None:
        """Apply a config change (unknown fault names are refused)."""
        if "fault" in changes and changes["fault"] not in FAULTS:
            raise ValueError(f"fault must be one of {', '.join(FAULTS)}")
        with self.lock:
            for key in ("fault", "latency_ms", "retry_after", "answers", "gate"):
                if key in changes:
                    setattr(self, key, changes[key])
            if "gate" in changes:
                self.peak = 0
                self.opened = asyncio.Event()


STATE: web.AppKey[StubState] = web.AppKey("state", StubState)


def completion(content: str, model: str = "stub-model") -> dict[str, Any]:
    """A chat.completion body carrying content as the assistant's message."""
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _schema_name(body: dict[str, Any]) -> str:
    fmt = body.get("response_format") or {}
    return str((fmt.get("json_schema") or {}).get("name", ""))


def _answer(entry: Any, body: dict[str, Any]) -> Any:
    """The answer content for a request, from its schema's entry in the answers map."""
    # A list of {"match", "answer"}: the first whose match occurs in the last message, so a
    # benchmark that varies its texts gets each one's own answer back.
    if not isinstance(entry, list):
        return entry
    messages = body.get("messages") or [{}]
    last = str(messages[-1].get("content", ""))
    return next((e["answer"] for e in entry if e["match"] in last), {})


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": {"message": message}}, status=status, headers=headers)


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.read() or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


async def _wait(state: StubState, seconds: float) -> None:
    """Sleep, cut short when the stub stops."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(state.stopping.wait(), seconds)


async def _hold(state: StubState) -> None:
    """Wait at the gate until `gate` requests wait together (or GATE_S passes)."""
    opened = state.opened
    state.waiting += 1
    state.peak = max(state.peak, state.waiting)
    if state.waiting >= state.gate and not opened.is_set():
        if state.on_gate is not None:
            state.on_gate()
        opened.set()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(opened.wait(), GATE_S)
    state.waiting -= 1


async def _drip(request: web.Request, state: StubState) -> web.StreamResponse:
    """Headers at once, then the body one byte at a time."""
    body = json.dumps(completion("{}")).encode()
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    response.content_length = len(body)
    response.force_close()
    await response.prepare(request)
    for byte in body:
        await _wait(state, DRIP_INTERVAL_S)
        if state.stopping.is_set():
            break
        try:
            await response.write(bytes([byte]))
        except (ConnectionError, RuntimeError):  # the client gave up
            break
    return response


def _cut(request: web.Request) -> web.Response:
    """Close the connection without an answer."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=500)  # never reaches the client: the socket is gone


async def _fault(request: web.Request, state: StubState) -> web.StreamResponse | None:
    """The configured fault's answer; None when there is none and the answer is normal."""
    fault = state.fault
    if fault == "hang":
        await _wait(state, MAX_HANG_S)
        return _cut(request)
    answers: dict[str, Any] = {
        "429": lambda: _error(429, "rate limited", {"Retry-After": f"{state.retry_after:g}"}),
        "500": lambda: _error(500, "internal error"),
        "foo": lambda: web.json_response({"foo": 1}),
        "html": lambda: web.Response(
            body=b"<html><body>Gateway login</body></html>", content_type="text/html"
        ),
        "empty": lambda: web.Response(body=b"", content_type="application/json"),
        "bad_json": lambda: web.json_response(completion("{not json")),
        "close": lambda: _cut(request),
    }
    if fault == "drip":
        return await _drip(request, state)
    return answers[fault]() if fault in answers else None


async def _chat(request: web.Request) -> web.StreamResponse:
    state: StubState = request.app[STATE]
    body = await _body(request)
    with state.lock:
        state.calls += 1
    if state.latency_ms:
        await asyncio.sleep(state.latency_ms / 1000)  # cancelled if the stub stops
    if state.gate:
        await _hold(state)
    faulty = await _fault(request, state)
    if faulty is not None:
        return faulty
    content = _answer(state.answers.get(_schema_name(body), {}), body)
    text = content if isinstance(content, str) else json.dumps(content)
    return web.json_response(completion(text, str(body.get("model") or "stub-model")))


async def _models(request: web.Request) -> web.StreamResponse:
    faulty = await _fault(request, request.app[STATE])
    if faulty is not None:
        return faulty
    return web.json_response({"object": "list", "data": [{"id": "stub-model", "object": "model"}]})


async def _configure(request: web.Request) -> web.Response:
    state: StubState = request.app[STATE]
    try:
        state.configure(**await _body(request))
    except (TypeError, ValueError) as exc:
        return _error(400, str(exc))
    return web.json_response({"fault": state.fault, "latency_ms": state.latency_ms})


async def _calls(request: web.Request) -> web.Response:
    return web.json_response({"calls": request.app[STATE].calls})


async def _unknown(request: web.Request) -> web.Response:
    return _error(404, f"no route {request.path}")


def make_app(state: StubState) -> web.Application:
    """The stub's routes over one state."""
    app = web.Application()
    app[STATE] = state
    app.router.add_post("/_stub/config", _configure)
    app.router.add_get("/_stub/calls", _calls)
    app.router.add_post(r"/{prefix:.*}chat/completions", _chat)
    app.router.add_get(r"/{prefix:.*}models", _models)
    app.router.add_route("*", r"/{tail:.*}", _unknown)
    return app


@dataclass
class StubLLM:
    """A running stub: its base URL, state, and a stop() that releases hung requests."""

    host: str
    port: int
    state: StubState
    loop: asyncio.AbstractEventLoop
    runner: web.AppRunner
    thread: threading.Thread

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL, ending in /v1."""
        return f"http://{self.host}:{self.port}/v1"

    def open_gate(self) -> None:
        """Answer the requests held at the gate now, however many wait."""
        self.loop.call_soon_threadsafe(self.state.opened.set)

    def stop(self) -> None:
        """Release hung and dripping requests, stop serving and close the socket."""
        if not self.loop.is_running():
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self.loop).result(timeout=30)
        self.thread.join(timeout=5)

    async def _shutdown(self) -> None:
        self.state.stopping.set()
        await self.runner.cleanup()
        self.loop.call_soon(self.loop.stop)


def start(host: str = "127.0.0.1", port: int = 0, **config: Any) -> StubLLM:
    """Start a stub on its own loop in a background thread (port 0: a free ephemeral port)."""
    loop = asyncio.new_event_loop()
    state = StubState()
    state.configure(**config)
    # At stop, what still runs after the hung ones are released is cancelled within a second.
    runner = web.AppRunner(make_app(state), access_log=None, shutdown_timeout=1.0)

    async def serve() -> int:
        await runner.setup()
        site = web.TCPSite(runner, host, port, backlog=4096, reuse_address=True)
        await site.start()
        return int(runner.addresses[0][1])  # the bound port when asked for port 0

    bound = loop.run_until_complete(serve())
    thread = threading.Thread(target=loop.run_forever, name="stub-llm", daemon=True)
    thread.start()
    return StubLLM(host, bound, state, loop, runner, thread)


def main(argv: list[str] | None = None) -> None:
    """Run a stub in the foreground until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--fault", choices=FAULTS, default="none")
    parser.add_argument("--retry-after", type=float, default=1.0)
    parser.add_argument("--answers", type=Path, help="JSON file: schema name -> answer content")
    args = parser.parse_args(argv)
    answers = json.loads(args.answers.read_text()) if args.answers else {}
    stub = start(
        args.host,
        args.port,
        fault=args.fault,
        latency_ms=args.latency_ms,
        retry_after=args.retry_after,
        answers=answers,
    )
    print(f"stub LLM on {stub.base_url} (fault {args.fault}, latency {args.latency_ms:g} ms)")
    try:
        stub.thread.join()
    except KeyboardInterrupt:
        stub.stop()


if __name__ == "__main__":
    main()
