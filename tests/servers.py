"""Throwaway servers for the tests: PostgreSQL 15 and Chroma, on loopback, in temporary folders."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

PG_BIN = Path(os.environ.get("COACH_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "postgres"  # the Debian package's account; PostgreSQL refuses to run as root
START_TIMEOUT_S = 60.0


def free_port() -> int:
    """A loopback port the kernel just handed out (servers that cannot bind port 0 reuse it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    """Run as the unprivileged account when we are root, as ourselves otherwise."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", *cmd]


def _wait_until(check: object, what: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Poll `check()` until true, for at most START_TIMEOUT_S; fail with what did not start."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} while starting")
        if check():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {START_TIMEOUT_S:.0f} s")


@dataclass
class PostgresServer:
    """A running throwaway cluster; `url(db)` is a SQLAlchemy URL for one of its databases."""

    host: str
    port: int
    user: str
    socket_dir: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        conninfo = f"host={self.host} port={self.port} user={self.user} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(sql)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """initdb into a temporary folder, start on a free loopback port, stop and delete at exit."""
    if not (PG_BIN / "pg_ctl").exists():
        raise RuntimeError(f"PostgreSQL not found in {PG_BIN}: apt-get install postgresql-15")
    root = Path(tempfile.mkdtemp(prefix="coach-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        account = pwd.getpwnam(PG_USER)
        for path in (root, sock):
            os.chown(path, account.pw_uid, account.pw_gid)
    port = free_port()
    try:
        initdb = [str(PG_BIN / "initdb"), "-D", str(data), "-U", "coach", "-A", "trust"]
        locale = ["--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]
        subprocess.run(_as_server_user([*initdb, *locale]), check=True, capture_output=True)
        # fsync off: a throwaway cluster need not survive a power cut, and it makes tests fast.
        options = f"-h 127.0.0.1 -p {port} -k {sock} -c fsync=off -c full_page_writes=off"
        pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60"]
        start = [*pg_ctl, "-l", str(root / "log"), "start"]
        subprocess.run(_as_server_user(start), check=True, capture_output=True)
        yield PostgresServer("127.0.0.1", port, "coach", sock)
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class ChromaServer:
    """A running `chroma run`; its host and port go into COACH_CHROMA__HOST/PORT."""

    host: str
    port: int


@contextmanager
def chroma_server() -> Iterator[ChromaServer]:
    """`chroma run` on a free loopback port over a temporary folder, stopped at exit."""
    root = Path(tempfile.mkdtemp(prefix="coach-chroma-"))
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    cmd = [str(chroma), "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(root)]
    log = (root / "server.log").open("wb")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)

    def up() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).is_success
        except httpx.HTTPError:
            return False

    try:
        _wait_until(up, "chroma run", proc)
        yield ChromaServer("127.0.0.1", port)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


PROJECT_ROOT = Path(__file__).resolve().parent.parent
SERVE_TIMEOUT_S = 300.0  # ingestion and two workers loading models on a busy 2-core machine


@contextmanager
def coach_serve(env: dict[str, str], workers: int, log: Path) -> Iterator[str]:
    """`coach serve --workers N` on a free loopback port; yields its base URL, stops it at exit."""
    port = free_port()
    cmd = [sys.executable, "-m", "coach", "serve", "--port", str(port), "--workers", str(workers)]
    full_env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **env}
    with log.open("wb") as out:
        # Its own process group, so the workers it spawned stop with it.
        proc = subprocess.Popen(
            cmd,
            cwd=PROJECT_ROOT,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"

        def ready() -> bool:
            try:
                return httpx.get(f"{base}/readyz", timeout=5).is_success
            except httpx.HTTPError:
                return False

        try:
            deadline = time.monotonic() + SERVE_TIMEOUT_S
            while not ready():
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"coach serve did not start; see {log}")
                time.sleep(0.5)
            yield base
        finally:
            _stop_group(proc)


def _stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, SIGKILL it if it has not left within 30 s."""
    import signal

    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
