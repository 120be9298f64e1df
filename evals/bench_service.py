"""Service benchmark: coach in front of a fixed-latency stub model, on loopback only.

Run: python -m evals.bench_service [--latency-ms 300] [--levels 1,8,32,128,256] [--same-text]

It copies this checkout's knowledge index into a temporary data directory, creates a pair and
a mentor token with the coach.db helpers, starts coach offline to time the offline endpoints
(and to take, for each of 1,000 different feedback texts, a draft that passes the checks,
which the stub then returns as its FeedbackDraft answer to that text), then starts the stub
(evals/stub_llm.py) and coach against it and loads POST /v1/feedback/rewrite at each
concurrency, cycling through the texts. Request counts and every wait are bounded;
all processes are stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import httpx

from coach.settings import PROJECT_ROOT, load_settings
from evals.metrics.cost import percentile

FEEDBACK = {"text": "You always interrupt me, it's so rude.", "direction": "mentor_to_mentee"}
OFFLINE: dict[str, tuple[str, dict[str, Any]]] = {
    "rewrite": ("/v1/feedback/rewrite", FEEDBACK),
    "prompts": ("/v1/discussion-prompts", {"topic": "generative AI at work", "count": 5}),
    "agenda": (
        "/v1/agendas",
        {"topic": "social media", "duration_minutes": 60, "session_number": 2, "goals": ["post"]},
    ),
    "summary": (
        "/v1/summaries",
        {
            "notes": "Maya showed Robert how to schedule posts. Robert will post twice a week. "
            "Maya will send him a checklist by Friday.",
            "mentor_name": "Maya Chen",
            "mentee_name": "Robert Miller",
        },
    ),
}
CLK_TCK = os.sysconf("SC_CLK_TCK")

# The model phase sends 1,000 different feedback texts, each answered by the stub with the
# offline engine's draft of that text: a text and its answer come back only after ~1,000 others,
# so the per-text caches (parse, analysis, retrieval) cannot flatter the figures.
_WHEN = [
    "",
    "In standup, ",
    "During the demo, ",
    "In our one-on-one, ",
    "At the planning meeting, ",
    "On the client call, ",
    "Yesterday, ",
    "In the retro, ",
    "This morning, ",
    "Last week, ",
]
_WHAT = [
    "you interrupted me",
    "you talked over me",
    "you ignored my message",
    "you dismissed my idea",
    "you rewrote my report without asking",
    "you were late again",
    "you cut my presentation short",
    "you checked your phone the whole time",
    "you answered for me",
    "you laughed at my question",
]
_HOW = [
    ", it's so rude.",
    " and it's annoying.",
    ". That felt dismissive.",
    ", which is frustrating.",
    ". Please stop.",
    " and nobody noticed.",
    ". It's not ok.",
    ", honestly it's disrespectful.",
    ". You always do this.",
    ". Typical.",
]


def feedback_texts() -> list[str]:
    """The model phase's 1,000 distinct feedback texts, in a fixed shuffled order."""
    texts = [
        (when + what if when else what.capitalize()) + how
        for when, what, how in itertools.product(_WHEN, _WHAT, _HOW)
    ]
    random.Random(13).shuffle(texts)
    return texts


def free_port() -> int:
    """A free loopback port, chosen by the kernel."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def cpu_ms(pid: int) -> float:
    """User plus system CPU time of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / CLK_TCK


def rss_mib(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def process(args: list[str], env: dict[str, str], ready_url: str) -> Iterator[subprocess.Popen]:
    """Start a loopback server, wait (bounded) until it answers, and always stop it."""
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"{args} exited: {err[-2000:]}")
            try:
                httpx.get(ready_url, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"{args} did not answer within 120 s")
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def prepare(data_dir: Path) -> str:
    """Copy the index into data_dir (ingesting when there is none) and return a mentor token."""
    from coach.accounts.tokens import create_api_token
    from coach.db.auth import add_user, principal
    from coach.db.engine import make_engine, session_factory
    from coach.db.migrate import upgrade
    from coach.db.programs import create_pair, create_program

    source = load_settings().chroma_path
    if source.is_dir():
        shutil.copytree(source, data_dir / "chroma")
    else:
        env = {**os.environ, "COACH_DATA_DIR": str(data_dir)}
        subprocess.run([sys.executable, "-m", "coach", "ingest"], env=env, check=True, timeout=600)
    engine = make_engine(load_settings(data_dir=data_dir))
    upgrade(engine)
    with session_factory(engine)() as db:
        program = create_program(db, None, "Bench program")
        pair = create_pair(db, None, program.id)
        mentor = add_user(db, "mentor", "Maya Chen", email="maya@example.org", pair_id=pair.id)
        token = create_api_token(db, principal(mentor), "bench", 1).secret
        db.commit()
    engine.dispose()
    return token


def coach_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of a coach server: only the bench's COACH_* settings count."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update({"COACH_DATA_DIR": str(data_dir), "PYTHONPATH": str(PROJECT_ROOT)})
    env.update({f"COACH_{k.upper()}": v for k, v in settings.items()})
    return env


def serve_args(port: int) -> list[str]:
    """uvicorn on the app factory, loopback only."""
    return [
        sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
        "--backlog", "4096",
    ]  # fmt: skip


@dataclass
class Run:
    """What one load level produced."""

    latencies_ms: list[float]
    statuses: Counter[str]
    wall_s: float
    cpu_ms: float
    rss_mib: float


async def _post(
    session: aiohttp.ClientSession, url: str, body: dict[str, Any]
) -> tuple[str, float | None]:
    """One request: its status (or what failed), and the Retry-After of a 503."""
    try:
        async with session.post(url, json=body) as response:
            await response.read()
            wait = response.headers.get("retry-after") if response.status == 503 else None
            return str(response.status), float(wait) if wait else None
    except TimeoutError:
        return "timeout", None
    except aiohttp.ClientError as exc:
        return type(exc).__name__, None


Bodies = Iterator[dict[str, Any]]


async def _load(url: str, bodies: Bodies, token: str, c: int, n: int, limit_s: float) -> Any:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    queue = iter(range(n))
    # aiohttp, not httpx, drives the load: httpx's pool costs ~10 ms of CPU per request at 128
    # connections (a scan of every connection per request), so it, not the server, was the limit.
    connector = aiohttp.TCPConnector(limit=c, limit_per_host=c)
    timeout = aiohttp.ClientTimeout(total=limit_s)
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, headers=headers
    ) as session:

        async def worker() -> None:
            for _ in queue:
                started = time.perf_counter()
                status, wait = await _post(session, url, next(bodies))
                statuses[status] += 1
                if status == "200":
                    latencies.append((time.perf_counter() - started) * 1000)
                elif wait is not None:
                    # A well-behaved client backs off as told (bounded, so the run stays short).
                    await asyncio.sleep(min(wait, 5.0))

        # One untimed wave opens the c connections, as a long-running client would have them.
        warm = await asyncio.wait_for(
            asyncio.gather(*(_post(session, url, next(bodies)) for _ in range(c))), 60
        )
        warm_ok = sum(status == "200" for status, _ in warm)
        started = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(c))), limit_s * 2)
        except TimeoutError:  # the level's time bound: what is still open counts as unfinished
            statuses["unfinished"] = n - sum(statuses.values())
    return latencies, statuses, time.perf_counter() - started, warm_ok


def load(pid: int, url: str, bodies: Bodies, token: str, c: int, n: int) -> Run:
    """n requests from c concurrent clients after a warm-up wave; server CPU and RSS around it."""
    # CPU per answered (200) request, warm-up included: the refusals' cost is charged to them.
    cpu0 = cpu_ms(pid)
    latencies, statuses, wall, warm_ok = asyncio.run(_load(url, bodies, token, c, n, limit_s=90))
    answered = max(1, statuses.get("200", 0) + warm_ok)
    return Run(latencies, statuses, wall, (cpu_ms(pid) - cpu0) / answered, rss_mib(pid))


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank); NaN when nothing succeeded."""
    value = percentile(values, q / 100)
    return float("nan") if value is None else value


def first_request(base: str, token: str, path: str, body: dict[str, Any]) -> float:
    """Milliseconds of the first generation a fresh server answers."""
    started = time.perf_counter()
    response = httpx.post(
        base + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=120
    )
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def offline_phase(
    data_dir: Path, token: str, n: int, texts: list[str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Time the offline endpoints at concurrency 1 and 8; return each text's passing draft."""
    from coach.models import FeedbackDraft

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = coach_env(data_dir, llm__provider="offline")
    lines = ["| endpoint | c | p50 ms | p95 ms | errors |", "|---|---|---|---|---|"]
    with process(serve_args(port), env, base + "/healthz") as proc:
        first = first_request(base, token, *OFFLINE["rewrite"])
        lines.insert(0, f"offline server: first rewrite {first:.0f} ms\n")
        for name, (path, body) in OFFLINE.items():
            for c in (1, 8):
                run = load(proc.pid, base + path, itertools.repeat(body), token, c, n)
                errors = {k: v for k, v in run.statuses.items() if k != "200"}
                lines.append(
                    f"| {name} | {c} | {pct(run.latencies_ms, 50):.0f} | "
                    f"{pct(run.latencies_ms, 95):.0f} | {errors or 0} |"
                )
        drafts = []
        with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
            for text in texts:
                answer = client.post(base + OFFLINE["rewrite"][0], json={**FEEDBACK, "text": text})
                fields = {k: answer.json()[k] for k in FeedbackDraft.model_fields}
                draft = FeedbackDraft.model_validate(fields).model_dump(mode="json")
                drafts.append({"match": text, "answer": draft})
    return drafts, lines


STUB_BODY = {
    "model": "bench",
    "messages": [{"role": "user", "content": "Reword: you always interrupt me."}],
    "response_format": {"type": "json_schema", "json_schema": {"name": "FeedbackDraft"}},
}


def _row(target: str, run: Run, c: int, n: int, latency: float) -> str:
    ideal = c / (latency / 1000)
    over = [v - latency for v in run.latencies_ms]
    errors = {k: v for k, v in run.statuses.items() if k != "200"}
    return (
        f"| {c} | {target} | {n} | {run.statuses.get('200', 0) / run.wall_s / ideal:.2f} | "
        f"{pct(over, 50):.0f} / {pct(over, 95):.0f} / {pct(over, 99):.0f} | "
        f"{errors or 0} | {run.cpu_ms:.1f} | {run.rss_mib:.0f} |"
    )


def model_phase(
    data_dir: Path, token: str, drafts: list[dict[str, Any]], args: argparse.Namespace
) -> list[str]:
    """The stub alone, then coach against it, at each concurrency: one row each."""
    stub_port, port = free_port(), free_port()
    answers = data_dir / "answers.json"
    answers.write_text(json.dumps({"FeedbackDraft": drafts}))
    # One cycle over the texts across all levels, so a level does not replay the last one's.
    bodies = itertools.cycle([{**FEEDBACK, "text": d["match"]} for d in drafts])
    stub_args = [sys.executable, "-m", "evals.stub_llm", "--port", str(stub_port)]
    stub_args += ["--latency-ms", str(args.latency_ms), "--answers", str(answers)]
    stub_env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    stub, base = f"http://127.0.0.1:{stub_port}/v1", f"http://127.0.0.1:{port}"
    env = coach_env(data_dir, llm__provider="openai", llm__base_url=stub, llm__api_key="bench")
    with (
        process(stub_args, stub_env, stub + "/models") as stub_proc,
        process(serve_args(port), env, base + "/healthz") as proc,
    ):
        idle = rss_mib(proc.pid)
        first = first_request(base, token, *OFFLINE["rewrite"])
        lines = [f"model server: first rewrite {first:.0f} ms, RSS at start {idle:.0f} MiB\n"]
        lines += [
            "| c | target | requests | throughput/ideal | overhead p50 / p95 / p99 ms | errors "
            "| CPU ms/req (that process) | RSS MiB |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for c in args.levels:
            n = max(4 * c, args.min_requests)
            stub_bodies = itertools.repeat(STUB_BODY)
            alone = load(stub_proc.pid, stub + "/chat/completions", stub_bodies, token, c, n)
            lines.append(_row("stub alone", alone, c, n, args.latency_ms))
            run = load(proc.pid, base + "/v1/feedback/rewrite", bodies, token, c, n)
            lines.append(_row("coach", run, c, n, args.latency_ms))
            print("\n".join(lines[-2:]), file=sys.stderr, flush=True)
    return lines


def main() -> None:
    """Run both phases and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency-ms", type=float, default=300.0)
    parser.add_argument(
        "--levels", type=lambda s: [int(x) for x in s.split(",")], default=[1, 8, 32, 128, 256]
    )
    parser.add_argument("--min-requests", type=int, default=40)
    parser.add_argument("--offline-requests", type=int, default=40)
    parser.add_argument(
        "--same-text",
        action="store_true",
        help="send one feedback text over and over (the per-text caches then answer most work)",
    )
    args = parser.parse_args()
    texts = [FEEDBACK["text"]] if args.same_text else feedback_texts()
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        data_dir = Path(tmp)
        token = prepare(data_dir)
        drafts, offline = offline_phase(data_dir, token, args.offline_requests, texts)
        print("\n".join(offline), flush=True)
        print(flush=True)
        print("\n".join(model_phase(data_dir, token, drafts, args)))


if __name__ == "__main__":
    main()
