"""Cold starts: each CLI command in a fresh process, and a fresh server's first requests.

Run: python -m evals.bench_cold [--runs 5]

Per command it prints the median wall and CPU (user + system) seconds of `python -m coach ...`
(or, with --script, of the installed `coach` script, as users type it) over the runs, the peak
RSS, and which heavy modules the command imported. Wall time depends on what else the (shared)
machine runs; CPU seconds are the steadier figure. Then it starts the server (`coach serve`:
ingestion, migrations, uvicorn on loopback, offline engine) on a copy of this checkout's index
and prints the time until /healthz answers, the first rewrite and first summary after that, and
RSS once warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.settings import PROJECT_ROOT
from evals.bench_service import (
    OFFLINE,
    coach_env,
    free_port,
    prepare,
    process,
    rss_mib,
)
from evals.bench_service import (
    first_request as timed_post,  # any one timed generation, not only a first
)

NOTES = (
    "Maya showed Robert how to schedule posts on LinkedIn. Robert will post twice a week. "
    "Maya will send him a checklist by Friday. Robert worries about what his team will think."
)
COMMANDS: dict[str, list[str]] = {
    "rephrase": ["rephrase", "You always interrupt me in meetings, it's rude."],
    "agenda": ["agenda", "--topic", "social media", "--duration", "45"],
    "search": ["search", "how to give feedback to a senior leader"],
    "summarize": ["summarize", "{notes}", "--mentor", "Maya Chen", "--mentee", "Robert Miller"],
}
HEAVY = ("torch", "transformers", "sentence_transformers", "spacy", "presidio_analyzer", "chromadb")
# Runs the CLI as `python -m coach` would, then writes which heavy modules got imported; with
# the commands' quick exit (coach.cli.WRITE_NOTHING) off, or the list would never be written.
PROBE = """
import runpy, sys
import coach.cli
coach.cli.WRITE_NOTHING = frozenset()
out = sys.argv.pop(1)
sys.argv[0] = "coach"
try:
    runpy.run_module("coach", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
open(out, "w").write(" ".join(m for m in {heavy!r} if m in sys.modules))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}


# How a command is started: `python -m coach`, or the console script beside this interpreter
# (pyproject's `coach = "coach.cli:main"`). Their teardowns differ: measured ~0.4 s of CPU of a
# cold rephrase on the script, ~0.05 s on -m, before the CLI learnt to skip it.
ENTRY = {
    "module": [sys.executable, "-m", "coach"],
    "script": [str(Path(sys.executable).with_name("coach"))],
}


def cold_run(args: list[str], entry: str = "module") -> tuple[float, float, float]:
    """Wall s, CPU s and peak RSS MiB of one `python -m coach ...` (or `coach ...`) process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*ENTRY[entry], *args],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"coach {' '.join(args)} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def heavy_imports(args: list[str], scratch: Path) -> str:
    """The heavy modules a command imports, or "none"."""
    out = scratch / "modules.txt"
    code = PROBE.format(heavy=HEAVY)
    subprocess.run(
        [sys.executable, "-c", code, str(out), *args],
        env=_env(),
        check=True,
        timeout=300,
        stdout=subprocess.DEVNULL,
    )
    return out.read_text() or "none"


def cli_table(runs: int, scratch: Path, entry: str = "module") -> list[str]:
    """One row per command: median wall, median CPU, peak RSS and heavy imports."""
    notes = scratch / "notes.txt"
    notes.write_text(NOTES)
    lines = [
        "| command | wall s (median) | CPU s (median) | peak RSS MiB | heavy modules imported |",
        "|---|---|---|---|---|",
    ]
    for name, template in COMMANDS.items():
        args = [a.replace("{notes}", str(notes)) for a in template]
        cold_run(args, entry)  # one unmeasured run so every measured one finds files in page cache
        samples = [cold_run(args, entry) for _ in range(runs)]
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        rss = max(s[2] for s in samples)
        lines.append(
            f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {heavy_imports(args, scratch)} |"
        )
    return lines


def _loaded(pid: int, name: str) -> bool:
    """Whether a shared library with this name is mapped into the process."""
    return name in Path(f"/proc/{pid}/maps").read_text()


def server_lines(data_dir: Path, warm_requests: int) -> list[str]:
    """Start-up time, first rewrite and summary, RSS idle and warm, torch mapped or not."""
    token = prepare(data_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    serve = [sys.executable, "-m", "coach", "serve", "--port", str(port)]  # as users start it
    with process(serve, coach_env(data_dir), base + "/healthz") as proc:
        up = time.perf_counter() - started
        idle = rss_mib(proc.pid)
        first = {n: timed_post(base, token, *OFFLINE[n]) for n in ("rewrite", "summary")}
        for name in OFFLINE:
            for _ in range(warm_requests):
                timed_post(base, token, *OFFLINE[name])
        warm = rss_mib(proc.pid)
        torch = _loaded(proc.pid, "libtorch")
    return [
        f"coach serve: /healthz answered {up:.2f} s after start; RSS idle {idle:.0f} MiB",
        f"first request after start: rewrite {first['rewrite']:.0f} ms, "
        f"summary {first['summary']:.0f} ms",
        f"RSS warm ({warm_requests} of each endpoint): {warm:.0f} MiB; libtorch mapped: {torch}",
    ]


def main() -> None:
    """Print the CLI table, then the server's cold figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm-requests", type=int, default=20)
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--script", action="store_true", help="Time the installed `coach` script.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coach-bench-cold-") as tmp:
        scratch = Path(tmp)
        print("\n".join(cli_table(args.runs, scratch, "script" if args.script else "module")))
        if not args.skip_server:
            (scratch / "data").mkdir()
            print("\n".join(server_lines(scratch / "data", args.warm_requests)))


if __name__ == "__main__":
    main()
