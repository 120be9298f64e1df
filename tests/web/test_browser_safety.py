"""Untrusted text stays inert, an expired session loses nothing, pages work without script."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from playwright.sync_api import expect

from api.deps import get_coach
from coach.service import Coach
from coach.settings import Settings
from tests.conftest import make_settings
from tests.web.conftest import Site
from tests.web.test_browser_flow import check, plan_session, sign_in

PAYLOAD = (
    '<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2">'
    '<a href="javascript:window.__xss = 3">click me</a>'
)
LLM = "http://llm.test/v1"


def assert_inert(page: Any, dialogs: list[str]) -> None:
    """No payload ran, became an element, or turned into a link."""
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []
    main = page.locator("main")
    assert main.locator("img").count() == 0
    assert main.locator("script").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    expect(main.get_by_text("<script>window.__xss = 1</script>").first).to_be_visible()


@pytest.fixture
def model_coach(site: Site, web_settings: Settings, tmp_path: Any) -> Iterator[Coach]:
    """The app's Coach swapped for one that asks an OpenAI-compatible model (faked by respx)."""
    settings = make_settings(
        tmp_path,
        chroma={"path": str(web_settings.chroma_path)},
        llm={"base_url": LLM, "model": "fake-model", "max_retries": 0, "timeout_s": 2},
    )
    coach = Coach(settings)
    site.app.dependency_overrides[get_coach] = lambda: coach
    yield coach
    site.app.dependency_overrides.pop(get_coach)


def chat(content: dict[str, Any]) -> httpx.Response:
    """An OpenAI chat.completion carrying content as the assistant's message."""
    message = {"role": "assistant", "content": json.dumps(content)}
    return httpx.Response(
        200,
        json={
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "fake-model",
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
        },
    )


def test_notes_and_feedback_render_inert(
    site: Site, new_page: Callable[..., Any], dialogs: list[str]
) -> None:
    page = new_page()
    sign_in(page, site.world.people["mentor"])
    session_id = plan_session(page, "hybrid work", "2030-02-01")
    page.goto(f"/sessions/{session_id}/notes")
    page.get_by_label("What happened in the session").fill(
        f"We talked about hybrid work. {PAYLOAD}"
    )
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_text("Your notes are saved.")).to_be_visible()
    assert PAYLOAD in page.get_by_label("What happened in the session").input_value()
    assert page.evaluate("() => window.__xss") is None and dialogs == []

    page.goto("/feedback")
    page.get_by_label("Feedback", exact=True).fill(f"The demo slides were hard to read. {PAYLOAD}")
    page.get_by_role("button", name="Reword it").click()
    expect(page.get_by_text("Offline engine", exact=True)).to_be_visible()
    assert_inert(page, dialogs)


def test_a_model_answer_renders_inert(
    site: Site, new_page: Callable[..., Any], dialogs: list[str], model_coach: Coach
) -> None:
    text = "The slides in the review meeting were hard to follow."
    # The checks refuse markup in the reworded message itself (it does not read as a sentence),
    # so the payload rides in the fields they leave to the model: a situation and a kept point.
    answer = {
        "rewritten": "The slides in the review meeting were hard for me to follow.",
        "sbi": {
            "situation": f"In the review meeting {PAYLOAD}",
            "behavior": "The slides were dense.",
            "impact": "I found them hard to follow.",
            "request": "Could we try fewer words per slide?",
        },
        "issues": [],
        "preserved_points": [PAYLOAD],
    }
    page = new_page()
    sign_in(page, site.world.people["mentor"])
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{LLM}/chat/completions").mock(return_value=chat(answer))
        page.goto("/feedback")
        page.get_by_label("Feedback", exact=True).fill(text)
        page.get_by_role("button", name="Reword it").click()
        expect(page.get_by_text("Model: fake-model")).to_be_visible()
    assert route.called
    assert PAYLOAD in page.get_by_label("Situation").input_value()
    assert_inert(page, dialogs)
    check(page)


def test_a_degraded_answer_says_so(
    site: Site, new_page: Callable[..., Any], model_coach: Coach
) -> None:
    page = new_page()
    sign_in(page, site.world.people["mentor"])
    with respx.mock() as mock:
        mock.post(f"{LLM}/chat/completions").mock(return_value=httpx.Response(503))
        page.goto("/prompts")
        page.get_by_label("Topic").fill("generative AI")
        page.get_by_role("button", name="Suggest questions").click()
        expect(page.get_by_text("Offline engine (model unavailable)")).to_be_visible()
    expect(page.get_by_text("The model could not be reached")).to_be_visible()
    check(page)


def test_an_expired_session_returns_to_the_page_with_the_text(
    site: Site, new_page: Callable[..., Any]
) -> None:
    page = new_page()
    mentor = site.world.people["mentor"]
    sign_in(page, mentor)
    session_id = plan_session(page, "inclusion", "2030-03-01")
    page.goto(f"/sessions/{session_id}/notes")
    typed = "Robert asked how to run a more inclusive meeting; we tried a round-robin."
    page.get_by_label("What happened in the session").fill(typed)
    page.context.clear_cookies()  # the session ends while the text is being written
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_text("Your session expired.")).to_be_visible()
    check(page)
    page.get_by_label("Email").fill(mentor.email)
    page.get_by_label("Password").fill(mentor.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(
        f"{site.url}/sessions/{session_id}/notes?draft=" + page.url.split("draft=")[-1]
    )
    expect(page.get_by_label("What happened in the session")).to_have_value(typed)
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_text("Your notes are saved.")).to_be_visible()
    expect(page.get_by_label("What happened in the session")).to_have_value(typed)


def test_the_core_actions_work_without_javascript(site: Site, new_page: Callable[..., Any]) -> None:
    page = new_page(java_script_enabled=False)
    sign_in(page, site.world.people["mentee"])
    session_id = plan_session(page, "generative AI", "2030-04-01")
    page.get_by_role("button", name="Write the agenda").click()
    expect(page.locator("#total")).to_contain_text("exactly 60 minutes")
    page.get_by_label("Item 2", exact=True).fill("Try the assistant on a real email")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()
    expect(page.get_by_label("Item 2", exact=True)).to_have_value(
        "Try the assistant on a real email"
    )
    assert f"/sessions/{session_id}" in page.url


@pytest.fixture
def full_gate(site: Site) -> Iterator[None]:
    """Every generation slot taken, as under a burst of requests."""
    gate = site.app.state.gate
    taken, gate.in_flight = gate.in_flight, gate.limit
    yield
    gate.in_flight = taken


def test_a_busy_service_says_when_to_retry_and_keeps_what_was_typed(
    site: Site, new_page: Callable[..., Any], full_gate: None, tmp_path: Any
) -> None:
    page = new_page()
    mentor = site.world.people["mentor"]
    sign_in(page, mentor)
    page.goto("/feedback")
    typed = "You always answer my questions with a link instead of a word."
    page.get_by_label("Feedback", exact=True).fill(typed)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Reword it").click()
    assert answer.value.status == 503
    assert answer.value.headers["retry-after"].isdigit()
    expect(page.get_by_text("busy with other requests", exact=False).first).to_be_visible()
    expect(page.get_by_label("Feedback", exact=True)).to_have_value(typed)
    page.screenshot(path=str(tmp_path / "busy-feedback.png"), full_page=True)
    check(page)

    session_id = plan_session(page, "inclusion", "2030-05-01")
    page.goto(f"/sessions/{session_id}/notes")
    notes = "We tried a round-robin so the quieter people spoke first."
    page.get_by_label("What happened in the session").fill(notes)
    page.get_by_role("button", name="Save and write the summary").click()
    expect(page.get_by_text("busy with other requests", exact=False).first).to_be_visible()
    expect(page.get_by_label("What happened in the session")).to_have_value(notes)
    page.screenshot(path=str(tmp_path / "busy-notes.png"), full_page=True)
    check(page)
    # The notes were saved before the summary was refused.
    page.goto(f"/sessions/{session_id}/notes")
    expect(page.get_by_label("What happened in the session")).to_have_value(notes)
