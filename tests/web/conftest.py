"""Browser fixtures: one app under uvicorn with the offline engine, one headless Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from api.app import create_app
from coach.settings import Settings
from tests.conftest import make_settings
from tests.web.web_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Inbox,
    World,
    offline_only,
    seed,
    serve,
)


@dataclass
class Site:
    """The running app, its URL and the people in it."""

    app: FastAPI
    url: str
    world: World
    inbox: Inbox


@pytest.fixture(scope="session")
def web_settings(indexed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Offline settings with their own data directory, reading the session's knowledge index."""
    return make_settings(
        tmp_path_factory.mktemp("web"), chroma={"path": str(indexed_settings.chroma_path)}
    )


@pytest.fixture(scope="session")
def site(web_settings: Settings) -> Iterator[Site]:
    """The app served on a free loopback port, seeded with a program and its people."""
    app = create_app(web_settings)
    app.state.mailer = inbox = Inbox()
    with serve(app) as url:
        yield Site(app, url, seed(app), inbox)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium under Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail("chromium is missing: apt-get install -y chromium (scripts/test does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert, confirm or prompt a page opened (an XSS would open one)."""
    return []


@pytest.fixture
def new_page(browser: Any, site: Site, dialogs: list[str]) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh browser contexts (one per person); all closed after the test."""
    contexts: list[Any] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    def make(**options: Any) -> Any:
        context = browser.new_context(base_url=site.url, **options)
        context.set_default_timeout(20_000)
        offline_only(context, site.url)
        contexts.append(context)
        page = context.new_page()
        page.on("dialog", on_dialog)
        return page

    yield make
    for context in contexts:
        context.close()
