"""A program large enough for insights: the coordinator sees charts, and still no pair's text."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from coach.accounts.passwords import hash_password
from coach.aio import run_sync
from coach.db import generation, sessions
from coach.db.auth import add_user, principal
from coach.db.coordinator import MIN_GROUP_PAIRS
from coach.db.programs import create_pair, create_program
from tests.web.conftest import Site
from tests.web.test_browser_flow import check, sign_in
from tests.web.web_helpers import PASSWORD, Person

NAMES = [
    ("Ines Park", "Oscar Lee"),
    ("Lena Ruiz", "Paul Kim"),
    ("Mia Novak", "Quinn Adams"),
    ("Nora Silva", "Ravi Rao"),
    ("Omar Haddad", "Sara Berg"),
    ("Pia Lund", "Tim Gray"),
]


def notes(mentor: str, mentee: str) -> str:
    return (
        f"{mentor} showed {mentee} how to schedule LinkedIn posts on social media. {mentee} "
        f"said he has little time between meetings. {mentee} will post once a week; "
        f"{mentor} will review the first draft by Friday."
    )


def big_program(site: Site) -> Person:
    """A program with six pairs that each held and released one session; returns its coordinator."""
    with site.app.state.sessions() as db:
        program = create_program(db, None, "Large program")
        for i, (mentor_name, mentee_name) in enumerate(NAMES):
            pair = create_pair(db, None, program.id)
            members = [
                add_user(db, role, name, email=f"big{i}{role}@example.org", pair_id=pair.id)
                for role, name in (("mentor", mentor_name), ("mentee", mentee_name))
            ]
            db.commit()
            mentor, mentee = (principal(m) for m in members)
            on = date.today() - timedelta(days=30 * (i % 3) + 1)
            row = sessions.create_session(db, mentor, pair.id, on, "social media", 60)
            sessions.save_notes(db, mentor, row.id, notes(mentor_name, mentee_name))
            coach = site.app.state.coach
            summarized = generation.summary(site.app.state.sessions, coach, mentor, row.id, [])
            # Playwright's sync API keeps an event loop running on this thread: another one.
            with ThreadPoolExecutor(1) as pool:
                pool.submit(run_sync, summarized).result(timeout=120)
            for who in (mentor, mentee):
                sessions.set_release(db, who, row.id, released=True)
        email = "big-coordinator@example.org"
        add_user(
            db,
            "coordinator",
            "Kai Berg",
            email=email,
            password_hash=hash_password(PASSWORD),
            program_id=program.id,
        )
        db.commit()
    return Person("Kai Berg", "coordinator", email, PASSWORD)


def test_insights_show_charts_for_a_large_enough_group(
    site: Site, new_page: Callable[..., Any]
) -> None:
    assert len(NAMES) > MIN_GROUP_PAIRS
    coordinator = big_program(site)
    page = new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, coordinator, "/coordinator/insights")
    expect(page.get_by_text("summaries released")).to_be_visible()
    charts = page.locator("section.chart")
    expect(charts).to_have_count(3)
    months = charts.nth(0).locator("svg rect")
    assert months.count() >= 2  # sessions fell in different months
    expect(charts.nth(1).locator("svg")).to_contain_text("social media")
    content = page.content()
    assert not any(name in content for pair in NAMES for name in pair)
    check(page, "coordinator-insights")
    page.get_by_role("link", name="Summaries").click()
    expect(page.locator(".anon")).to_have_count(len(NAMES))
    content = page.content()
    assert not any(name in content for pair in NAMES for name in pair)
