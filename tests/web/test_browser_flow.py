"""Each role's main flow in real headless Chromium, with axe on every page and screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import Site
from tests.web.web_helpers import SHOTS, Person, assert_accessible

NOTES = (
    "Maya Chen showed Robert Miller how to schedule LinkedIn posts. Robert will post twice a "
    "week; Maya will review his first drafts by Friday. Robert said he has little time."
)


def sign_in(page: Any, person: Person, next_path: str = "/") -> None:
    """Sign in through the form."""
    page.goto(f"/sign-in?next={next_path}")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def check(page: Any, shot: str | None = None) -> None:
    """axe on the page as it is, and a screenshot for the docs."""
    assert_accessible(page)
    if shot:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)


def plan_session(page: Any, topic: str, on: str = "2030-01-15") -> int:
    """Plan a session from the pair's home; returns its id."""
    page.goto("/")
    page.get_by_label("Topic").fill(topic)
    page.get_by_label("Date").fill(on)
    page.get_by_role("button", name="Plan session").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(topic)
    return int(re.search(r"/sessions/(\d+)", page.url).group(1))  # type: ignore[union-attr]


def accept_invitation(page: Any, path: str, password: str) -> None:
    """Open an emailed invitation link and choose a password."""
    page.goto(path)
    page.get_by_label("Choose a password").fill(password)
    page.get_by_label("Type it again").fill(password)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def invite(page: Any, name: str, email: str, role: str, pair: str) -> None:
    """Send an invitation from the program page."""
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Role").select_option(role)
    page.get_by_label("Pair").select_option(label=pair)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("The invitation is on its way.")).to_be_visible()


def test_mentor_mentee_and_coordinator_flow(site: Site, new_page: Callable[..., Any]) -> None:
    people, inbox = site.world.people, site.inbox
    coordinator = new_page(viewport={"width": 1280, "height": 900})
    coordinator.goto("/")
    expect(coordinator).to_have_url(re.compile(r"/sign-in"))
    check(coordinator, "sign-in")
    sign_in(coordinator, people["coordinator"])
    coordinator.get_by_role("link", name="People").click()
    coordinator.get_by_role("button", name="Start a new pair").click()
    pair = coordinator.get_by_label("Pair").locator("option:checked").inner_text()
    invite(coordinator, "Maya Chen", "maya@example.org", "mentor", pair)
    invite(coordinator, "Robert Miller", "robert@example.org", "mentee", pair)
    for address in ("maya@example.org", "robert@example.org"):
        secret = inbox.link(address).rsplit("/", 1)[1]
        assert secret not in coordinator.content()  # the sender never sees the link
    check(coordinator, "people-and-invitations")

    mentor = new_page(viewport={"width": 1280, "height": 900})
    mentor.goto(inbox.link("maya@example.org"))
    check(mentor, "accept-invitation")
    accept_invitation(mentor, inbox.link("maya@example.org"), "maya's own passphrase")
    expect(mentor.locator("p.lead")).to_contain_text("Your mentee has not joined yet")
    mentee = new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    accept_invitation(mentee, inbox.link("robert@example.org"), "robert's own passphrase")
    mentor.reload()
    expect(mentor.locator("p.lead")).to_have_text("Maya Chen (mentor) and Robert Miller (mentee)")
    check(mentor)

    session_id = plan_session(mentor, "Social media and personal brand")
    check(mentor)
    mentor.get_by_label("Goals for this session").fill("Schedule a first LinkedIn post")
    mentor.get_by_role("button", name="Write the agenda").click()
    expect(mentor.get_by_text("Offline engine", exact=True)).to_be_visible()
    expect(mentor.locator("#total")).to_contain_text("exactly 60 minutes")
    check(mentor, "agenda")

    # Follow a citation: the link opens the passage it names.
    source = mentor.locator("ul.sources a").first
    cited = source.get_attribute("title") or ""
    assert "#" not in source.inner_text(), "a citation reads as words, not as a chunk id"
    source.click()
    expect(mentor.locator("code").first).to_have_text(cited)
    assert mentor.locator(".prose").inner_text().strip()
    check(mentor, "passage")
    mentor.go_back()

    # Break the total: the page says so, keeps the edit, and saves nothing.
    first = mentor.get_by_label("Minutes").first
    original = first.input_value()
    first.fill(str(int(original) + 5))
    expect(mentor.locator("#total")).to_contain_text("5 over")  # htmx, while typing
    mentor.get_by_role("button", name="Save changes").click()
    expect(mentor.get_by_role("alert")).to_contain_text("not 60")
    expect(mentor.get_by_label("Minutes").first).to_have_value(str(int(original) + 5))
    check(mentor)
    mentor.get_by_label("Minutes").first.fill(original)
    mentor.get_by_label("Notes for item 1").fill("Start with how the week went.")
    mentor.get_by_role("button", name="Save changes").click()
    expect(mentor.get_by_text("Your changes are saved.")).to_be_visible()
    expect(mentor.get_by_label("Notes for item 1")).to_have_value("Start with how the week went.")

    mentor.goto(f"/sessions/{session_id}/print")
    check(mentor)

    mentor.goto("/prompts")
    mentor.get_by_label("Topic").fill("hybrid work")
    mentor.get_by_label("How many").fill("3")
    mentor.get_by_role("button", name="Suggest questions").click()
    expect(mentor.locator("ol.questions > li")).to_have_count(3)
    check(mentor, "prompts")

    mentor.goto("/feedback")
    mentor.get_by_label("Feedback", exact=True).fill("You always interrupt me, typical boomer.")
    mentor.get_by_role("button", name="Reword it").click()
    expect(mentor.locator("p.original mark").first).to_be_visible()
    expect(mentor.locator("ol.issues > li").first).to_be_visible()
    mentor.get_by_label("Situation").fill("In Tuesday's planning meeting")
    expect(mentor.get_by_label("Situation")).to_have_value("In Tuesday's planning meeting")
    check(mentor, "feedback")

    mentor.goto(f"/sessions/{session_id}/notes")
    mentor.get_by_label("What happened in the session").fill(NOTES)
    mentor.get_by_role("button", name="Save and write the summary").click()
    expect(mentor.get_by_role("heading", name="What the coordinator would see")).to_be_visible()
    preview = mentor.locator(".coordinator-view .anon").inner_text()
    assert "Maya" not in preview and "Robert" not in preview
    previewed = [p.inner_text() for p in mentor.locator(".coordinator-view .anon p").all()]
    mentor.get_by_role("button", name="Release the anonymized summary").click()
    expect(mentor.get_by_text("You released the anonymized summary.")).to_be_visible()
    check(mentor, "notes-and-summary")

    mentee.goto(f"/sessions/{session_id}/notes")
    status = mentee.locator(".status-list")
    expect(status).to_contain_text("Maya Chen (mentor): released")
    check(mentee, "notes-phone")
    mentee.get_by_role("button", name="Release the anonymized summary").click()
    expect(
        mentee.get_by_text("The coordinator can read the anonymized summary now.")
    ).to_be_visible()

    coordinator.get_by_role("link", name="Pairs").click()
    expect(coordinator.get_by_role("cell", name="Maya Chen")).to_be_visible()
    assert "LinkedIn" not in coordinator.content()
    check(coordinator, "coordinator-pairs")
    coordinator.get_by_role("link", name="Summaries").click()
    expect(coordinator.locator(".anon").first.locator("p")).to_have_text(previewed)
    check(coordinator, "coordinator-summaries")
    coordinator.get_by_role("link", name="Insights").click()
    expect(coordinator.get_by_text("Not enough pairs to show insights yet.")).to_be_visible()
    check(coordinator, "coordinator-insights-small")

    # A coordinator reaches no pair page, by link or by typing its address.
    for path in ("/", f"/sessions/{session_id}", f"/sessions/{session_id}/notes"):
        response = coordinator.goto(path)
        assert path == "/" or response.status == 403, path
        assert NOTES[:40] not in coordinator.content()
    check(coordinator)

    # The pair's home shows the session and that both released its summary.
    mentor.goto("/")
    expect(mentor.get_by_role("row", name=re.compile("Social media"))).to_contain_text(
        "Released by both"
    )
    check(mentor, "home")
