"""An OpenAI-compatible stub server with fixed latency and fault modes, for fault tests and load.

    python -m evals.stub_llm --port 8099 --latency-ms 300 [--fault hang] [--answers a.json]

It serves POST /v1/chat/completions and GET /v1/models. The answer's content is looked up by
the schema name the client asks for (`response_format.json_schema.name`, e.g. AgendaDraft) in
the answers map, else "{}". POST /_stub/config with {"fault", "latency_ms", "retry_after",
"answers"} changes the behaviour of a running stub; GET /_stub/calls counts the requests.
Standard library only (http.server), so the load benchmark can run it anywhere.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FAULTS = ("none", "hang", "drip", "429", "500", "foo", "html", "empty", "bad_json", "close")
MAX_HANG_S = 120.0  # a hung request is released at the latest after this, or at shutdown
DRIP_INTERVAL_S = 0.25


@dataclass
class StubState:
    """What the stub does next; shared by its handler threads."""

    fault: str = "none"
    latency_ms: float = 0.0
    retry_after: float = 1.0
    answers: dict[str, Any] = field(default_factory=dict)
    calls: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def configure(self, **changes: Any) -> None:
        """Apply a config change (unknown fault names are refused)."""
        if "fault" in changes and changes["fault"] not in FAULTS:
            raise ValueError(f"fault must be one of {', '.join(FAULTS)}")
        with self.lock:
            for key in ("fault", "latency_ms", "retry_after", "answers"):
                if key in changes:
                    setattr(self, key, changes[key])


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


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read no access log
        return

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode(), "application/json", headers)

    def _read_body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def do_GET(self) -> None:
        state = self.server.state
        if self.path == "/_stub/calls":
            self._json(200, {"calls": state.calls})
        elif self.path.rstrip("/").endswith("/models"):
            if self._fault(state, {}):
                return
            self._json(200, {"object": "list", "data": [{"id": "stub-model", "object": "model"}]})
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        state = self.server.state
        body = self._read_body()
        if self.path == "/_stub/config":
            try:
                state.configure(**body)
            except (TypeError, ValueError) as exc:
                self._json(400, {"error": {"message": str(exc)}})
                return
            self._json(200, {"fault": state.fault, "latency_ms": state.latency_ms})
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        with state.lock:
            state.calls += 1
        if state.latency_ms:
            state.stopping.wait(state.latency_ms / 1000)
        if self._fault(state, body):
            return
        content = state.answers.get(_schema_name(body), {})
        text = content if isinstance(content, str) else json.dumps(content)
        self._json(200, completion(text, str(body.get("model") or "stub-model")))

    def _fault(self, state: StubState, body: dict[str, Any]) -> bool:
        """Play the configured fault; False when there is none and the answer is normal."""
        fault = state.fault
        if fault == "hang":
            state.stopping.wait(MAX_HANG_S)
            self.close_connection = True
        elif fault == "drip":
            self._drip(state, json.dumps(completion("{}")).encode())
        elif fault == "429":
            retry = {"Retry-After": f"{state.retry_after:g}"}
            self._json(429, {"error": {"message": "rate limited"}}, retry)
        elif fault == "500":
            self._json(500, {"error": {"message": "internal error"}})
        elif fault == "foo":
            self._json(200, {"foo": 1})
        elif fault == "html":
            self._send(200, b"<html><body>Gateway login</body></html>", "text/html")
        elif fault == "empty":
            self._send(200, b"", "application/json")
        elif fault == "bad_json":
            self._json(200, completion("{not json"))
        elif fault == "close":
            self.close_connection = True
        return fault != "none"

    def _drip(self, state: StubState, body: bytes) -> None:
        """Headers at once, then the body one byte at a time."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for byte in body:
            if state.stopping.wait(DRIP_INTERVAL_S):
                break
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up
                break
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default listen backlog is 5: a burst of connections past it is dropped
    # and retried by TCP a second later, which a load benchmark then blames on the service.
    request_queue_size = 1024
    state: StubState


@dataclass
class StubLLM:
    """A running stub: its base URL, state, and a stop() that releases hung requests."""

    server: _Server
    thread: threading.Thread

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL, ending in /v1."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def state(self) -> StubState:
        """The shared state its handlers read."""
        return self.server.state

    def stop(self) -> None:
        """Release hung and dripping requests, stop serving and close the socket."""
        self.state.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def start(host: str = "127.0.0.1", port: int = 0, **config: Any) -> StubLLM:
    """Start a stub in a background thread (port 0: a free ephemeral port)."""
    server = _Server((host, port), _Handler)
    server.state = StubState()
    server.state.configure(**config)
    thread = threading.Thread(target=server.serve_forever, name="stub-llm", daemon=True)
    thread.start()
    return StubLLM(server, thread)


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
