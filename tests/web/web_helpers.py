"""Web test helpers: the app under uvicorn on a free loopback port, people, and page checks."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from coach.accounts.passwords import hash_password
from coach.db.auth import add_user
from coach.db.programs import create_pair, create_program

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "web" / "vendor" / "axe.min.js"
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
START_TIMEOUT_S = 60.0


@dataclass
class Person:
    """Someone who signs in to the pages."""

    name: str
    role: str
    email: str
    password: str


@dataclass
class World:
    """A program with one pair, its coordinator and an admin, plus a second program's pair."""

    people: dict[str, Person] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)


PASSWORD = "correct horse battery staple"


class Inbox:
    """A mailer that keeps what it was asked to send, so a test can open the emailed links."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []

    def send(self, to: str, subject: str, body: str) -> None:
        """Keep the message."""
        self.messages.append((to, subject, body))

    def link(self, to: str, kind: str = "invitations") -> str:
        """The path of the newest emailed link of a kind sent to an address."""
        for address, _, body in reversed(self.messages):
            found = re.search(rf"https?://[^/\s]+(/{kind}/\S+)", body)
            if address == to and found:
                return found.group(1)
        raise AssertionError(f"no {kind} link was sent to {to}")


def seed(app: FastAPI) -> World:
    """People with passwords: a pair, a coordinator and an admin, and another program's mentor."""
    world = World()
    with app.state.sessions() as db:
        program = create_program(db, None, "Acme reverse mentoring")
        pair = create_pair(db, None, program.id)
        other = create_program(db, None, "Other program")
        other_pair = create_pair(db, None, other.id)
        for key, name, role, where in (
            ("mentor", "Priya Shah", "mentor", {"pair_id": pair.id}),
            ("mentee", "Tom Baker", "mentee", {"pair_id": pair.id}),
            ("coordinator", "Cora Lind", "coordinator", {"program_id": program.id}),
            ("admin", "Ada Admin", "admin", {}),
            ("other_mentor", "Ann Other", "mentor", {"pair_id": other_pair.id}),
        ):
            email = f"{key}@example.org"
            add_user(db, role, name, email=email, password_hash=hash_password(PASSWORD), **where)
            world.people[key] = Person(name, role, email, PASSWORD)
        db.commit()
    world.ids |= {"program": program.id, "pair": pair.id, "other_pair": other_pair.id}
    return world


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run the app under uvicorn on a free 127.0.0.1 port; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


AXE_PATH = "/__tests__/axe.min.js"


def offline_only(context: Any, base_url: str) -> None:
    """Serve axe from a same-origin test path, and refuse any request off the loopback app."""
    axe = AXE.read_text()

    def route(r: Any) -> None:
        url = r.request.url
        if url == base_url + AXE_PATH:
            r.fulfill(status=200, content_type="application/javascript", body=axe)
        elif url.startswith(base_url + "/") or url == base_url:
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations of the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
    found = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
              .map(v => ({id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    return list(found)


def assert_accessible(page: Any) -> None:
    """No serious or critical axe violations on the page."""
    violations = axe_violations(page)
    assert not violations, f"{page.url}: " + json.dumps(violations, indent=1)
